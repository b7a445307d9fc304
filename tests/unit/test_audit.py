"""The conversion audit: the sample's naive-conversion errors, variants, fixes, planted errors."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from reader.chinese import Converters
from reader.chinese.audit import (
    Finding,
    FindingKind,
    apply_findings,
    audit_article,
    audit_text,
    guess_standard,
    section_block,
)
from reader.domain import Article
from reader.importers import Importer

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "01-zhonglianbu-research-traditional.txt"
SIMPLIFIED_SAMPLE = REPO / "resources" / "samples" / "02-zhonglianbu-research-simplified.txt"

# The errors the issue lists for the sample, with how often each occurs.
REQUIRED_ERRORS = {
    ("模范", "模範"): 1,
    ("干部", "幹部"): 7,
    ("公裡", "公里"): 2,
    ("最后", "最後"): 1,
    ("先后", "先後"): 1,
    ("防范", "防範"): 1,
    ("余次", "餘次"): 1,  # the 160余次→160餘次: OpenCC's phrase is 余次
    ("重復", "重複"): 1,
    ("每周", "每週"): 1,
}
REQUIRED_VARIANTS = {("布局", "佈局"), ("互鑒", "互鑑")}
# Everything else the audit finds on the sample, checked by eye:
# 匯/彙 are different characters that 汇 merged (匯 converge/remit, 彙 gather/
# compile); Taiwan standard writes 彙報, 彙編. 台/臺 is a Hong Kong/OpenCC variant pair.
OTHER_FINDINGS = {
    ("匯報", "彙報", FindingKind.ERROR),
    ("匯編", "彙編", FindingKind.ERROR),
    ("台賬", "臺賬", FindingKind.VARIANT),
}


@pytest.fixture(scope="module")
def conv() -> Converters:
    return Converters()


@pytest.fixture(scope="module")
def sample(conv: Converters) -> Article:
    return Importer(conv).parse_file(SAMPLE)


@pytest.fixture(scope="module")
def findings(sample: Article, conv: Converters) -> list[Finding]:
    return audit_article(sample, conv)


def _text_of(article: Article, block: int) -> str:
    if block >= 0:
        return article.blocks[block].text
    if block == -1:
        return article.title
    return article.section_path[-2 - block]


def test_the_sample_s_errors_are_all_found(findings: list[Finding]) -> None:
    errors = Counter((f.found, f.suggestion) for f in findings if f.kind is FindingKind.ERROR)
    for pair, count in REQUIRED_ERRORS.items():
        assert errors[pair] == count, pair
    # 160余次: the finding must carry 余 → 餘, whatever phrase it was widened to.
    assert any("余" in f.found and "餘" in f.suggestion for f in findings)


def test_the_sample_s_variants_are_marked_as_variants(findings: list[Finding]) -> None:
    variants = {(f.found, f.suggestion) for f in findings if f.kind is FindingKind.VARIANT}
    assert variants >= REQUIRED_VARIANTS


def test_nothing_else_is_found_on_the_sample(findings: list[Finding]) -> None:
    expected = {(f, s, FindingKind.ERROR) for f, s in REQUIRED_ERRORS}
    expected |= {(f, s, FindingKind.VARIANT) for f, s in REQUIRED_VARIANTS}
    assert {(f.found, f.suggestion, f.kind) for f in findings} == expected | OTHER_FINDINGS
    assert len(findings) == sum(REQUIRED_ERRORS.values()) + len(REQUIRED_VARIANTS) + 3


def test_findings_point_at_their_text(sample: Article, findings: list[Finding]) -> None:
    for f in findings:
        text = _text_of(sample, f.block)
        assert text[f.start : f.end] == f.found
        assert f.found in f.context
        assert len(f.context) <= len(f.found) + 24
    # 模范 is in the breadcrumb, the third entry.
    assert any(f.block == section_block(2) and f.found == "模范" for f in findings)


def test_the_standard_is_guessed_from_the_text(
    conv: Converters, seed_text: str, corpus: Path
) -> None:
    assert guess_standard([seed_text], conv) == "tw"
    golden = corpus / "opencc" / "golden" / "output"
    for standard, name in [("tw", "s2tw"), ("hk", "s2hk"), ("t", "s2t")]:
        text = (golden / f"us_constitution_zhs.{name}.txt").read_text(encoding="utf-8")
        assert guess_standard([text], conv) == standard
        # OpenCC's own phrase-level conversion has nothing to correct.
        assert audit_text(text, conv, standard) == []


def test_kinds_come_from_the_characters_not_the_sample(conv: Converters) -> None:
    [布] = audit_text("大家統籌布局。", conv)
    assert (布.found, 布.suggestion, 布.kind) == ("布局", "佈局", FindingKind.VARIANT)
    [幹] = audit_text("幹部與干部。", conv)
    assert (幹.start, 幹.found, 幹.suggestion, 幹.kind) == (3, "干部", "幹部", FindingKind.ERROR)
    # Only Han characters and punctuation are looked at; Latin text gives nothing.
    assert audit_text("OpenCC 1.4, 100 km", conv) == []
    with pytest.raises(ValueError, match="unknown standard"):
        audit_text("干部", conv, "xx")


def test_a_simplified_article_gives_no_findings(conv: Converters) -> None:
    article = Importer(conv).parse_file(SIMPLIFIED_SAMPLE)
    assert audit_article(article, conv) == []


def test_accepting_the_errors_corrects_a_copy_only(sample: Article, conv: Converters) -> None:
    before = Importer(conv).parse_file(SAMPLE)
    findings = audit_article(sample, conv)
    errors = [f for f in findings if f.kind is FindingKind.ERROR]
    fixed = apply_findings(sample, errors)
    assert fixed.id == sample.id
    assert fixed.original_text == sample.original_text == SAMPLE.read_text(encoding="utf-8")
    assert sample == before  # the original Article is untouched
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample.title = "x"  # type: ignore[misc]
    assert "幹部" in fixed.blocks[2].text
    assert fixed.section_path[2].endswith("模範機關")
    after = audit_article(fixed, conv, "tw")
    assert [f for f in after if f.kind is FindingKind.ERROR] == []
    assert {(f.found, f.kind) for f in after} == {
        (f.found, f.kind) for f in findings if f.kind is FindingKind.VARIANT
    }


def test_a_stale_finding_is_skipped(sample: Article, findings: list[Finding]) -> None:
    first = next(f for f in findings if f.found == "干部")
    stale = dataclasses.replace(first, found="黨員")
    assert apply_findings(sample, [stale]) == sample
    # Overlapping findings: the later one wins, the other is skipped.
    wider = dataclasses.replace(first, start=first.start - 1, found="員干", suggestion="X幹")
    fixed = apply_findings(sample, [first, wider])
    text = fixed.blocks[first.block].text
    assert text[first.start - 1 : first.end] == "員幹部"


def _plant(simplified: str, conv: Converters) -> tuple[str, str]:
    """The naive conversion (one character at a time) and OpenCC's phrase-level one."""
    naive = "".join(conv.convert("s2t", ch) for ch in simplified)
    return naive, conv.convert("s2t", simplified)


