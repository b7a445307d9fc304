"""Accuracy of reading saved pages, against the ground truth in ../shared/corpus. Prints JSON.

    uv run python benchmarks/extraction_bench.py                  # Reader, readability-lxml
    uv run --with trafilatura==2.3.1 python benchmarks/extraction_bench.py   # and trafilatura
    ... --details                                                 # every page's scores

Measures, for Reader and for each extraction library alone (given the page's bytes,
as they are meant to be used):
- body: character F1 of the main text against the hand-made truth of the
  Chinese-Web-Content-Extraction-Dataset (69 pages; whitespace ignored, characters
  counted as a multiset); also on the other full-text truths (newspaper4k, goose3).
- titles: right on the pages with a title truth (taiwanese_news_parser exact, twnews
  "contains", trafilatura and newspaper4k exact), compared without whitespace.
- dates: right on the 56 hand-annotated pages whose truth is a date, and on the 44
  other pages with a date truth (taiwanese_news_parser, twnews, trafilatura,
  htmldate, newspaper4k); right = the same year, month and day, as far as the truth
  gives them. With a time in the truth, whether the time is right too is counted apart.
- authors: on the 69 hand-annotated pages whose truth names someone (the dataset counts
  an editor as an author, so the article's author and editors are read together), and
  the reporters of taiwanese_news_parser (its reporter_name) and twnews's authors:
  right when every name in the truth is among them. Only Reader reads authors here.
- substrings: the body holds what the truths say it must, and not what it must not.
- boilerplate: pages whose body keeps a 责任编辑, 来源 or breadcrumb line.
- speed: Reader's time per page (best of 3), median and worst.

The corpus pages are never copied into the project (../shared/corpus/README.md).
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CWCED = CORPUS / "chinese_web_content_extraction_dataset"

_WS = re.compile(r"\s+")
_DATE = re.compile(r"(\d{4})(?:[-/](\d{1,2}))?(?:[-/](\d{1,2}))?(?:[ T](\d{1,2}):(\d{2}))?")
# A line left in the body that is a 责任编辑, 来源 or breadcrumb line.
_LEFT_EDITOR = re.compile(r"^[\s(（【\[]*(责任编辑|責任編輯|责编|責編)\s*[:：]")
_LEFT_SOURCE = re.compile(r"^[\s(（【\[]*(文章)?(来源|來源)\s*[:：]")
_LEFT_CRUMB = re.compile(
    r"(当前位置|當前位置|您的位置|您现在的位置)\s*[:：]|\S\s*(>>|＞＞)\s*\S.*(>>|＞＞)"
)


@dataclass
class Page:
    path: Path
    group: str
    body: str | None = None  # full-text truth
    title: str | None = None
    title_contains: bool = False
    date: str | None = None
    hand_date: bool = False  # the hand-annotated set
    includes: list[str] = field(default_factory=list)
    excludes: list[str] = field(default_factory=list)
    author: str | None = None  # the names the truth gives, blank-separated


@dataclass
class Extracted:
    title: str | None
    date: str | None
    body: str
    seconds: float = 0.0
    credits: tuple[str, ...] | None = None  # author and editors; None: not read


def _cwced() -> Iterator[Page]:
    for path in sorted((CWCED / "original").glob("*.html")):
        uid = path.stem
        body = (CWCED / "cleaned" / f"{uid}.txt").read_text(encoding="utf-8", errors="replace")
        date = (CWCED / "date" / f"{uid}.txt").read_text(encoding="utf-8").strip()
        who = CWCED / "author" / f"{uid}.txt"
        author = who.read_text(encoding="utf-8", errors="replace").strip() if who.exists() else ""
        named = author if author and author != "UNKNOWN" else None
        yield Page(path, "cwced", body=body, date=date if _DATE.match(date) else None,
                   hand_date=True, author=named)  # fmt: skip


def _others() -> Iterator[Page]:
    tnp = CORPUS / "taiwanese_news_parser"
    for e in json.loads((tnp / "expected.json").read_text(encoding="utf-8")):
        yield Page(tnp / e["file"], "taiwanese_news_parser", title=e["title"],
                   date=e.get("published_at_local"), includes=e.get("content_includes", []),
                   excludes=e.get("content_excludes", []),
                   author=e.get("reporter_name") or None)  # fmt: skip
    tw = CORPUS / "twnews"
    for e in json.loads((tw / "expected.json").read_text(encoding="utf-8")):
        yield Page(tw / e["file"], "twnews", title=e["title_contains"], title_contains=True,
                   date=e["date_local"], includes=[e["contents_contains"]],
                   author=e.get("author") or None)  # fmt: skip
    tr = CORPUS / "trafilatura"
    for e in json.loads((tr / "expected_evaldata.json").read_text(encoding="utf-8")).values():
        yield Page(tr / "html" / e["file"], "trafilatura", title=e["title"].strip(),
                   date=e["date"], includes=e["with"], excludes=e["without"])  # fmt: skip
    hd = CORPUS / "htmldate"
    for e in json.loads((hd / "expected_dates.json").read_text(encoding="utf-8")).values():
        yield Page(hd / "html" / e["file"], "htmldate", date=e["date"])
    n4k = CORPUS / "newspaper4k"
    for path in sorted((n4k / "html").glob("*.html")):
        meta = n4k / "expected_metadata" / f"{path.stem}.json"
        data = json.loads(meta.read_text(encoding="utf-8")) if meta.exists() else {}
        text = n4k / "expected_text" / f"{path.stem}.txt"
        yield Page(path, "newspaper4k", body=text.read_text(encoding="utf-8"),
                   title=data.get("title"), date=data.get("publish_date"))  # fmt: skip
    g3 = CORPUS / "goose3"
    truth = json.loads((g3 / "test_bbc_chinese.json").read_text(encoding="utf-8"))
    yield Page(g3 / "test_bbc_chinese.html", "goose3", body=truth["expected"]["cleaned_text"])


def char_f1(found: str, truth: str) -> float:
    a, b = Counter(_WS.sub("", found)), Counter(_WS.sub("", truth))
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


def _parts(stamp: str) -> tuple[str | None, ...]:
    m = _DATE.search(stamp)
    if m is None:
        return (None,) * 5
    return tuple(str(int(g)) if g is not None else None for g in m.groups())


def date_right(found: str | None, truth: str) -> tuple[bool, bool | None]:
    """(the date is right as far as the truth goes, the time too — None if no time)."""
    if not found:
        return False, (False if _parts(truth)[3] else None)
    t, f = _parts(truth), _parts(found)
    day = all(tv is None or tv == fv for tv, fv in zip(t[:3], f[:3], strict=True))
    if t[3] is None:
        return day, None
    return day, day and t[3:] == f[3:]


def title_right(found: str | None, page: Page) -> bool:
    if not found or page.title is None:
        return False
    f, t = _WS.sub("", found), _WS.sub("", page.title)
    return t in f if page.title_contains else f == t


_NAMES = re.compile(r"[\s、,，]+")


def author_right(credits: tuple[str, ...], truth: str) -> bool:
    """Every name of the truth is among the article's credits (whitespace ignored
    inside a name: 赵 培 is 赵培)."""
    found = {n for c in credits for n in _NAMES.split(c) if n}
    found |= {_WS.sub("", c) for c in credits}
    return all(n in found for n in _NAMES.split(truth.strip()) if n)


def left_boilerplate(body: str) -> list[str]:
    return [
        line
        for line in body.split("\n")
        if len(line) <= 200
        and (_LEFT_EDITOR.search(line) or _LEFT_SOURCE.search(line) or _LEFT_CRUMB.search(line))
    ]


# --- extractors ---------------------------------------------------------------


def reader_extractor(rounds: int = 3) -> Callable[[Path], Extracted]:
    from reader.chinese import Converters
    from reader.importers import Importer

    importer = Importer(Converters())

    def run(path: Path) -> Extracted:
        data = path.read_bytes()
        best = None
        for _ in range(rounds):
            start = time.perf_counter()
            article = importer.parse_bytes(data, origin=path)
            took = time.perf_counter() - start
            best = took if best is None else min(best, took)
        body = "\n".join(b.text for b in article.blocks)
        credits = (*([article.author] if article.author else []), *article.editors)
        return Extracted(article.title, article.published, body, best or 0.0, credits)

    return run


def readability_extractor() -> Callable[[Path], Extracted]:
    from lxml import html
    from readability import Document

    def run(path: Path) -> Extracted:
        doc = Document(path.read_bytes())
        title = doc.short_title()
        summary = doc.summary(html_partial=True)
        root = html.fragment_fromstring(summary, create_parent="div")
        for br in root.iter("br"):
            br.tail = "\n" + (br.tail or "")
        for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "tr"):
            el.tail = "\n" + (el.tail or "")
        return Extracted(title, None, root.text_content())

    return run


def trafilatura_extractor() -> Callable[[Path], Extracted] | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def run(path: Path) -> Extracted:
        doc = trafilatura.bare_extraction(path.read_bytes(), with_metadata=True)
        if doc is None:
            return Extracted(None, None, "")
        return Extracted(doc.title, doc.date, doc.text or "")

    return run


def all_pages() -> list[Page]:
    return [*_cwced(), *_others()]


def evaluate(name: str, run: Callable[[Path], Extracted], pages: list[Page], details: bool) -> dict:
    hand_f1: list[float] = []
    other_f1: list[float] = []
    titles = [0, 0]
    hand_dates = [0, 0]
    other_dates = [0, 0]
    times_right = [0, 0]
    subs = [0, 0]
    authors: dict[str, list[int]] = {
        "cwced": [0, 0],
        "taiwanese_news_parser": [0, 0],
        "twnews": [0, 0],
    }
    left: dict[str, list[str]] = {}
    seconds: list[float] = []
    failures: dict[str, str] = {}
    rows = []
    for page in pages:
        key = f"{page.group}/{page.path.name}"
        try:
            got = run(page.path)
        except Exception as exc:  # a tool that fails on a page scores 0 there
            failures[key] = f"{type(exc).__name__}: {exc}"
            got = Extracted(None, None, "")
        seconds.append(got.seconds)
        row: dict[str, object] = {"page": key}
        if page.body is not None:
            f1 = char_f1(got.body, page.body)
            (hand_f1 if page.group == "cwced" else other_f1).append(f1)
            row["f1"] = round(f1, 3)
        if page.title is not None:
            ok = title_right(got.title, page)
            titles[0] += ok
            titles[1] += 1
            row["title"] = [ok, got.title, page.title]
        if page.date is not None:
            day, clock = date_right(got.date, page.date)
            tally = hand_dates if page.hand_date else other_dates
            tally[0] += day
            tally[1] += 1
            if clock is not None:
                times_right[0] += clock
                times_right[1] += 1
            row["date"] = [day, got.date, page.date]
        if page.author is not None and got.credits is not None and page.group in authors:
            ok = author_right(got.credits, page.author)
            authors[page.group][0] += ok
            authors[page.group][1] += 1
            row["author"] = [ok, list(got.credits), page.author]
        for s in page.includes:
            subs[0] += _WS.sub("", s) in _WS.sub("", got.body)
            subs[1] += 1
        for s in page.excludes:
            subs[0] += _WS.sub("", s) not in _WS.sub("", got.body)
            subs[1] += 1
        bad = left_boilerplate(got.body)
        if bad:
            left[key] = bad[:3]
        rows.append(row)
    result: dict[str, object] = {
        "body_f1_hand_mean": round(statistics.fmean(hand_f1), 4) if hand_f1 else None,
        "body_f1_hand_pages_at_least_0.9": f"{sum(f >= 0.9 for f in hand_f1)}/{len(hand_f1)}",
        "body_f1_other_mean": round(statistics.fmean(other_f1), 4) if other_f1 else None,
        "titles_right": f"{titles[0]}/{titles[1]}",
        "dates_right_hand": f"{hand_dates[0]}/{hand_dates[1]}",
        "dates_right_other": f"{other_dates[0]}/{other_dates[1]}",
        "times_right_where_truth_has_one": f"{times_right[0]}/{times_right[1]}",
        "substrings_right": f"{subs[0]}/{subs[1]}",
        "pages_with_boilerplate_left": len(left),
        "failures": failures,
    }
    if name == "reader":
        hand, tw = authors["cwced"], authors["taiwanese_news_parser"]
        result["authors_right_hand"] = f"{hand[0]}/{hand[1]}"
        result["reporters_right_taiwanese"] = f"{tw[0]}/{tw[1]}"
        result["authors_right_twnews"] = "{}/{}".format(*authors["twnews"])
        ms = sorted(s * 1000 for s in seconds)
        result["ms_per_page_median"] = round(statistics.median(ms), 1)
        result["ms_per_page_worst"] = round(ms[-1], 1)
    if details:
        result["pages"] = rows
        result["boilerplate_left"] = left
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--details", action="store_true", help="every page's scores")
    parser.add_argument("--only", choices=["reader", "readability", "trafilatura"])
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}")
    pages = all_pages()
    tools: dict[str, Callable[[Path], Extracted] | None] = {
        "reader": reader_extractor(),
        "readability-lxml": readability_extractor(),
        "trafilatura": trafilatura_extractor(),
    }
    out: dict[str, object] = {
        "benchmark": "extraction",
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
        "python": platform.python_version(),
        "pages": len(pages),
    }
    for name, run in tools.items():
        if run is None or (args.only and not name.startswith(args.only)):
            continue
        out[name] = evaluate(name, run, pages, args.details)
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
