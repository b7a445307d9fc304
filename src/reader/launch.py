"""The `reader` entry point: a command runs the command line, none starts the app.

This module sits above both reader.cli and reader.ui so that neither imports
the other, and `reader import …` never loads Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from reader import cli


def _start_app(args: argparse.Namespace) -> int:
    try:
        app = importlib.import_module("reader.ui.app")
    except ImportError as exc:
        if exc.name == "reader.ui.app":
            print("reader: the desktop app is not part of this version yet", file=sys.stderr)
        else:
            print(f"reader: the desktop app cannot start: {exc}", file=sys.stderr)
        return cli.ExitCode.USAGE
    run: Callable[[argparse.Namespace], int] = app.run
    return run(args)


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, start_app=_start_app)
