"""Run as a script by test_long_articles.py: side by side of a long article in a
narrow window, jumping about while it loads and resizes, must not crash Qt.

    python tall_document_app.py LIBRARY_DIR [unguarded]

Qt's text layout breaks past 2^23 px of document height, and in a table
(side by side) QTextDocumentLayout::blockBoundingRect then crashes. The view
cuts such a document into parts; "unguarded" turns that off, to show the crash.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication

import reader.ui.reading.article_document as article_document
from reader.chinese import Converters
from reader.chinese.convert import ScriptMode
from reader.domain import Article, Block, Script
from reader.library import ArticleStore, open_library
from reader.ui.main_window import MainWindow

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples"


def main() -> int:
    library = Path(sys.argv[1])
    if sys.argv[2:] == ["unguarded"]:
        article_document._PART_HEIGHT = article_document._MAX_HEIGHT = 1 << 40  # type: ignore[attr-defined]
    text = (SAMPLE / "01-zhonglianbu-research-traditional.txt").read_text(encoding="utf-8")
    text = text.replace("\n", "")
    paragraphs = [text[(i * 53) % 1500 : (i * 53) % 1500 + 150] for i in range(8000)]
    article = Article(
        id="4" * 64,
        title="長文",
        blocks=tuple(Block.paragraph(p) for p in paragraphs),
        script=Script.TRADITIONAL,
    )
    store = ArticleStore(open_library(library))
    store.add(article)
    app = QApplication(sys.argv[:1])
    settings = QSettings(str(library / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, library, Converters(), settings)
    window.resize(620, 600)
    # Zoomed in, a narrow window's reader pane holds ~3 characters a line a column
    # (the side panes yield first, so the pane itself stays a few hundred px wide).
    window.view_options._zoom(3.0)
    window.show()
    window.translation.script.set_mode(ScriptMode.SIMPLIFIED)
    window.translation.script.side_by_side.setChecked(True)
    window.tree.setCurrentIndex(window.model.index_of_article(article.id))
    rng = random.Random(3)
    for step in range(30):
        if step % 4 == 0:
            window.resize(rng.randint(560, 900), 600)
        app.processEvents()
        window.reader.scroll_to_block(rng.randint(0, len(paragraphs) - 1))
        window.reader.viewport().repaint()
        window.reader.top_block_index()
    window.reader.scroll_to_block(len(paragraphs) - 1)
    while window.reader.loading:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    found = window.reader.top_block_index()
    height = window.reader.document().documentLayout().documentSize().height()
    print(f"top {found} height {height:.0f} width {window.reader.viewport().width()}", flush=True)
    window.close()
    return 0 if found is not None else 1


if __name__ == "__main__":
    sys.exit(main())
