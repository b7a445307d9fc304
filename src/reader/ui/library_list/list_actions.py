"""What the user does to the library from the article list: the context menu, the Trash
(delete, undo, restore, empty), moving articles, renaming sections, read marks, order.

Every change is written through reader.library.manage (one short transaction) and
then the list is re-read, keeping the user's place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QWidget

from reader.library import LibraryError, manage
from reader.library.listing import list_sections, section_path
from reader.ui.library_list.library_watch import reload_keeping_view
from reader.ui.plain_text import ask, show_error

if TYPE_CHECKING:
    from reader.library import ArticleStore
    from reader.ui.library_list.article_list_model import ArticleListModel
    from reader.ui.library_list.article_tree import ArticleTree

SEPARATOR = " / "  # between the levels of a section path, as `reader list` shows them


class ListActions(QObject):
    sig_message = Signal(str)  # one line for the status bar
    sig_changed = Signal()  # this window changed the library (trash, move, …)

    def __init__(
        self, window: QWidget, tree: ArticleTree, model: ArticleListModel, store: ArticleStore
    ) -> None:
        super().__init__(window)
        self._window, self._tree, self._model, self._store = window, tree, model, store
        self._undo: list[list[str]] = []  # ids of each delete, newest last
        self.menu: QMenu | None = None  # the context menu shown last
        self.dialog: QInputDialog | None = None  # the move or rename dialog open
        self.delete_action = self._action(self.tr("Move to &Trash"), self.on_delete)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.undo_action = self._action(self.tr("&Undo Delete"), self.on_undo)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.setEnabled(False)
        self.restore_action = self._action(self.tr("&Restore"), self.on_restore)
        self.empty_action = self._action(self.tr("&Empty Trash…"), self.on_empty_trash)
        self.move_action = self._action(self.tr("&Move to Section…"), self.on_move)
        self.rename_action = self._action(self.tr("Re&name Section…"), self.on_rename)
        self.read_action = self._action(self.tr("Mark as R&ead"), lambda: self.on_mark(True))
        self.unread_action = self._action(self.tr("Mark as U&nread"), lambda: self.on_mark(False))
        self.sort_group = QActionGroup(self)
        self.sort_actions: dict[str, QAction] = {}
        for order, text in (
            ("date", self.tr("Sort by &Date")),
            ("title", self.tr("Sort by T&itle")),
        ):
            action = self._action(text, lambda _=False, o=order: self.on_sort(o))
            action.setCheckable(True)
            action.setChecked(order == model.order)
            self.sort_group.addAction(action)
            self.sort_actions[order] = action
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self.on_context_menu)
        tree.sig_delete_requested.connect(self.on_delete)

    def _action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self._tree)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self._tree.addAction(action)  # its shortcut works while the list has focus
        return action

    # -- what is selected --------------------------------------------------------------

    def _selected(self) -> tuple[list[str], list[str]]:
        """Ids of the selected articles: (outside the Trash, in the Trash)."""
        rows = self._tree.selectionModel().selectedRows(0)
        current = self._tree.currentIndex()
        if not rows and current.isValid():
            rows = [current.siblingAtColumn(0)]
        kept: list[str] = []
        trashed: list[str] = []
        for index in rows:
            aid = self._model.article_id(index)
            if aid is not None:
                (trashed if self._model.in_trash(index) else kept).append(aid)
        return kept, trashed

    def _current_section(self) -> int | None:
        index = self._tree.currentIndex()
        if not index.isValid() or self._model.article_id(index) is not None:
            return None
        section = self._model.section_id(index)
        return None if section is None or self._model.in_trash(index) else section

    # -- the menu ----------------------------------------------------------------------

    @Slot(QPoint)
    def on_context_menu(self, pos: QPoint) -> None:
        index = self._tree.indexAt(pos)
        if index.isValid() and not self._tree.selectionModel().isSelected(index):
            self._tree.setCurrentIndex(index)
        menu = QMenu(self._tree)
        kept, trashed = self._selected()
        if kept:
            menu.addActions([self.read_action, self.unread_action, self.move_action])
            menu.addSeparator()
            menu.addAction(self.delete_action)
        if trashed:
            menu.addAction(self.restore_action)
        if self._current_section() is not None:
            menu.addAction(self.rename_action)
        if self._model.in_trash(index) or trashed:
            menu.addAction(self.empty_action)
        if self.undo_action.isEnabled():
            menu.addAction(self.undo_action)
        menu.addSeparator()
        menu.addActions(list(self.sort_actions.values()))
        self.menu = menu
        menu.popup(self._tree.viewport().mapToGlobal(pos))

    # -- changes -----------------------------------------------------------------------

    def _write(self, change: object) -> bool:
        """Run a write; a failure is one message and nothing else changes."""
        try:
            change()  # type: ignore[operator]
        except LibraryError as exc:
            show_error(self._window, self.tr("Nothing Was Changed"), str(exc))
            return False
        except ValueError as exc:
            show_error(self._window, self.tr("Nothing Was Changed"), str(exc))
            return False
        return True

    def _in_trash(self, article_id: str) -> bool:
        index = self._model.index_of_article(article_id)
        return index.isValid() and self._model.in_trash(index)

    def _reload(self, select: str | None = None) -> None:
        reload_keeping_view(self._tree, self._model)
        self.sig_changed.emit()
        if select is not None:
            index = self._model.index_of_article(select)
            if index.isValid():
                self._tree.setCurrentIndex(index)

    @Slot()
    def on_delete(self) -> None:
        kept, trashed = self._selected()
        if trashed and not kept:
            self._delete_forever(trashed)
            return
        if not kept:
            return
        marked = manage.with_notes(self._store.conn, kept)
        if marked and not ask(
            self._window,
            self.tr("Move to Trash"),
            self.tr(
                "{0} of these articles have bookmarks or notes. Move them to the Trash? "
                "They stay there, with their notes, until the Trash is emptied."
            ).format(len(marked)),
        ):
            return
        current = self._tree.currentIndex()
        following = self._model.article_id(self._model.neighbour_article(current, 1))
        preceding = self._model.article_id(self._model.neighbour_article(current, -1))
        moved: list[str] = []
        if not self._write(lambda: moved.extend(manage.trash(self._store.conn, kept))):
            return
        self._undo.append(moved)
        self.undo_action.setEnabled(True)
        # The next article opens in its place (the one before, after the last one):
        # the reader pane never goes on showing what was just put in the Trash.
        # The Trash itself is no article to move on to.
        after = [
            a
            for a in (following, preceding)
            if a is not None and a not in moved and not self._in_trash(a)
        ]
        self._reload(after[0] if after else None)
        self.sig_message.emit(
            self.tr("{0} moved to the Trash. Undo with Ctrl+Z.").format(len(moved))
        )

    @Slot()
    def on_undo(self) -> None:
        if not self._undo:
            return
        ids = self._undo.pop()
        self.undo_action.setEnabled(bool(self._undo))
        back: list[str] = []
        if self._write(lambda: back.extend(manage.restore(self._store.conn, ids))):
            self._reload(back[0] if back else None)
            self.sig_message.emit(self.tr("{0} restored.").format(len(back)))

    @Slot()
    def on_restore(self) -> None:
        _, trashed = self._selected()
        back: list[str] = []
        if trashed and self._write(lambda: back.extend(manage.restore(self._store.conn, trashed))):
            self._reload(back[0] if back else None)
            self.sig_message.emit(self.tr("{0} restored.").format(len(back)))

    def _delete_forever(self, ids: list[str]) -> None:
        if not ask(
            self._window,
            self.tr("Delete for Good"),
            self.tr("Delete {0} articles for good? This cannot be undone.").format(len(ids)),
        ):
            return
        if self._write(lambda: self._store.delete_forever(ids)):
            self._undo = [[i for i in batch if i not in ids] for batch in self._undo]
            self._reload()
            self.sig_message.emit(self.tr("{0} deleted for good.").format(len(ids)))

    @Slot()
    def on_empty_trash(self) -> None:
        count = len(manage.trashed(self._store.conn))
        if not count or not ask(
            self._window,
            self.tr("Empty Trash"),
            self.tr("Delete the {0} articles in the Trash for good? This cannot be undone.").format(
                count
            ),
        ):
            return
        if self._write(lambda: manage.empty_trash(self._store)):
            self._undo.clear()
            self.undo_action.setEnabled(False)
            self._reload()
            self.sig_message.emit(self.tr("The Trash is empty."))

    @Slot()
    def on_move(self) -> None:
        kept, _ = self._selected()
        if not kept:
            return
        rows = list_sections(self._store.conn)
        by_id = {r.id: r for r in rows}
        paths = sorted(SEPARATOR.join(section_path(by_id, r.id)) for r in rows)
        dialog = self._dialog(self.tr("Move to Section"), self.tr("Section (levels joined by /):"))
        dialog.setComboBoxItems(paths)
        dialog.setComboBoxEditable(True)
        dialog.textValueSelected.connect(lambda text: self._move(kept, text))
        dialog.open()

    def _move(self, ids: list[str], text: str) -> None:
        path = tuple(part.strip() for part in text.split(SEPARATOR.strip()))
        if self._write(lambda: manage.move(self._store.conn, ids, path)):
            self._reload(ids[0])
            self.sig_message.emit(
                self.tr("{0} moved to {1}.").format(len(ids), SEPARATOR.join(path))
            )

    @Slot()
    def on_rename(self) -> None:
        section = self._current_section()
        if section is None:
            return
        names = self._model.section_path(section)
        dialog = self._dialog(self.tr("Rename Section"), self.tr("New name:"))
        dialog.setTextValue(names[-1] if names else "")
        dialog.textValueSelected.connect(lambda text: self._rename(section, text))
        dialog.open()

    def _rename(self, section: int, name: str) -> None:
        if self._write(lambda: manage.rename_section(self._store.conn, section, name)):
            self._reload()
            self.sig_message.emit(self.tr("Section renamed to {0}.").format(name.strip()))

    def _dialog(self, title: str, label: str) -> QInputDialog:
        if self.dialog is not None:
            self.dialog.deleteLater()
        dialog = QInputDialog(self._window)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        self.dialog = dialog
        return dialog

    def on_mark(self, read: bool) -> None:
        kept, trashed = self._selected()
        ids = kept + trashed
        if ids and self._write(lambda: manage.set_read(self._store.conn, ids, read)):
            for aid in ids:
                self._model.set_read(aid, read)

    def on_sort(self, order: str) -> None:
        current = self._model.article_id(self._tree.currentIndex())
        expanded = {s for s, i in self._model.section_indexes() if self._tree.isExpanded(i)}
        self._model.set_order(order)
        for sid in expanded:
            self._tree.setExpanded(self._model.index_of_section(sid), True)
        if current is not None:
            index = self._model.index_of_article(current)
            if index.isValid():
                self._tree.setCurrentIndex(index)
                self._tree.scrollTo(index)
