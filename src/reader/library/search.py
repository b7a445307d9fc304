"""Searching the library: a query string in, ranked articles with snippets out.

- Words separated by spaces are terms; an article must hold every term (in its
  title or its body). A quoted phrase ("…" or “…”) is one term, spaces
  included; an unclosed quote runs to the end. Terms are substrings of the
  folded text (reader.chinese.folding), so 干部 finds 幹部 and one character
  finds every article holding it.
- Ranking: articles holding every term in the title first, then the rest;
  within each, the most recently added or re-imported first. This order is
  the index's own, so the first page costs the same however many articles
  match; a relevance score would have to look at all of them.
- No query string raises: terms are turned into FTS5 phrases of single
  characters, never spliced in as FTS5 syntax.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.chinese.folding import original_span
from reader.library import search_index

if TYPE_CHECKING:
    from reader.chinese.folding import Folder

Span = tuple[int, int]

_QUOTED = re.compile(r'["“”„「『]([^"“”」』]*)["“”」』]?|(\S+)')
_BEFORE, _AFTER = 24, 72  # characters of context in a snippet


def clean(text: str) -> str:
    """A query as text SQLite can take: lone surrogates (an undecodable command
    line) become U+FFFD."""
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def parse_terms(text: str, folder: Folder) -> tuple[str, ...]:
    """The folded terms of a query, each once, in order; empty ones dropped."""
    terms: list[str] = []
    for quoted, word in _QUOTED.findall(clean(text)):
        term = folder.fold(quoted if quoted else word).strip()
        if term and term not in terms:
            terms.append(term)
    return tuple(terms)


def _phrase(term: str) -> str:
    # Tokens are single characters; none is '"' (ASCII punctuation became a
    # private-use character), so the phrase cannot be broken out of.
    return '"' + " ".join(search_index.tokens(term)) + '"'


def hit_spans(folder: Folder, text: str, terms: Sequence[str]) -> list[Span]:
    """Where the terms occur in `text`, as spans of the original text, in order,
    overlapping ones merged."""
    if not text or not terms:
        return []
    if not any(term in folder.fold(text) for term in terms):
        return []  # the usual case, at the speed of str.translate
    folded, offsets = folder.fold_with_offsets(text)
    spans: list[Span] = []
    for term in terms:
        at = folded.find(term)
        while at >= 0:
            spans.append(original_span(offsets, at, at + len(term)))
            at = folded.find(term, at + len(term))
    spans.sort()
    merged: list[Span] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def article_hits(
    folder: Folder, title: str, blocks: Sequence[str], terms: Sequence[str]
) -> list[tuple[int, int, int]]:
    """Every hit in an article as (block, start, end); block -1 is the title."""
    hits = [(-1, s, e) for s, e in hit_spans(folder, title, terms)]
    for index, text in enumerate(blocks):
        hits.extend((index, s, e) for s, e in hit_spans(folder, text, terms))
    return hits


@dataclass(frozen=True)
class Snippet:
    text: str  # original script; the caller converts it for display
    spans: tuple[Span, ...]  # the hits within `text`


def snippet(text: str, spans: Sequence[Span]) -> Snippet:
    """A window of `text` around its first hit, with the hits inside it."""
    if not spans:
        return Snippet(text[: _BEFORE + _AFTER].replace("\n", " "), ())
    first = spans[0]
    start = max(0, first[0] - _BEFORE)
    end = min(len(text), max(first[1], first[0] + _AFTER))
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    inside = tuple(
        (max(s, start) - start + len(lead), min(e, end) - start + len(lead))
        for s, e in spans
        if s < end and e > start
    )
    return Snippet(lead + text[start:end].replace("\n", " ") + tail, inside)


@dataclass(frozen=True)
class SearchHit:
    article_id: str
    title: str
    section: tuple[str, ...]
    published: str | None
    snippet: Snippet
    title_spans: tuple[Span, ...]
    block: int  # the first block holding a hit; -1: only the title does
    span: Span  # that first hit, within the block (or the title)


@dataclass(frozen=True)
class SearchResult:
    query: str
    terms: tuple[str, ...]
    total: int | None  # None when the count was not asked for
    hits: list[SearchHit] = field(default_factory=list)
    elapsed_ms: float = 0.0


@dataclass(frozen=True)
class Filters:
    section: str | None = None  # a section's name, at any level; its sub-sections too
    since: str | None = None  # ISO date (or a prefix: 2023, 2023-05): published on or after
    until: str | None = None  # published on or before (the whole day, month or year)


class Searcher:
    """Searches through one connection. `visible` is an SQL condition on the
    articles row (alias ``a``) that every result meets: the place to leave out
    articles in the trash (e.g. ``a.trashed_at IS NULL``)."""

    def __init__(
        self, conn: sqlite3.Connection, folder: Folder, visible: str = "a.trashed_at IS NULL"
    ) -> None:
        self.conn = conn
        self.folder = folder
        self.visible = visible

    def search(
        self, query: str, filters: Filters | None = None, limit: int = 50, count: bool = True
    ) -> SearchResult:
        """The first `limit` results (0: all) and, with `count`, how many there are."""
        begun = time.perf_counter()
        filters = filters or Filters()
        terms = parse_terms(query, self.folder)
        if not terms:
            return SearchResult(query, terms, 0 if count else None, [], _ms(begun))
        where, params = self._where(filters)
        if where is None:
            return SearchResult(query, terms, 0 if count else None, [], _ms(begun))
        match = " AND ".join(_phrase(t) for t in terms)
        pending_title, pending_rest = self._pending(terms, where, params)
        # Pending docs are newer than every indexed one, so they come first.
        want = limit if limit > 0 else None
        titles = pending_title + self._indexed("search_titles", match, where, params, want)
        order = titles[:want] if want is not None else titles
        if want is None or len(order) < want:
            known = {doc for doc, _ in titles}
            extra = None if want is None else want - len(order) + len(known)
            found = self._indexed("search_text", match, where, params, extra)
            rest = pending_rest + [hit for hit in found if hit[0] not in known]
            order += rest if want is None else rest[: want - len(order)]
        total = None
        if count:
            total = len(pending_title) + len(pending_rest) + self._count(match, where, params)
        hits = self._hits([aid for _doc, aid in order], terms)
        return SearchResult(query, terms, total, hits, _ms(begun))

    def _where(self, filters: Filters) -> tuple[str | None, list[object]]:
        """SQL conditions on ``a`` for the filters; None when nothing can match."""
        conds = [f"({self.visible})"]
        params: list[object] = []
        if filters.section:
            ids = self._section_ids(filters.section)
            if not ids:
                return None, []
            conds.append("a.section_id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(sorted(ids)))
        if filters.since:
            conds.append("a.published >= ?")
            params.append(filters.since)
        if filters.until:
            conds.append("a.published <= ?")
            params.append(filters.until + "\uffff")
        return " AND " + " AND ".join(conds), params

    def _sections(self) -> dict[int, tuple[int, str]]:
        rows = self.conn.execute("SELECT id, parent_id, name FROM sections").fetchall()
        return {int(i): (int(p), str(n)) for i, p, n in rows}

    def _section_ids(self, name: str) -> set[int]:
        sections = self._sections()
        wanted = self.folder.fold(clean(name)).strip()
        found = {i for i, (_p, n) in sections.items() if self.folder.fold(n).strip() == wanted}
        children: dict[int, list[int]] = {}
        for i, (parent, _n) in sections.items():
            children.setdefault(parent, []).append(i)
        todo = list(found)
        while todo:
            for child in children.get(todo.pop(), []):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return found

    def _indexed(
        self, table: str, match: str, where: str, params: list[object], limit: int | None
    ) -> list[tuple[int, str]]:
        sql = (
            f"SELECT d.doc, a.id FROM {table} s JOIN search_docs d ON d.doc = s.rowid "
            f"JOIN articles a ON a.id = d.article_id WHERE {table} MATCH ?"
            + where
            + " ORDER BY s.rowid DESC"
        )
        args: list[object] = [match, *params]
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return [(int(d), str(a)) for d, a in self.conn.execute(sql, args)]

    def _count(self, match: str, where: str, params: list[object]) -> int:
        sql = (
            "SELECT count(*) FROM search_text s JOIN search_docs d ON d.doc = s.rowid "
            "JOIN articles a ON a.id = d.article_id WHERE search_text MATCH ?" + where
        )
        return int(self.conn.execute(sql, [match, *params]).fetchone()[0])

    def _pending(
        self, terms: tuple[str, ...], where: str, params: list[object]
    ) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """Docs not yet in the index, matched by reading them: (title hits, others)."""
        rows = self.conn.execute(
            "SELECT d.doc, a.id, a.title, a.blocks FROM search_docs d "
            "JOIN articles a ON a.id = d.article_id WHERE d.doc > ?"
            + where
            + " ORDER BY d.doc DESC",
            [search_index.flushed(self.conn), *params],
        ).fetchall()
        in_title: list[tuple[int, str]] = []
        others: list[tuple[int, str]] = []
        fold = self.folder.fold
        for doc, aid, title, blocks in rows:
            t = fold(str(title))
            if all(term in t for term in terms):
                in_title.append((int(doc), str(aid)))
                continue
            body = fold(search_index.body_text(search_index.blocks_of(blocks)))
            if all(term in t or term in body for term in terms):
                others.append((int(doc), str(aid)))
        return in_title, others

    def _hits(self, ids: list[str], terms: tuple[str, ...]) -> list[SearchHit]:
        if not ids:
            return []
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.section_id, a.published, a.blocks FROM articles a "
            "WHERE a.id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        ).fetchall()
        by_id = {str(r[0]): r for r in rows}
        sections = self._sections()
        hits = []
        for aid in ids:
            row = by_id.get(aid)
            if row is not None:
                hits.append(self._hit(row, terms, sections))
        return hits

    def _hit(
        self,
        row: tuple[object, ...],
        terms: tuple[str, ...],
        sections: dict[int, tuple[int, str]],
    ) -> SearchHit:
        aid, title, section_id, published, blocks_json = row
        title = str(title)
        title_spans = tuple(hit_spans(self.folder, title, terms))
        block, spans, text = -1, list(title_spans), title
        for index, block_text in enumerate(search_index.blocks_of(blocks_json)):
            folded = self.folder.fold(block_text)
            if any(term in folded for term in terms):
                block, spans, text = index, hit_spans(self.folder, block_text, terms), block_text
                break
        first = spans[0] if spans else (0, 0)
        return SearchHit(
            article_id=str(aid),
            title=title,
            section=_path(sections, int(str(section_id))),
            published=None if published is None else str(published),
            snippet=snippet(text, spans),
            title_spans=title_spans,
            block=block,
            span=first,
        )


def _path(sections: dict[int, tuple[int, str]], section_id: int) -> tuple[str, ...]:
    names: list[str] = []
    seen: set[int] = set()
    while section_id in sections and section_id not in seen:
        seen.add(section_id)
        parent, name = sections[section_id]
        names.append(name)
        section_id = parent
    return tuple(reversed(names))


def _ms(begun: float) -> float:
    return round((time.perf_counter() - begun) * 1000, 2)


def open_for_search(path: Path) -> sqlite3.Connection:
    """A read-only connection to the library for searches run off the UI thread
    (one at a time; `interrupt()` from another thread stops the one running)."""
    from reader.library.db import open_read_only

    return open_read_only(path, any_thread=True)
