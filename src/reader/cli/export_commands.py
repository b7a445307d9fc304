"""`reader export`: an article (REF) or a whole section to md, html, txt, pdf or docx.

Never overwrites: a single export whose target exists fails with "exists" (the
app's dialog asks instead; the command line has no --force), and a section export
numbers clashing names "title (2).md". Markdown, HTML, text and Word never load Qt.

`-o PATH` of one article: an existing folder, or a PATH ending in a separator
(`out/`), is a folder: the file goes inside it, named after the title, and a
missing one is created (with its parents), as `--section` does. Anything else
names the file itself, whose folder must exist. `-o -` writes to standard output:
text formats as text, PDF and Word as bytes, but not to a terminal.
"""

from __future__ import annotations

import argparse
import io
import itertools
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.cli import ExitCode, err
from reader.cli.library_commands import _lookup, glossary_of, store_of
from reader.domain import Article, Bookmark
from reader.library import LibraryError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from reader.chinese.convert import ScriptConverter
    from reader.export import ExportDocument, ExportOptions
    from reader.library import ArticleStore, SectionRow


def _bookmarks(conn: sqlite3.Connection, article_id: str) -> list[Bookmark]:
    try:
        from reader.library.bookmarks import BookmarkStore
    except ModuleNotFoundError:  # a build without bookmarks: there are no notes to export
        return []
    return BookmarkStore(conn).for_article(article_id)


class _Sources:
    """The library, converter, corrections and notes an export needs, opened only if used:
    exporting a file as it is never creates a library."""

    def __init__(self, args: argparse.Namespace, options: ExportOptions) -> None:
        self.args = args
        self.options = options
        self._store: ArticleStore | None = None
        self._converter: ScriptConverter | None = None

    def store(self) -> ArticleStore:
        if self._store is None:
            self._store = store_of(self.args)
        return self._store

    def converter(self) -> ScriptConverter | None:
        from reader.chinese.convert import ScriptMode

        if self.options.script is ScriptMode.ORIGINAL:
            return None
        if self._converter is None:
            from reader.chinese import Converters
            from reader.chinese.convert import ScriptConverter

            self._converter = ScriptConverter(Converters(), glossary_of(self.args))
        return self._converter

    def document(self, article: Article) -> ExportDocument:
        from reader.export import prepare
        from reader.library.corrections import Correction, CorrectionStore

        corrections: list[Correction] = []
        bookmarks: list[Bookmark] = []
        if self.options.corrected or self.options.notes:
            try:
                conn = self.store().conn
            except LibraryError:  # a file exported without a usable library: nothing to add
                conn = None
            if conn is not None and self.options.corrected:
                corrections = CorrectionStore(conn).accepted(article.id)
            if conn is not None and self.options.notes:
                bookmarks = _bookmarks(conn, article.id)
        return prepare(article, self.options, self.converter(), corrections, bookmarks)


def _options(args: argparse.Namespace) -> ExportOptions:
    from reader.chinese.convert import ScriptMode, parse_mode
    from reader.export import ExportOptions

    return ExportOptions(
        format=args.format,
        script=parse_mode(args.script) if args.script is not None else ScriptMode.ORIGINAL,
        corrected=args.corrected,
        bilingual=args.bilingual,
        metadata=not args.no_metadata,
        notes=args.with_notes,
        bom=args.bom,
        page=args.page,
    )


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    if (args.ref is None) == (args.section is None):
        err("export: give an article (REF) or --section NAME, one of the two")
        return ExitCode.USAGE
    try:
        options = _options(args)
    except ValueError as exc:
        err(str(exc))
        return ExitCode.USAGE
    sources = _Sources(args, options)
    if args.section is not None:
        if args.output == "-":
            err("export: -o - (standard output) takes one article, not --section")
            return ExitCode.USAGE
        return _export_section(args, sources, out)
    return _export_one(args, sources, out)


_BINARY = {"pdf": "PDF", "docx": "Word"}


def _to_stdout(doc: ExportDocument, out: TextIO) -> int:
    """`-o -`: the export's bytes on standard output, nothing else there."""
    from reader.export import ExportError, export_bytes

    kind = _BINARY.get(doc.format)
    buffer = getattr(out, "buffer", None)
    if kind is not None and (buffer is None or out.isatty()):
        err(f"export: {kind} is binary and is not written to a terminal; "
            "redirect it (-o - > file) or give a file name")  # fmt: skip
        return ExitCode.USAGE
    try:
        data = export_bytes(doc)
    except ExportError as exc:
        err(f"standard output: {exc}")
        return ExitCode.INPUT_FAILED
    out.flush()
    if kind is not None and buffer is not None:
        buffer.write(data)
        buffer.flush()
        return ExitCode.OK
    if isinstance(out, io.TextIOWrapper) and out.encoding.lower().replace("-", "") != "utf8":
        out.reconfigure(encoding="utf-8")  # as `convert`: UTF-8 whatever the locale says
    out.write(data.decode("utf-8"))
    out.flush()
    return ExitCode.OK


def _write(doc: ExportDocument, path: Path) -> str | None:
    """Export to `path`; the one-line reason it failed, or None."""
    from reader.export import ExportError, export_article

    try:
        export_article(doc, path, overwrite=False)
    except FileExistsError:
        return f"{path}: exists; not overwritten (remove it, or choose another name with -o)"
    except ExportError as exc:
        return str(exc)
    return None


