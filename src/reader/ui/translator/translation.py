"""The translator's tools in the window: display script, side by side, check, glossary."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar

from reader.chinese import Converters
from reader.chinese.convert import ScriptMode
from reader.domain import Article, Script
from reader.library.corrections import CorrectionStore
from reader.library.glossary_store import GlossaryStore
from reader.render import RenderOptions
from reader.ui.reading.outline import OutlinePanel
from reader.ui.reading.reader_view import ReaderView
from reader.ui.translator.presenter import Presenter
from reader.ui.translator.script_options import ScriptOptions

if TYPE_CHECKING:
    from reader.chinese.audit import Finding
    from reader.ui.translator.audit_panel import AuditPanel


class TranslationTools(QObject):
    sig_redisplay = Signal()  # what is shown must be presented again
    sig_titles_changed = Signal()  # list titles and section names must be converted again
    sig_finding_activated = Signal(object)  # the Finding the user picked
    sig_check_done = Signal()  # the check's findings for the open article are listed

    def __init__(
        self,
        window: QMainWindow,
        settings: QSettings,
        converters: Converters,
        conn: sqlite3.Connection,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.script = ScriptOptions(settings, self)
        self.presenter = Presenter(converters, CorrectionStore(conn), GlossaryStore(conn))
        # The check's panel is built the first time it is asked for: most sessions
        # never open it, and start-up should not pay for it.
        self._dock: QDockWidget | None = None
        self._panel: AuditPanel | None = None
        self.check_action = QAction(self.tr("&Check Conversion"), self, checkable=True)
        self.check_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.check_action.toggled.connect(self.on_check_toggled)
        self.glossary_action = QAction(self.tr("&Glossary…"), self)
        self.glossary_action.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.glossary_action.triggered.connect(self.on_glossary)
        self._article: Article | None = None  # the original of what is shown
        self._findings: list[Finding] = []
        # The audit is of the stored original, which accepting fixes never changes:
        # it runs once per article, off the UI thread (seconds for a long one).
        self._audited: str | None = None  # the article _findings are for
        self._auditing: str | None = None  # the article being audited in the background

        self.script.sig_changed.connect(self.on_script_changed)

    @property
    def panel(self) -> AuditPanel:
        if self._panel is None:
            from reader.ui.translator import audit_panel  # loaded the first time the check opens

            self._panel = audit_panel.AuditPanel()
            self._panel.sig_accept.connect(self.on_accept)
            self._panel.sig_revert.connect(self.on_revert)
            self._panel.sig_finding_activated.connect(self.sig_finding_activated)
        return self._panel

    @property
    def dock(self) -> QDockWidget:
        if self._dock is None:
            self._dock = QDockWidget(self.tr("Conversion Check"), self._window)
            self._dock.setObjectName("conversion-check")
            self._dock.setWidget(self.panel)
            self._dock.hide()
            self._window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self._dock)
            self._dock.visibilityChanged.connect(self.on_dock_visibility)
        return self._dock

    def check_visible(self) -> bool:
        return self._dock is not None and self._dock.isVisible()

    @Slot(bool)
    def on_check_toggled(self, checked: bool) -> None:
        self.dock.setVisible(checked)

    def fill_menu(self, view: QMenu) -> None:
        script_menu = view.addMenu(self.tr("&Script"))
        self.script.fill_menu(script_menu)
        view.addAction(self.check_action)
        view.addAction(self.glossary_action)
        for action in (*self.script.group.actions(), self.script.side_by_side, self.check_action):
            self._window.addAction(action)
        self._window.addAction(self.glossary_action)

    def add_toolbar(self) -> QToolBar:
        bar = self._window.addToolBar(self.tr("Script"))
        bar.setObjectName("script-toolbar")
        bar.setMovable(False)
        bar.addWidget(self.script.make_combo(bar))
        bar.addAction(self.script.side_by_side)
        bar.addAction(self.check_action)
        return bar

    # --- presenting ------------------------------------------------------------

    def present(
        self, article: Article, reader: ReaderView, outline: OutlinePanel, options: RenderOptions
    ) -> Article:
        """Show `article` as the user chose (corrections, script, side by side).

        The body is converted as the reader pane shows it, a piece at a time, and
        the outline fills as the pieces come (reader.sig_blocks_shown); what is
        returned has the displayed title and metadata.
        """
        self._article = article
        mode = self.script.mode
        shown, convert = self.presenter.shown(article, mode)
        options = replace(options, lang=self.presenter.lang(article, mode))
        outline.set_article(None)
        if self.script.side_by_side.isChecked() and mode is not ScriptMode.ORIGINAL:
            labels = (self.tr("Original"), self.script.labels()[mode])
            original = self.presenter.corrected(article)
            reader.show_parallel(original, shown, labels, options, convert)
        else:
            reader.show_article(shown, options, convert)
        if self.check_visible():
            self.refresh_check()
        return shown

    def title_transform(self) -> Callable[[str], str] | None:
        return self.presenter.title_transform(self.script.mode)

    # --- conversion check ------------------------------------------------------

    def refresh_check(self) -> None:
        article = self._article
        if article is None:
            self.panel.show_note(self.tr("No article is open."))
            self.sig_check_done.emit()
            return
        if article.script is Script.SIMPLIFIED:
            self.panel.show_note(
                self.tr("This check is for Traditional text; this article is Simplified.")
            )
            self.sig_check_done.emit()
            return
        if self._audited == article.id:
            self.panel.set_findings(self._findings, self.presenter.accepted_keys(article.id))
            self.sig_check_done.emit()
            return
        if self._auditing == article.id:
            return  # its findings are on their way
        self._auditing = article.id
        self.panel.show_note(self.tr("Checking the conversion…"))
        from reader.chinese.audit import audit_article  # loaded when first used
        from reader.ui.background import in_background

        converters = self.presenter.converters

        def done(findings: object) -> None:
            if self._auditing == article.id:
                self._auditing = None
            if not isinstance(findings, list):
                return
            self._findings, self._audited = findings, article.id
            if self.check_visible() or self._article is article:
                self.refresh_check()  # this article's, or the one opened meanwhile

        def failed(exc: BaseException) -> None:
            if self._auditing == article.id:
                self._auditing = None
            self.panel.show_note(self.tr("The check could not run: {0}").format(exc))
            self.sig_check_done.emit()

        in_background(self, lambda: audit_article(article, converters), done, failed)

    @Slot(bool)
    def on_dock_visibility(self, visible: bool) -> None:
        self.check_action.setChecked(visible)  # closed with its own button, say
        if visible:
            self.refresh_check()

    @Slot(list)
    def on_accept(self, findings: list[Finding]) -> None:
        if self._article is not None:
            self.presenter.accept(self._article.id, findings)
            self.sig_redisplay.emit()

    @Slot()
    def on_revert(self) -> None:
        if self._article is not None:
            self.presenter.revert(self._article.id)
            self.sig_redisplay.emit()

    # --- script and glossary -----------------------------------------------------

    @Slot()
    def on_script_changed(self) -> None:
        # The article first, the list a moment later: the text being read is what
        # the user is looking at when they switch.
        self.sig_redisplay.emit()
        QTimer.singleShot(0, self.sig_titles_changed.emit)

    @Slot()
    def on_glossary(self) -> None:
        from reader.ui.translator.glossary_dialog import GlossaryDialog

        dialog = GlossaryDialog(self.presenter.glossary_store.entries(), self._window)
        if dialog.exec():
            entries, _problems = dialog.entries()
            self.presenter.set_glossary(entries)
            self.sig_titles_changed.emit()
            self.sig_redisplay.emit()
