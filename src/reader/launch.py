"""The `reader` entry point: a command runs the command line, none starts the app.

This module sits above both reader.cli and reader.ui so that neither imports
the other, and `reader import …` never loads Qt.

`reader [OPTIONS] FILE…` (what a desktop runs for "Open with Reader") starts the app,
or hands the files to the one already running, which imports and shows them.
"""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader import cli
from reader.cli.app_options import APP_OPTIONS

if TYPE_CHECKING:
    from argparse import Namespace
    from types import SimpleNamespace


def _takes_value(option: str) -> bool:
    return "=" not in option and len(option) > 2 and any(v.startswith(option) for v in APP_OPTIONS)


def _looks_like_path(token: str) -> bool:
    return Path(token).exists() or "/" in token or "\\" in token or "." in token


def split_files(argv: Sequence[str]) -> tuple[list[str], list[Path]]:
    """(the arguments for the parser, the files to open). Without a file, or when the
    first word is a command, everything goes to the parser unchanged: an unknown word
    that does not look like a path stays a usage error there."""
    options: list[str] = []
    files: list[Path] = []
    tokens = list(argv)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token == "--":
            files.extend(Path(t) for t in tokens[i + 1 :])
            break
        if token.startswith("-") and token != "-":
            options.append(token)
            if _takes_value(token) and i + 1 < len(tokens):
                options.append(tokens[i + 1])
                i += 1
        elif files or (token not in cli._COMMANDS and _looks_like_path(token)):
            files.append(Path(token))
        else:
            return list(argv), []  # a command, or a word the parser reports
        i += 1
    return options, files


def _start_app(args: Namespace | SimpleNamespace) -> int:
    # The start makes ~30,000 objects that live as long as the app, and a few
    # hundred of garbage: the collector's 60-odd passes over them cost ~7 ms before
    # the first frame. It is off until the window has painted (reader.ui.app turns
    # it on then) or the app returns.
    gc.disable()
    try:
        try:
            app = importlib.import_module("reader.ui.app")
        except ImportError as exc:
            if exc.name == "reader.ui.app":
                print("reader: the desktop app is not part of this version yet", file=sys.stderr)
            else:
                print(f"reader: the desktop app cannot start: {exc}", file=sys.stderr)
            return cli.ExitCode.USAGE
        run: Callable[[Namespace | SimpleNamespace], int] = app.run
        return run(args)
    finally:
        gc.enable()
        # The app's hook shows an error in a dialog; once the app has returned there
        # is no window left to show it over, and a modal dialog would keep the
        # process from ever ending: errors from here on go to stderr.
        sys.excepthook = sys.__excepthook__


def main(argv: Sequence[str] | None = None) -> int:
    rest, files = split_files(sys.argv[1:] if argv is None else argv)

    def start_app(args: Namespace | SimpleNamespace) -> int:
        # Absolute now: a running Reader that takes them over has another folder.
        args.files = [path.absolute() for path in files]
        return _start_app(args)

    return cli.main(rest, start_app=start_app)
