"""Migrations that need Python after their SQL run it in the same transaction."""

from __future__ import annotations

import sqlite3
import sys
import types
from pathlib import Path

import pytest

from reader.library import migration, schema


def _steps_module(fail: bool) -> types.ModuleType:
    module = types.ModuleType("reader_test_steps")

    def fill(conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE notes_for_test SET body = upper(body)")
        if fail:
            raise sqlite3.OperationalError("the step failed")

    module.fill = fill  # type: ignore[attr-defined]
    return module


@pytest.mark.parametrize("fail", [False, True])
def test_a_data_step_commits_or_rolls_back_with_its_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail: bool
) -> None:
    path = tmp_path / "x.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    extra = "CREATE TABLE notes_for_test (body TEXT);\nINSERT INTO notes_for_test VALUES ('abc');\n"
    migrations = (extra,)
    monkeypatch.setattr(schema, "MIGRATIONS", migrations)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 1)
    monkeypatch.setitem(sys.modules, "reader_test_steps", _steps_module(fail))
    monkeypatch.setitem(schema.DATA_STEPS, 0, "reader_test_steps:fill")
    if fail:
        with pytest.raises(sqlite3.OperationalError):
            migration.migrate(conn)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
        tables = conn.execute("SELECT name FROM sqlite_schema").fetchall()
        assert tables == []
    else:
        migration.migrate(conn)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT body FROM notes_for_test").fetchall() == [("ABC",)]
    conn.close()
