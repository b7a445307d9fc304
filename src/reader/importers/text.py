"""Articles from text: news pages saved as text, and ordinary plain text.

A saved news page looks like this (people.com.cn, Xinhua, gov.cn …)::

    中國共產黨新聞網>>黨建>>…            breadcrumb → section path
    分享                                  furniture (resources/boilerplate)
    中聯部在主題教育期間深入開展調查研究  title
    2023年08月30日13:42    來源:旗幟網    meta line → published, source
    …paragraphs and short headings…
    (責編:王子鋒、王珂園)                 editors

Every part is optional; a field that is not there stays absent, never guessed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reader.domain import ZERO_WIDTH, Block, fitting_levels

# Lines at the top that may still be breadcrumb, title or meta.
_HEADER_LINES = 8
# Longest line taken for a breadcrumb part, a meta line or a heading.
_CRUMB_MAX = 40
_META_MAX = 100
_HEADING_MAX = 40
_TITLE_MAX = 100
# Longest line read as an editor line: patterns from data are only ever searched in
# short lines, so none of them can turn a long line into quadratic work.
_EDITOR_MAX = 200
# A short line is a heading only if the article also has real prose.
_PROSE_MIN = 80
_SENTENCE_END = "。！？!?；;…：:"
_CLOSERS = "”’」』）)》】"

_NBSP_RE = re.compile("[\u00a0\u2007\u202f]")
_ZERO_WIDTH_RE = re.compile(f"[{ZERO_WIDTH}]")


@dataclass(frozen=True)
class Patterns:
    """The data of resources/boilerplate/news_text.json, compiled."""

    furniture: re.Pattern[str]  # all furniture patterns as one alternation
    editor: tuple[re.Pattern[str], ...]
    name_separator: re.Pattern[str]
    breadcrumb_separator: re.Pattern[str]
    breadcrumb_noise: re.Pattern[str]
    source: re.Pattern[str]
    author: re.Pattern[str]
    date: re.Pattern[str]
    headings: tuple[tuple[re.Pattern[str], int], ...]

    @staticmethod
    def load(path: Path) -> Patterns:
        data = json.loads(path.read_text(encoding="utf-8"))
        field_end = r"(?=\s{{2,}}|[|｜]|\s+(?:{}|{}|編輯|编辑)\s*[:：]|$)".format(
            data["source_label"],
            data["author_label"],
        )

        def labelled(labels: str) -> re.Pattern[str]:
            return re.compile(rf"(?:{labels})\s*[:：]\s*(?P<v>.+?)\s*{field_end}")

        return Patterns(
            furniture=re.compile("|".join(f"(?:{p})" for p in data["furniture"])),
            editor=tuple(re.compile(p) for p in data["editor"]),
            name_separator=re.compile(data["name_separator"]),
            breadcrumb_separator=re.compile(data["breadcrumb_separator"]),
            breadcrumb_noise=re.compile(data["breadcrumb_noise"]),
            source=labelled(data["source_label"]),
            author=labelled(data["author_label"]),
            date=re.compile(data["date"]),
            headings=tuple((re.compile(h["pattern"]), int(h["level"])) for h in data["headings"]),
        )


@cache
def default_patterns() -> Patterns:
    from reader.resources import resource_path

    return Patterns.load(resource_path("boilerplate", "news_text.json"))


@dataclass
class ParsedText:
    """What the text parser found; the importer adds id, script and origin."""

    title: str | None = None
    section_path: tuple[str, ...] = ()
    published: str | None = None
    source: str | None = None
    author: str | None = None
    editors: tuple[str, ...] = ()
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class _Line:
    text: str  # stripped
    indented: bool  # began with ideographic or repeated spaces
    blank_before: bool


def clean_text(text: str) -> str:
    """Newlines to LF, NBSP to space, zero-width characters removed."""
    # re.sub, not str.translate: translate is slow on non-ASCII text.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ZERO_WIDTH_RE.sub("", _NBSP_RE.sub(" ", text))


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    blank = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            blank = True
            continue
        lead = raw[: len(raw) - len(raw.lstrip())]
        indented = "\u3000" in lead or "\t" in lead or len(lead) >= 2
        out.append(_Line(stripped, indented, blank))
        blank = False
    return out


def parse_published(match: re.Match[str]) -> str | None:
    """ISO 8601 as the article states it: date, or date and time; no timezone."""
    try:
        date = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
    if match["H"] is None:
        return date.isoformat()
    hour, minute = int(match["H"]), int(match["M"])
    second = int(match["S"]) if match["S"] is not None else None
    if hour > 23 or minute > 59 or (second is not None and second > 59):
        return date.isoformat()
    time = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second is not None else "")
    return f"{date.isoformat()}T{time}"


class _Header:
    """Reads breadcrumb, title and meta lines from the top of the text."""

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
            if not part or len(part) > _CRUMB_MAX:
                return None
            crumb = self.pat.breadcrumb_noise.sub("", part).strip()
            if crumb:
                names.append(crumb)
                name_starts.append(start)
        if not names:
            return None
        kept = fitting_levels(names)
        rest = line[name_starts[kept] :].strip() if kept < len(names) else ""
        return tuple(names[:kept]), rest

    def meta(self, line: str) -> bool:
        """Take published/source/author from a meta line; False if it is not one."""
        if len(line) > _META_MAX or line.endswith(tuple("。！？")):
            return False
        date = self.pat.date.search(line)
        source = self.pat.source.search(line)
        author = self.pat.author.search(line)
        if not (date or source or author):
            return False
        if date and not (source or author):
            # A bare date line: little else may stand on it, or it is prose.
            rest = line[: date.start()] + line[date.end() :]
            if len(rest.strip(" |｜·-—:：()（）[]【】")) > 12:
                return False
        r = self.result
        if date and r.published is None:
            r.published = parse_published(date)
        if source and r.source is None:
            r.source = source["v"]
        if author and r.author is None:
            r.author = author["v"]
        return True


def _editors(line: str, pat: Patterns) -> tuple[str, ...] | None:
    if len(line) > _EDITOR_MAX:
        return None
    for rx in pat.editor:
        m = rx.match(line)
        if m:
            names = pat.name_separator.split(m["names"].strip())
            return tuple(n for n in names if n)
    return None


def _is_furniture(line: str, pat: Patterns) -> bool:
    return pat.furniture.match(line) is not None


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in _SENTENCE_END


def _paragraphs(lines: list[_Line]) -> list[list[str]]:
    """Group body lines into paragraphs.

    Blank lines separate paragraphs when the text uses them; otherwise an
    indented line (　　 or spaces) starts one; with neither, each line is one.
    """
    if not lines:
        return []
    uses_blank = any(ln.blank_before for ln in lines[1:])
    uses_indent = sum(ln.indented for ln in lines) >= max(2, len(lines) // 3)
    groups: list[list[str]] = []
    for ln in lines:
        starts = (
            not groups
            or (uses_blank and ln.blank_before)
            or (uses_indent and ln.indented)
            or (not uses_blank and not uses_indent)
        )
        if starts:
            groups.append([ln.text])
        else:
            groups[-1].append(ln.text)
    return groups


def _join(parts: list[str]) -> str:
    """Join wrapped lines: no space between Chinese, one between Latin words."""
    out = [parts[0]]
    for before, part in itertools.pairwise(parts):  # lines are never empty
        end, start = before[-1], part[0]
        if end.isascii() and end.isalnum() and start.isascii() and start.isalnum():
            out.append(" ")
        out.append(part)  # a list joined once: += would copy the text at every line
    return "".join(out)


def _blocks(groups: list[list[str]], pat: Patterns) -> list[Block]:
    has_prose = any(len(_join(g)) >= _PROSE_MIN for g in groups)
    blocks: list[Block] = []
    for i, group in enumerate(groups):
        text = _join(group)
        single_short = len(group) == 1 and len(text) <= _HEADING_MAX and not _ends_sentence(text)
        level = next((lv for rx, lv in pat.headings if rx.match(text)), None)
        if single_short and level is not None:
            blocks.append(Block.heading(text, level))
        elif single_short and has_prose and i < len(groups) - 1:
            blocks.append(Block.heading(text, 2))
        else:
            blocks.append(Block.paragraph(text))
    return blocks


def parse_text(text: str, pat: Patterns | None = None) -> ParsedText:
    """Split a decoded text into header fields and body blocks."""
    pat = pat or default_patterns()
    result = ParsedText()
    editors: list[str] = []
    kept: list[_Line] = []
    for ln in _lines(clean_text(text)):
        names = _editors(ln.text, pat)
        if names is not None:
            editors.extend(n for n in names if n not in editors)
        elif not _is_furniture(ln.text, pat):
            kept.append(ln)
    result.editors = tuple(editors)

    header = _Header(pat, result)
    body_start = 0
    overflow = ""  # breadcrumb levels past what a section holds: kept as text
    for i, ln in enumerate(kept[:_HEADER_LINES]):
        if result.title is None and not result.section_path:
            crumbs = header.breadcrumb(ln.text)
            if crumbs:
                result.section_path, overflow = crumbs
                body_start = i + 1
                continue
        if header.meta(ln.text):
            body_start = i + 1
            continue
        if result.title is None and len(ln.text) <= _TITLE_MAX:
            result.title = ln.text
            body_start = i + 1
            continue
        break
    result.blocks = _blocks(_paragraphs(kept[body_start:]), pat)
    if result.title is None and not result.blocks and kept:
        # Nothing but header-like lines (a file holding only a date, say):
        # plain text after all, first line the title.
        result.title = kept[0].text[:_TITLE_MAX]
    if overflow:
        result.blocks.insert(0, Block.paragraph(overflow))
    return result
