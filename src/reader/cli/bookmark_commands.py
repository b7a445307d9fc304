"""Bookmark commands (list, add, remove, export, import) and library care
(check, backup, restore)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from reader.cli import ExitCode, err
from reader.cli.library_commands import store_of
from reader.domain import Bookmark
from reader.library import ArticleStore, default_library_dir
from reader.library.bookmarks import BookmarkStore
from reader.library.db import DB_NAME


def _entry(m: Bookmark) -> dict[str, object]:
    return {
        "id": m.id,
        "block": m.block,
        "quote": m.quote,
        "selection": list(m.selection) if m.selection else None,
        "note": m.note,
        "colour": m.colour,
        "created_at": m.created_at,
        "updated_at": m.updated_at,
        "orphaned": m.orphaned,
    }


def _list(marks: BookmarkStore, as_json: bool, out: TextIO) -> int:
    groups = marks.grouped()
    if as_json:
        data = [
            {
                "article_id": g.article_id,
                "title": g.title,
                "in_library": g.present,
                "bookmarks": [_entry(m) for m in g.bookmarks],
            }
            for g in groups
        ]
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return ExitCode.OK
    if not groups:
        print("No bookmarks yet. Add one with: reader bookmarks add REF [--block N]", file=out)
    for g in groups:
        absent = "" if g.present else "  [article not in the library]"
        print(f"{g.title or '(untitled)'}  ({g.article_id}){absent}", file=out)
        for m in g.bookmarks:
            where = "whole article" if m.block is None else f"block {m.block}"
            flag = "  [orphaned: passage not found]" if m.orphaned else ""
            quote = " ".join(m.quote.split())
            note = " ".join(m.note.split()) or (f"«{quote}»" if quote else "")
            print(f"  {m.id[:8]}  {m.created_at[:10]}  {where:<13} {note}{flag}", file=out)
    return ExitCode.OK


def _add(args: argparse.Namespace, store: ArticleStore, marks: BookmarkStore, out: TextIO) -> int:
    ids = store.resolve(args.ref)
    if len(ids) > 1:
        err(f"{args.ref}: more than one article id starts with this; give more of it")
        return ExitCode.INPUT_FAILED
    article = store.get(ids[0]) if ids else None
    if article is None:
        err(f"{args.ref}: no article with this id in the library")
        return ExitCode.INPUT_FAILED
    try:
        mark = marks.add(article, args.block, note=args.note)
    except ValueError as exc:
        err(f"{args.ref}: {exc}")
        return ExitCode.INPUT_FAILED
    where = "" if mark.block is None else f", block {mark.block}"
    print(f"{mark.id}  bookmarked: {article.title}{where}", file=out)
    return ExitCode.OK


def _remove(ref: str, marks: BookmarkStore, out: TextIO) -> int:
    ids = marks.resolve(ref)
    if len(ids) != 1:
        why = "more than one bookmark id starts with this" if ids else "no such bookmark"
        err(f"{ref}: {why}")
        return ExitCode.INPUT_FAILED
    marks.delete(ids[0])  # soft: the app can still undo it until it is purged
    print(f"{ids[0]}  removed", file=out)
    return ExitCode.OK


def cmd_bookmarks(args: argparse.Namespace, out: TextIO) -> int:
    store = store_of(args)
    try:
        return _bookmarks(args, store, out)
    finally:
        # Closed, not left to the garbage collector (3.11's connections sit in a
        # reference cycle): a clean close lets the next open skip its check.
        store.conn.close()


def _bookmarks(args: argparse.Namespace, store: ArticleStore, out: TextIO) -> int:
    marks = BookmarkStore(store.conn)
    action: str = args.bookmarks_command
    if action == "list":
        return _list(marks, args.json, out)
    if action == "add":
        return _add(args, store, marks, out)
    if action == "remove":
        return _remove(args.id, marks, out)
    if action == "export":
        from reader.export.filenames import printable  # the export package loads OpenCC

        n = marks.export_json(args.file)
        print(f"{n} bookmarks written to {printable(args.file)}", file=out)
        return ExitCode.OK
    return _import(args.file, marks, out)


def _import(path: Path, marks: BookmarkStore, out: TextIO) -> int:
    result = marks.import_json(path)
    for line in result.invalid:  # each record left out, named
        err(f"{path}: {line}; left out")
    summary = (
        f"{result.added} added, {result.updated} updated, {result.skipped} already in the library"
    )
    if result.renamed:
        summary += (
            f", {result.renamed} given a new id (theirs belongs to a bookmark on another article)"
        )
    if result.invalid:
        summary += f", {len(result.invalid)} not valid and left out"
    print(summary, file=out)
    return ExitCode.INPUT_FAILED if result.invalid else ExitCode.OK


def cmd_library(args: argparse.Namespace, out: TextIO) -> int:
    from reader.library.backup import backup_now, backups_dir, check
    from reader.library.restore import restore

    library: Path = (args.library or default_library_dir()) / DB_NAME
    action: str = args.library_command
    if action == "reindex":
        from reader.cli.search_commands import cmd_reindex

        return cmd_reindex(args, out)
    if action == "restore":
        for line in restore(args.backup, library):
            print(line, file=out)
        return ExitCode.OK
    if action == "backup":
        conn = store_of(args).conn
        try:
            path = backup_now(conn, backups_dir(library), "manual")
        finally:
            conn.close()
        print(f"backed up to {path}", file=out)
        return ExitCode.OK
    # check: reads the file as it is; opening it through the library would
    # already restore a damaged one.
    if not library.exists():
        err(f"{library}: no library here")
        return ExitCode.INPUT_FAILED
    problems = check(library)
    if problems == ["ok"]:
        print(f"ok: {library} passed SQLite's integrity check", file=out)
        return ExitCode.OK
    for problem in problems:
        print(problem, file=out)
    err(f"{library} is damaged; Reader restores the newest backup when it next opens it")
    return ExitCode.INPUT_FAILED
