"""A library's schema version: which Reader library a file is, and bringing it
up to date (after a verified backup when it already holds data).

The migrations and the version they reach are read from reader.library.schema
when used, so a test that patches them there patches them for every opener.
"""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from reader.library import schema, schema_layout
from reader.library.files import schema_of
from reader.library.writes import LibraryError, write

# Told what long work opening a library is about to do: "upgrade" or "recover".
Busy = Callable[[str], None]


class NotOurs(Exception):
    """A file that is not a Reader library this version can use; str() says why,
    to follow the file's name."""


def reader_schema(conn: sqlite3.Connection) -> int:
    """The schema version of the Reader library behind `conn`. NotOurs for a newer
    Reader's file, another program's SQLite file, or one whose tables, indexes,
    triggers or views are not exactly those Reader's migrations make: a trigger
    smuggled in by a "backup" would run on every later write."""
    known = schema.SCHEMA_VERSION
    version, app_id = schema_of(conn)
    if version > known:
        raise NotOurs(f"was written by a newer Reader (schema {version}, this one knows {known})")
    found = schema_layout.objects(conn)
    if version == 0 and app_id == 0 and not found:
        return 0  # an empty SQLite file: nothing in it to lose
    if version == 0 or app_id not in (0, schema.APPLICATION_ID):
        raise NotOurs("is another program's SQLite file, not a Reader library")
    wanted = schema_layout.expected(schema.MIGRATIONS, version)
    difference = schema_layout.difference(found, wanted)
    if difference:
        raise NotOurs(f"is not a Reader library as Reader makes it ({difference})")
    return version


def upgrade(
    conn: sqlite3.Connection, path: Path, version: int, backups: Path, busy: Busy | None = None
) -> None:
    """Migrate the library at `path` (now at `version`), after a verified backup into
    `backups` when it already holds data. LibraryError (the connection closed)
    when no backup could be taken or a migration failed: it is rolled back."""
    if version >= schema.SCHEMA_VERSION:
        return
    backup: Path | None = None
    if version >= 1:
        from reader.library.backup import backup_now

        if busy is not None:
            busy("upgrade")
        try:
            backup = backup_now(conn, backups, f"pre-migration-v{version}")
        except LibraryError as exc:
            conn.close()
            raise LibraryError(
                f"{path} was not upgraded, as no backup could be taken: {exc}"
            ) from exc
    try:
        migrate(conn)
    except (sqlite3.Error, LibraryError) as exc:
        conn.close()
        kept = f"; the backup taken before it is {backup}" if backup else ""
        raise LibraryError(
            f"upgrading {path} to schema {schema.SCHEMA_VERSION} failed ({exc}); "
            f"it was rolled back{kept}"
        ) from exc


def migrate(conn: sqlite3.Connection) -> None:
    """Apply pending migrations, each in its own transaction with its version bump."""
    while True:
        with write(conn):
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= schema.SCHEMA_VERSION:
                return
            for statement in _statements(schema.MIGRATIONS[version]):
                conn.execute(statement)
            step = schema.DATA_STEPS.get(version)
            if step is not None:
                module, _, name = step.partition(":")
                getattr(importlib.import_module(module), name)(conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")


def _statements(script: str) -> Iterator[str]:
    """Split a migration into statements (executescript would commit early)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf.strip()
            buf = ""
    if buf.strip():
        yield buf.strip()
