"""View preferences kept between runs (QSettings), and the system colour scheme."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication

from reader.render import FontStyle, Theme

THEMES = ("system", *(t.value for t in Theme))


@dataclass
class ViewState:
    theme: str = "system"  # "system" follows the desktop's light/dark setting
    font_style: str = FontStyle.SERIF.value
    zoom: float = 1.0
    outline_visible: bool = True
    line_spacing: float = 1.0

    @staticmethod
    def load(settings: QSettings) -> ViewState:
        state = ViewState()
        theme = str(settings.value("view/theme", state.theme))
        state.theme = theme if theme in THEMES else state.theme
        style = str(settings.value("view/font", state.font_style))
        state.font_style = style if style in {s.value for s in FontStyle} else state.font_style
        try:
            state.zoom = min(3.0, max(0.5, float(str(settings.value("view/zoom", 1.0)))))
        except ValueError:
            state.zoom = 1.0
        state.outline_visible = str(settings.value("view/outline", "true")).lower() == "true"
        try:
            spacing = float(str(settings.value("view/line_spacing", 1.0)))
        except ValueError:
            spacing = 1.0
        state.line_spacing = min(1.6, max(0.8, spacing)) if spacing == spacing else 1.0
        return state

    def save(self, settings: QSettings) -> None:
        settings.setValue("view/theme", self.theme)
        settings.setValue("view/font", self.font_style)
        settings.setValue("view/zoom", self.zoom)
        settings.setValue("view/outline", "true" if self.outline_visible else "false")
        settings.setValue("view/line_spacing", self.line_spacing)


def resolve_theme(choice: str) -> Theme:
    if choice != "system":
        return Theme(choice)
    scheme = QGuiApplication.styleHints().colorScheme()
    return Theme.DARK if scheme == Qt.ColorScheme.Dark else Theme.LIGHT
