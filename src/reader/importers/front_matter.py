"""YAML front matter: the small safe subset Reader's Markdown export writes.

Strings (plain, "double-quoted" with YAML's escapes, 'single-quoted'), lists
(`[a, "b"]`, or `key:` followed by `- item` lines), true/false and null. Nothing
is evaluated and no PyYAML is needed; nested mappings and other structures are
skipped, never guessed at.
"""

from __future__ import annotations

import re

Scalar = str | bool | None
_FRONT_MATTER_LINES = 200

_KEY_RE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$")
_ITEM_RE = re.compile(r"[ \t]*-[ \t]+(.*)$")
# One item of a flow list and the "," or "]" after it. Possessive (*+), and a plain
# item taken whole and stripped in code: a lazy item before `\s*` rescans every run
# of spaces (quadratic). A quoted item may contain "," and "]".
_FLOW_ITEM_RE = re.compile(
    r"""\s*+(?:("(?:[^"\\]|\\.)*+"|'(?:[^']|'')*+')\s*+|([^,\]]*+))([,\]])"""
)
# A comment after a plain value: "#" after whitespace, to the end of the line.
_COMMENT_RE = re.compile(r"\s#")
_YAML_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
    "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_YAML_ESCAPE_RE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)


def _double_quoted(body: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = m[1]
        if len(code) > 1:
            value = int(code[1:], 16)
            return chr(value) if value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF else "\ufffd"
        return _YAML_ESCAPES.get(code, code)

    return _YAML_ESCAPE_RE.sub(one, body)


def _scalar(value: str) -> Scalar:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return _double_quoted(value[1:-1])
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    comment = _COMMENT_RE.search(value)
    if comment is not None:  # a comment after a plain value
        value = value[: comment.start()].rstrip()
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    return value


def _flow_list(value: str) -> list[str]:
    items: list[str] = []
    inner = value.strip()[1:]
    pos = 0
    while pos < len(inner):
        m = _FLOW_ITEM_RE.match(inner, pos)
        if m is None:
            break
        item = _scalar(m[1] if m[1] is not None else m[2])
        if isinstance(item, str):
            items.append(item)
        pos = m.end()
        if m[3] == "]":
            break
    return items


def parse_front_matter(lines: list[str]) -> dict[str, Scalar | list[str]]:
    """`key: value`, `key: [a, "b"]` and `key:` followed by `- item` lines."""
    data: dict[str, Scalar | list[str]] = {}
    key: str | None = None
    pending: list[str] = []  # a flow list spread over several lines
    for line in lines:
        if pending:
            pending.append(line.strip())
            # Only the newest line can close it: the lines before did not end in "]".
            if line.rstrip().endswith("]") and key is not None:
                data[key], pending = _flow_list(" ".join(pending)), []
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM_RE.match(line)
        if item and key is not None and isinstance(data.get(key), list):
            value = _scalar(item[1])
            if isinstance(value, str):
                data[key].append(value)  # type: ignore[union-attr]
            continue
        m = _KEY_RE.match(line)
        if m is None or line[:1].isspace():
            key = None  # nested structures are not ours: skipped
            continue
        key, value = m[1], (m[2] or "").strip()
        if not value:
            data[key] = []
        elif value.startswith("["):
            if value.endswith("]"):
                data[key] = _flow_list(value)
            else:
                pending = [value]
        else:
            data[key] = _scalar(value)
    return data


def split_front_matter(text: str) -> tuple[list[str] | None, list[str]]:
    """(front matter lines or None, body lines)."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for i in range(1, min(len(lines), _FRONT_MATTER_LINES)):
            if lines[i].strip() in ("---", "..."):
                return lines[1:i], lines[i + 1 :]
    return None, lines


def has_front_matter(text: str) -> bool:
    """Whether the text opens with YAML front matter holding at least one key."""
    head = text[:20_000].lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not head.startswith("---"):
        return False
    front, _ = split_front_matter(head)
    return front is not None and any(_KEY_RE.match(line) for line in front)
