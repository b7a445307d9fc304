"""The `reader` command line. main(argv) returns an exit code; commands live in submodules."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, TextIO

from reader.library import LibraryError

if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace


class ExitCode(IntEnum):
    OK = 0
    INPUT_FAILED = 1  # some input could not be used; each failure is named on stderr
    USAGE = 2


# Starts the desktop app with the parsed options; handed in by reader.launch so
# that the command line never imports the UI.
AppStarter = Callable[["argparse.Namespace | SimpleNamespace"], int]


def err(message: str) -> None:
    """One line on stderr, as every failure is reported."""
    print(f"reader: {message}", file=sys.stderr)


# Each command's module is imported only when that command runs.
_COMMANDS: dict[str, tuple[str, str]] = {
    "import": ("reader.cli.library_commands", "cmd_import"),
    "list": ("reader.cli.library_commands", "cmd_list"),
    "show": ("reader.cli.library_commands", "cmd_show"),
    "convert": ("reader.cli.convert_commands", "cmd_convert"),
    "audit": ("reader.cli.audit_commands", "cmd_audit"),
    "bookmarks": ("reader.cli.bookmark_commands", "cmd_bookmarks"),
    "library": ("reader.cli.bookmark_commands", "cmd_library"),
    "export": ("reader.cli.export_commands", "cmd_export"),
    "remove": ("reader.cli.manage_commands", "cmd_remove"),
    "trash": ("reader.cli.manage_commands", "cmd_trash"),
    "move": ("reader.cli.manage_commands", "cmd_move"),
    "section": ("reader.cli.manage_commands", "cmd_section"),
    "mark": ("reader.cli.manage_commands", "cmd_mark"),
    "search": ("reader.cli.search_commands", "cmd_search"),
}


def _run(name: str, args: argparse.Namespace) -> int:
    import importlib

    module, function = _COMMANDS[name]
    command: Callable[[argparse.Namespace, TextIO], int] = getattr(
        importlib.import_module(module), function
    )
    return command(args, sys.stdout)


def main(argv: Sequence[str] | None = None, start_app: AppStarter | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if start_app is not None:
        from reader.cli.app_options import app_options

        quick = app_options(argv)  # the app's start, without building the parser
        if quick is not None:
            return start_app(quick)
    from reader.cli.parser import build_parser

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is not None and (args.screenshot or args.open or args.theme or args.size):
        parser.error("--screenshot, --open, --theme and --size are for the app, not a command")
    if args.command is None:
        if start_app is None:
            err("the desktop app is not available in this build; see `reader --help`")
            return ExitCode.USAGE
        return start_app(args)
    try:
        return _run(args.command, args)
    except LibraryError as exc:
        err(str(exc))
        return ExitCode.INPUT_FAILED
    except KeyboardInterrupt:
        err("interrupted")
        return ExitCode.INPUT_FAILED
    except BrokenPipeError:
        # `reader show … | head`: the reader of our output left; not an error of ours.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.OK
    finally:
        store = getattr(args, "opened_store", None)
        if store is not None:
            store.conn.close()  # a clean close: the next open skips the damage check
