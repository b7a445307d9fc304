"""The main window moving between articles: the list's current row is the article
shown (a click, the arrows, Go → Next/Previous, a search result or bookmark
opening one), and opening an article by id selects its row.

A mixin of MainWindow; its strings keep MainWindow's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from reader.domain import Article
    from reader.library import ArticleStore
    from reader.ui.library_list.article_list_model import ArticleListModel
    from reader.ui.library_list.article_tree import ArticleTree
    from reader.ui.library_list.title_filter import FilterBox
    from reader.ui.reading.reader_view import ReaderView


class ListNavigation:
    # What the window has (MainWindow sets them).
    tree: ArticleTree
    model: ArticleListModel
    reader: ReaderView
    filter_box: FilterBox
    _store: ArticleStore
    _current: Article | None

    if TYPE_CHECKING:

        def statusBar(self) -> QStatusBar: ...
        def _show(self, article: Article) -> None: ...

    def open_article(self, article_id: str) -> bool:
        index = self.model.index_of_article(article_id)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)  # → on_current_changed shows it
        self.tree.scrollTo(index)
        return self.reader.article is not None and self.reader.article.id == article_id

    def open_first_article(self) -> None:
        first = self.model.neighbour_article(QModelIndex(), 1)
        if first.isValid():
            self.tree.setCurrentIndex(first)
            self.tree.scrollTo(first)

    def on_open_requested(self, article_id: str, block: object) -> None:
        """A bookmark or search result: the article, at `block` if one is given."""
        if not self.open_article(article_id):
            self.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "That article is not in the library (or hidden by the filter)."
                ),
                8000,
            )
            return
        if isinstance(block, int) and block >= 0:
            self.reader.scroll_to_block(block)

    def on_search_open(self, article_id: str, block: int) -> None:
        if self.filter_box.text():
            self.filter_box.clear()  # the title filter must not hide the article found
        self.on_open_requested(article_id, block)

    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self.model.article_id(current)
        if article_id is None or (self._current is not None and self._current.id == article_id):
            return  # the list was re-read or re-filtered around the open article
        article = self._store.get(article_id)
        if article is not None:
            self._show(article)

    def on_activated(self, index: QModelIndex) -> None:
        if self.model.article_id(index) is None:
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
        else:
            self.reader.setFocus()

    def _step(self, step: int) -> None:
        index = self.model.neighbour_article(self.tree.currentIndex(), step)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def on_next_article(self) -> None:
        self._step(1)

    def on_previous_article(self) -> None:
        self._step(-1)
