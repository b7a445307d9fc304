"""The layout Reader's migrations make is kept between runs (library/schema_layout),
and a library is still judged against exactly what the migrations make."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from reader.library import open_library, schema, schema_layout
from reader.library.db import DB_NAME
from reader.library.migration import NotOurs, reader_schema

VERSION = schema.SCHEMA_VERSION


@pytest.fixture(autouse=True)
def _fresh_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each call below is as a new run's, nothing remembered in the process, where
    Python writes bytecode (whatever PYTHONDONTWRITEBYTECODE the suite runs under)."""
    schema_layout.expected.cache_clear()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _never_built(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(scripts: tuple[str, ...]) -> schema_layout.Objects:
        raise AssertionError("the migrations were run again")

    monkeypatch.setattr(schema_layout, "_build", refuse)


def _library_objects(tmp_path: Path) -> schema_layout.Objects:
    open_library(tmp_path / "lib").close()
    conn = sqlite3.connect(tmp_path / "lib" / DB_NAME)
    try:
        return schema_layout.objects(conn)
    finally:
        conn.close()


def test_the_next_run_reads_the_layout_instead_of_running_the_migrations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = tmp_path / "cache" / "layout.marshal"
    first = schema_layout.expected(schema.MIGRATIONS, VERSION, kept)
    assert kept.exists()
    assert first == _library_objects(tmp_path)  # what a new library really has
    assert {("table", "articles"), ("trigger", "articles_counted_in")} <= {o[:2] for o in first}
    schema_layout.expected.cache_clear()
    _never_built(monkeypatch)
    assert schema_layout.expected(schema.MIGRATIONS, VERSION, kept) == first


def test_other_migrations_or_another_sqlite_are_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = tmp_path / "layout.marshal"
    full = schema_layout.expected(schema.MIGRATIONS, VERSION, kept)
    schema_layout.expected.cache_clear()
    # One more migration, as the next Reader has: its table is in the layout.
    longer = (*schema.MIGRATIONS, "CREATE TABLE later (x);")
    grown = schema_layout.expected(longer, VERSION + 1, kept)
    assert grown - full == {("table", "later", "later", "CREATE TABLE later (x)")}
    # The same number of migrations, the last one changed: another history too.
    schema_layout.expected.cache_clear()
    retold = (*schema.MIGRATIONS[:-1], schema.MIGRATIONS[-1] + "CREATE TABLE retold (y);")
    assert schema_layout.expected(retold, VERSION, kept) - full == {
        ("table", "retold", "retold", "CREATE TABLE retold (y)")
    }
    # All three are now kept; the first is still read, not built.
    schema_layout.expected.cache_clear()
    _never_built(monkeypatch)
    assert schema_layout.expected(schema.MIGRATIONS, VERSION, kept) == full
    assert schema_layout.expected(longer, VERSION + 1, kept) == grown
    # Another SQLite (or Python) under the same file: nothing of it is trusted.
    monkeypatch.undo()
    schema_layout.expected.cache_clear()
    monkeypatch.setattr(schema_layout, "_STAMP", "another SQLite")
    built: list[int] = []
    real_build = schema_layout._build

    def counting(scripts: tuple[str, ...]) -> schema_layout.Objects:
        built.append(len(scripts))
        return real_build(scripts)

    monkeypatch.setattr(schema_layout, "_build", counting)
    assert schema_layout.expected(schema.MIGRATIONS, VERSION, kept) == full
    assert built == [VERSION]


@pytest.mark.parametrize("damage", ["cut", "garbage", "wrong rows"])
def test_a_damaged_file_is_built_around_and_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    kept = tmp_path / "layout.marshal"
    good = schema_layout.expected(schema.MIGRATIONS, VERSION, kept)
    data = kept.read_bytes()
    if damage == "cut":
        kept.write_bytes(data[: len(data) // 2])  # as by a full disk
    elif damage == "garbage":
        kept.write_bytes(b"not marshal data at all")
    else:
        from reader import cache_files

        scripts = schema.MIGRATIONS[:VERSION]
        cache_files.write(kept, schema_layout._STAMP, {"layouts": {scripts: ("x", 1)}})
    schema_layout.expected.cache_clear()
    assert schema_layout.expected(schema.MIGRATIONS, VERSION, kept) == good
    schema_layout.expected.cache_clear()
    _never_built(monkeypatch)  # written whole again
    assert schema_layout.expected(schema.MIGRATIONS, VERSION, kept) == good


def test_nothing_is_written_where_python_writes_no_bytecode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    kept = tmp_path / "layout.marshal"
    made = schema_layout.expected(schema.MIGRATIONS, VERSION, kept)
    assert made and not kept.exists()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    schema_layout.expected.cache_clear()
    assert schema_layout.expected(schema.MIGRATIONS, VERSION, blocked / "layout.marshal") == made


def test_a_library_is_judged_by_the_migrations_with_or_without_the_file(
    tmp_path: Path,
) -> None:
    open_library(tmp_path / "lib").close()
    path = tmp_path / "lib" / DB_NAME
    conn = sqlite3.connect(path)
    try:
        assert reader_schema(conn) == VERSION  # reads or writes the file beside the module
        schema_layout.expected.cache_clear()
        assert reader_schema(conn) == VERSION
        conn.execute("CREATE TRIGGER hidden AFTER INSERT ON articles BEGIN SELECT 1; END")
        with pytest.raises(NotOurs, match="trigger hidden that Reader never makes"):
            reader_schema(conn)
    finally:
        conn.close()


def test_sql_tidied_since_a_library_was_made_still_matches() -> None:
    """A migration's comments or spacing changed after a library was made: the
    objects differ as written, and match once normalised."""
    made = schema_layout.objects(_connect("CREATE TABLE t (a  INTEGER, -- the key\n b TEXT);"))
    ours = schema_layout.objects(_connect("create table t (\n  a INTEGER,\n  b TEXT\n);"))
    assert made != ours
    assert schema_layout.difference(made, ours) == ""
    other = schema_layout.objects(_connect("CREATE TABLE t (a INTEGER, b BLOB);"))
    assert schema_layout.difference(other, ours) == "its table t is not Reader's"


def _connect(script: str) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.executescript(script)
    return conn
