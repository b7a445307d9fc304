"""Theme, font and zoom: the View menu's choices, kept between runs."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from reader.render import FontStyle, RenderOptions, Theme
from reader.ui.palette import apply_theme
from reader.ui.state import ViewState, resolve_theme

_ZOOM_STEP = 1.1
_ZOOM_MIN, _ZOOM_MAX = 0.5, 3.0


class ViewOptions(QObject):
    """Owns the view preferences and their actions; says when the rendering must change."""

    sig_changed = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = ViewState.load(settings)
        self.theme_group = QActionGroup(self)
        self.font_group = QActionGroup(self)
        self.zoom_actions: list[QAction] = []
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.on_system_scheme_changed)

    def render_options(self) -> RenderOptions:
        return RenderOptions(
            theme=resolve_theme(self.state.theme),
            font_style=FontStyle(self.state.font_style),
            zoom=self.state.zoom,
            line_spacing=self.state.line_spacing,
        )

    def fill_menu(self, view: QMenu) -> None:
        theme_menu = view.addMenu(self.tr("&Theme"))
        names = {
            "system": self.tr("Follow &System"),
            Theme.LIGHT.value: self.tr("&Light"),
            Theme.SEPIA.value: self.tr("S&epia"),
            Theme.DARK.value: self.tr("&Dark"),
        }
        for key, label in names.items():
            theme_menu.addAction(self._choice(self.theme_group, label, key, self.state.theme))
        self.theme_group.triggered.connect(self.on_theme_chosen)
        font_menu = view.addMenu(self.tr("&Font"))
        for style, label in (
            (FontStyle.SERIF, self.tr("S&erif")),
            (FontStyle.SANS, self.tr("&Sans")),
        ):
            font_menu.addAction(
                self._choice(self.font_group, label, style.value, self.state.font_style)
            )
        self.font_group.triggered.connect(self.on_font_chosen)
        view.addSeparator()
        for label, slot, keys in (
            (self.tr("Zoom &In"), self.on_zoom_in, ("Ctrl+=", "Ctrl++")),
            (self.tr("Zoom &Out"), self.on_zoom_out, ("Ctrl+-",)),
            (self.tr("&Actual Size"), self.on_zoom_reset, ("Ctrl+0",)),
        ):
            action = QAction(label, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(slot)
            self.zoom_actions.append(action)
            view.addAction(action)

    def _choice(self, group: QActionGroup, label: str, key: str, current: str) -> QAction:
        action = QAction(label, self, checkable=True)
        action.setData(key)
        action.setChecked(key == current)
        group.addAction(action)
        return action

    def save(self, settings: QSettings) -> None:
        self.state.save(settings)

    def set_theme(self, theme: str) -> None:
        for action in self.theme_group.actions():
            if action.data() == theme:
                action.setChecked(True)
        self.state.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)  # the whole window, not only the reader pane
        self.sig_changed.emit()

    @Slot(QAction)
    def on_theme_chosen(self, action: QAction) -> None:
        self.set_theme(str(action.data()))

    @Slot(QAction)
    def on_font_chosen(self, action: QAction) -> None:
        self.set_font_style(str(action.data()))

    def set_font_style(self, style: str) -> None:
        for action in self.font_group.actions():
            if action.data() == style:
                action.setChecked(True)
        self.state.font_style = style
        self.sig_changed.emit()

    def set_zoom(self, zoom: float) -> None:
        self._zoom(zoom)

    def set_line_spacing(self, spacing: float) -> None:
        self.state.line_spacing = round(min(1.6, max(0.8, spacing)), 2)
        self.sig_changed.emit()

    @Slot()
    def on_system_scheme_changed(self) -> None:
        if self.state.theme == "system":
            self.sig_changed.emit()

    def _zoom(self, zoom: float) -> None:
        self.state.zoom = round(min(_ZOOM_MAX, max(_ZOOM_MIN, zoom)), 3)
        self.sig_changed.emit()

    @Slot()
    def on_zoom_in(self) -> None:
        self._zoom(self.state.zoom * _ZOOM_STEP)

    @Slot()
    def on_zoom_out(self) -> None:
        self._zoom(self.state.zoom / _ZOOM_STEP)

    @Slot()
    def on_zoom_reset(self) -> None:
        self._zoom(1.0)
