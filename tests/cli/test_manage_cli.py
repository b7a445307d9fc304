"""reader remove / trash / move / section rename / mark, on the real library file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "resources" / "samples"


def _listing(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    data: list[dict[str, object]] = json.loads(out)
    return data


def _ids(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [str(a["id"]) for s in _listing(capsys) for a in s["articles"]]  # type: ignore[attr-defined]


@pytest.fixture
def both(capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert run(capsys, "import", str(SAMPLES))[0] == 0
    return _ids(capsys)


def test_the_two_samples_are_one_site(both: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    sections = [s["section"] for s in _listing(capsys)]
    assert len(both) == 2 and len(sections) == 1
    assert sections[0][0] in ("中国共产党新闻网", "中國共產黨新聞網")  # type: ignore[index]


def test_removed_articles_wait_in_the_trash(
    both: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = both
    code, out, _ = run(capsys, "remove", first[:6])
    assert code == 0 and "moved to the Trash" in out
    assert _ids(capsys) == [second]
    code, out, _ = run(capsys, "trash", "list", "--json")
    assert [a["id"] for a in json.loads(out)] == [first]
    code, out, _ = run(capsys, "show", first)  # nothing is lost until it is emptied
    assert code == 0
    assert run(capsys, "trash", "restore", first)[0] == 0
    assert sorted(_ids(capsys)) == sorted(both)
    run(capsys, "remove", first)
    code, out, _ = run(capsys, "trash", "empty")
    assert code == 0 and out.startswith("1 article deleted")
    code, _, err = run(capsys, "show", first)
    assert code == 1 and "no article" in err


def test_remove_names_what_it_cannot_find(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "remove", "ffff")
    assert code == 1 and err.strip() == "reader: ffff: no article with this id in the library"


def test_move_and_rename_a_section(both: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    first, _ = both
    code, _out, _ = run(capsys, "move", first, "--to", "收藏 / 好文")
    assert code == 0
    sections = {tuple(s["section"]): s for s in _listing(capsys)}  # type: ignore[arg-type]
    assert ("收藏", "好文") in sections
    code, _, err = run(capsys, "section", "rename", "收藏 / 好文", "精選")
    assert code == 0, err
    assert ("收藏", "精選") in {tuple(s["section"]) for s in _listing(capsys)}  # type: ignore[arg-type]
    code, _, err = run(capsys, "section", "rename", "沒有 / 這個", "x")
    assert code == 1 and err.strip() == "reader: 沒有 / 這個: no such section"
    code, _, err = run(capsys, "section", "rename", "收藏", " ")
    assert code == 1 and "needs a name" in err


def test_mark_read_and_unread(both: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from reader.library import open_library

    first, _ = both
    assert run(capsys, "mark", first, "--read")[0] == 0
    conn = open_library(_home())
    assert conn.execute("SELECT read FROM articles WHERE id = ?", (first,)).fetchone()[0] == 1
    conn.close()
    assert run(capsys, "mark", first, "--unread")[0] == 0
    conn = open_library(_home())
    assert conn.execute("SELECT read FROM articles WHERE id = ?", (first,)).fetchone()[0] == 0
    conn.close()


def _home() -> Path:
    import os

    return Path(os.environ["READER_HOME"])


def test_a_section_is_named_in_either_script(
    both: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (site,) = {s["section"][0] for s in _listing(capsys)}  # type: ignore[index]
    other = "中國共產黨新聞網" if site == "中国共产党新闻网" else "中国共产党新闻网"
    code, _, err = run(
        capsys, "export", "--section", other, "--format", "txt", "-o", str(tmp_path / "out")
    )
    assert code == 0, err
    assert len(list((tmp_path / "out").rglob("*.txt"))) == 2
    code, _, err = run(capsys, "move", both[0], "--to", f"{other} / 黨建 / 新欄目")
    assert code == 0, err
    paths = [tuple(s["section"]) for s in _listing(capsys)]  # type: ignore[arg-type]
    assert len({p[0] for p in paths}) == 1  # still one site
