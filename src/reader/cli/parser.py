"""The command line's argument parser (imported only when a command runs, or for
--help and usage errors: the app's own options are read without it, see
reader.cli.app_options)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader import __version__
from reader.cli import ExitCode


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

    p = sub.add_parser(
        "import", help="import text, Markdown and saved web pages (files and folders, recursively)"
    )
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
    _add_bookmark_parsers(sub)
    _add_export_parser(sub)
    from reader.cli.manage_parsers import add_manage_parsers

    add_manage_parsers(sub)
    _add_search_parser(sub)
    return parser


def _add_search_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    p = sub.add_parser("search", help="search every article's title and text, in either script")
    p.add_argument("query", metavar="QUERY", help='terms (all must match); "a phrase" is one term')
    p.add_argument("--section", metavar="S", help="only this section (and its sub-sections)")
    p.add_argument("--since", metavar="DATE", help="published on or after (YYYY[-MM[-DD]])")
    p.add_argument("--until", metavar="DATE", help="published on or before (YYYY[-MM[-DD]])")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="results (0: all; 50)")
    p.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")


def _add_bookmark_parsers(sub: argparse._SubParsersAction[_Parser]) -> None:
    p = sub.add_parser("bookmarks", help="list, add, remove, export and import bookmarks")
    bsub = p.add_subparsers(dest="bookmarks_command", metavar="ACTION", parser_class=_Parser)
    bsub.required = True
    q = bsub.add_parser("list", help="list bookmarks grouped by article")
    q.add_argument("--json", action="store_true", help="print JSON")
    q = bsub.add_parser("add", help="bookmark an article, or one of its blocks")
    q.add_argument("ref", metavar="REF", help="article id (or unique prefix) in the library")
    q.add_argument("--block", type=int, metavar="N", help="block index (see show --json)")
    q.add_argument("--note", default="", metavar="TEXT", help="a note")
    q = bsub.add_parser("remove", help="remove a bookmark")
    q.add_argument("id", metavar="ID", help="bookmark id (or unique prefix)")
    q = bsub.add_parser("export", help="write every bookmark to a JSON file")
    q.add_argument("file", type=Path, metavar="FILE")
    q = bsub.add_parser("import", help="merge bookmarks from a JSON file (no duplicates)")
    q.add_argument("file", type=Path, metavar="FILE")

    p = sub.add_parser("library", help="check, back up or restore the library")
    lsub = p.add_subparsers(dest="library_command", metavar="ACTION", parser_class=_Parser)
    lsub.required = True
    lsub.add_parser("check", help="run SQLite's integrity check and report")
    lsub.add_parser("backup", help="take a verified backup now")
    lsub.add_parser("reindex", help="rebuild the search index, with progress")
    q = lsub.add_parser("restore", help="restore the library from a backup, safely")
    q.add_argument("backup", type=Path, metavar="BACKUP")


def _add_export_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    p = sub.add_parser("export", help="export an article (or a whole section) to a file")
    p.add_argument("ref", nargs="?", metavar="REF", help="article id (or unique prefix), or a file")
    p.add_argument("--section", metavar="NAME", help="export every article of a section")
    p.add_argument(
        "--format", required=True, choices=["md", "html", "txt", "pdf", "docx"], help="file format"
    )
    p.add_argument("--script", metavar="MODE", help="script to export in (default: as stored)")
    p.add_argument("--corrected", action="store_true", help="use the audit-corrected version")
    p.add_argument(
        "--bilingual", action="store_true", help="original and converted, block by block"
    )
    p.add_argument("--with-notes", action="store_true", help="include bookmarks and notes")
    p.add_argument("--no-metadata", action="store_true", help="leave out date, source, editors")
    p.add_argument("--bom", action="store_true", help="txt: start with a UTF-8 BOM (Windows tools)")
    p.add_argument("--page", choices=["a4", "letter"], default="a4", help="pdf: paper size")
    # Kept as typed: Path() drops the trailing "/" that says "a folder".
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="file, folder (ending in / or existing), or - for standard output",
    )
