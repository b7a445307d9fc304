"""The menus' font: the system's own face for Latin text, a Chinese sans for Chinese."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QTextLayout

from reader.ui.fonts import interface_font
from tests.conftest import require


def _faces(text: str, font: QFont) -> list[str]:
    """The faces Qt draws `text` with in `font`, run by run."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [run.rawFont().familyName() for run in layout.glyphRuns()]


def test_latin_menu_text_keeps_the_systems_face_and_chinese_gets_a_chinese_sans(
    qapp: object,
) -> None:
    require("Noto Sans CJK SC" in QFontDatabase.families(), "CJK fonts (Debian fonts-noto-cjk)")
    base = QFont()
    base.setFamily("Sans Serif")  # fontconfig's alias, as a desktop's default font often is
    system_face = QFontInfo(base).family()
    require("CJK" not in system_face, "a system interface face that is not a CJK one")
    font = interface_font(base, "")
    assert _faces("File Edit View", font) == [system_face]
    assert _faces("原文", font) == ["Noto Sans CJK SC"]
    mixed = _faces("Open 中聯部", font)
    assert sorted(set(mixed)) == sorted({system_face, "Noto Sans CJK SC"})
