"""The `reader` command line. main(argv) returns an exit code; commands live in submodules."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from enum import IntEnum
from pathlib import Path
from typing import TextIO

from reader import __version__
from reader.library import LibraryError


class ExitCode(IntEnum):
    OK = 0
    INPUT_FAILED = 1  # some input could not be used; each failure is named on stderr
    USAGE = 2


# Starts the desktop app with the parsed options; handed in by reader.launch so
# that the command line never imports the UI.
AppStarter = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE, f"reader: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="reader", description="Offline reader for Chinese articles.")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument(
        "--library",
        metavar="DIR",
        type=Path,
        help="library folder (default: $READER_HOME, else the user data folder)",
    )
    app = parser.add_argument_group("desktop app (without a command)")
    app.add_argument("--screenshot", metavar="FILE", help="render the window off-screen to a PNG")
    app.add_argument("--open", metavar="REF", help="article id to open")
    app.add_argument("--theme", choices=["system", "light", "sepia", "dark"], help="colour theme")
    app.add_argument("--size", metavar="WxH", help="window size, e.g. 1280x800")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("import", help="import text files and folders (recursively)")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    p = sub.add_parser("list", help="list sections and their articles")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("show", help="show an article from the library, or parse a file")
    p.add_argument("ref", metavar="REF", help="article id (or unique prefix), or a file path")
    p.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")
    p.add_argument(
        "--script",
        metavar="MODE",
        help="show in another script: simplified, traditional, taiwan, taiwan-phrases, hongkong",
    )

    p = sub.add_parser("convert", help="convert text between scripts (stdin or a file to stdout)")
    p.add_argument(
        "--to",
        required=True,
        metavar="MODE",
        help="simplified, traditional, taiwan, taiwan-phrases or hongkong",
    )
    p.add_argument("file", nargs="?", default="-", metavar="FILE", help="a file, or - for stdin")

    p = sub.add_parser(
        "audit", help="find the errors of a naive Simplified-to-Traditional conversion"
    )
    p.add_argument("ref", metavar="FILE|REF", help="a file, or an article id in the library")
    p.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")
    return parser


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
}


def _run(name: str, args: argparse.Namespace) -> int:
    import importlib

    module, function = _COMMANDS[name]
    command: Callable[[argparse.Namespace, TextIO], int] = getattr(
        importlib.import_module(module), function
    )
    return command(args, sys.stdout)


def main(argv: Sequence[str] | None = None, start_app: AppStarter | None = None) -> int:
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
