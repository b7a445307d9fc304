from __future__ import annotations

import sys

from reader.launch import main

sys.exit(main())
