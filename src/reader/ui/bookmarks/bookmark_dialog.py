"""A note and a colour for a new bookmark."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui.plain_text import plain_label

# Soft highlighter colours that keep black text readable in every theme.
COLOURS = {
    "#f3e3a6": "Yellow",
    "#cfe8c9": "Green",
    "#cfe0f3": "Blue",
    "#f3d0d6": "Pink",
}

# A note the library could not store survives here until the next bookmark dialog.
_unsaved_note = ""


_PASSAGE_CHARS = 240  # of a long paragraph, the start is enough to know it


class BookmarkDialog(QDialog):
    """`passage`: the text being bookmarked, as the reader shows it."""

    def __init__(self, parent: QWidget | None = None, passage: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bookmark"))
        shown = passage if len(passage) <= _PASSAGE_CHARS else passage[:_PASSAGE_CHARS] + "…"
        self.passage = plain_label(self, shown)  # text from a file: never markup (traps #16)
        self.passage.setWordWrap(True)
        self.passage.setAccessibleName(self.tr("Passage"))
        self.editor = QPlainTextEdit(self)
        self.editor.setPlaceholderText(self.tr("A note (optional)"))
        self.editor.setPlainText(_unsaved_note)
        self.group = QButtonGroup(self)
        colours = QHBoxLayout()
        for index, (value, name) in enumerate(COLOURS.items()):
            button = QRadioButton(self.tr(name), self)
            button.setStyleSheet(
                f"QRadioButton {{ background: {value}; color: #222; padding: 2px; }}"
            )
            button.setProperty("colour", value)
            button.setChecked(index == 0)
            self.group.addButton(button)
            colours.addWidget(button)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if passage:
            layout.addWidget(self.passage)
        layout.addWidget(QLabel(self.tr("Note:"), self))
        layout.addWidget(self.editor)
        layout.addLayout(colours)
        layout.addWidget(box)

    def note(self) -> str:
        return self.editor.toPlainText().strip()

    def colour(self) -> str:
        button = self.group.checkedButton()
        return str(button.property("colour")) if button is not None else ""

    def keep_for_retry(self) -> None:
        """The bookmark could not be stored: the typed note waits for the next try."""
        global _unsaved_note
        _unsaved_note = self.editor.toPlainText()

    def accept(self) -> None:
        global _unsaved_note
        _unsaved_note = ""
        super().accept()
