"""`reader search` and `reader library reindex`."""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import TextIO

from reader.cli import ExitCode, err
from reader.cli.library_commands import store_of

# A date filter: a year, a month or a day, as `published` is stored (ISO 8601).
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    if not _DATE.fullmatch(value):
        raise ValueError(f"{option} {value}: not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    from reader.chinese.folding import shared_folder
    from reader.library.search import Filters, Searcher

    try:
        filters = Filters(
            section=args.section,
            since=_date(args.since, "--since"),
            until=_date(args.until, "--until"),
        )
    except ValueError as exc:
        err(str(exc))
        return ExitCode.USAGE
    if args.limit < 0:
        err(f"--limit {args.limit}: give 0 (all) or more")
        return ExitCode.USAGE
    from reader.library.search_index import out_of_date

    store = store_of(args)
    if out_of_date(store.conn):
        err(
            "the search index was built with older folding rules; "
            "`reader library reindex` renews it"
        )
    searcher = Searcher(store.conn, shared_folder())
    searcher.folder.fold("預熱")  # builds OpenCC first, so elapsed_ms is the search alone
    result = searcher.search(args.query, filters, limit=args.limit)
    if args.json:
        data = {
            "query": args.query.encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
            "total": result.total,
            "elapsed_ms": result.elapsed_ms,
            "results": [
                {
                    "id": hit.article_id,
                    "title": hit.title,
                    "section": list(hit.section),
                    "published": hit.published,
                    "snippet": hit.snippet.text,
                }
                for hit in result.hits
            ],
        }
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return ExitCode.OK
    shown = len(result.hits)
    if not result.terms:
        print("Nothing to search for.", file=out)
        return ExitCode.OK
    print(f"{result.total} articles ({result.elapsed_ms:.0f} ms)", file=out)
    for hit in result.hits:
        date = (hit.published or "")[:10]
        print(f"{hit.article_id}  {date:10}  {hit.title}  [{' / '.join(hit.section)}]", file=out)
        print(f"    {_marked(hit.snippet.text, hit.snippet.spans)}", file=out)
    if result.total is not None and shown < result.total:
        print(f"… {result.total - shown} more (--limit 0 shows all)", file=out)
    return ExitCode.OK


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The snippet with its hits between 【 and 】 (plain text, no terminal codes)."""
    parts, at = [], 0
    for start, end in spans:
        parts += [text[at:start], "【", text[start:end], "】"]
        at = end
    parts.append(text[at:])
    return "".join(parts)


def cmd_reindex(args: argparse.Namespace, out: TextIO) -> int:
    from reader.chinese.folding import shared_folder
    from reader.cli.progress import Progress
    from reader.library import write
    from reader.library.search_index import rebuild

    store = store_of(args)
    total = store.count()
    progress = Progress(total, sys.stderr, terminal=sys.stderr.isatty())
    with write(store.conn):
        done = rebuild(store.conn, shared_folder(), lambda n, _total: progress.update(n))
    progress.clear()
    print(f"search index rebuilt: {done} articles", file=out)
    return ExitCode.OK
