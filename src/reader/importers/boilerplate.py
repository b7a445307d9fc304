"""What is not the article: one set of pattern data for every input format.

resources/boilerplate/news_text.json holds the patterns (furniture such as share and
print links, editor lines, breadcrumbs, 来源/作者 meta lines, dates, credits); this
module compiles them and reads one line at a time with them. The text importer reads
the lines of a file, the HTML and Markdown importers the lines of their blocks: the
same data, the same code, whatever the format.

Every pattern is matched against one stripped line, and only against lines below a
length bound, so no pattern from data can make a long line quadratic work.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reader.domain import Block, fitting_levels

_CRUMB_TRIM = " \t\u3000-–—_·|｜:："
# Longest line taken for a breadcrumb part, a meta line, an editor or credit line.
CRUMB_MAX = 40
META_MAX = 100
EDITOR_MAX = 200


@dataclass(frozen=True)
class Patterns:
    """The data of resources/boilerplate/news_text.json, compiled."""

    furniture: re.Pattern[str]  # all furniture patterns as one alternation
    editor: re.Pattern[str]  # every editor pattern in one; names in group names_<n>
    name_separator: re.Pattern[str]
    breadcrumb_separator: re.Pattern[str]
    breadcrumb_noise: re.Pattern[str]
    source: re.Pattern[str]
    author: re.Pattern[str]
    date: re.Pattern[str]
    headings: tuple[tuple[re.Pattern[str], int], ...]
    # Credits and bylines: (作者为…), 版式设计：…, (记者…); group name_<n> fills author.
    credit: re.Pattern[str] | None = None
    kicker_end: re.Pattern[str] | None = None  # how a kicker line (引题) may end
    subtitle_start: re.Pattern[str] | None = None  # how a subtitle line (副题) starts
    title_separator: re.Pattern[str] | None = None  # "_人民网", " - 中時電子報"
    date_label: re.Pattern[str] | None = None  # 发布时间：, 發表於 … before a date
    date_us: re.Pattern[str] | None = None  # 9/17/2004 5:54:13 AM, after a label only
    date_issue: re.Pattern[str] | None = None  # ——《北京之春》1998年3月号: a month
    heading_noise: re.Pattern[str] | None = None  # "[编辑]" after a wiki heading
    caption: re.Pattern[str] | None = None  # ▲…, …(圖／…提供): a picture's, never a heading
    date_compact: re.Pattern[str] | None = None  # 20231001, read in titles only
    title_junk: re.Pattern[str] | None = None  # "null", "无标题": no title at all
    # 出生日期, 成立时间 …: a date of something else, never the page's own date.
    date_other: re.Pattern[str] | None = None

    @staticmethod
    def load(path: Path) -> Patterns:
        data = json.loads(path.read_text(encoding="utf-8"))
        field_end = r"(?=\s{{2,}}|[|｜]|\s+(?:{}|{}|編輯|编辑)\s*[:：]|$)".format(
            data["source_label"],
            data["author_label"],
        )

        def labelled(labels: str, not_after: str = "") -> re.Pattern[str]:
            # not_after: two-character words that make the label another's
            # (資料來源 under a fact box is not the article's source).
            before = rf"(?<!{not_after})" if not_after else ""
            return re.compile(rf"{before}(?:{labels})\s*[:：]\s*(?P<v>.+?)\s*{field_end}")

        def optional(key: str) -> re.Pattern[str] | None:
            return re.compile(data[key]) if key in data else None

        def one_of(patterns: list[str], group: str) -> re.Pattern[str]:
            # One alternation, tried once per line; each pattern's named group renamed
            # apart (group_0, group_1, …), as a name may appear only once.
            return re.compile(
                "|".join(
                    f"(?:{p.replace(f'(?P<{group}>', f'(?P<{group}_{i}>')})"
                    for i, p in enumerate(patterns)
                )
            )

        return Patterns(
            furniture=re.compile("|".join(f"(?:{p})" for p in data["furniture"])),
            editor=one_of(data["editor"], "names"),
            name_separator=re.compile(data["name_separator"]),
            breadcrumb_separator=re.compile(data["breadcrumb_separator"]),
            breadcrumb_noise=re.compile(data["breadcrumb_noise"]),
            source=labelled(data["source_label"], data.get("source_not_after", "")),
            author=labelled(data["author_label"]),
            date=re.compile(data["date"]),
            headings=tuple((re.compile(h["pattern"]), int(h["level"])) for h in data["headings"]),
            credit=one_of(data["credit"], "name") if data.get("credit") else None,
            kicker_end=optional("kicker_end"),
            subtitle_start=optional("subtitle_start"),
            title_separator=optional("title_separator"),
            date_label=optional("date_label"),
            date_us=optional("date_us"),
            date_issue=optional("date_issue"),
            heading_noise=optional("heading_noise"),
            caption=optional("caption"),
            date_compact=optional("date_compact"),
            title_junk=optional("title_junk"),
            date_other=optional("date_other"),
        )


@cache
def default_patterns() -> Patterns:
    from reader.resources import resource_path

    return Patterns.load(resource_path("boilerplate", "news_text.json"))


@dataclass
class ParsedText:
    """What a parser found; the importer adds id, script and origin."""

    title: str | None = None
    section_path: tuple[str, ...] = ()
    published: str | None = None
    source: str | None = None
    author: str | None = None
    editors: tuple[str, ...] = ()
    blocks: list[Block] = field(default_factory=list)
    site: str | None = None  # the host of the page's address (html_meta.site_key)


def parse_published(match: re.Match[str]) -> str | None:
    """ISO 8601 as the article states it: date, or date and time; no timezone."""
    try:
        date = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
    if match.groupdict().get("H") is None:
        return date.isoformat()
    hour, minute = int(match["H"]), int(match["M"])
    second = int(match["S"]) if match["S"] is not None else None
    if (match.groupdict().get("p") or "").lower() == "pm" and hour < 12:
        hour += 12
    if hour > 23 or minute > 59 or (second is not None and second > 59):
        return date.isoformat()
    time = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second is not None else "")
    return f"{date.isoformat()}T{time}"


class Header:
    """Reads breadcrumb and meta lines (date, 来源, 作者) into a ParsedText."""

    def __init__(self, pat: Patterns, result: ParsedText) -> None:
        self.pat = pat
        self.result = result

    def breadcrumb(self, line: str) -> tuple[tuple[str, ...], str] | None:
        """(section, the rest of the line past the levels that fit) of a breadcrumb
        line, or None if the line is not one."""
        if any(ch in line for ch in "。！？"):
            return None
        # Where each part starts and ends. The separator pattern matches the separator
        # alone: parts are stripped here, and a `\s*` around it would make every search
        # rescan a long run of spaces (quadratic).
        starts, ends = [0], []
        for sep in self.pat.breadcrumb_separator.finditer(line):
            ends.append(sep.start())
            starts.append(sep.end())
        ends.append(len(line))
        if len(starts) < 2:
            return None
        names: list[str] = []
        name_starts: list[int] = []
        for start, end in zip(starts, ends, strict=True):
            part = line[start:end].strip()
            if not part or len(part) > CRUMB_MAX:
                return None
            # Site furniture around a level: "首页", "您现在的位置：", a date, "读书 -".
            crumb = part.strip(_CRUMB_TRIM)
            for _ in range(2):  # "当前位置：首页": the label, then what it leaves
                crumb = self.pat.breadcrumb_noise.sub("", crumb).strip(_CRUMB_TRIM)
            crumb = self.pat.date.sub("", crumb).strip(_CRUMB_TRIM)
            if crumb:
                names.append(crumb)
                name_starts.append(start)
        if not names:
            return None
        kept = fitting_levels(names)
        rest = line[name_starts[kept] :].strip() if kept < len(names) else ""
        return tuple(names[:kept]), rest

    def meta(self, line: str, labelled_only: bool = False) -> bool:
        """Take published/source/author from a meta line; False if it is not one.

        With `labelled_only`, only a line with a 来源 or 作者 label counts (in the
        body, a bare date may be a paragraph of its own)."""
        if len(line) > META_MAX or line.endswith(tuple("。！？")):
            return False
        date = self.pat.date.search(line)
        source = self.pat.source.search(line)
        author = self.pat.author.search(line)
        if not (date or source or author) or (labelled_only and not (source or author)):
            return False
        if date and not (source or author):
            # A bare date line: little else may stand on it, or it is prose.
            rest = line[: date.start()] + line[date.end() :]
            if len(rest.strip(" |｜·-—:：()（）[]【】")) > 12:
                return False
            before = line[max(0, date.start() - 12) : date.start()]
            if self.pat.date_other is not None and self.pat.date_other.search(before):
                return False
        r = self.result
        if date and r.published is None:
            r.published = parse_published(date)
        if source and r.source is None:
            r.source = source["v"]
        if author and r.author is None:
            r.author = author["v"]
        return True


def date_in(line: str, pat: Patterns, labelled: bool = False) -> str | None:
    """The date (and time) a short line states, or None; with `labelled`, only a date
    after a label such as 发布时间：."""
    if len(line) > META_MAX or line.endswith(tuple("。！？")):
        return None
    m = pat.date.search(line)
    if m is None and labelled and pat.date_us is not None:
        m = pat.date_us.search(line)
    if m is None:
        return None
    if pat.date_other is not None and pat.date_other.search(
        line[max(0, m.start() - 12) : m.start()]
    ):
        return None
    if labelled:
        before = line[max(0, m.start() - 12) : m.start()]
        if pat.date_label is None or not pat.date_label.search(before):
            return None
    return parse_published(m)


def title_date(title: str, pat: Patterns) -> str | None:
    """A date a title states: 2023年8月30日, 2023-08-30, or 20231001 in a digest's
    title (《新闻联播》 (20231001))."""
    m = pat.date.search(title[:META_MAX]) or (
        pat.date_compact.search(title[:META_MAX]) if pat.date_compact else None
    )
    return parse_published(m) if m is not None else None


def issue_date(line: str, pat: Patterns) -> str | None:
    """The month of a magazine issue named in a credit line (——《北京之春》1998年3月号)."""
    if pat.date_issue is None or len(line) > CRUMB_MAX:
        return None
    m = pat.date_issue.match(line)
    if m is None or not 1 <= int(m["m"]) <= 12:
        return None
    return f"{m['y']}-{int(m['m']):02d}"


def editors(line: str, pat: Patterns) -> tuple[str, ...] | None:
    """The names of an editor line ((责任编辑：甲、乙)), or None if it is not one."""
    if len(line) > EDITOR_MAX:
        return None
    m = pat.editor.match(line)
    if m is None:
        return None
    found = next((v for v in m.groupdict().values() if v is not None), "")
    return tuple(n for n in pat.name_separator.split(found.strip()) if n)


def credit(line: str, pat: Patterns) -> str | None:
    """A credit or byline line: the name it gives ("" when it names nobody, as in
    （作者为北京大学教授）), or None if the line is not one."""
    if len(line) > META_MAX or pat.credit is None:
        return None
    m = pat.credit.match(line)
    if m is None:
        return None
    name = next((v for v in m.groupdict().values() if v is not None), None)
    return name.strip() if name else ""


def is_furniture(line: str, pat: Patterns) -> bool:
    # Furniture is a short line: a paragraph of prose is never tried.
    return len(line) <= EDITOR_MAX and pat.furniture.match(line) is not None
