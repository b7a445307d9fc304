"""What a saved page says about itself: title, date and time, author, source.

Read from the whole page before main-content extraction: <meta> tags, JSON-LD
(schema.org NewsArticle) and the page's headings. The names and hints are data
(resources/boilerplate/web_page.json); dates are read with the date pattern of the
text importer (news_text.json), so `2023年08月30日13:42`, `2023-08-30T13:42:05+08:00`
and `2023/08/30 13:42` all read the same way.

The title is the article's own headline: a heading of the page (<h1>, or an element
whose class names it a title) that the <title> or og:title also carries, without the
site's name around it ("_人民网", " - 中時電子報").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from reader.importers.boilerplate import Patterns, parse_published
from reader.importers.names import author_name, is_outlet

_JSON_LD_MAX = 200_000  # characters of one JSON-LD script read
_CANDIDATE_MAX = 200  # title candidates looked at
_TITLE_MIN, _TITLE_MAX = 2, 120
_SPACE_RE = re.compile(r"\s+")
_ISO_T_RE = re.compile(r"(\d)T(\d)")
_LOCAL_OFFSETS = ("+08:00", "+0800", "+08")  # China, Taiwan, Hong Kong: local time as written


@dataclass(frozen=True)
class PageData:
    """web_page.json, compiled."""

    date_meta: tuple[str, ...]
    modified_meta: tuple[str, ...]
    title_meta: tuple[str, ...]
    author_meta: tuple[str, ...]
    source_meta: tuple[str, ...]
    site_meta: tuple[str, ...]
    title_class: re.Pattern[str]
    breadcrumb_class: re.Pattern[str]
    site_words: re.Pattern[str]

    @staticmethod
    def load(path: Path) -> PageData:
        d = json.loads(path.read_text(encoding="utf-8"))
        return PageData(
            date_meta=tuple(d["date_meta"]),
            modified_meta=tuple(d["modified_meta"]),
            title_meta=tuple(d["title_meta"]),
            author_meta=tuple(d["author_meta"]),
            source_meta=tuple(d["source_meta"]),
            site_meta=tuple(d["site_meta"]),
            title_class=re.compile(d["title_class"], re.I),
            breadcrumb_class=re.compile(d["breadcrumb_class"], re.I),
            site_words=re.compile(d["site_words"]),
        )


@cache
def default_page_data() -> PageData:
    from reader.resources import resource_path

    return PageData.load(resource_path("boilerplate", "web_page.json"))


@dataclass
class PageMeta:
    title: str | None = None
    published: str | None = None
    modified: str | None = None  # when the page was last changed: the date of last resort
    author: str | None = None
    source: str | None = None
    site: str | None = None  # the site's name: the section of a page with no breadcrumb
    address: str | None = None  # the host of the page's own address (site_key)
    headings: list[str] = field(default_factory=list)  # the page's own title candidates


def text_of(el: etree._Element) -> str:
    return _SPACE_RE.sub(" ", "".join(el.itertext())).strip()


def _meta_values(root: etree._Element) -> dict[str, str]:
    values: dict[str, str] = {}
    for el in root.iter("meta"):
        content = el.get("content")
        if not content or not content.strip():
            continue
        for attr in ("name", "property", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                values.setdefault(key.strip().lower(), content.strip())
    for el in root.iter("time"):  # <time datetime=… itemprop=datePublished|pubdate>
        stamp = el.get("datetime")
        if stamp and (el.get("pubdate") is not None or el.get("itemprop") == "datePublished"):
            values.setdefault("datepublished", stamp)
    return values


# A mobile or "www" host is the same site as the bare one.
_HOST_PREFIXES = ("www.", "m.", "wap.")


def _page_address(root: etree._Element, values: dict[str, str]) -> str | None:
    """The page's own address: its canonical link, else its og:url."""
    for el in root.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        if "canonical" in rel and (href := (el.get("href") or "").strip()):
            return href
    return values.get("og:url")


# What a browser's "Save as" writes at the top of a page: <!-- saved from url=(0054)http://… -->
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)


def saved_from(text: str) -> str | None:
    """The address a browser noted at the top of a page it saved, if any."""
    match = _SAVED_FROM.search(text, 0, 4096)
    return match[1] if match else None


