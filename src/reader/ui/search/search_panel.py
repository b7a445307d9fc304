"""Find in Library: a box whose results come as you type, ranked, with the hits marked.

Searches run in Qt's thread pool on a read-only connection of their own
(reader.ui.background). Each keystroke starts a newer search: the running one
is interrupted (sqlite3's interrupt), one still waiting never starts, and a
result that arrives late is dropped, so only the newest query is ever shown.
The first page comes first; the count follows in a second job.
"""

from __future__ import annotations

import html
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.chinese.folding import Folder
from reader.library.search import Searcher, SearchHit, SearchResult, open_for_search
from reader.ui.background import in_background
from reader.ui.plain_text import protect_view

TYPING_PAUSE_MS = 120  # a search starts once typing pauses this long
_ROLE_HIT = Qt.ItemDataRole.UserRole + 1


def marked_html(
    text: str, spans: tuple[tuple[int, int], ...], convert: Callable[[str], str]
) -> str:
    """`text` as escaped HTML with its hits in bold on a highlight; each piece is
    converted to the display script on its own, so the marks stay on the hits."""
    parts, at = [], 0
    for start, end in spans:
        parts.append(html.escape(convert(text[at:start])))
        parts.append(
            '<span style="background-color:#ffe678;color:#000;font-weight:bold">'
            + html.escape(convert(text[start:end]))
            + "</span>"
        )
        at = end
    parts.append(html.escape(convert(text[at:])))
    return "".join(parts)


class SearchPanel(QWidget):
    sig_open_requested = Signal(str, object, int)  # article id, folded terms, first block

    def __init__(self, library_path: Path, folder: Folder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path = library_path
        self._folder = folder
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()  # one search at a time on the connection
        self._generation = 0
        self._convert: Callable[[str], str] = lambda s: s
        self.last: SearchResult | None = None
        self._open_when_ready = False  # Enter came before the results
        self.box = QLineEdit(self)
        self.box.setPlaceholderText(self.tr("Search all articles (either script)"))
        self.box.setAccessibleName(self.tr("Find in Library"))
        self.box.setClearButtonEnabled(True)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.results = QListWidget(self)
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setAccessibleName(self.tr("Search results"))
        protect_view(self.results)  # titles in tooltips are text (traps #16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.on_typing_paused)
        self.box.textChanged.connect(self.on_text_changed)
        self.box.returnPressed.connect(self.on_return)
        self.box.installEventFilter(self)
        self.results.itemActivated.connect(self.on_item_activated)
        self.results.itemClicked.connect(self.on_item_activated)

    def set_display(self, convert: Callable[[str], str] | None) -> None:
        """Titles and snippets are shown through `convert` (the display script)."""
        self._convert = convert or (lambda s: s)
        if self.last is not None:
            self._fill(self.last)

    def focus_box(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def close_connection(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # --- searching ------------------------------------------------------------

    @Slot(str)
    def on_text_changed(self, _text: str) -> None:
        self._generation += 1  # whatever is running now is stale
        if self._conn is not None:
            self._conn.interrupt()
        self._timer.start()

    @Slot()
    def on_typing_paused(self) -> None:
        self.search_now()

    def search_now(self) -> None:
        self._timer.stop()
        self._open_when_ready = False
        self._generation += 1
        generation = self._generation
        query = self.box.text()
        if not query.strip():
            self.last = None
            self.results.clear()
            self.status.setText("")
            return
        self.status.setText(self.tr("Searching…"))
        in_background(
            self,
            lambda: self._run(generation, query, count=False),
            lambda result: self._on_page(generation, result),
            lambda exc: self._on_failed(generation, exc),
        )

    def _run(self, generation: int, query: str, count: bool) -> SearchResult | None:
        with self._lock:
            if generation != self._generation:
                return None  # a newer search was asked for while this one waited
            if self._conn is None:
                self._conn = open_for_search(self._path)
            searcher = Searcher(self._conn, self._folder)
            return searcher.search(query, limit=50 if not count else 1, count=count)

    def _on_page(self, generation: int, result: SearchResult | None) -> None:
        if result is None or generation != self._generation:
            return
        self.last = result
        self._fill(result)
        if self._open_when_ready:
            self._open_when_ready = False
            self._open(0)
        in_background(
            self,
            lambda: self._run(generation, result.query, count=True),
            lambda counted: self._on_count(generation, counted),
            lambda exc: self._on_failed(generation, exc),
        )

    def _on_count(self, generation: int, result: SearchResult | None) -> None:
        if result is None or generation != self._generation or result.total is None:
            return
        if result.total == 0:
            self.status.setText(self.tr("No articles found"))
        else:
            self.status.setText(self.tr("{0} articles").format(result.total))

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return  # interrupted for a newer search
        self.status.setText(self.tr("The search could not be run: {0}").format(exc))

    # --- results --------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        if self.last is not None and event.size().width() != event.oldSize().width():
            row = self.results.currentRow()
            self._fill(self.last)  # the items wrap to the new width
            self.results.setCurrentRow(row)

    def _fill(self, result: SearchResult) -> None:
        self.results.clear()
        width = max(self.results.viewport().width() - 4, 120)
        for hit in result.hits:
            item = QListWidgetItem(self.results)
            item.setData(_ROLE_HIT, hit)
            label = QLabel(self._item_html(hit), self.results)
            label.setTextFormat(Qt.TextFormat.RichText)  # built here, every text escaped
            label.setWordWrap(True)
            label.setContentsMargins(4, 4, 4, 4)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            item.setSizeHint(QSize(width, label.heightForWidth(width)))
            self.results.setItemWidget(item, label)
        if result.hits:
            self.results.setCurrentRow(0)
        self.status.setText(self.tr("No articles found") if not result.hits else "")

    def _item_html(self, hit: SearchHit) -> str:
        convert = self._convert
        title = marked_html(hit.title, hit.title_spans, convert)
        meta = " / ".join(hit.section)
        if hit.published:
            meta += " · " + hit.published[:10]
        snippet = marked_html(hit.snippet.text, hit.snippet.spans, convert)
        return (
            f"<b>{title}</b><br><span style='color:gray'>{html.escape(convert(meta))}</span>"
            f"<br>{snippet}"
        )

    def hit_at(self, row: int) -> SearchHit | None:
        item = self.results.item(row)
        hit = item.data(_ROLE_HIT) if item is not None else None
        return hit if isinstance(hit, SearchHit) else None

    @Slot(QListWidgetItem)
    def on_item_activated(self, item: QListWidgetItem) -> None:
        self._open(self.results.row(item))

    @Slot()
    def on_return(self) -> None:
        if self._timer.isActive() or self.last is None or self.last.query != self.box.text():
            # Enter before the results of what was typed: search now, open when they come.
            self.search_now()
            self._open_when_ready = True
            return
        self._open(max(self.results.currentRow(), 0))

    def _open(self, row: int) -> None:
        hit = self.hit_at(row)
        if hit is not None and self.last is not None:
            self.sig_open_requested.emit(hit.article_id, self.last.terms, hit.block)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if (
            watched is self.box
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None and self.results.count():
                row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
                self.results.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)
