"""`reader list --json` is written by hand for speed: it must stay exactly the JSON
(and the layout) that the json module writes, whatever the titles hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.chinese import Converters
from reader.importers import Importer
from reader.library import ArticleStore, open_library
from tests.cli.helpers import run

TITLES = [
    '引號"與\\反斜線',
    "控制\x01字符\t與換行",
    "罕用字𠮷𡘙",
    "</script><img src=/dev/zero>",
    "普通標題",
]


def test_list_json_is_the_json_modules_own_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ArticleStore(open_library(tmp_path))
    importer = Importer(Converters())
    for number, title in enumerate(TITLES):
        crumb = f'網站{number % 2} > 欄目"{number % 3}"' if number else ""
        date = f"2023-0{number + 1}-01 10:00" if number % 2 else ""
        text = "\n".join(x for x in (crumb, title, date, "", f"正文第{number}段。") if x != "")
        store.add(importer.parse_str(text))
    store.conn.close()
    code, out, _ = run(capsys, "--library", str(tmp_path), "list", "--json")
    assert code == 0
    data = json.loads(out)
    assert sorted(a["title"] for s in data for a in s["articles"]) == sorted(TITLES)
    assert any(a["published"] is None for s in data for a in s["articles"])
    assert out == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_list_json_of_an_empty_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--library", str(tmp_path), "list", "--json")
    assert (code, out) == (0, "[]\n")