def site_key(address: str | None) -> str | None:
    """The site an address names: its host in lower case, without a port or a
    leading www. (m., wap.); None for an address without a host name."""
    if not address:
        return None
    try:
        host = urlsplit(address.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            return host[len(prefix) :]
    return host


def _json_ld(root: etree._Element) -> Iterator[dict[str, object]]:
    """Every JSON object in the page's JSON-LD scripts, nested ones included."""
    for el in root.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text[:_JSON_LD_MAX])
        except ValueError:
            continue
        stack: list[object] = [data]
        seen = 0
        while stack and seen < 1000:
            item = stack.pop()
            seen += 1
            if isinstance(item, dict):
                yield item
                stack.extend(v for v in item.values() if isinstance(v, dict | list))
            elif isinstance(item, list):
                stack.extend(item)


def _name(value: object) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _name(value.get("name"))
    if isinstance(value, list) and value:
        return _name(value[0])
    return None


def read_date(value: str, pat: Patterns) -> str | None:
    """A date (and time, as written in local time) from a metadata value."""
    value = _ISO_T_RE.sub(r"\1 \2", value[:100])  # 2023-08-30T13:42 as 2023-08-30 13:42
    m = pat.date.search(value)
    if m is None:
        return None
    published = parse_published(m)
    if published is None or "T" not in published:
        return published
    rest = value[m.end() : m.end() + 10].strip()
    if rest[:1] in ("+", "-") and not rest.startswith(_LOCAL_OFFSETS):
        return published.split("T")[0]  # a time in another zone: the date only
    if rest[:1] == "Z":
        return published.split("T")[0]
    return published


def _headings(root: etree._Element, data: PageData) -> list[str]:
    """The page's title candidates: <h1>–<h3> and elements named as titles."""
    found: list[str] = []
    for el in root.iter("h1", "h2", "h3", "div", "span", "p", "td", "strong", "font", "b"):
        if len(found) >= _CANDIDATE_MAX:
            break
        tag = el.tag
        named = data.title_class.search(f"{el.get('class') or ''} {el.get('id') or ''}")
        if tag in ("h1", "h2", "h3") or named:
            text = text_of(el)
            if _TITLE_MIN <= len(text) <= _TITLE_MAX:
                found.append(text)
    return found


def _compact(text: str) -> str:
    return _SPACE_RE.sub("", text)


def _parts(reference: str, pat: Patterns) -> list[str]:
    if pat.title_separator is None:
        return [reference]
    parts = [p.strip() for p in pat.title_separator.split(reference) if p and p.strip()]
    if pat.title_junk is not None:
        parts = [p for p in parts if not pat.title_junk.match(p)]
    return parts


def _site_like(part: str, data: PageData, sites: list[str]) -> bool:
    return any(_compact(part) == _compact(s) for s in sites) or bool(data.site_words.search(part))


def _segments(reference: str, pat: Patterns, data: PageData, sites: list[str]) -> list[str]:
    """A <title>'s parts without the site's name."""
    parts = _parts(reference, pat)
    kept = [p for p in parts if not _site_like(p, data, sites)]
    return kept or parts[:1]  # may be empty: a <title> of junk alone


def choose_title(
    headings: list[str],
    references: list[str],
    pat: Patterns,
    data: PageData,
    sites: list[str],
    site: str | None = None,
) -> str | None:
    """The article's headline: a page heading that is a reference title without the
    site's name; else the longest page heading that a reference title carries; else
    the reference's longest part that is not the site's name, unless that is the
    `site`'s own name (a government CMS's <title> is often the site and a column
    alone, 北医新闻网_(新闻)): then the longest page heading that does not look like
    a site's name, if there is one."""
    cleaned = [max(parts, key=len) for r in references if (parts := _segments(r, pat, data, sites))]
    wanted = {_compact(c) for c in cleaned}
    if pat.title_junk is not None:
        headings = [h for h in headings if not pat.title_junk.match(h)]
    exact = [h for h in headings if _compact(h) in wanted]
    if exact:
        return max(exact, key=lambda h: len(_compact(h)))
    compact_refs = [_compact(r) for r in references if r]
    best: str | None = None
    for heading in headings:
        h = _compact(heading)
        if len(h) < 2:
            continue
        carried = any(h == r or (h in r and len(h) * 3 >= len(r)) for r in compact_refs)
        if carried and (best is None or len(h) > len(_compact(best))):
            best = heading
    if best is not None:
        return best
    if cleaned and site and _compact(cleaned[0]) == _compact(site):
        own = [h for h in headings if len(_compact(h)) >= 4 and not _site_like(h, data, sites)]
        if own:
            return max(own, key=lambda h: len(_compact(h)))
    return cleaned[0] if cleaned else None


