"""An article's author and source as a reader wants to see them: the name, not
what came with it.

Pages and their metadata give an author with a label's tail (芊草凡凡 时间：2005-08-22),
an affiliation (赵 培：北京物资学院), a list ending in the outlet (陳亭均／綜合報導,
中國時報), a book it comes from (赵婕出自[人民文学出版社]), or something that is no
author at all: the CMS that made the page (Discuz! Team, 大汉网络), a user id
(L_104485), an address, a sentence. The first are cut to the name; the others give
no author.
"""

from __future__ import annotations

import re

# An icon font's glyph beside a name (U+E000–U+F8FF): nothing a reader can read.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
# Where the name ends: a date or source label, a book it comes from, an affiliation.
_TAIL = re.compile(r"(?:時間|时间|日期|發佈|发布|來源|来源)\s*[:：]|出自|[:：]|[／/]")
# Longer is no name (and no pattern here is tried on more).
_MAX_FOUND = 200
_SCHEME = re.compile(r"(?i)\s*(?:javascript|data|mailto|https?|ftp|file):")
_LABEL = re.compile(r"^(?:(?:作者|記者|记者)\s*[:：／/]?|(?:撰文|撰稿|文)\s*[:：／/])\s*")
# A name two characters long is often set with a space between them (赵 培).
_SPACED_PAIR = re.compile(r"^([\u4e00-\u9fff])\s+([\u4e00-\u9fff])$")
# What is not a person or a byline: software, a company that builds sites, an id,
# an address, a sentence or a quotation.
_NOT_AN_AUTHOR = re.compile(
    r"(?i)\b(?:discuz|comsenz|phpcms|dedecms|empirecms|wordpress|joomla|drupal|powered)\b"
    r"|(?:網絡|网络|科技|軟件|软件)(?:股份)?(?:有限)?(?:公司)?$|有限公司$"
    r"|^[a-z]{0,3}[_-]?\d{4,}$"
    r"|www\.|https?:|\.(?:com|cn|net|org|tw|hk)\b"
    r"|[。！？；“”「」]"
)


def author_name(text: str | None) -> str | None:
    """The author's name in `text` as found on a page; None if it names no author."""
    if not text or len(text) > _MAX_FOUND or "://" in text or _SCHEME.match(text):
        return None  # no name, or an address (a social-media page, a script)
    text = _PRIVATE_USE.sub("", text)
    name = re.split(r"[,，]", text.strip(), maxsplit=1)[0].strip()  # a list: its first
    name = _LABEL.sub("", name)
    cut = _TAIL.search(name)
    if cut is not None:
        name = name[: cut.start()].rstrip()
    name = _SPACED_PAIR.sub(r"\1\2", name.strip())
    if not name or _NOT_AN_AUTHOR.search(name):
        return None
    return name


# The source as pages give it: in brackets ([ 国际金融报 ]), with the time it was
# posted after it (太原晚报 2021-11-25 16:26:07), or a word that names no outlet
# (转载文章, 原创, 网络).
_BRACKETED = re.compile(r"^[\[【〔(（]\s*(.*?)\s*[\]】〕)）]$")
_STAMP = re.compile(r"(?<=\s)(?:\d{4}\s*[-/.年]|\d{1,2}:\d{2}).*$")
_NO_OUTLET = re.compile(
    r"^(?:轉載|转载|原創|原创|網絡|网络|互聯網|互联网|本站|本網|本网|未知|不詳|不详|佚名)"
    r"(?:文章|作品)?$|^(?:轉載|转载)\s*(?:作者|自)"
)


def source_name(text: str | None) -> str | None:
    """The outlet a source names; None if it names none."""
    if not text or len(text) > _MAX_FOUND:
        return None
    name = _BRACKETED.sub(r"\1", _PRIVATE_USE.sub("", text).strip())
    name = _STAMP.sub("", name).strip()
    if not name or _NO_OUTLET.search(name) or "://" in name:
        return None
    return name


# An outlet, not a person: 聯合新聞網, 中央通訊社, 中時電子報, 自由時報. A person's name
# is two to four characters and does not end so.
_OUTLET = re.compile(
    r"(?:新聞|新闻|電子報|电子报|通訊社|通讯社|日報|日报|時報|时报|晚報|晚报|週刊|周刊"
    r"|[網网社報报臺台雲云])$|新聞|新闻"
)


def is_outlet(name: str) -> bool:
    """Whether an "author" names the outlet rather than a person."""
    return len(name) >= 4 and _OUTLET.search(name) is not None