def _export_one(args: argparse.Namespace, sources: _Sources, out: TextIO) -> int:
    from reader.export.filenames import printable, safe_filename
    from reader.importers import ImportFailure

    try:
        article = _lookup(args)
    except (ImportFailure, LookupError) as exc:
        err(str(exc))
        return ExitCode.INPUT_FAILED
    doc = sources.document(article)
    if args.output == "-":
        return _to_stdout(doc, out)
    name = safe_filename(doc.article.title, doc.options.extension)
    path = _target(args.output, name)
    if isinstance(path, str):
        err(path)
        return ExitCode.INPUT_FAILED
    if path.exists():
        err(f"{path}: exists; not overwritten (remove it, or choose another name with -o)")
        return ExitCode.INPUT_FAILED
    failure = _write(doc, path)
    if failure is not None:
        err(failure)
        return ExitCode.INPUT_FAILED
    print(printable(path), file=out)
    return ExitCode.OK


def _means_folder(output: str) -> bool:
    return output.endswith(tuple(sep for sep in (os.sep, os.altsep) if sep))


def _target(output: str | None, name: str) -> Path | str:
    """Where one article goes for `-o output` (see the module's docstring), or the
    one-line reason it cannot go there."""
    from reader.export.filenames import target_in

    if output is None:
        return target_in(Path.cwd(), name)
    given = Path(output)
    if given.is_dir():
        return target_in(given, name)
    if _means_folder(output):
        if given.exists() or given.is_symlink():
            return f"{output}: not a folder (a file of that name exists)"
        try:
            given.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return f"{output}: the folder cannot be created ({exc.strerror or exc})"
        return target_in(given, name)
    if not given.parent.is_dir():
        return f"{output}: no folder {given.parent} to write it in"
    return given  # a file the user named: taken as given


def _find(sections: dict[int, SectionRow], query: str) -> list[int]:
    """Sections named `query`, or whose path ends with "A / B". Only the sections
    with the right last name have their path built: a library of an older Reader
    may hold a chain of thousands of levels, and every path of it at once would
    not fit in memory."""
    from reader.library.listing import section_path
    from reader.library.sections import section_key

    # Names are compared folded, as sections are told apart: either script finds one.
    wanted = tuple(section_key(part.strip()) for part in query.split("/") if part.strip())
    if not wanted:
        return []
    whole = section_key(query.strip())
    named = [i for i, s in sections.items() if section_key(s.name) == whole]
    if named or len(wanted) == 1:
        return named
    ending = [i for i, s in sections.items() if section_key(s.name) == wanted[-1]]
    paths = {i: tuple(section_key(name) for name in section_path(sections, i)) for i in ending}
    exact = [i for i, p in paths.items() if p == wanted]
    return exact or [i for i, p in paths.items() if p[-len(wanted) :] == wanted]


def _subtree(sections: dict[int, SectionRow], top: int, root: Path) -> Iterator[tuple[int, Path]]:
    """The section `top` (in `root`) and every section under it, each in a folder of
    its own name inside its parent's, in the order of their paths. A loop and a
    stack, never recursion, and each folder is made from its parent's, once: an
    older library may hold a chain of thousands of levels."""
    from reader.export.filenames import safe_filename, target_in

    children: dict[int, list[SectionRow]] = {}
    for s in sections.values():
        children.setdefault(s.parent_id, []).append(s)
    stack: list[tuple[int, Path, str | None]] = [(top, root, None)]
    seen: set[int] = set()
    while stack:
        section_id, parent, name = stack.pop()
        if section_id in seen:  # a parent loop in a damaged file
            continue
        seen.add(section_id)
        folder = parent if name is None else target_in(parent, safe_filename(name, ""))
        yield section_id, folder
        kids = sorted(children.get(section_id, []), key=lambda s: s.name, reverse=True)
        stack.extend((k.id, folder, k.name) for k in kids)


def _free_name(folder: Path, name: str, taken: set[Path]) -> Path:
    from reader.export.filenames import numbered, target_in

    for n in itertools.count(1):
        path = target_in(folder, name if n == 1 else numbered(name, n))
        if path not in taken and not path.exists():
            return path
    raise AssertionError("unreachable")


def _export_section(args: argparse.Namespace, sources: _Sources, out: TextIO) -> int:
    from reader.export.filenames import printable, safe_filename
    from reader.library.listing import section_path

    store = sources.store()
    sections = {s.id: s for s in store.sections()}
    found = _find(sections, args.section)
    if not found:
        err(f"{args.section}: no such section (see `reader list`)")
        return ExitCode.INPUT_FAILED
    if len(found) > 1:
        names = "; ".join(" / ".join(section_path(sections, i)) for i in found)
        err(f"{args.section}: more than one section has this name ({names}); give its path")
        return ExitCode.INPUT_FAILED
    root = Path(args.output) if args.output is not None else Path.cwd()
    failures = 0
    taken: set[Path] = set()
    # The section and its sub-sections, each of those in a folder of its own name.
    for section_id, folder in _subtree(sections, found[0], root):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            err(f"{folder}: cannot be created ({exc.strerror or exc})")
            return ExitCode.INPUT_FAILED
        for row in store.articles_in(section_id):
            article = store.get(row.id)
            if article is None:  # removed meanwhile
                continue
            doc = sources.document(article)
            name = safe_filename(doc.article.title, doc.options.extension)
            while True:
                target = _free_name(folder, name, taken)
                taken.add(target)
                failure = _write(doc, target)
                if failure is None or not target.exists():
                    break
                # Taken meanwhile by someone else: the next number.
            if failure is not None:
                err(failure)
                failures += 1
                continue
            print(printable(target), file=out)
    return ExitCode.INPUT_FAILED if failures else ExitCode.OK
