"""Managing the library: remove (to the Trash), trash, move, section rename, mark."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from reader.cli import ExitCode, err
from reader.cli.library_commands import store_of
from reader.library import ArticleStore

SEPARATOR = " / "  # between the levels of a section path, as `reader list` prints them


def _path(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(SEPARATOR.strip()))


def _ids(store: ArticleStore, refs: list[str], in_trash: bool | None = False) -> list[str] | None:
    """The ids `refs` name; each one that names none (or several) is reported.
    `in_trash`: False, only articles outside the Trash; True, only inside; None, any."""
    ids: list[str] = []
    failed = False
    for ref in refs:
        found = store.resolve(ref)
        if len(found) > 1:
            err(f"{ref}: more than one article id starts with this; give more of it")
            failed = True
            continue
        trashed = (
            store.conn.execute(
                "SELECT trashed_at IS NOT NULL FROM articles WHERE id = ?", (found[0],)
            ).fetchone()
            if found
            else None
        )
        if trashed is None:
            err(f"{ref}: no article with this id in the library")
            failed = True
        elif in_trash is not None and bool(trashed[0]) != in_trash:
            where = "is not in the Trash" if in_trash else "is in the Trash (reader trash restore)"
            err(f"{ref}: the article {where}")
            failed = True
        elif found[0] not in ids:
            ids.append(found[0])
    return None if failed else ids


def cmd_remove(args: argparse.Namespace, out: TextIO) -> int:
    from reader.library.manage import trash

    store = store_of(args)
    ids = _ids(store, args.refs)
    if ids is None:
        return ExitCode.INPUT_FAILED
    for aid in trash(store.conn, ids):
        article = store.get(aid)
        print(f"{aid}  moved to the Trash: {article.title if article else ''}", file=out)
    return ExitCode.OK


def cmd_trash(args: argparse.Namespace, out: TextIO) -> int:
    from reader.library.manage import empty_trash, restore, trashed

    store = store_of(args)
    if args.trash_command == "list":
        rows = trashed(store.conn)
        if args.json:
            data = [
                {"id": r.id, "title": r.title, "published": r.published, "trashed_at": r.trashed_at}
                for r in rows
            ]
            json.dump(data, out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            for r in rows:
                print(f"{r.id}  {(r.published or '')[:10]:10}  {r.title}", file=out)
            if not rows:
                print("The Trash is empty.", file=out)
        return ExitCode.OK
    if args.trash_command == "restore":
        ids = _ids(store, args.refs, in_trash=True)
        if ids is None:
            return ExitCode.INPUT_FAILED
        for aid in restore(store.conn, ids):
            print(f"{aid}  restored", file=out)
        return ExitCode.OK
    gone = empty_trash(store)
    print(f"{gone} article{'s' if gone != 1 else ''} deleted for good", file=out)
    return ExitCode.OK


def cmd_move(args: argparse.Namespace, out: TextIO) -> int:
    from reader.library.manage import move

    store = store_of(args)
    ids = _ids(store, args.refs, in_trash=None)
    if ids is None:
        return ExitCode.INPUT_FAILED
    path = _path(args.to)
    try:
        move(store.conn, ids, path)
    except ValueError as exc:
        err(f"{args.to}: {exc}")
        return ExitCode.INPUT_FAILED
    for aid in ids:
        print(f"{aid}  moved to {SEPARATOR.join(path)}", file=out)
    return ExitCode.OK


def cmd_section(args: argparse.Namespace, out: TextIO) -> int:
    from reader.library.manage import rename_section
    from reader.library.sections import find_path

    store = store_of(args)
    section = find_path(store.conn, _path(args.section))
    if section is None:
        err(f"{args.section}: no such section")
        return ExitCode.INPUT_FAILED
    try:
        rename_section(store.conn, section, args.name)
    except ValueError as exc:
        err(f"{args.name}: {exc}")
        return ExitCode.INPUT_FAILED
    print(f"{args.section}  renamed to {args.name.strip()}", file=out)
    return ExitCode.OK


def cmd_mark(args: argparse.Namespace, out: TextIO) -> int:
    from reader.library.manage import set_read

    store = store_of(args)
    ids = _ids(store, args.refs, in_trash=None)
    if ids is None:
        return ExitCode.INPUT_FAILED
    set_read(store.conn, ids, bool(args.read))
    for aid in ids:
        print(f"{aid}  marked {'read' if args.read else 'unread'}", file=out)
    return ExitCode.OK
