"""Markdown inline text → plain text: what the Markdown importer keeps of a paragraph.

Backslash escapes and entities are decoded (once: the result is never parsed again),
code spans kept as written, `[text](url)` and `![alt](src)` reduced to their text,
emphasis marks removed. Raw HTML never passes (traps #8): tags are dropped with their
text kept, block tags (<p>, <div>, <br> …) split the paragraph, and <script>, <style>
and the like lose their content too.
"""

from __future__ import annotations

import bisect
import html
import re

SOFT = "\x00"  # a soft line break until lines are joined; NULs in input became U+FFFD
HARD = "\n"
_PUNCT = r"[!-/:-@\[-`{-~]"
_BLOCK_TAGS = frozenset(
    ("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
     "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
     "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead",
     "tr", "ul")
)  # fmt: skip
# Every construct that looks ahead is bounded ({0,N}); the ends of comments and
# <script> bodies are searched for once and remembered when absent; emphasis
# closers, code span ends and link brackets are found in tables built in one pass
# (_Closers): a hostile paragraph of unclosed "[", "`", "*" or "<!--" costs linear
# time, not quadratic, and no bracket is scanned twice.
_INLINE_RE = re.compile(
    rf"""(?P<esc>\\{_PUNCT})
    |(?P<ent>&(?:\#[0-9]{{1,7}}|\#[xX][0-9a-fA-F]{{1,6}}|[A-Za-z][A-Za-z0-9]{{1,31}});)
    |(?P<drop><(?P<dropname>script|style|template|iframe|object|noscript|textarea)\b
        [^<>]{{0,2000}}>)
    |(?P<auto><(?P<autotext>[A-Za-z][A-Za-z0-9+.-]{{1,31}}:[^\s<>]{{0,2000}})>)
    |(?P<tag></?(?P<tagname>[A-Za-z][A-Za-z0-9-]{{0,31}})(?:\s[^<>]{{0,2000}})?/?>)
    |(?P<fnref>\[\^[^\]\s]{{1,100}}\])
    """,
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)
# What follows a link's "]": (destination "title") or [reference]. Possessive (*+, ++)
# where a run of spaces could otherwise be rescanned at each step back.
_LINK_TAIL_RE = re.compile(
    r"""\(\s*+(?:<[^<>\n]{0,2000}+>|[^\s()]{0,2000}+(?:\([^\s()]{0,500}+\)[^\s()]{0,500}+){0,10}+)
        (?:\s++(?:"[^"]{0,500}+"|'[^']{0,500}+'|\([^)]{0,500}+\)))?\s*+\)
    |\[[^\]]{0,500}+\]""",
    re.VERBOSE,
)
_BRACKET_RE = re.compile(r"\\.|[\[\]]", re.DOTALL)  # an escape, or a bracket
# Link and emphasis text is parsed again inside; past this depth it is kept as written.
_MAX_NESTING = 16
_SPECIAL_RE = re.compile(r"[\\&`<\[*_~]|!\[")
# Emphasis openers, longest first; the closer is found through _Closers.
_OPENER_RE = re.compile(r"(\*{1,3}|(?<![A-Za-z0-9])_{1,3}|~~)(?=\S)")


def _char(code: int) -> str:
    # As HTML does: NUL, surrogates and out-of-range code points become U+FFFD.
    if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return "\ufffd"
    return chr(code)


def _entity(ent: str) -> str:
    if ent[1] == "#":
        x = ent[2] in "xX"
        return _char(int(ent[3:-1] if x else ent[2:-1], 16 if x else 10))
    decoded = html.unescape(ent)
    return decoded if decoded != ent else ent  # an unknown name stays as written


def inline(text: str, depth: int = 0) -> list[str]:
    """Markdown inline text → plain text, split where block-level HTML tags were.

    Whitespace written as such at either end of a piece is layout and is dropped;
    whitespace written as an entity (&#32;) is text and is kept.
    """
    if depth > _MAX_NESTING:  # links in links in links …: no recursion without end
        return [text]
    out: list[list[tuple[str, bool]]] = [[]]  # pieces: (text, written raw)
    absent: set[str] = set()  # closers known not to occur again in `text`
    closers = _Closers(text)
    pos = 0
    while True:
        special = _SPECIAL_RE.search(text, pos)
        if special is None:
            out[-1].append((text[pos:], True))
            break
        start = special.start()
        out[-1].append((text[pos:start], True))
        if special[0] in "*_~":
            found = closers.emphasis(start)
            if found is not None:  # emphasis: its marks go, its text stays
                inner, pos = found
                _nest(out, inline(inner, depth + 1))
                continue
        if special[0] == "`":
            end, code = closers.code(start)
            out[-1].append((text[start:end], True) if code is None else (code, False))
            pos = end
            continue
        if text.startswith("<!--", start):
            end = _find(text, "-->", start + 4, absent)
            if end >= 0:  # a comment: nothing of it is text
                pos = end
                continue
        m = _INLINE_RE.match(text, start)
        if m is None and special[0] in ("[", "!["):
            link = closers.link(special.end() - 1)
            if link is not None:  # a link or image: its text stays, the URL goes
                inner, pos = link
                _nest(out, inline(inner, depth + 1))
                continue
        if m is None:
            out[-1].append((special[0], True))
            pos = special.end()
            continue
        pos = m.end()
        kind = _kind(m)
        if kind == "esc":
            out[-1].append((m["esc"][1], False))
        elif kind == "ent":
            out[-1].append((_entity(m["ent"]), False))
        elif kind == "auto":
            out[-1].append((m["autotext"], False))
        elif kind == "drop":  # <script>, <style> …: their content goes too
            end = _find(text, rf"</{m['dropname'].lower()}\s*>", pos, absent)
            pos = max(pos, end)
        elif kind == "tag" and m["tagname"].lower() in _BLOCK_TAGS:
            out.append([])
        # fnref: a footnote mark is not text
    return [_trimmed(pieces) for pieces in out]


