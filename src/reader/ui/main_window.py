"""The main window: sectioned list, reader pane, outline; menus; the one wiring point."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFont,
    QKeySequence,
    QMoveEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from reader.chinese import Converters
from reader.domain import Article
from reader.library import ArticleStore
from reader.render import RenderOptions
from reader.ui import window_layout
from reader.ui.bookmarks.bookmark_tools import BookmarkTools
from reader.ui.dialogs.backup_runner import DailyBackup
from reader.ui.dialogs.import_runner import ImportRunner
from reader.ui.dialogs.preferences import Preferences
from reader.ui.library_list.article_list_model import ArticleListModel
from reader.ui.library_list.article_tree import ArticleTree
from reader.ui.library_list.library_watch import LibraryWatcher
from reader.ui.library_list.list_actions import ListActions
from reader.ui.library_list.title_filter import FilterBox, TitleFilter
from reader.ui.menus import build_menus
from reader.ui.plain_text import ask
from reader.ui.reading.outline import OutlinePanel
from reader.ui.reading.reader_view import ReaderView
from reader.ui.reading.view_options import ViewOptions
from reader.ui.search.search_tools import SearchTools
from reader.ui.translator.translation import TranslationTools
from reader.ui.window_layout import GeometryKeeper, PaneSplitter
from reader.ui.window_library import LibraryFollowing
from reader.ui.window_navigation import ListNavigation

if TYPE_CHECKING:
    from reader.chinese.audit import Finding

log = logging.getLogger(__name__)


class MainWindow(ListNavigation, LibraryFollowing, QMainWindow):
    sig_article_shown = Signal(str)  # article id
    export_action: QAction  # made by build_menus
    outline_action: QAction

    def __init__(
        self,
        store: ArticleStore,
        library_dir: Path,
        converters: Converters,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._settings = settings
        self.library_dir = library_dir
        self.library_fixed = False  # set by the app when READER_HOME or --library chose it
        self.view_options = ViewOptions(settings, self)
        self.setWindowTitle(self.tr("Reader"))
        self.setAcceptDrops(True)

        self.model = ArticleListModel(store.conn, self)
        self.filter_box = FilterBox(self)
        self.filter_box.setPlaceholderText(self.tr("Filter titles"))
        self.filter_box.setAccessibleName(self.tr("Filter titles"))
        self.filter_box.setClearButtonEnabled(True)
        self.tree = ArticleTree(self)
        # The list's font before the list has a model and a header (and the
        # outline's as it is made): set afterwards, Qt resolved it again through
        # every part of both (~6 ms at start).
        font = self._list_font(None)
        self._set_tree_font(font)
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Articles"))
        left = QWidget(self)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_box)
        self.title_filter = TitleFilter(self.filter_box, self.tree, self.model)
        layout.addWidget(self.tree)
        self.list_actions = ListActions(self, self.tree, self.model, store)
        self.list_actions.sig_message.connect(lambda text: self.statusBar().showMessage(text, 8000))

        self.reader = ReaderView(self)
        self.outline = OutlinePanel(self)
        self.outline.setFont(font)
        self.splitter = PaneSplitter(self.reader_widths, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.reader)
        self.splitter.addWidget(self.outline)
        left.setMinimumWidth(window_layout.LIST_MIN)
        self.outline.setMinimumWidth(window_layout.OUTLINE_MIN)
        for pane, (stretch, folds) in enumerate(((0, False), (1, False), (0, True))):
            self.splitter.setStretchFactor(pane, stretch)
            self.splitter.setCollapsible(pane, folds)
        self.splitter.set_preferred(window_layout.first_sizes(1280))
        self.setCentralWidget(self.splitter)
        self._geometry = GeometryKeeper(self, self.splitter, settings)

        self.imports = ImportRunner(library_dir, converters, self)
        self._backup = DailyBackup(library_dir, Preferences.load(settings).backup_count)
        self.translation = TranslationTools(self, settings, converters, store.conn)
        self.bookmarks = BookmarkTools(self, store.conn)
        from reader.chinese.folding import shared_folder
        from reader.library.db import DB_NAME

        self.search = SearchTools(self, self.reader, library_dir / DB_NAME, shared_folder())
        self._current: Article | None = None  # the original of the open article
        build_menus(self)
        self.translation.add_toolbar()
        self._connect()
        self.model.set_title_transform(self.translation.title_transform())
        self.bookmarks.set_transform(self.translation.title_transform())
        self.search.set_display(self.translation.title_transform())
        self._set_list_font()
        # The model read the sections a moment ago (set_title_transform relabelled
        # them): reading them again cost 10-12 ms at 100,000 articles.
        self.tree.expandToDepth(1)
        self.watcher = LibraryWatcher(store.conn, self)
        self.watcher.sig_changed.connect(self.on_library_changed)
        self._keyboard()

    def _keyboard(self) -> None:
        """Esc and Down in the title filter; F6 between panes (reader.ui.keyboard)."""
        from reader.ui.keyboard import PaneCycler

        self.panes = PaneCycler(self, [self.tree, self.reader, self.outline])

    # --- construction -------------------------------------------------------

    def make_action(
        self, text: str, slot: object, *keys: QKeySequence | QKeySequence.StandardKey | str
    ) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _connect(self) -> None:
        self.list_actions.sig_changed.connect(self.search.library_changed)
        self.tree.selectionModel().currentChanged.connect(self.on_current_changed)
        self.tree.activated.connect(self.on_activated)
        self.outline.sig_heading_activated.connect(self.reader.scroll_to_block)
        self.reader.sig_blocks_shown.connect(self.outline.add_blocks)  # as the pieces come
        self.reader.sig_top_block.connect(self.outline.follow)  # the heading being read
        self.reader.sig_external_link_requested.connect(self.on_external_link)
        self.imports.sig_finished.connect(self.on_import_finished)
        self.translation.sig_redisplay.connect(self.on_redisplay)
        self.translation.sig_titles_changed.connect(self.on_titles_changed)
        self.translation.sig_finding_activated.connect(self.on_finding_activated)
        self.view_options.sig_changed.connect(self.on_view_options_changed)
        self.reader.sig_bookmark_requested.connect(self.bookmarks.on_bookmark_requested)
        self.bookmarks.sig_marks_changed.connect(self.on_redisplay)
        self.bookmarks.sig_open_requested.connect(self.on_open_requested)
        self.reader.verticalScrollBar().valueChanged.connect(self.bookmarks.schedule_position)
        self.bookmarks.sig_position_due.connect(self.on_save_position)
        self.search.sig_open_requested.connect(self.on_search_open)
        self.reader.sig_blocks_shown.connect(self.search.on_blocks_shown)

    # --- state --------------------------------------------------------------

    def restore(self, first_article: str | None = None, defer: bool = False) -> None:
        """Reopen where the user left off: geometry, splitter, article, position.

        With nothing to reopen, `first_article` (the first sample) or the first
        article in the list is shown. With `defer`, the article opens once the
        event loop runs, so the window shows first whatever its size (the app's
        start); unless another one was opened by then (--open, a click).
        """
        geometry = self._settings.value("window/geometry")
        restored = geometry is not None and bool(self.restoreGeometry(geometry))
        # None saved (a first start), or one Qt cannot use (damaged, or saved under
        # another display server: it left the window 768x278): as a first window.
        if not restored and not self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            window_layout.place_first_window(self)
            self.splitter.set_preferred(window_layout.first_sizes(self.width()))
        splitter = self._settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.outline.setVisible(self.view_options.state.outline_visible)
        self.reader.show_article(None, self.render_options())
        self.tree.setFocus()  # n/p and the arrows work at once
        if defer:
            QTimer.singleShot(0, self, lambda: self._reopen(first_article))
        else:
            self._reopen(first_article)

    def _reopen(self, first_article: str | None) -> None:
        if self.reader.article is not None:
            return  # something was opened meanwhile
        last = str(self._settings.value("reading/article", "") or "")
        if not (last and self.open_article(last)):
            if not (first_article and self.open_article(first_article)):
                self.open_first_article()
        elif self.reader.article is not None and self.bookmarks.store.position(last) is None:
            fraction = float(self._settings.value("reading/scroll", 0.0) or 0.0)
            self.reader.set_scroll_fraction(fraction)

    def save(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        self.view_options.state.outline_visible = self.outline_action.isChecked()
        self.view_options.save(self._settings)
        if self.reader.article is not None:
            self._settings.setValue("reading/article", self.reader.article.id)
            self._settings.setValue("reading/scroll", self.reader.scroll_fraction())
        self._settings.sync()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        if hasattr(self, "_geometry"):
            self._geometry.window_changed()

    def moveEvent(self, event: QMoveEvent) -> None:  # Qt override
        super().moveEvent(event)
        if hasattr(self, "_geometry"):
            self._geometry.window_changed()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        self.on_save_position()
        self.imports.shutdown()
        self.search.shutdown()
        self.save()
        super().closeEvent(event)

    def render_options(self) -> RenderOptions:
        return self.view_options.render_options()

    def reader_widths(self) -> tuple[int, int]:
        """The reader pane's width for a whole column and for a just readable one."""
        options = self.render_options()
        px = max(8, round(options.base_px * options.zoom))
        columns = 2 if self.reader.is_parallel else 1  # side by side: two columns to keep
        return window_layout.column_widths(self.reader, px, options.measure_em, columns)

    def set_theme(self, theme: str) -> None:
        self.view_options.set_theme(theme)

    # --- articles -----------------------------------------------------------

    def _show(self, article: Article) -> None:
        if self.reader.article is not None and self.reader.article.id != article.id:
            self._settings.setValue("reading/scroll", 0.0)
        if self._current is not None and self._current.id != article.id:
            self.on_save_position()  # where the user left the previous article
        self._current = article
        self.bookmarks.set_article(article)
        self._present()
        saved = self.bookmarks.store.position(article.id)
        if saved is not None and saved[0] > 0:
            self.reader.scroll_to_block(saved[0])  # the block, whatever the script
        if not self.model.is_read(article.id):
            self._store.mark_read(article.id)
            self.model.set_read(article.id)
        if self._settings.value("reading/article") != article.id:
            # Not when reopening the same one at start: any setValue has QSettings
            # rewrite the file (a lock, a new file, two fdatasync) before the first frame.
            self._settings.setValue("reading/article", article.id)
        self.sig_article_shown.emit(article.id)

    def _present(self) -> None:
        """Show the open article as chosen: corrections, script, side by side, marks."""
        if self._current is None:
            return
        options = replace(self.render_options(), marks=self.bookmarks.marks())
        parallel = self.reader.is_parallel
        shown = self.translation.present(self._current, self.reader, self.outline, options)
        if self.reader.is_parallel != parallel:
            self.splitter.refit()  # two columns need more room than one, or less
        self.setWindowTitle(self.tr("{0} — Reader").format(shown.title))
        self._set_list_font()

    @Slot()
    def on_redisplay(self) -> None:
        fraction = self.reader.scroll_fraction()
        self._present()
        self.reader.set_scroll_fraction(fraction)  # the same passage, in the new script

    @Slot()
    def on_titles_changed(self) -> None:
        self.model.set_title_transform(self.translation.title_transform())
        self.bookmarks.set_transform(self.translation.title_transform())
        self.search.set_display(self.translation.title_transform())

    @property
    def settings(self) -> QSettings:
        return self._settings

    @property
    def daily_backup(self) -> DailyBackup:
        return self._backup

    def start_daily_backup(self) -> None:
        self._backup.start()

    def wait_for_backup(self) -> None:
        self._backup.wait()

    @Slot()
    def bring_forward(self) -> None:
        """Another launch asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    @Slot()
    def on_save_position(self) -> None:
        if self._current is not None and self.reader.article is not None:
            self.bookmarks.save_position(
                self.reader.top_block_index(), self.reader.scroll_fraction()
            )

    @Slot()
    def on_export(self) -> None:
        if self._current is None:
            return
        from reader.ui.dialogs.export_dialog import ExportDialog

        ExportDialog(self, self._current, self.translation, self.bookmarks, self._settings).exec()

    @Slot(object)
    def on_finding_activated(self, finding: Finding) -> None:
        self.reader.highlight(finding.block, finding.start, finding.end)  # -1: the title

    # --- view options -------------------------------------------------------

    @Slot()
    def on_view_options_changed(self) -> None:
        self.reader.set_options(replace(self.render_options(), lang=self.reader.options.lang))
        self._set_list_font()

    def _set_list_font(self) -> None:
        """The list's titles and the outline in the reader pane's face (View → Font, and
        the regional form of the article's script), remembered for the next start so
        that one CJK face is loaded, not two (reader.ui.fonts)."""
        font = self._list_font(self.reader.reading_families)
        if font != self.tree.font():
            self._set_tree_font(font)
            self.outline.setFont(font)
            self._settings.setValue("reading/face", ",".join(font.families()))

    def _set_tree_font(self, font: QFont) -> None:
        self.model.set_font(font)  # unread rows in its bold
        self.tree.setFont(font)
        self.tree.fit_to_font()

    def _list_font(self, families: list[str] | None) -> QFont:
        """In the reader pane's `families`, else in the face saved the last time."""
        from reader.ui.fonts import list_font

        if families is None:
            saved = str(self._settings.value("reading/face", "") or "")
            families = saved.split(",") if saved else None
        return list_font(self.font(), self.render_options().font_style, families)

    @Slot()
    def on_toggle_outline(self) -> None:
        self.outline.setVisible(self.outline_action.isChecked())

    # --- links, about -------------------------------------------------------

    @Slot(QUrl)
    def on_external_link(self, url: QUrl) -> None:
        if ask(
            self,
            self.tr("Open Link"),
            self.tr("Open this link in your web browser?\n{0}").format(url.toDisplayString()),
        ):
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)
