"""Library commands: import, list, show."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.cli import ExitCode, err
from reader.domain import Article, BlockKind
from reader.library import LibraryError, default_library_dir

if TYPE_CHECKING:
    from reader.chinese.glossary import Glossary
    from reader.library import ArticleStore
    from reader.library.full_listing import Listed


def glossary_of(args: argparse.Namespace) -> Glossary | None:
    """The library's glossary, used by every conversion; none if there is no library
    yet or it cannot be opened (a conversion still works without it, and converting
    text never creates a library)."""
    from reader.library.db import DB_NAME
    from reader.library.glossary_store import GlossaryStore

    directory: Path = args.library or default_library_dir()
    if not (directory / DB_NAME).exists():
        return None
    try:
        return GlossaryStore(store_of(args).conn).glossary()
    except LibraryError:
        return None


def store_of(args: argparse.Namespace) -> ArticleStore:
    """The library of this command, opened once; reader.cli.main closes it at the end,
    cleanly, so the next start need not check it for damage."""
    store: ArticleStore | None = getattr(args, "opened_store", None)
    if store is None:
        from reader.library import ArticleStore, open_library  # not for `convert`

        directory: Path = args.library or default_library_dir()
        store = ArticleStore(open_library(directory))
        args.opened_store = store
    return store


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    import sys

    from reader.chinese import Converters
    from reader.cli.progress import Progress
    from reader.importers import Candidate, Importer, collect
    from reader.library.ingest import ImportReport, import_paths

    store = store_of(args)
    importer = Importer(Converters())
    # Counted first (one walk of the folders, nothing kept), so the bar knows the end.
    total = sum(isinstance(item, Candidate) for item in collect(args.paths))
    progress = Progress(total, sys.stderr, terminal=sys.stderr.isatty())
    report = ImportReport()
    reported = 0

    def step(done: int, _path: Path) -> bool:
        nonlocal reported
        if len(report.failures) > reported:  # failures as they come, above the bar
            progress.clear()
            for failure in report.failures[reported:]:
                err(str(failure))
            reported = len(report.failures)
        progress.update(done)
        return True

    import_paths(args.paths, importer, store, progress=step, report=report)
    progress.clear()
    for failure in report.failures[reported:]:
        err(str(failure))
    print(
        f"{report.added} added, {report.updated} updated, "
        f"{report.unchanged} already in the library, {len(report.failures)} failed",
        file=out,
    )
    return ExitCode.INPUT_FAILED if report.failures else ExitCode.OK


def _write_listing_json(listing: list[tuple[list[str], list[Listed]]], out: TextIO) -> None:
    """What json.dump(..., ensure_ascii=False, indent=2) writes, character for
    character, but ~10x faster: with `indent` the json module falls back to its
    pure-Python encoder (7 s at 100,000 articles); here each string goes through
    the C encoder and the layout is put together around it."""
    string = json.encoder.encode_basestring  # the C encoder, as ensure_ascii=False uses

    def value(text: str | None) -> str:
        return "null" if text is None else string(text)

    chunks: list[str] = []
    for number, (path, rows) in enumerate(listing):
        section = ",\n".join(f"      {value(name)}" for name in path)
        section = f"[\n{section}\n    ]" if path else "[]"
        articles = ",\n".join(
            f'      {{\n        "id": {value(id_)},\n        "title": {value(title)},\n'
            f'        "published": {value(published)}\n      }}'
            for id_, title, published in rows
        )
        articles = f"[\n{articles}\n    ]" if rows else "[]"
        lead = "[\n" if number == 0 else ",\n"
        chunks.append(f'{lead}  {{\n    "section": {section},\n    "articles": {articles}\n  }}')
        if len(chunks) >= 64:
            out.write("".join(chunks))
            chunks.clear()
    chunks.append("\n]\n" if listing else "[]\n")
    out.write("".join(chunks))


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    from reader.library.full_listing import articles_by_section
    from reader.library.listing import list_sections, section_path

    store = store_of(args)
    sections = list_sections(store.conn)  # counts from the index, not the rows
    by_id = {s.id: s for s in sections}
    articles = articles_by_section(store.conn)
    # Only sections that hold articles have their path built, each walked up once, in
    # a loop: a library holding a breadcrumb of 300,000 levels (as older versions
    # stored) costs what is printed, not its square.
    listing = [
        (list(section_path(by_id, s.id)), articles.get(s.id, [])) for s in sections if s.count
    ]
    listing = [(path, rows) for path, rows in listing if rows]
    listing.sort(key=lambda item: item[0])
    if args.json:
        _write_listing_json(listing, out)
        return ExitCode.OK
    for path, rows in listing:
        print(f"{' / '.join(path)} ({len(rows)})", file=out)
        for id_, title, published in rows:
            date = (published or "")[:10]
            print(f"  {id_}  {date:10}  {title}", file=out)
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
    store = store_of(args)
    ids = store.resolve(ref)
    if len(ids) > 1:
        raise LookupError(f"{ref}: more than one article id starts with this; give more of it")
    article = store.get(ids[0]) if ids else None
    if article is None:
        raise LookupError(f"{ref}: no such file, and no article with this id in the library")
    return article


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from reader.chinese.convert import parse_mode
    from reader.importers import ImportFailure

    try:
        mode = parse_mode(args.script) if args.script is not None else None
    except ValueError as exc:
        err(str(exc))
        return ExitCode.USAGE
    try:
        article = _lookup(args)
    except (ImportFailure, LookupError) as exc:
        err(str(exc))
        return ExitCode.INPUT_FAILED
    if mode is not None:
        from reader.chinese import Converters
        from reader.chinese.convert import ScriptConverter

        # A converted view; "script" in the JSON then reports the target script.
        converter = ScriptConverter(Converters(), glossary_of(args))
        article = converter.convert_article(article, mode)
    if args.json:
        json.dump(article.to_json(), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return ExitCode.OK
    print(article.title, file=out)
    from reader.render import shown_author, shown_date

    published = shown_date(article.published) if article.published else None
    meta = [published, article.source, shown_author(article), "、".join(article.editors)]
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
