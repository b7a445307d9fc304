"""Reader started as the app starts, quit while work runs in the thread pool.

Run as `python tests/ui/quit_during_job_app.py LIBRARY`; exits with the app's code.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(library: Path) -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    from reader.launch import main as launch
    from reader.ui.background import in_background

    def quit_at_once(app: QApplication) -> int:
        window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow))
        app.processEvents()
        in_background(window, lambda: time.sleep(0.5), lambda _r: None, lambda _e: None)
        window.close()
        return 0  # the user quit while the job runs

    QApplication.exec = quit_at_once  # type: ignore[method-assign, assignment]
    return launch(["--library", str(library)])


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
