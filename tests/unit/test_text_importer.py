"""The news-text importer: what a reader sees of a saved page."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.chinese import Converters
from reader.domain import BlockKind, Script
from reader.importers import Importer
from reader.importers.text import parse_text

SEED_SECTION = (
    "中國共產黨新聞網",
    "黨建",
    "中央和國家機關創建“讓黨中央放心、讓人民群眾滿意”模范機關",
)


def headings(parsed):  # type: ignore[no-untyped-def]
    return [b.text for b in parsed.blocks if b.kind is BlockKind.HEADING]


def paragraphs(parsed):  # type: ignore[no-untyped-def]
    return [b.text for b in parsed.blocks if b.kind is BlockKind.PARAGRAPH]


def test_seed_header_fields(seed_text: str) -> None:
    parsed = parse_text(seed_text)
    assert parsed.section_path == SEED_SECTION
    assert parsed.title == "中聯部在主題教育期間深入開展調查研究"
    assert parsed.published == "2023-08-30T13:42"
    assert parsed.source == "旗幟網"
    assert parsed.editors == ("王子鋒", "王珂園")
    assert parsed.author is None


def test_seed_body_is_headings_and_paragraphs_in_order(seed_text: str) -> None:
    parsed = parse_text(seed_text)
    kinds = [b.kind for b in parsed.blocks]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH] * 1 + [
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
    ]
    assert all(h.startswith("堅持") for h in headings(parsed))
    assert len(headings(parsed)) == 3
    paras = paragraphs(parsed)
    assert len(paras) == 4
    assert paras[0].startswith("自學習貫徹")
    assert paras[1].startswith("早啟動、快推進")
    assert paras[2].startswith("注重舉一反三")
    assert paras[3].endswith("(中聯部機關黨委)")


def test_seed_furniture_is_not_in_the_body(seed_text: str) -> None:
    body = "\n".join(b.text for b in parse_text(seed_text).blocks)
    assert "分享" not in body
    assert "掃一掃" not in body
    assert "責編" not in body
    assert "來源" not in body


def test_simplified_seed_gives_the_same_structure(seed_text: str, converters: Converters) -> None:
    simplified = converters.convert("t2s", seed_text)
    parsed = parse_text(simplified)
    assert parsed.title == "中联部在主题教育期间深入开展调查研究"
    assert parsed.section_path[:2] == ("中国共产党新闻网", "党建")
    assert parsed.source == "旗帜网"
    assert parsed.editors == ("王子锋", "王珂园")
    assert len(headings(parsed)) == 3
    assert len(paragraphs(parsed)) == 4


PAGE = """{crumbs}
{title}
{meta}

第一段正文，介绍了这次会议的背景和主要内容。会议强调，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展，各项工作取得新进展。

{heading}

第二段正文，讲述了具体措施。各地区各部门要结合实际，细化工作方案，明确责任分工，确保各项任务落到实处，取得实效，让人民群众有更多获得感、幸福感、安全感。