def _nest(out: list[list[tuple[str, bool]]], parts: list[str]) -> None:
    """Link or emphasis text, already made plain, into the pieces being collected."""
    out[-1].append((parts[0], False))
    out.extend([(part, False)] for part in parts[1:])


class _Closers:
    """Where emphasis and code spans close, found by bisecting precomputed positions
    (the same answer as a lazy regex, in log time instead of a scan per opener)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.positions: dict[str, list[int]] = {}
        self.tick_runs: dict[int, list[int]] | None = None  # run length -> starts
        self.brackets: dict[int, int] | None = None  # "[" -> its "]"

    def link(self, bracket: int) -> tuple[str, int] | None:
        """(text, end) of the link whose "[" is at `bracket`, or None.

        Brackets nest to any depth and a backslash escapes the character after it;
        the "]" must be followed by a destination or a reference.
        """
        if self.brackets is None:
            self.brackets = {}
            opened: list[int] = []
            for m in _BRACKET_RE.finditer(self.text):
                if m[0] == "[":
                    opened.append(m.start())
                elif m[0] == "]" and opened:
                    self.brackets[opened.pop()] = m.start()
        close = self.brackets.get(bracket)
        if close is None:
            return None
        tail = _LINK_TAIL_RE.match(self.text, close + 1)
        if tail is None:
            return None
        return self.text[bracket + 1 : close], tail.end()

    def code(self, start: int) -> tuple[int, str | None]:
        """(where the text goes on, the code span's text) for the backticks at `start`.

        A code span closes at the next run of exactly as many backticks, and its
        text is kept as written; backticks that close nothing are text, the whole
        run at once (None).
        """
        if self.tick_runs is None:
            self.tick_runs = {}
            for m in re.finditer("`+", self.text):
                self.tick_runs.setdefault(len(m[0]), []).append(m.start())
        run = start
        while run < len(self.text) and self.text[run] == "`":
            run += 1
        size = run - start
        starts = self.tick_runs.get(size, [])
        i = bisect.bisect_left(starts, run)
        if i == len(starts):
            return run, None
        return starts[i] + size, self.text[run : starts[i]]

    def emphasis(self, start: int) -> tuple[str, int] | None:
        """(inner text, end) of the emphasis opening at `start`, or None."""
        opener = _OPENER_RE.match(self.text, start)
        if opener is None:
            return None
        run = opener[1]
        # Longest mark first, as a regex would; strikethrough is "~~" only.
        sizes = [2] if run == "~~" else range(len(run), 0, -1)
        for size in sizes:
            mark = run[:size]
            if not self.text[start + size : start + size + 1].strip():
                continue  # the mark must be followed by a non-space
            close = self._next(mark, start + size + 1)
            if close >= 0:
                return self.text[start + size : close], close + size
        return None

    def _next(self, mark: str, after: int) -> int:
        positions = self.positions.get(mark)
        if positions is None:
            # Overlapping on purpose (a lookahead): "***" holds "**" at two places.
            pattern = rf"(?<=\S)(?={re.escape(mark)})"
            positions = [m.start() for m in re.finditer(pattern, self.text)]
            self.positions[mark] = positions
        i = bisect.bisect_left(positions, after)
        return positions[i] if i < len(positions) else -1


def _find(text: str, closer: str, start: int, absent: set[str]) -> int:
    """The end of the first `closer` (a regex, any case) from `start`, or -1;
    a closer found absent once is not searched for again in the same text."""
    if closer in absent:
        return -1
    found = re.compile(closer, re.IGNORECASE).search(text, start)
    if found is None:
        absent.add(closer)
        return -1
    return found.end()


def _trimmed(pieces: list[tuple[str, bool]]) -> str:
    """The pieces joined, raw whitespace (and soft breaks) removed at both ends."""
    pieces = [p for p in pieces if p[0]]
    # Indices, not pop(0): a paragraph of thousands of empty tags must stay linear.
    first, last = 0, len(pieces)
    while first < last and pieces[first][1]:
        head = pieces[first][0].lstrip(_BLANK)
        if head:
            pieces[first] = (head, True)
            break
        first += 1
    while first < last and pieces[last - 1][1]:
        tail = pieces[last - 1][0].rstrip(_BLANK)
        if tail:
            pieces[last - 1] = (tail, True)
            break
        last -= 1
    return "".join(p for p, _ in pieces[first:last])


# What str.strip() removes, and soft breaks: one strip call, never a regex
# (`\s+$` is quadratic on long inner runs of spaces).
_BLANK = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + SOFT


_KINDS = frozenset({"esc", "ent", "drop", "auto", "tag", "fnref"})


def _kind(m: re.Match[str]) -> str:
    # Not m.lastgroup: that names the last group closed, a nested one for some kinds.
    return next(k for k in _KINDS if m[k] is not None)


def _join_soft(text: str) -> str:
    """Soft line breaks: nothing between Chinese, one space between Latin words."""
    parts = text.split(SOFT)
    out = [parts[0]]
    last = parts[0][-1:]  # the last character written so far
    for part in parts[1:]:
        if last.isascii() and last.isalnum() and part[:1].isascii() and part[:1].isalnum():
            out.append(" ")
        out.append(part)  # a list joined once: += would copy the text at every break
        last = part[-1:] or last
    return "".join(out)


def inline_text(text: str) -> list[str]:
    """The non-empty texts of an inline run, soft breaks resolved."""
    return [t for t in (_join_soft(s) for s in inline(text)) if t]
