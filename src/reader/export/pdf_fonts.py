"""The PDF writer's fonts: which file holds a family (fontconfig, or the font
folders read with fontTools where it is absent), and widths and subsets from
HarfBuzz, not fontTools.

fpdf2 parses the whole font with fontTools (a Noto CJK collection face is ~20 MB of
CFF) and subsets it with fontTools' subsetter, then recompiles the CFF: 83 % of an
export's time, 2.6 s for 2,000 distinct characters (docs/benchmarks.md, "PDF
export"). HarfBuzz (uharfbuzz) reads the same face in well under a millisecond and
subsets it in tens of milliseconds. So the layout measures with HarfBuzz, the faces
are subset by HarfBuzz to the characters actually drawn, and fpdf2 is handed that
small font, with its own subsetting step turned into a no-op (`_AlreadySubset`) —
every font Reader gives fpdf2 is already a subset. fpdf2 still writes the ToUnicode
map from the characters drawn, so copied text stays exact (traps #6).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
import types
from pathlib import Path
from typing import TYPE_CHECKING

import uharfbuzz as hb  # type: ignore[import-untyped]

if TYPE_CHECKING:
    from fpdf import FPDF

# Tables a PDF viewer never reads from an embedded font (fpdf2 drops the same ones,
# plus the vertical metrics: Reader sets text horizontally).
_DROP = ("GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "DSIG",
         "meta", "FFTM", "hdmx", "SVG ", "COLR", "CPAL", "sbix", "CBDT", "CBLC", "EBDT",
         "EBLC", "EBSC")  # fmt: skip


class Face:
    """One installed face (file, collection index): advances and subsets."""

    def __init__(self, file: str, index: int) -> None:
        self.file, self.index = file, index
        self._face = hb.Face(hb.Blob.from_file_path(file), index)
        self._font = hb.Font(self._face)
        self._upem = float(self._face.upem)
        self._widths: dict[str, float] = {}

    def width(self, char: str) -> float:
        """Advance of `char` at 1 pt (the .notdef box's if the face lacks it)."""
        try:
            return self._widths[char]
        except KeyError:
            glyph = self._font.get_nominal_glyph(ord(char)) or 0
            width = float(self._font.get_glyph_h_advance(glyph)) / self._upem
            self._widths[char] = width
            return width

    def subset(self, chars: set[str]) -> bytes:
        """A font file holding only the glyphs of `chars` (and .notdef)."""
        wanted = hb.SubsetInput()
        wanted.unicode_set.update(ord(c) for c in chars)
        for tag in _DROP:
            wanted.drop_table_tag_set.add(_tag(tag))
        wanted.flags = (
            hb.SubsetFlags.NOTDEF_OUTLINE  # missing glyphs still show a box
            | hb.SubsetFlags.NO_LAYOUT_CLOSURE  # no vertical or localized forms
            | hb.SubsetFlags.NO_HINTING
        )
        made = hb.subset(self._face, wanted)
        if made is None:
            raise ValueError(f"{self.file}: HarfBuzz could not subset the font")
        return bytes(made.blob.data)


def _tag(name: str) -> int:
    return int.from_bytes(name.encode("ascii"), "big")


# --- which file: fontconfig, or the font folders read where it is absent ---------


def _font_dirs() -> list[Path]:
    home = Path.home()
    if sys.platform == "win32":
        local = Path(os.environ.get("LOCALAPPDATA", home)) / "Microsoft/Windows/Fonts"
        dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts", local]
    elif sys.platform == "darwin":
        dirs = [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    else:
        dirs = [home / ".local/share/fonts", home / ".fonts", Path("/usr/share/fonts")]
    return [d for d in dirs if d.is_dir()]


_index_lock = threading.Lock()


@functools.cache
def _font_index() -> dict[tuple[str, bool], tuple[str, int, int]]:
    """(family, bold) → (file, face, weight) of the installed fonts, for systems without
    fontconfig (Windows, macOS). Reads only each face's name and OS/2 tables."""
    from fontTools.ttLib import TTCollection, TTFont  # type: ignore[import-untyped]

    index: dict[tuple[str, bool], tuple[str, int, int]] = {}
    for path in sorted(p for d in _font_dirs() for p in d.rglob("*")):
        if path.suffix.lower() not in {".ttf", ".otf", ".ttc", ".otc"}:
            continue
        try:
            collection = path.suffix.lower() in {".ttc", ".otc"}
            opened = TTCollection(path, lazy=True) if collection else TTFont(path, lazy=True)
            for number, face in enumerate(opened.fonts if collection else [opened]):
                weight = int(face["OS/2"].usWeightClass)
                target = 700 if weight >= 600 else 400
                for record in face["name"].names:
                    key = (record.toUnicode().casefold(), weight >= 600)
                    old = index.get(key)
                    # The face nearest Regular (400) or Bold (700) wins: not Light, not Black.
                    if record.nameID in (1, 16) and (
                        old is None or abs(weight - target) < abs(old[2] - target)
                    ):
                        index[key] = (str(path), number, weight)
            opened.close()  # the faces of a collection share one file
        except Exception:  # a damaged font file is not this export's failure
            continue
    return index


@functools.lru_cache(maxsize=64)
def find_font(family: str, bold: bool) -> tuple[str, int] | None:
    """The file and face number of an installed family, or None."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        with _index_lock:
            hit = _font_index().get((family.casefold(), bold))
        return (hit[0], hit[1]) if hit else None
    pattern = f"{family}:weight={200 if bold else 80}"  # fontconfig's Bold and Regular
    answer = "%{file}\n%{index}\n%{family}\n%{weight}"
    try:
        run = subprocess.run([fc_match, "-f", answer, pattern], capture_output=True, timeout=10)
        file, index, families, weight = run.stdout.decode("utf-8", "replace").split("\n")
        # fontconfig always answers with *some* font: only the family asked for counts.
        if family in families.split(",") and bold == (float(weight) >= 180):
            return file, int(index or 0)
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    return None


# --- the faces themselves --------------------------------------------------------

_faces_lock = threading.Lock()


@functools.lru_cache(maxsize=8)
def _cached_face(file: str, index: int) -> Face:
    return Face(file, index)


def face(file: str, index: int) -> Face:
    """The face, parsed once per process (a start-up of fonts costs nothing next time)."""
    with _faces_lock:
        return _cached_face(file, index)


class _AlreadySubset:
    """Stands in for fontTools' subsetter inside fpdf2: the font is a subset already."""

    def __init__(self, options: object) -> None:
        del options

    def populate(self, **_kwargs: object) -> None:
        pass

    def subset(self, _font: object) -> None:
        pass


_hook_lock = threading.Lock()


def _install_hook() -> None:
    import fpdf.output

    with _hook_lock:
        current = getattr(fpdf.output, "ftsubset")  # noqa: B009 (not exported: mypy)
        if getattr(current, "Subsetter", None) is not _AlreadySubset:
            hook = types.SimpleNamespace(Options=current.Options, Subsetter=_AlreadySubset)
            setattr(fpdf.output, "ftsubset", hook)  # noqa: B010


def embed(pdf: FPDF, key: str, style: str, source: Face, chars: set[str], folder: Path) -> None:
    """Give `pdf` the font `key`+`style`: `source` cut down to `chars`."""
    from fpdf.fonts import TTFFont

    _install_hook()
    path = folder / f"{key}{style or 'R'}.otf"  # fpdf2 reads fonts from files only
    path.write_bytes(source.subset(chars))
    pdf.add_font(key, style, str(path))
    font = pdf.fonts[key + style]
    if isinstance(font, TTFFont):  # always
        # Saving would measure every glyph's outline for bounding boxes; the face's
        # own boxes enclose the subset's, which is all a viewer needs of them.
        font.ttfont.recalcBBoxes = False
