"""Script conversion: chains, articles, unknown characters, glossary, TSV, mode names."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from reader.chinese import Converters
from reader.chinese.convert import (
    ScriptConverter,
    ScriptMode,
    conversion_chain,
    parse_mode,
    target_lang,
    target_script,
)
from reader.chinese.glossary import Glossary, GlossaryEntry, read_tsv, write_tsv
from reader.domain import Article, Block, Script
from reader.importers import Importer

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples"
TRADITIONAL_SAMPLE = SAMPLE / "01-zhonglianbu-research-traditional.txt"
M = ScriptMode

CHAINS = {
    Script.SIMPLIFIED: {
        M.SIMPLIFIED: (),
        M.TRADITIONAL: ("s2t",),
        M.TAIWAN: ("s2tw",),
        M.TAIWAN_PHRASES: ("s2twp",),
        M.HONG_KONG: ("s2hk",),
    },
    Script.TRADITIONAL: {
        M.SIMPLIFIED: ("t2s",),
        M.TRADITIONAL: (),
        M.TAIWAN: ("t2tw",),
        M.TAIWAN_PHRASES: ("t2s", "s2twp"),
        M.HONG_KONG: ("t2hk",),
    },
    Script.MIXED: {
        M.SIMPLIFIED: ("t2s",),
        M.TRADITIONAL: ("t2s", "s2t"),
        M.TAIWAN: ("t2s", "s2tw"),
        M.TAIWAN_PHRASES: ("t2s", "s2twp"),
        M.HONG_KONG: ("t2s", "s2hk"),
    },
}
CHAINS[Script.UNKNOWN] = CHAINS[Script.SIMPLIFIED]


@pytest.fixture(scope="module")
def converter() -> ScriptConverter:
    return ScriptConverter(Converters())


@pytest.fixture(scope="module")
def sample() -> Article:
    return Importer(Converters()).parse_file(TRADITIONAL_SAMPLE)


@pytest.mark.parametrize("source", list(Script))
@pytest.mark.parametrize("mode", list(ScriptMode))
def test_chain_for_every_source_and_mode(source: Script, mode: ScriptMode) -> None:
    expected = () if mode is M.ORIGINAL else CHAINS[source][mode]
    assert conversion_chain(source, mode) == expected


def test_target_script_and_lang() -> None:
    assert target_script(M.ORIGINAL, Script.MIXED) is Script.MIXED
    assert target_script(M.SIMPLIFIED, Script.TRADITIONAL) is Script.SIMPLIFIED
    assert target_script(M.HONG_KONG, Script.SIMPLIFIED) is Script.TRADITIONAL
    assert [target_lang(m, Script.UNKNOWN) for m in ScriptMode] == [
        "zh", "zh-Hans", "zh-Hant", "zh-TW", "zh-TW", "zh-HK",
    ]  # fmt: skip
    assert target_lang(M.ORIGINAL, Script.SIMPLIFIED) == "zh-Hans"
    assert target_lang(M.ORIGINAL, Script.TRADITIONAL) == "zh-Hant"


def test_sample_to_simplified(converter: ScriptConverter, sample: Article) -> None:
    assert sample.script is Script.TRADITIONAL
    simple = converter.convert_article(sample, M.SIMPLIFIED)
    assert simple.title == "中联部在主题教育期间深入开展调查研究"
    assert simple.script is Script.SIMPLIFIED
    assert simple.section_path[:2] == ("中国共产党新闻网", "党建")
    assert simple.source == "旗帜网"
    assert simple.editors == ("王子锋", "王珂园")
    assert any("党员干部" in b.text for b in simple.blocks)
    # What stays: identity, dates, where it came from, and the original text.
    for name in ("id", "published", "origin_path", "original_text", "author"):
        assert getattr(simple, name) == getattr(sample, name)
    assert [b.kind for b in simple.blocks] == [b.kind for b in sample.blocks]
    assert [b.level for b in simple.blocks] == [b.level for b in sample.blocks]


def test_article_conversion_equals_piecewise(converter: ScriptConverter, sample: Article) -> None:
    for mode in (M.SIMPLIFIED, M.TAIWAN, M.TAIWAN_PHRASES, M.HONG_KONG):
        whole = converter.convert_article(sample, mode)
        assert whole.title == converter.convert_text(sample.title, mode, sample.script)
        assert [b.text for b in whole.blocks] == [
            converter.convert_text(b.text, mode, sample.script) for b in sample.blocks
        ]


def test_pieces_holding_newlines_fall_back(converter: ScriptConverter) -> None:
    article = Article(
        id="x", title="软件\n信息", blocks=(Block.paragraph("发展\n头发"),), editors=("张三",),
        script=Script.SIMPLIFIED, original_text="软件\n信息",
    )  # fmt: skip
    twp = converter.convert_article(article, M.TAIWAN_PHRASES)
    assert twp.title == "軟體\n資訊"
    assert twp.blocks[0].text == "發展\n頭髮"
    assert twp.editors == ("張三",)
    assert twp.original_text == "软件\n信息"


def test_original_returns_the_article_itself(converter: ScriptConverter, sample: Article) -> None:
    assert converter.convert_article(sample, M.ORIGINAL) is sample


def test_taiwan_phrasing_from_traditional(converter: ScriptConverter) -> None:
    text = "這個軟件的信息在服務器上"
    assert converter.convert_text(text, M.TAIWAN_PHRASES, Script.TRADITIONAL) == (
        "這個軟體的資訊在伺服器上"
    )
    # t2tw keeps the vocabulary, only the characters follow Taiwan's standard.
    assert converter.convert_text("爲了", M.TAIWAN, Script.TRADITIONAL) == "為了"


def test_sample_taiwan_phrases_from_traditional_matches_simplified_original(
    converter: ScriptConverter,
) -> None:
    # The round trip t2s → s2twp gives what s2twp gives for the simplified original.
    trad = TRADITIONAL_SAMPLE.read_text(encoding="utf-8")
    simp = (SAMPLE / "02-zhonglianbu-research-simplified.txt").read_text(encoding="utf-8")
    via_trad = converter.convert_text(trad, M.TAIWAN_PHRASES, Script.TRADITIONAL)
    assert via_trad == converter.convert_text(simp, M.TAIWAN_PHRASES, Script.SIMPLIFIED)
    assert "結合中聯部" in via_trad  # direct s2twp on traditional text writes 結閤


def test_mixed_source_is_unified(converter: ScriptConverter) -> None:
    mixed = "黨員干部 幹部 后来"
    assert converter.convert_text(mixed, M.SIMPLIFIED, Script.MIXED) == "党员干部 干部 后来"
    assert converter.convert_text(mixed, M.TAIWAN, Script.MIXED) == "黨員幹部 幹部 後來"


@pytest.mark.parametrize("mode", [m for m in ScriptMode if m is not M.ORIGINAL])
@pytest.mark.parametrize("source", [Script.SIMPLIFIED, Script.TRADITIONAL, Script.MIXED])
def test_unknown_characters_pass_through(
    converter: ScriptConverter, mode: ScriptMode, source: Script
) -> None:
    odd = "𠀀𪚥 😀🇹🇼 Latin ÄÖ 123 \ue000\U000f0000 ㄅㄆ かな"
    assert converter.convert_text(odd, mode, source) == odd


def test_s2twp_rewrites_chuangjian(converter: ScriptConverter) -> None:
    # The real behaviour the glossary exists for: s2twp turns 创建 into 建立.
    text = "中央和国家机关创建模范机关"
    assert converter.convert_text(text, M.TAIWAN_PHRASES) == "中央和國家機關建立模範機關"


def test_glossary_keeps_chuangjian() -> None:
    converter = ScriptConverter(Converters(), Glossary([GlossaryEntry("创建", "創建")]))
    text = "中央和国家机关创建模范机关"
    assert converter.convert_text(text, M.TAIWAN_PHRASES) == "中央和國家機關創建模範機關"
    # From the traditional sample, the source as it stands there.
    converter.set_glossary(Glossary([GlossaryEntry("創建", "創建", frozenset({M.TAIWAN_PHRASES}))]))
    trad = "中央和國家機關創建“讓黨中央放心”模范機關"
    assert converter.convert_text(trad, M.TAIWAN_PHRASES, Script.TRADITIONAL) == (
        "中央和國家機關創建“讓黨中央放心”模範機關"
    )
    # Limited to Taiwan phrasing: Simplified still converts it.
    assert converter.convert_text(trad, M.SIMPLIFIED, Script.TRADITIONAL).startswith(
        "中央和国家机关创建"
    )
    assert converter.convert_text(trad, M.ORIGINAL, Script.TRADITIONAL) == trad


def test_glossary_in_articles_and_names() -> None:
    glossary = Glossary(
        [GlossaryEntry("刘建超", "劉建超（Liu Jianchao）"), GlossaryEntry("创建", "創建")]
    )
    converter = ScriptConverter(Converters(), glossary)
    article = Article(
        id="a", title="刘建超创建", blocks=(Block.paragraph("部长刘建超说"),),
        section_path=("创建",), source="新华网", author="刘建超", editors=("张三", "李四"),
        script=Script.SIMPLIFIED,
    )  # fmt: skip
    twp = converter.convert_article(article, M.TAIWAN_PHRASES)
    assert twp.title == "劉建超（Liu Jianchao）創建"
    assert twp.section_path == ("創建",)
    assert (twp.source, twp.author) == ("新華網", "劉建超（Liu Jianchao）")
    assert twp.editors == ("張三", "李四")
    assert twp.blocks[0].text == "部長劉建超（Liu Jianchao）說"


def test_glossary_longest_first_and_specific_wins() -> None:
    glossary = Glossary(
        [
            GlossaryEntry("国家", "國家A"),
            GlossaryEntry("中央和国家", "中央和國家B"),
            GlossaryEntry("机关", "機關C"),
            GlossaryEntry("机关", "機關D", frozenset({M.TAIWAN})),
        ]
    )
    converter = ScriptConverter(Converters(), glossary)
    assert converter.convert_text("中央和国家机关的国家", M.TAIWAN) == "中央和國家B機關D的國家A"
    assert converter.convert_text("机关", M.HONG_KONG) == "機關C"


def test_glossary_placeholders_never_collide_with_private_use_text() -> None:
    glossary = Glossary([GlossaryEntry("创建", "創建")])
    text = "\U000f0000创建\U000f0001"
    protected, restore = glossary.protect(text, M.TAIWAN_PHRASES)
    assert "创建" not in protected
    assert protected.startswith("\U000f0000") and protected.endswith("\U000f0001")
    assert restore(protected) == "\U000f0000創建\U000f0001"
    converter = ScriptConverter(Converters(), glossary)
    assert converter.convert_text(text, M.TAIWAN_PHRASES) == "\U000f0000創建\U000f0001"


def test_glossary_skips_empty_sources_and_may_remove_text() -> None:
    # The dialog keeps half-typed rows as entries; an empty source must not match everywhere.
    glossary = Glossary([GlossaryEntry("", "x"), GlossaryEntry("分享", "")])
    converter = ScriptConverter(Converters(), glossary)
    assert converter.convert_text("分享软件", M.TRADITIONAL) == "軟件"
    # Sources and targets with line breaks still convert correctly (piecewise).
    converter.set_glossary(Glossary([GlossaryEntry("刘", "劉\n")]))
    article = Article(id="a", title="刘", blocks=(Block.paragraph("刘"),), script=Script.SIMPLIFIED)
    assert converter.convert_article(article, M.TRADITIONAL).blocks[0].text == "劉\n"


def test_write_tsv_refuses_what_tsv_cannot_hold() -> None:
    for bad in (GlossaryEntry("a\tb", "x"), GlossaryEntry("a", "x\ny")):
        with pytest.raises(ValueError, match="tab or line break"):
            write_tsv([bad])


def test_tsv_round_trip() -> None:
    entries = [
        GlossaryEntry("创建", "創建"),
        GlossaryEntry("#话题", "#話題"),
        GlossaryEntry("软件", "軟件", frozenset({M.HONG_KONG, M.TAIWAN_PHRASES})),
    ]
    text = write_tsv(entries)
    assert "软件\t軟件\ttaiwan-phrases,hongkong\n" in text
    assert read_tsv(text) == (entries, [])
    assert Glossary(read_tsv(text)[0]).entries == tuple(entries)


def test_tsv_bad_lines_are_reported_and_skipped() -> None:
    text = (
        "\ufeff# comment\n"
        "\n"
        "创建\t創建\n"  # 3
        "no tab here\n"  # 4
        "\t空\n"  # 5
        "信息\t資訊\ttw, twp\n"  # 6
        "信息\t資訊\tklingon\n"  # 7
        "空\t\n"  # 8: an empty target removes the text
        "软件\t軟體\toriginal\r\n"  # 9
        "a\tb\tc\td\n"  # 10
    )
    entries, errors = read_tsv(text)
    assert entries == [
        GlossaryEntry("创建", "創建"),
        GlossaryEntry("信息", "資訊", frozenset({M.TAIWAN, M.TAIWAN_PHRASES})),
        GlossaryEntry("空", ""),
    ]
    assert [e.split(":")[0] for e in errors] == ["line 4", "line 5", "line 7", "line 9", "line 10"]
    assert "tab" in errors[0] and "empty source" in errors[1] and "klingon" in errors[2]
    assert all("\n" not in e for e in errors)


@pytest.mark.parametrize(
    ("name", "mode"),
    [
        ("simplified", M.SIMPLIFIED), ("S", M.SIMPLIFIED), ("zh-Hans", M.SIMPLIFIED),
        ("zh_CN", M.SIMPLIFIED), ("traditional", M.TRADITIONAL), ("t", M.TRADITIONAL),
        ("zh-Hant", M.TRADITIONAL), ("tw", M.TAIWAN), ("zh-TW", M.TAIWAN),
        ("taiwan-phrases", M.TAIWAN_PHRASES), ("TWP", M.TAIWAN_PHRASES),
        ("hongkong", M.HONG_KONG), ("hk", M.HONG_KONG), ("zh-HK", M.HONG_KONG),
        (" original ", M.ORIGINAL),
    ],
)  # fmt: skip
def test_parse_mode_aliases(name: str, mode: ScriptMode) -> None:
    assert parse_mode(name) is mode


def test_parse_mode_error_lists_the_names() -> None:
    with pytest.raises(ValueError, match="unknown script 'klingon'") as info:
        parse_mode("klingon")
    message = str(info.value)
    assert "\n" not in message
    assert all(m.value in message for m in ScriptMode)


def test_converters_built_once_per_config() -> None:
    converters = Converters()
    converter = ScriptConverter(converters)
    article = dataclasses.replace(
        Article(id="a", title="软件", blocks=(Block.paragraph("信息"),)), script=Script.TRADITIONAL
    )
    for _ in range(3):
        for mode in ScriptMode:
            converter.convert_article(article, mode)
    assert converters.built == 4  # t2s, t2tw, t2hk, s2twp


def test_one_glossary_row_serves_either_script() -> None:
    # The row is written in Traditional; the text may be in either script.
    glossary = Glossary([GlossaryEntry("中聯部", "中共中央對外聯絡部")])
    converter = ScriptConverter(Converters(), glossary)
    for text in ("中聯部的調研", "中联部的调研"):
        assert converter.convert_text(text, M.TRADITIONAL, Script.MIXED).startswith(
            "中共中央對外聯絡部"
        ), text
    # And a Simplified row meets Traditional text, with neighbours untouched.
    converter.set_glossary(Glossary([GlossaryEntry("干部", "幹部們")]))
    assert converter.convert_text("幹部和干部", M.TAIWAN, Script.TRADITIONAL) == "幹部們和幹部們"
    # Full-width Latin and case fold as search folds them.
    converter.set_glossary(Glossary([GlossaryEntry("OpenCC", "開放中文轉換")]))
    assert converter.convert_text("用ｏｐｅｎｃｃ", M.TAIWAN) == "用開放中文轉換"


def test_a_glossary_row_does_not_match_a_different_word() -> None:
    glossary = Glossary([GlossaryEntry("中聯部", "X")])
    converter = ScriptConverter(Converters(), glossary)
    assert converter.convert_text("中央部", M.TRADITIONAL) == "中央部"