{editor}
"""


@pytest.mark.parametrize("sep", [">>", ">", "＞", "›", " > ", " >> "])
def test_breadcrumb_separators(sep: str) -> None:
    text = PAGE.format(
        crumbs=sep.join(["新华网", "时政", "要闻"]),
        title="国务院召开常务会议",
        meta="2024-01-05 10:30 来源：新华网",
        heading="坚持稳中求进",
        editor="（责任编辑：张三）",
    )
    parsed = parse_text(text)
    assert parsed.section_path == ("新华网", "时政", "要闻")
    assert parsed.title == "国务院召开常务会议"


@pytest.mark.parametrize(
    ("meta", "published"),
    [
        ("2023年08月30日13:42    來源:旗幟網", "2023-08-30T13:42"),
        ("2023年8月30日 13:42 来源：旗帜网", "2023-08-30T13:42"),
        ("2023-08-30 13:42 来源：旗帜网", "2023-08-30T13:42"),
        ("2023/08/30 来源：旗帜网", "2023-08-30"),
        ("2023-08-30 13:42:07 | 来源：旗帜网", "2023-08-30T13:42:07"),
    ],
)
def test_date_forms(meta: str, published: str) -> None:
    parsed = parse_text(
        PAGE.format(crumbs="人民网>>时政", title="标题", meta=meta, heading="坚持", editor="")
    )
    assert parsed.published == published
    assert parsed.source in {"旗幟網", "旗帜网"}


@pytest.mark.parametrize(
    ("editor", "names"),
    [
        ("(責編:王子鋒、王珂園)", ("王子鋒", "王珂園")),
        ("（责任编辑：李四）", ("李四",)),
        ("（责编：王五，赵六）", ("王五", "赵六")),
        ("责任编辑：周七", ("周七",)),
        ("【编辑:吴八】", ("吴八",)),
    ],
)
def test_editor_lines_full_and_half_width(editor: str, names: tuple[str, ...]) -> None:
    parsed = parse_text(
        PAGE.format(crumbs="人民网>>时政", title="标题", meta="", heading="坚持", editor=editor)
    )
    assert parsed.editors == names
    assert all(n not in b.text for b in parsed.blocks for n in names)


def test_author_label_is_read() -> None:
    parsed = parse_text(
        PAGE.format(
            crumbs="",
            title="一篇报道",
            meta="2024年3月5日  来源：光明日报  作者：陈九",
            heading="坚持",
            editor="",
        )
    )
    assert parsed.source == "光明日报"
    assert parsed.author == "陈九"


def test_missing_fields_stay_absent() -> None:
    text = "一篇没有元数据的文章\n\n" + "这是正文的第一段，内容很长很长。" * 6 + "\n"
    parsed = parse_text(text)
    assert parsed.title == "一篇没有元数据的文章"
    assert parsed.section_path == ()
    assert parsed.published is None
    assert parsed.source is None
    assert parsed.editors == ()
    assert len(parsed.blocks) == 1


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("一、总体要求", 2),
        ("（一）指导思想", 3),
        ("(二)基本原则", 3),
        ("第一章 总则", 2),
        ("第三节 监督管理", 3),
    ],
)
def test_numbered_headings(line: str, level: int) -> None:
    prose = "各级政府要切实履行职责，加强组织领导，确保各项措施落实到位。" * 2
    text = f"关于某项工作的实施意见\n\n{line}\n\n{prose}\n\n{prose}\n"
    parsed = parse_text(text)
    assert parsed.blocks[0].kind is BlockKind.HEADING
    assert parsed.blocks[0].text == line
    assert parsed.blocks[0].level == level


def test_numbered_prose_is_a_paragraph_not_a_heading() -> None:
    long_item = "（一）加强组织领导。" + "各地要建立健全工作机制，明确责任分工，" * 4 + "确保落实。"
    parsed = parse_text(f"实施意见\n\n{long_item}\n")
    assert [b.kind for b in parsed.blocks] == [BlockKind.PARAGRAPH]


def test_plain_text_paragraphs_split_by_ideographic_indent() -> None:
    text = (
        "春天的故事\n"
        "\u3000\u3000第一段的第一行，\n"
        "接着写第一段的第二行。\n"
        "\u3000\u3000第二段开始了，\n"
        "第二段结束。\n"
        "\u3000\u3000第三段。\n"
    )
    parsed = parse_text(text)
    assert parsed.title == "春天的故事"
    assert paragraphs(parsed) == [
        "第一段的第一行，接着写第一段的第二行。",
        "第二段开始了，第二段结束。",
        "第三段。",
    ]


def test_plain_text_paragraphs_split_by_blank_lines_join_wrapped_lines() -> None:
    text = "标题\n\n第一段第一行\n第一段第二行。\n\nThe second\nparagraph wraps.\n"
    assert paragraphs(parse_text(text)) == [
        "第一段第一行第一段第二行。",
        "The second paragraph wraps.",
    ]


def test_crlf_cr_nbsp_and_zero_width_are_cleaned(seed_text: str) -> None:
    dirty = seed_text.replace("\n", "\r\n").replace("中聯部", "中\u200b聯\u200d部")
    assert parse_text(dirty).title == parse_text(seed_text).title
    mac = seed_text.replace("\n", "\r")
    assert parse_text(mac).blocks == parse_text(seed_text).blocks
    nbsp = "标题\n\n\u00a0\u00a0正文\u00a0第一段。\n"
    assert paragraphs(parse_text(nbsp)) == ["正文 第一段。"]


def test_prose_with_a_date_is_not_taken_for_a_meta_line() -> None:
    text = (
        "会议纪要\n"
        "2023年4月11日，结合举办年度工作座谈会，全体领导开展集体调查研究，为全部党员干部作表率。\n"
    )
    parsed = parse_text(text)
    assert parsed.published is None
    assert paragraphs(parsed)[0].startswith("2023年4月11日")


def test_script_detection(seed_text: str, converters: Converters) -> None:
    from reader.chinese import detect_script

    assert detect_script(seed_text, converters) is Script.TRADITIONAL
    assert detect_script(converters.convert("t2s", seed_text), converters) is Script.SIMPLIFIED
    assert detect_script("Hello, world 123", converters) is Script.UNKNOWN
    half = seed_text[:400] + converters.convert("t2s", seed_text[400:800])
    assert detect_script(half, converters) is Script.MIXED


def test_a_file_of_only_a_date_is_still_text() -> None:
    parsed = parse_text("2022-02-13\n")
    assert parsed.title == "2022-02-13"


def test_a_text_that_opens_with_its_first_paragraph_has_no_title_in_it(tmp_path: Path) -> None:
    first = (
        "在美国旧金山举行的中美元首会晤吸引了全世界的目光，"
        "多名外国专家认为中美合作共赢符合国际社会利益。"
    )
    second = "美中合作基金会执行主席认为，两国在气候变化、公共卫生等领域有广泛的合作空间。" * 2
    parsed = parse_text(f"{first}\n\n{second}\n")
    assert parsed.title is None  # not a 48-character sentence as a title…
    assert paragraphs(parsed)[0] == first  # … and the paragraph is kept
    path = tmp_path / "中美元首会晤.txt"
    path.write_text(f"{first}\n\n{second}\n", encoding="utf-8")
    article = Importer(Converters()).parse_file(path)
    assert article.title == "中美元首会晤"  # the file's name, as the browser saved it
    # A headline may end with ！ or ？: it stays the title.
    headline = "軍警強攻立院傳聞四起 總統府：不可能！"
    assert parse_text(f"{headline}\n\n{second}\n").title == headline
