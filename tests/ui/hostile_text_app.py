"""The real app on a library full of markup-looking text, every place that shows it exercised.

Run by test_hostile_text.py as its own process (a crash must fail a test, not
end the test run):

    python hostile_text_app.py WORKDIR

WORKDIR holds a symlink `zero` -> /dev/zero and is the working directory, so a
relative `<img src="zero">` (all a file name can hold) reads /dev/zero too.
Memory is capped, so a Qt that reads /dev/zero aborts at once instead of
filling the machine. Each step prints `ok <step>` once what it showed was
checked; the process exits 0 only when every step passed.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path

resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))

# Absolute, relative (what a file name can carry) and file: URL forms.
HOSTILE = '<img src="/dev/zero">'
RELATIVE = '<img src="zero">'
PASSWD = '<img src="file:///etc/passwd">'

STEPS = [
    "window title",
    "list tooltip",
    "outline tooltip",
    "bookmark tooltip",
    "bookmark import error",
    "import failure box",
    "import progress label",
    "error box",
    "start notes",
    "glossary message",
    "export message",
]


def build_library(library: Path) -> str:
    from reader.domain import Article, Block, Script
    from reader.library import ArticleStore, open_library
    from reader.library.bookmarks import BookmarkStore

    store = ArticleStore(open_library(library))
    article = Article(
        id="ab" * 32,
        title=f"{HOSTILE} 標題 {PASSWD}",
        blocks=(
            Block.heading(f"{HOSTILE} 小標題"),
            Block.paragraph(f"正文{HOSTILE}正文{PASSWD}"),
            Block.heading(f"{PASSWD} 第二節"),
        ),
        section_path=(HOSTILE, PASSWD),
        published="2024-01-02",
        source=HOSTILE,
        script=Script.TRADITIONAL,
    )
    store.add(article)
    BookmarkStore(store.conn).add(article, 1, note=f"{HOSTILE}\n{PASSWD}")
    store.conn.close()
    return article.id


def main() -> int:
    work = Path(sys.argv[1])
    library = work / "lib"
    article_id = build_library(library)
    bad_dir = work / "files"
    bad_dir.mkdir()
    (bad_dir / f"{RELATIVE}.txt").write_bytes(b"")  # an import failure naming the file
    (bad_dir / f"{RELATIVE}.json").write_text("[1, 2]", encoding="utf-8")

    from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
    from PySide6.QtGui import QHelpEvent, QTextDocumentFragment
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QApplication,
        QLabel,
        QMessageBox,
        QProgressDialog,
    )

    app = QApplication(sys.argv[:1])
    PLAIN = Qt.TextFormat.PlainText
    passed: list[str] = []
    failures: list[str] = []

    def check(step: str, ok: bool, detail: str = "") -> None:
        if ok:
            passed.append(step)
            print(f"ok {step}", flush=True)
        else:
            failures.append(step)
            print(f"FAILED {step}: {detail}", flush=True)

    def window() -> object:
        from reader.ui.main_window import MainWindow

        return next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))

    def hover(view: QAbstractItemView, index: QModelIndex) -> str:
        """Hover a row as the mouse does; the tooltip's text as Qt shows it."""
        view.scrollTo(index)
        centre = view.visualRect(index).center()
        event = QHelpEvent(QEvent.Type.ToolTip, centre, view.viewport().mapToGlobal(centre))
        app.sendEvent(view.viewport(), event)
        tips = [w for w in app.topLevelWidgets() if w.objectName() == "qtooltip_label"]
        if not tips or not isinstance(tips[0], QLabel):
            return "<no tooltip>"
        tips[0].grab()  # laid out and painted: where Qt would load an image
        return QTextDocumentFragment.fromHtml(tips[0].text()).toPlainText()

    def on_modal(step: str, expect: str) -> None:
        """When the next message box is up: paint it, check its text, close it."""

        def look() -> None:
            box = app.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, look)
                return
            box.grab()
            check(step, expect in box.text(), repr(box.text()))
            box.accept()

        QTimer.singleShot(20, look)

    def run_steps() -> None:

        w = window()
        check("window title", HOSTILE in w.windowTitle(), w.windowTitle())  # type: ignore[attr-defined]

        model, tree = w.model, w.tree  # type: ignore[attr-defined]
        shown = hover(tree, model.index_of_article(article_id))
        check("list tooltip", shown.startswith(f"{HOSTILE} 標題 {PASSWD}"), shown)

        outline = w.outline  # type: ignore[attr-defined]
        shown = hover(outline, outline.indexFromItem(outline.item(0)))
        check("outline tooltip", shown == f"{HOSTILE} 小標題", shown)

        tools = w.bookmarks  # type: ignore[attr-defined]
        tools.panel_action.setChecked(True)
        tools.refresh_panel()
        mark = tools.store.all()[0]
        shown = hover(tools.panel.view, tools.model.index_of(mark.id))
        check("bookmark tooltip", shown == f"{HOSTILE}\n{PASSWD}", shown)

        # A bookmarks file whose name looks like markup: the error quotes its path.
        done: list[bool] = []
        tools.sig_imported.connect(done.append)
        tools.import_file(bad_dir / f"{RELATIVE}.json")
        while not done:  # the import runs off the UI thread
            app.processEvents()
        w.grab()  # type: ignore[attr-defined]
        tools.panel.grab()
        status = w.statusBar().currentMessage()  # type: ignore[attr-defined]
        label = tools.panel.status
        check(
            "bookmark import error",
            RELATIVE in status and RELATIVE in label.text() and label.textFormat() == PLAIN,
            f"{status!r} / {label.text()!r}",
        )

        # An import that fails names the file in the summary box.
        on_modal("import failure box", "could not be imported")
        w.imports.quiet = False  # type: ignore[attr-defined]
        w.import_paths([bad_dir / f"{RELATIVE}.txt"])  # type: ignore[attr-defined]
        QTimer.singleShot(0, after_import)

    def after_import() -> None:
        w = window()
        if w.imports.busy() or "import failure box" not in passed + failures:  # type: ignore[attr-defined]
            QTimer.singleShot(20, after_import)
            return
        # The progress dialog names the file being read.
        w.imports.start([bad_dir])  # type: ignore[attr-defined]
        w.imports.on_progress(1, f"{RELATIVE}.txt")  # type: ignore[attr-defined]
        dialogs = w.findChildren(QProgressDialog)  # type: ignore[attr-defined]
        labels = [lab for d in dialogs for lab in d.findChildren(QLabel) if RELATIVE in lab.text()]
        for dialog in dialogs:
            dialog.show()
            dialog.grab()
        check("import progress label", bool(labels), repr([d.labelText() for d in dialogs]))
        QTimer.singleShot(0, wait_import)

    def wait_import() -> None:
        w = window()
        if w.imports.busy() or app.activeModalWidget() is not None:  # type: ignore[attr-defined]
            box = app.activeModalWidget()
            if isinstance(box, QMessageBox):
                box.accept()
            QTimer.singleShot(20, wait_import)
            return
        # An unexpected error whose message quotes file content: the excepthook's box.
        on_modal("error box", HOSTILE)
        QTimer.singleShot(0, raise_hostile)
        QTimer.singleShot(50, notes)

    def raise_hostile() -> None:
        raise ValueError(f"bad block {HOSTILE}")

    def notes() -> None:
        if "error box" not in passed + failures:
            QTimer.singleShot(20, notes)
            return
        from reader.ui import app as ui_app

        w = window()
        on_modal("start notes", PASSWD)
        ui_app.show_start_notes(w, [f"The library {PASSWD} is read-only."])
        QTimer.singleShot(0, dialogs)

    def dialogs() -> None:
        from reader.ui.dialogs.export_dialog import ExportDialog
        from reader.ui.translator.glossary_dialog import GlossaryDialog

        w = window()
        # A glossary file that cannot be read: the message names it.
        glossary = GlossaryDialog([], w)  # type: ignore[arg-type]
        glossary.import_file(bad_dir / f"{RELATIVE}.tsv")
        glossary.show()
        glossary.grab()
        shown = glossary.message.text()
        check(
            "glossary message", RELATIVE in shown and glossary.message.textFormat() == PLAIN, shown
        )
        glossary.close()
        # An export to a folder that does not exist: the message names it.
        export = ExportDialog(w, w._current, w.translation, w.bookmarks, w._settings)  # type: ignore[attr-defined]
        export.quiet = True
        export.folder.setText(str(bad_dir / RELATIVE))
        export.on_save()
        export.show()
        export.grab()
        shown = export.message.text()
        check("export message", RELATIVE in shown and export.message.textFormat() == PLAIN, shown)
        export.close()
        QTimer.singleShot(0, finish)

    def finish() -> None:
        window().close()  # type: ignore[attr-defined]
        app.quit()

    QTimer.singleShot(300, run_steps)
    from reader.launch import main as reader_main

    code = reader_main(["--library", str(library)])
    missing = [s for s in STEPS if s not in passed]
    print(f"exit {code}; missing {missing}", flush=True)
    return 0 if code == 0 and not missing and not failures else 1


if __name__ == "__main__":
    sys.exit(main())