# The US constitution in Simplified (OpenCC's golden input), and the Simplified sample.
CONSTITUTION = ("corpus", "opencc/golden/input/us_constitution_zhs.txt")


@pytest.mark.parametrize(
    "source", [CONSTITUTION, SIMPLIFIED_SAMPLE], ids=["us_constitution_zhs", "sample"]
)
def test_planted_errors_are_found(
    source: Path | tuple[str, str], conv: Converters, request: pytest.FixtureRequest
) -> None:
    if isinstance(source, tuple):
        source = request.getfixturevalue("corpus") / source[1]
    naive, reference = _plant(source.read_text(encoding="utf-8"), conv)
    assert len(naive) == len(reference)
    planted = {i for i, (a, b) in enumerate(zip(naive, reference, strict=True)) if a != b}
    assert planted, "the text must give the naive conversion something to get wrong"
    standard = guess_standard([naive], conv)
    assert standard == "t"  # the naive text uses OpenCC's standard forms (爲, 衆)
    findings = audit_text(naive, conv, standard)
    covered: set[int] = set()
    right = 0
    for f in findings:
        agrees = {
            i
            for i in range(f.start, f.end)
            if i in planted and f.suggestion[i - f.start] == reference[i]
        }
        covered |= agrees
        right += bool(agrees)
    recall = len(covered) / len(planted)
    precision = right / len(findings)
    print(f"{source.name}: {len(planted)} planted, recall {recall:.0%}, precision {precision:.0%}")
    assert covered == planted
    assert precision >= 0.9


def test_without_phrase_probing_findings_widen_only_as_far_as_context_needs(
    conv: Converters, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An OpenCC whose configs cannot be read back: the audit still finds everything.
    from reader.chinese import phrases

    monkeypatch.setattr(phrases, "_probe", lambda *_: None)
    found = [(f.found, f.suggestion) for f in audit_text("黨員干部避免重復調研。", conv)]
    assert found == [("干", "幹"), ("重復", "重複")]  # 复 alone would stay 復
