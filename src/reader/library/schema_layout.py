"""A library's layout, its schema objects, against the layout Reader's migrations make.

A file is a Reader library only if its tables, indexes, triggers and views are
exactly those the migrations make (reader.library.migration refuses any other).
The objects are compared first as SQLite keeps them, with the SQL as written: a
library made by this Reader's migrations matches so, at once. Only when they
differ is the SQL compared without comments and spacing, so that a library made
before a migration's comments were tidied still matches.

What the migrations make is found by running them in an in-memory database, ~6 ms
that every open of a library paid again. It depends only on the migrations' text
and the SQLite that ran them, so it is kept beside this module's bytecode
(reader.cache_files) under exactly those, and run again on any change.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from functools import lru_cache
from pathlib import Path

from reader import cache_files

# A schema object as SQLite keeps it: (type, name, table, sql).
SchemaObject = tuple[str, str, str, str]
Objects = frozenset[SchemaObject]

# Tables SQLite itself may add to any database (ANALYZE, PRAGMA optimize).
_SQLITE_OWN = frozenset({"sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"})
_TOKEN = re.compile(
    r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|/\*.*?(?:\*/|$)|\s+|[(),;]|[^\s(),;'"]+""",
    re.DOTALL,
)
_STAMP = f"{sys.version}|SQLite {sqlite3.sqlite_version}"
_KEPT = 4  # migration histories kept in the file (versions opened, tests' own)


def objects(conn: sqlite3.Connection) -> Objects:
    """The schema objects of the database behind `conn`, with their SQL as written."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema").fetchall()
    return frozenset(
        (str(kind), str(name), str(table), "" if sql is None else str(sql))
        for kind, name, table, sql in rows
        if not (kind == "table" and name in _SQLITE_OWN)
    )


def _normalise(sql: str) -> str:
    """SQL without comments, with one space between words."""
    words = []
    for token in _TOKEN.findall(sql):
        if token.isspace() or token.startswith(("--", "/*")):
            continue
        words.append(token if token[0] in "'\"" else token.lower())
    return " ".join(words).replace("( ", "(").replace(" )", ")").replace(" ,", ",")


def normalised(found: Objects) -> Objects:
    """The same objects with their SQL normalised."""
    return frozenset((kind, name, table, _normalise(sql)) for kind, name, table, sql in found)


def cache_path() -> Path | None:
    return cache_files.beside_bytecode(__file__, "schema-layout")


@lru_cache(maxsize=8)
def expected(migrations: tuple[str, ...], version: int, path: Path | None = None) -> Objects:
    """The objects the first `version` of `migrations` make, from the file at `path`
    (by default beside this module's bytecode) when it holds them, else built in
    memory and kept there."""
    scripts = migrations[:version]
    where = path if path is not None else cache_path()
    kept: dict[object, object] = {}
    if where is not None:
        stored = cache_files.read(where, _STAMP).get("layouts")
        if isinstance(stored, dict):
            kept = stored
            hit = kept.get(scripts)
            if isinstance(hit, tuple) and all(_is_object(row) for row in hit):
                return frozenset(hit)
    made = _build(scripts)
    if where is not None:
        kept.pop(scripts, None)
        kept[scripts] = tuple(sorted(made))
        while len(kept) > _KEPT:
            del kept[next(iter(kept))]
        cache_files.write(where, _STAMP, {"layouts": kept})
    return made


def _build(scripts: tuple[str, ...]) -> Objects:
    conn = sqlite3.connect(":memory:")
    try:
        for script in scripts:
            conn.executescript(script)
        return objects(conn)
    finally:
        conn.close()


def _is_object(row: object) -> bool:
    return isinstance(row, tuple) and len(row) == 4 and all(isinstance(v, str) for v in row)


def difference(found: Objects, wanted: Objects) -> str:
    """What a file has that Reader's schema has not (or lacks), in a few words;
    empty when they are the same."""
    if found == wanted:
        return ""
    found, wanted = normalised(found), normalised(wanted)
    extra = sorted(found - wanted)
    missing = sorted(wanted - found)
    if not extra and not missing:
        return ""
    names = {(kind, name) for kind, name, _t, _s in missing}
    for kind, name, _table, _sql in extra:
        if (kind, name) in names:
            return f"its {kind} {name} is not Reader's"
    if extra:
        kind, name = extra[0][:2]
        return f"it has a {kind} {name} that Reader never makes"
    kind, name = missing[0][:2]
    return f"it lacks Reader's {kind} {name}"
