"""The bundle's entry script: PyInstaller freezes this, and it runs Reader's launcher."""

import sys

from reader.launch import main

if __name__ == "__main__":
    sys.exit(main())