def read_meta(root: etree._Element, pat: Patterns, data: PageData) -> PageMeta:
    meta = PageMeta()
    values = _meta_values(root)
    ld = list(_json_ld(root))
    for key in data.date_meta:
        if key in values:
            meta.published = read_date(values[key], pat)
            if meta.published:
                break
    if meta.published is None:
        for obj in ld:
            stamp = obj.get("datePublished") or obj.get("dateCreated")
            if isinstance(stamp, str):
                meta.published = read_date(stamp, pat)
                if meta.published:
                    break
    for key in data.modified_meta:
        if key in values and (stamp := read_date(values[key], pat)):
            meta.modified = stamp
            break
    if meta.modified is None:
        for obj in ld:
            stamp = obj.get("dateModified")
            if isinstance(stamp, str):
                meta.modified = read_date(stamp, pat)
                if meta.modified:
                    break
    # The metadata's author, unless it is the CMS that made the page, an address, a
    # sentence or the outlet (聯合新聞網): then JSON-LD's, and a byline may yet name
    # the writer (reader.importers.structure).
    candidates = [values[k] for k in data.author_meta if k in values]
    candidates += [n for o in ld if (n := _name(o.get("author"))) is not None]
    names = [n for c in candidates if (n := author_name(c)) is not None and len(n) <= 40]
    meta.author = next((n for n in names if not is_outlet(n)), names[0] if names else None)
    meta.source = next((values[k] for k in data.source_meta if k in values), None)
    if meta.source is not None and len(meta.source) > 40:
        meta.source = None
    if meta.source is None:  # the outlet named as the author is the source
        meta.source = next((n for n in names if is_outlet(n)), None)

    references: list[str] = []
    for obj in ld:
        headline = obj.get("headline")
        if isinstance(headline, str) and headline.strip():
            references.append(_SPACE_RE.sub(" ", headline).strip())
    references += [_SPACE_RE.sub(" ", values[k]) for k in data.title_meta if k in values]
    title_el = root.find(".//title")
    if title_el is not None:
        references.append(text_of(title_el))
    sites = [values[k] for k in data.site_meta if k in values]
    meta.address = site_key(_page_address(root, values))
    meta.headings = _headings(root, data)
    meta.site = site_name(sites, references[-1] if title_el is not None else None, pat, data)
    meta.title = choose_title(meta.headings, references, pat, data, sites, meta.site)
    return meta


_SITE_MAX = 20  # longer is a slogan or a sentence, not a site's name
_BRACKETED = re.compile(r"[(（【\[].*[)）】\]]")


def site_name(sites: list[str], title: str | None, pat: Patterns, data: PageData) -> str | None:
    """The site's name: its metadata (og:site_name …), else the part of the <title>
    that names a site (短缺药品保供稳价-新华网 → 新华网)."""
    for site in sites:
        site = _SPACE_RE.sub(" ", site).strip()
        if 0 < len(site) <= _SITE_MAX:
            return site
    if title is None or pat.title_separator is None:
        return None
    parts = _parts(title, pat)
    columns = [p for p in parts if _BRACKETED.fullmatch(p)]  # 北医新闻网_(新闻): a column's
    rest = [p for p in parts if p not in columns]
    # The last part names the site and the first is the headline; a <title> of the
    # site and its column alone has no headline.
    for part in reversed(rest[1:] if len(rest) > 1 or not columns else rest):
        if len(part) <= _SITE_MAX and data.site_words.search(part):
            return part
    return None
