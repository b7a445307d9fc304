"""Importing a folder as it really is: links, loops, named pipes, unreadable folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.chinese import Converters
from reader.importers import Importer
from reader.library import ArticleStore, open_library
from reader.library.ingest import ImportReport, import_paths

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX links, FIFOs and permissions")

SECRET = "机密文件\n\n这一段不应进入文库。\n"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ArticleStore]:
    store = ArticleStore(open_library(tmp_path / "lib"))
    yield store
    store.conn.close()


def _article(path: Path, title: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\n{title}的正文。\n", encoding="utf-8")
    return path


def _import(store: ArticleStore, converters: Converters, *paths: Path) -> ImportReport:
    return import_paths(list(paths), Importer(converters), store)


def _titles(store: ArticleStore) -> set[str]:
    return {str(r[0]) for r in store.conn.execute("SELECT title FROM articles")}


def _failures(report: ImportReport) -> dict[str, str]:
    return {Path(f.path).name: f.reason for f in report.failures}


def test_links_out_of_the_folder_are_not_followed_and_are_reported(
    tmp_path: Path, store: ArticleStore, converters: Converters
) -> None:
    outside = tmp_path / "outside"
    secret = outside / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    tree = tmp_path / "articles"
    _article(tree / "甲.txt", "甲文")
    (tree / "passwd.txt").symlink_to(secret)  # as if it were /etc/passwd
    (tree / "elsewhere").symlink_to(outside)  # a folder link leaving the tree
    report = _import(store, converters, tree)
    assert _titles(store) == {"甲文"}
    failures = _failures(report)
    assert failures["passwd.txt"] == "a link to a file outside the imported folder; not followed"
    assert failures["elsewhere"] == "a link to a folder outside the imported folder; not followed"
    assert report.added == 1


def test_links_inside_the_folder_import_each_file_once(
    tmp_path: Path, store: ArticleStore, converters: Converters
) -> None:
    tree = tmp_path / "articles"
    _article(tree / "甲.txt", "甲文")
    _article(tree / "raw" / "乙.dat", "乙文")  # not an extension a folder import takes
    (tree / "别名.txt").symlink_to("甲.txt")  # imported as 甲.txt already
    (tree / "乙.txt").symlink_to(Path("raw", "乙.dat"))  # reached only through the link
    (tree / "raw" / "again").symlink_to("..")  # a loop through a folder link
    report = _import(store, converters, tree)
    assert (report.added, report.updated, report.unchanged, report.failures) == (2, 0, 0, [])
    assert _titles(store) == {"甲文", "乙文"}


def test_loops_of_links_end(tmp_path: Path, store: ArticleStore, converters: Converters) -> None:
    tree = tmp_path / "articles"
    _article(tree / "甲.txt", "甲文")
    (tree / "一.txt").symlink_to("二.txt")
    (tree / "二.txt").symlink_to("一.txt")
    (tree / "self").symlink_to(".")
    report = _import(store, converters, tree)
    assert report.added == 1
    assert _failures(report) == {
        "一.txt": "a link that leads round in a loop; not followed",
        "二.txt": "a link that leads round in a loop; not followed",
    }


def test_a_link_named_by_the_user_is_followed(
    tmp_path: Path, store: ArticleStore, converters: Converters
) -> None:
    real = tmp_path / "real-folder"
    _article(real / "甲.txt", "甲文")
    chosen = tmp_path / "我的文章"
    chosen.symlink_to(real)
    single = tmp_path / "one.txt"
    single.symlink_to(_article(tmp_path / "elsewhere" / "乙.txt", "乙文"))
    report = _import(store, converters, chosen, single)
    assert report.added == 2 and not report.failures
    # The folder's section is the name the user gave, not the link's target.
    sections = {s.name for s in store.sections()}
    assert "我的文章" in sections and "real-folder" not in sections


def test_a_named_pipe_in_a_folder_is_reported_not_waited_for(
    tmp_path: Path, store: ArticleStore, converters: Converters
) -> None:
    tree = tmp_path / "articles"
    _article(tree / "甲.txt", "甲文")
    os.mkfifo(tree / "pipe.txt")
    report = _import(store, converters, tree)
    assert report.added == 1
    assert _failures(report) == {"pipe.txt": "is a named pipe (FIFO), not a regular file"}


# -- a folder that cannot be read ------------------------------------------------------


def _unprivileged() -> list[str]:
    """How to run a command so that file permissions apply. Root passes them by two
    capabilities; without them it is held to them as its files' owner. (Running as
    another user instead needs the project readable by that user, which a clone in
    a private folder is not: `python -m reader` found no module there.)"""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def test_a_folder_that_cannot_be_read_is_reported_by_name() -> None:
    prefix = _unprivileged()
    # Not tmp_path: it sits in a folder only its owner may enter.
    base = Path(tempfile.mkdtemp(prefix="reader-unreadable-"))
    try:
        tree = base / "articles"
        _article(tree / "甲.txt", "甲文")
        _article(tree / "locked" / "乙.txt", "乙文")
        lib = base / "lib"
        lib.mkdir()
        base.chmod(0o755)
        lib.chmod(0o777)
        (tree / "locked").chmod(0)
        result = subprocess.run(
            [*prefix, sys.executable, "-m", "reader", "--library", str(lib), "import", str(tree)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
        if prefix and result.stderr.startswith("setpriv:"):
            pytest.skip(f"cannot drop root's file capabilities here: {result.stderr.strip()}")
        assert result.returncode == 1, result.stderr
        assert result.stdout.startswith("1 added, 0 updated, 0 already in the library, 1 failed")
        assert result.stderr.strip() == (
            f"reader: {tree / 'locked'}: folder cannot be read (Permission denied); skipped"
        )
    finally:
        (base / "articles" / "locked").chmod(0o755)
        shutil.rmtree(base)
