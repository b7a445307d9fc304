"""The PDF writer's fonts: widths and subsets from HarfBuzz, not fontTools.

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
