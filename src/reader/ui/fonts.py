"""Which CJK faces the window draws with, and how few it loads.

Chinese text always gets explicit CJK families, so Qt's fallback never picks
Japanese glyph forms (traps #5). Titles in the list and the article are set in
the reading face the user chose (View → Font), the menus in the system's
interface font with a CJK sans behind it.

Bold is the regular face emboldened: the font asks for the "Regular" style, which
Qt then emboldens itself for weight 700 and up. A CJK bold face is another font
file of 20–27 MB, of which Qt maps several megabytes just to draw one title, and
loading it costs time at start-up (docs/benchmarks.md, start-up, third pass).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont, QFontInfo

from reader.domain import Script
from reader.render import FontStyle, font_families

REGULAR_STYLE = "Regular"


def interface_script(language: str) -> tuple[Script, str | None]:
    """The script (and a Hong Kong lang tag) of the interface: Traditional for a
    zh_TW interface or a Traditional system locale, else Simplified."""
    locale = QLocale.system()
    traditional = locale.script() == QLocale.Script.TraditionalChineseScript
    traditional = traditional or language == "zh_TW"
    lang = "zh-HK" if locale.territory() == QLocale.Country.HongKong else None
    return (Script.TRADITIONAL if traditional else Script.SIMPLIFIED), lang


def interface_font(base: QFont, language: str) -> QFont:
    """The application's font: the face its own family resolves to first, then CJK
    sans families. By the face, not the name: a name such as "Sans Serif" is
    fontconfig's alias, which Qt passes over in a list of families, so that all
    Latin text of the menus was drawn in the CJK face (and that face's 20 MB file
    opened at every start only for that)."""
    script, lang = interface_script(language)
    font = QFont(base)
    own = QFontInfo(base).family() or base.family()
    font.setFamilies([own, *font_families(script, FontStyle.SANS, lang)[:-1]])
    return font


def list_font(base: QFont, style: FontStyle, families: list[str] | None = None) -> QFont:
    """The list's font: the interface's size in the reader pane's `families` (the
    face of the article read), else the reading `style` in the interface's script."""
    generic = font_families(Script.SIMPLIFIED, style)[-1]  # "serif" or "sans-serif"
    if not families or families[-1] != generic:  # none yet, or of the other style
        from reader.ui.i18n import Translators

        script, lang = interface_script(Translators.shared().language)
        families = font_families(script, style, lang)
    font = QFont(base)
    font.setFamilies(families)
    font.setStyleName(REGULAR_STYLE)
    return font


def emboldened(font: QFont) -> QFont:
    """`font` in bold drawn from its regular face (see the module's note)."""
    bold = QFont(font)
    bold.setStyleName(REGULAR_STYLE)
    bold.setWeight(QFont.Weight.Bold)
    return bold
