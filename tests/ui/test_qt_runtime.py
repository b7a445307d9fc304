"""traps.md #1: PySide6 6.12 + Python 3.11 aborts after a few thousand void Qt calls."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 20_000


def test_twenty_thousand_void_qt_calls_do_not_abort_the_process() -> None:
    # In a child process: the failure mode is an abort that would kill pytest itself.
    script = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtWidgets import QApplication, QWidget
        app = QApplication([])
        w = QWidget()
        before = sys.getrefcount(None)
        for i in range({CALLS}):
            w.setWindowTitle("x")
            w.resize(100 + i % 7, 100)
        after = sys.getrefcount(None)
        print(before - after)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    # None's references must not leak away call by call (immortal on 3.12+).
    assert int(result.stdout.strip().splitlines()[-1]) < CALLS


def test_installed_pyside6_is_not_the_crashing_pair() -> None:
    import PySide6

    major, minor = (int(p) for p in PySide6.__version__.split(".")[:2])
    if sys.version_info < (3, 12):
        assert (major, minor) < (6, 12), PySide6.__version__
