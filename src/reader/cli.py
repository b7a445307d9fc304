"""The `reader` command line: import, list, show. main(argv) returns an exit code."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from enum import IntEnum
from pathlib import Path
from typing import TextIO

from reader import __version__
from reader.domain import Article, BlockKind
from reader.library import ArticleStore, LibraryError, default_library_dir, open_library

# Commands import what they need when they run (reader.importers, reader.chinese),
# so starting the app or listing the library never loads the importer or OpenCC.


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
    return parser


def _err(message: str) -> None:
    print(f"reader: {message}", file=sys.stderr)


def _store(args: argparse.Namespace) -> ArticleStore:
    directory: Path = args.library or default_library_dir()
    return ArticleStore(open_library(directory))


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from reader.chinese import Converters
    from reader.importers import Importer
    from reader.library.ingest import import_paths

    store = _store(args)
    importer = Importer(Converters())
    report = import_paths(args.paths, importer, store)
    for failure in report.failures:
        _err(str(failure))
    print(
        f"{report.added} added, {report.updated} updated, "
        f"{report.unchanged} already in the library, {len(report.failures)} failed",
        file=out,
    )
    return ExitCode.INPUT_FAILED if report.failures else ExitCode.OK


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    store = _store(args)
    sections = store.sections()
    by_id = {s.id: s for s in sections}

    def path_of(section_id: int) -> list[str]:
        names: list[str] = []
        while section_id in by_id:
            names.insert(0, by_id[section_id].name)
            section_id = by_id[section_id].parent_id
        return names

    listing = []
    for section in sections:
        rows = store.articles_in(section.id)
        if rows:
            listing.append((path_of(section.id), rows))
    listing.sort(key=lambda item: item[0])
    if args.json:
        data = [
            {
                "section": path,
                "articles": [
                    {"id": r.id, "title": r.title, "published": r.published} for r in rows
                ],
            }
            for path, rows in listing
        ]
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return ExitCode.OK
    for path, rows in listing:
        print(f"{' / '.join(path)} ({len(rows)})", file=out)
        for r in rows:
            date = (r.published or "")[:10]
            print(f"  {r.id}  {date:10}  {r.title}", file=out)
    if not listing:
        print("The library is empty. Add articles with: reader import PATH", file=out)
    return ExitCode.OK


def _lookup(args: argparse.Namespace) -> Article:
    """REF as a file (parsed, not imported), else an id in the library."""
    from reader.chinese import Converters
    from reader.importers import Importer

    ref: str = args.ref
    path = Path(ref)
    if path.exists():
        return Importer(Converters()).parse_file(path)
    store = _store(args)
    ids = store.resolve(ref)
    if len(ids) > 1:
        raise LookupError(f"{ref}: more than one article id starts with this; give more of it")
    article = store.get(ids[0]) if ids else None
    if article is None:
        raise LookupError(f"{ref}: no such file, and no article with this id in the library")
    return article


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from reader.importers import ImportFailure

    try:
        article = _lookup(args)
    except (ImportFailure, LookupError) as exc:
        _err(str(exc))
        return ExitCode.INPUT_FAILED
    if args.json:
        json.dump(article.to_json(), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return ExitCode.OK
    print(article.title, file=out)
    meta = [article.published, article.source, article.author, "、".join(article.editors)]
    line = " · ".join(m for m in meta if m)
    if article.section_path:
        print(" / ".join(article.section_path), file=out)
    if line:
        print(line, file=out)
    for block in article.blocks:
        print(file=out)
        if block.kind is BlockKind.HEADING:
            print(f"{'#' * (block.level or 2)} {block.text}", file=out)
        else:
            print(f"\u3000\u3000{block.text}", file=out)
    return ExitCode.OK


_COMMANDS = {"import": cmd_import, "list": cmd_list, "show": cmd_show}


def main(argv: Sequence[str] | None = None, start_app: AppStarter | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is not None and (args.screenshot or args.open or args.theme or args.size):
        parser.error("--screenshot, --open, --theme and --size are for the app, not a command")
    if args.command is None:
        if start_app is None:
            _err("the desktop app is not available in this build; see `reader --help`")
            return ExitCode.USAGE
        return start_app(args)
    try:
        return _COMMANDS[args.command](args, sys.stdout)
    except LibraryError as exc:
        _err(str(exc))
        return ExitCode.INPUT_FAILED
    except KeyboardInterrupt:
        _err("interrupted")
        return ExitCode.INPUT_FAILED
