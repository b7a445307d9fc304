"""The conversion check: findings of a naive conversion, each with its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
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
from reader.ui.plain_text import plain_label, protect_view

_FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


class AuditPanel(QWidget):
    """Lists findings; the window decides what accepting them means."""

    sig_accept = Signal(list)  # list[Finding]
    sig_revert = Signal()
    sig_finding_activated = Signal(int)  # block index (-1: the title)

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
        layout.addWidget(self.revert_button)
        self._findings: list[Finding] = []
        self._accepted: set[tuple[int, int]] = set()
        self.hide_variants.toggled.connect(self._refill)
        self.accept_button.clicked.connect(self.on_accept_selected)
        self.accept_all_button.clicked.connect(self.on_accept_all)
        self.revert_button.clicked.connect(self.sig_revert)
        self.list.itemActivated.connect(self.on_item_activated)
        self.list.itemClicked.connect(self.on_item_activated)
        self.list.itemSelectionChanged.connect(self._update_buttons)

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

    @Slot()
    def _refill(self) -> None:
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
        errors = sum(f.kind is FindingKind.ERROR for f in self._findings)
        variants = len(self._findings) - errors
        if getattr(self, "_note", ""):
            self.summary.setText(self._note)
        else:
            self.summary.setText(
                self.tr("{0} errors and {1} variant forms found; {2} accepted.").format(
                    errors, variants, len(self._accepted)
                )
            )
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        pending = [f for f in self.visible_findings() if (f.block, f.start) not in self._accepted]
        self.accept_button.setEnabled(bool(self.list.selectedItems()))
        self.accept_all_button.setEnabled(bool(pending))
        self.revert_button.setEnabled(bool(self._accepted))

    def _finding(self, item: QListWidgetItem) -> Finding:
        return self._findings[int(item.data(_FINDING_ROLE))]

    @Slot()
    def on_accept_selected(self) -> None:
        chosen = [self._finding(item) for item in self.list.selectedItems()]
        if chosen:
            self.sig_accept.emit(chosen)

    @Slot()
    def on_accept_all(self) -> None:
        pending = [f for f in self.visible_findings() if (f.block, f.start) not in self._accepted]
        if pending:
            self.sig_accept.emit(pending)

    @Slot(QListWidgetItem)
    def on_item_activated(self, item: QListWidgetItem) -> None:
        self.sig_finding_activated.emit(self._finding(item).block)
