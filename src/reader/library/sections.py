"""Sections identified by their folded name: one site is one section whatever its script.

中国共产党新闻网 and 中國共產黨新聞網 fold to the same key (reader.chinese.folding), so
their articles share one section, found by (parent, key); the name kept is the one
the section was first made with, and the list shows it in the display script.
"""

from __future__ import annotations

import sqlite3

from reader.chinese.folding import Folder, shared_folder

MAX_NAME = 255  # characters in one level, as the importers keep them (reader.domain)


def section_key(name: str, folder: Folder | None = None) -> str:
    return (folder or shared_folder()).fold(name)


def find_section(conn: sqlite3.Connection, parent: int, key: str) -> int | None:
    row = conn.execute(
        "SELECT id FROM sections WHERE parent_id = ? AND fold_key = ? ORDER BY id LIMIT 1",
        (parent, key),
    ).fetchone()
    return None if row is None else int(row[0])


def find_or_make(conn: sqlite3.Connection, parent: int, name: str, folder: Folder | None) -> int:
    """The child of `parent` named `name` in any script, made if there is none.
    Called inside a write transaction, which keeps two processes from making it twice."""
    key = section_key(name, folder)
    found = find_section(conn, parent, key)
    if found is not None:
        return found
    row = conn.execute(
        "INSERT INTO sections (parent_id, name, fold_key) VALUES (?, ?, ?) RETURNING id",
        (parent, name, key),
    ).fetchone()
    return int(row[0])


def find_path(conn: sqlite3.Connection, path: tuple[str, ...]) -> int | None:
    """The section at `path` (names in any script), or None."""
    parent = 0
    for name in path:
        found = find_section(conn, parent, section_key(name))
        if found is None:
            return None
        parent = found
    return parent or None


def merge_into(conn: sqlite3.Connection, keep: int, gone: int) -> None:
    """Move everything in section `gone` into `keep` and delete `gone`; children of the
    same key merge too. A loop over pairs, not recursion: old libraries hold chains
    thousands of levels deep."""
    pairs = [(keep, gone)]
    while pairs:
        keep, gone = pairs.pop()
        if keep == gone:
            continue
        conn.execute("UPDATE articles SET section_id = ? WHERE section_id = ?", (keep, gone))
        children = conn.execute(
            "SELECT id, fold_key FROM sections WHERE parent_id = ? ORDER BY id", (gone,)
        ).fetchall()
        for child, key in children:
            match = find_section(conn, keep, str(key))
            if match is None:
                conn.execute("UPDATE sections SET parent_id = ? WHERE id = ?", (keep, child))
            else:
                pairs.append((match, int(child)))
        conn.execute("DELETE FROM sections WHERE id = ?", (gone,))


def rename(conn: sqlite3.Connection, section_id: int, name: str) -> int:
    """Rename a section inside a write transaction; returns the section it became.

    A name that folds to a sibling's key (the same name in the other script) merges
    the two, under the new name.
    """
    name = name.strip()
    if not name:
        raise ValueError("a section needs a name")
    if len(name) > MAX_NAME:
        raise ValueError(f"a section name is at most {MAX_NAME} characters")
    row = conn.execute("SELECT parent_id FROM sections WHERE id = ?", (section_id,)).fetchone()
    if row is None:
        raise LookupError("no such section")
    parent, key = int(row[0]), section_key(name)
    target = find_section(conn, parent, key)
    if target is not None and target != section_id:
        merge_into(conn, target, section_id)
        section_id = target
    conn.execute("UPDATE sections SET name = ?, fold_key = ? WHERE id = ?", (name, key, section_id))
    return section_id


def fill_folded_keys(conn: sqlite3.Connection) -> None:
    """Data step of migration 6: fold every section name and title, and merge the
    sections that differed only in script (their articles move, nothing is lost)."""
    folder = shared_folder()
    rows = conn.execute("SELECT id, name FROM sections").fetchall()
    conn.executemany(
        "UPDATE sections SET fold_key = ? WHERE id = ?",
        [(folder.fold(str(name)), int(i)) for i, name in rows],
    )
    duplicates = conn.execute(
        "SELECT parent_id, fold_key, min(id) FROM sections GROUP BY parent_id, fold_key "
        "HAVING count(*) > 1"
    ).fetchall()
    # Merging parents first: their children then meet their twins and merge too.
    for parent, key, keep in sorted(duplicates, key=lambda r: int(r[2])):
        others = conn.execute(
            "SELECT id FROM sections WHERE parent_id = ? AND fold_key = ? AND id != ?",
            (parent, key, keep),
        ).fetchall()
        for (other,) in others:
            merge_into(conn, int(keep), int(other))
    titles = conn.execute("SELECT id, title FROM articles").fetchall()
    conn.executemany(
        "UPDATE articles SET folded_title = ? WHERE id = ?",
        [(folder.fold(str(t)), str(i)) for i, t in titles],
    )
