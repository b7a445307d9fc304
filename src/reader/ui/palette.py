"""The theme for the whole window: menus, list, dialogs and panels, not only the reader pane.

The colours come from the reader pane's palettes (reader.render.PALETTES), so the
list beside the article never stays white under a dark article. "system" keeps
the desktop's own palette. Every pair of text and background colours is chosen
to hold WCAG AA contrast (4.5:1); tests/ui/test_palette.py measures them.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from reader.render import PALETTES, Theme

# Per theme: (window and controls, base of lists and fields, alternate rows,
# selection, selected text, disabled text, links, placeholder).
_EXTRA: dict[Theme, tuple[str, str, str, str, str, str, str, str]] = {
    Theme.LIGHT: (
        "#efede8",
        "#fbfaf7",
        "#f3f1ec",
        "#2f6690",
        "#ffffff",
        "#6e6e6e",
        "#1f5480",
        "#666666",
    ),
    Theme.SEPIA: (
        "#e9dfc6",
        "#f4ecd8",
        "#ede3cb",
        "#7a4420",
        "#fffaf0",
        "#6e5b40",
        "#7a4420",
        "#63513a",
    ),
    Theme.DARK: (
        "#2a2b2f",
        "#1f2023",
        "#26272b",
        "#3d6f99",
        "#ffffff",
        "#9c9a94",
        "#82b1d9",
        "#a3a19b",
    ),
}

_default: dict[str, QPalette | str] = {}  # the desktop's palette and style, kept at first change
THEMED_STYLE = "Fusion"  # every theme of Reader's draws with it: it takes its colours


def style_arguments() -> list[str]:
    """Qt's command-line arguments that make the application start in THEMED_STYLE
    (for QApplication). Switching to it later means asking Qt for the style first,
    which builds PySide6's QStyle types: ~8 ms of every start."""
    _default["started_in"] = THEMED_STYLE
    return ["-style", THEMED_STYLE]


def theme_palette(theme: Theme) -> QPalette:
    colours = PALETTES[theme]
    window, base, alternate, highlight, highlighted, disabled, link, placeholder = _EXTRA[theme]
    palette = QPalette()
    group = QPalette.ColorGroup
    role = QPalette.ColorRole
    for g in (group.Active, group.Inactive, group.Disabled):
        palette.setColor(g, role.Window, QColor(window))
        palette.setColor(g, role.Base, QColor(base))
        palette.setColor(g, role.AlternateBase, QColor(alternate))
        palette.setColor(g, role.Button, QColor(window))
        palette.setColor(g, role.ToolTipBase, QColor(base))
        palette.setColor(g, role.ToolTipText, QColor(colours.text))
        palette.setColor(g, role.Highlight, QColor(highlight))
        palette.setColor(g, role.HighlightedText, QColor(highlighted))
        palette.setColor(g, role.Link, QColor(link))
        palette.setColor(g, role.LinkVisited, QColor(link))
        palette.setColor(g, role.PlaceholderText, QColor(placeholder))
        palette.setColor(g, role.BrightText, QColor(colours.heading))
        text = colours.text if g != group.Disabled else disabled
        for r in (role.WindowText, role.Text, role.ButtonText):
            palette.setColor(g, r, QColor(text))
        # Frames and bevels: lighter and darker than the window.
        palette.setColor(g, role.Light, QColor(window).lighter(115))
        palette.setColor(g, role.Midlight, QColor(window).lighter(107))
        palette.setColor(g, role.Mid, QColor(window).darker(125))
        palette.setColor(g, role.Dark, QColor(window).darker(150))
        palette.setColor(g, role.Shadow, QColor("#000000"))
    return palette


def apply_theme(app: QApplication, choice: str | Theme) -> None:
    """Colour the whole application for a theme choice ("system" or a Theme)."""
    if "palette" not in _default:
        _default["palette"] = QPalette(app.palette())
    if str(choice) == "system":
        # The platform's style, if a theme of ours replaced it. It is remembered
        # only then: asking Qt for the style (QApplication.style) builds PySide6's
        # QStyle types, ~8 ms of every start that would never use them.
        style_name = str(_default.get("style", ""))
        if style_name and app.style() is not None and app.style().name() != style_name:
            app.setStyle(style_name)
            _default.pop("started_in", None)
        palette = _default["palette"]
        assert isinstance(palette, QPalette)
        app.setPalette(palette)
        return
    if _default.get("started_in") != THEMED_STYLE:
        if "style" not in _default:
            style = app.style()
            _default["style"] = style.name() if style is not None else ""
        # Fusion draws every control from the palette; some platform styles ignore it.
        if app.style() is None or app.style().name().lower() != THEMED_STYLE.lower():
            app.setStyle(THEMED_STYLE)
    app.setPalette(theme_palette(Theme(str(choice))))


def relative_luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 to 21."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def current_is_dark() -> bool:
    palette = QGuiApplication.palette()
    return relative_luminance(palette.color(QPalette.ColorRole.Window)) < 0.2
