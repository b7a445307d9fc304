"""`reader search` and `reader library reindex` on the bundled samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.resources import resource_path
from tests.cli.helpers import run


@pytest.fixture
def library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    lib = str(tmp_path / "lib")
    code, _out, _err = run(capsys, "--library", lib, "import", str(resource_path("samples")))
    assert code == 0
    return lib


@pytest.mark.parametrize("query", ["干部", "幹部", "調研", "调研"])
def test_search_finds_both_scripts_with_marked_snippets(
    library: str, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    code, out, _err = run(capsys, "--library", library, "search", query)
    assert code == 0
    assert out.startswith("2 articles")
    assert "中联部在主题教育期间" in out and "中聯部在主題教育期間" in out
    assert out.count("【") >= 2


def test_search_json_has_the_documented_keys(
    library: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--library", library, "search", "幹部", "--json", "--limit", "1")
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"query", "total", "elapsed_ms", "results"}
    assert (data["query"], data["total"], len(data["results"])) == ("幹部", 2, 1)
    assert set(data["results"][0]) == {"id", "title", "section", "published", "snippet"}
    code, out, _err = run(capsys, "--library", library, "search", "部", "--json", "--limit", "0")
    assert len(json.loads(out)["results"]) == 2


def test_filters_and_bad_dates(library: str, capsys: pytest.CaptureFixture[str]) -> None:
    base = ("--library", library, "search", "干部", "--json")
    assert json.loads(run(capsys, *base, "--since", "2024")[1])["total"] == 0
    assert json.loads(run(capsys, *base, "--until", "2023-08-30")[1])["total"] == 2
    assert json.loads(run(capsys, *base, "--section", "黨建")[1])["total"] == 2
    code, _out, err = run(capsys, *base, "--since", "yesterday")
    assert (
        code == 2
        and err.strip() == "reader: --since yesterday: not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    )


def test_reindex_rebuilds_and_search_still_answers(
    library: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--library", library, "library", "reindex")
    assert code == 0 and out.strip() == "search index rebuilt: 2 articles"
    assert (
        json.loads(run(capsys, "--library", library, "search", "調研", "--json")[1])["total"] == 2
    )
