"""The conversion check: findings of a naive conversion, each with its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.chinese.audit import Finding, FindingKind
from reader.ui.plain_text import ask, plain_label, protect_view

_FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


class AuditPanel(QWidget):
    """Lists findings; the window decides what accepting them means.

    Selecting a finding points the reader at it (sig_finding_activated); Accept
    moves on to the next; Accept All leaves variant forms alone unless asked;
    Revert asks first; the keyboard focus stays in the list throughout."""

    sig_accept = Signal(list)  # list[Finding]
    sig_revert = Signal()
    sig_finding_activated = Signal(object)  # Finding (block -1: the title)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Conversion check"))
        self.summary = plain_label(self)
        self.hide_variants = QCheckBox(self.tr("Hide variant forms"), self)
        self.hide_variants.setToolTip(
            self.tr("Findings that only choose between accepted variant forms, such as 布/佈")
        )
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Findings"))
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        protect_view(self.list)
        self.accept_button = QPushButton(self.tr("&Accept"), self)
        self.accept_all_button = QPushButton(self.tr("Accept A&ll"), self)
        self.include_variants = QCheckBox(self.tr("Accept All takes &variant forms too"), self)
        self.include_variants.setToolTip(
            self.tr(
                "Variant forms are accepted spellings; Accept All leaves them unless this is on"
            )
        )
        self.revert_button = QPushButton(self.tr("&Revert to Original"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.accept_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.hide_variants)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.include_variants)
        layout.addWidget(self.revert_button)
        self._findings: list[Finding] = []
        self._accepted: set[tuple[int, int]] = set()
        self._note = ""
        # After an Accept, the finding to move on from (its index in _findings).
        self._resume_after: int | None = None
        self.hide_variants.toggled.connect(self._refill)
        self.accept_button.clicked.connect(self.on_accept_selected)
        self.accept_all_button.clicked.connect(self.on_accept_all)
        self.revert_button.clicked.connect(self.on_revert)
        self.list.itemActivated.connect(self.on_item_activated)
        self.list.itemClicked.connect(self.on_item_activated)
        self.list.currentItemChanged.connect(self.on_current_changed)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.include_variants.toggled.connect(self._update_buttons)

    def set_findings(
        self, findings: list[Finding], accepted: set[tuple[int, int]], note: str = ""
    ) -> None:
        """Show `findings`; those whose (block, start) is in `accepted` are marked done."""
        self._findings = findings
        self._accepted = accepted
        self._note = note
        self._refill()

    def visible_findings(self) -> list[Finding]:
        hide = self.hide_variants.isChecked()
        return [f for f in self._findings if not (hide and f.kind is FindingKind.VARIANT)]

    def show_note(self, note: str) -> None:
        """No findings to list, and why (checking…, not Traditional, no article)."""
        self.set_findings([], set(), note)

    def _pending(self) -> list[Finding]:
        return [f for f in self.visible_findings() if (f.block, f.start) not in self._accepted]

    def _accept_all_takes(self) -> list[Finding]:
        take_variants = self.include_variants.isChecked()
        return [f for f in self._pending() if take_variants or f.kind is FindingKind.ERROR]

    @Slot()
    def _refill(self) -> None:
        self.list.blockSignals(True)  # rebuilding the list activates no finding
        self.list.clear()
        for finding in self.visible_findings():
            done = (finding.block, finding.start) in self._accepted
            kind = self.tr("variant") if finding.kind is FindingKind.VARIANT else self.tr("error")
            mark = "✓ " if done else ""
            text = f"{mark}{finding.found} → {finding.suggestion}  [{kind}]\n…{finding.context}…"
            item = QListWidgetItem(text)
            item.setData(_FINDING_ROLE, self._findings.index(finding))
            if done:
                item.setForeground(self.palette().placeholderText())
            self.list.addItem(item)
        self.list.blockSignals(False)
        errors = sum(f.kind is FindingKind.ERROR for f in self._findings)
        variants = len(self._findings) - errors
        if self._note:
            self.summary.setText(self._note)
        else:
            self.summary.setText(
                self.tr("{0} errors and {1} variant forms found; {2} accepted.").format(
                    errors, variants, len(self._accepted)
                )
            )
        self._update_buttons()
        if self._resume_after is not None:
            after, self._resume_after = self._resume_after, None
            self._select_next(after)

    def _select_next(self, after: int) -> None:
        """Select the first finding not yet accepted after finding `after` (or
        before it, when none is left after it), and point the reader at it."""
        rows = [(int(self.list.item(r).data(_FINDING_ROLE)), r) for r in range(self.list.count())]
        pending = [(i, r) for i, r in rows if self._key(self._findings[i]) not in self._accepted]
        chosen = next((r for i, r in pending if i > after), None)
        if chosen is None and pending:
            chosen = pending[-1][1]
        if chosen is not None:
            self.list.setCurrentRow(chosen)  # → on_current_changed
            self.list.scrollToItem(self.list.item(chosen))

    @staticmethod
    def _key(finding: Finding) -> tuple[int, int]:
        return (finding.block, finding.start)

    @Slot()
    def _update_buttons(self) -> None:
        self.accept_button.setEnabled(bool(self.list.selectedItems()))
        self.accept_all_button.setEnabled(bool(self._accept_all_takes()))
        self.revert_button.setEnabled(bool(self._accepted))

    def _finding(self, item: QListWidgetItem) -> Finding:
        return self._findings[int(item.data(_FINDING_ROLE))]

    @Slot()
    def on_accept_selected(self) -> None:
        items = self.list.selectedItems()
        chosen = [self._finding(item) for item in items]
        if chosen:
            self._resume_after = max(int(item.data(_FINDING_ROLE)) for item in items)
            self.sig_accept.emit(chosen)
        self.list.setFocus()

    @Slot()
    def on_accept_all(self) -> None:
        taken = self._accept_all_takes()
        if taken:
            self._resume_after = -1  # then the first one left, if any
            self.sig_accept.emit(taken)
        self.list.setFocus()

    @Slot()
    def on_revert(self) -> None:
        if self._accepted and ask(
            self,
            self.tr("Revert to Original"),
            self.tr("Discard the {0} fixes accepted in this article?").format(len(self._accepted)),
        ):
            self.sig_revert.emit()
        # After the question closes, Qt gives the focus back to the button pressed.
        QTimer.singleShot(0, self.list.setFocus)

    @Slot(QListWidgetItem)
    def on_item_activated(self, item: QListWidgetItem) -> None:
        self.sig_finding_activated.emit(self._finding(item))

    @Slot(QListWidgetItem, QListWidgetItem)
    def on_current_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.sig_finding_activated.emit(self._finding(item))
