"""The glossary dialog: rows, TSV import with bad lines, export."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.chinese.convert import ScriptMode
from reader.chinese.glossary import GlossaryEntry
from reader.ui.translator.glossary_dialog import GlossaryDialog


def test_import_reports_bad_lines_and_export_round_trips(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = GlossaryDialog([GlossaryEntry("创建", "創建", frozenset({ScriptMode.TAIWAN_PHRASES}))])
    qtbot.addWidget(dialog)
    tsv = tmp_path / "in.tsv"
    tsv.write_text("# names\n习近平\t習近平\nno tab here\n软件\t軟件\thongkong\n", encoding="utf-8")
    dialog.import_file(tsv)
    entries, problems = dialog.entries()
    assert problems == []
    assert [e.source for e in entries] == ["创建", "习近平", "软件"]
    assert entries[2].modes == frozenset({ScriptMode.HONG_KONG})
    assert "2 entries imported" in dialog.message.text()
    assert "3" in dialog.message.text()  # the bad line is named by its number
    out = tmp_path / "out.tsv"
    assert dialog.export_file(out)
    again = GlossaryDialog([])
    qtbot.addWidget(again)
    again.import_file(out)
    assert again.entries()[0] == entries


def test_a_row_with_an_unknown_script_is_refused(qtbot: QtBot) -> None:
    dialog = GlossaryDialog([GlossaryEntry("创建", "創建")])
    qtbot.addWidget(dialog)
    dialog.table.item(0, 2).setText("klingon")
    entries, problems = dialog.entries()
    assert entries == []
    assert len(problems) == 1 and "Row 1" in problems[0]


def test_unreadable_file_is_one_line(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = GlossaryDialog([])
    qtbot.addWidget(dialog)
    dialog.import_file(tmp_path / "missing.tsv")
    assert "missing.tsv" in dialog.message.text()
    assert "\n" not in dialog.message.text()


def test_a_fifo_or_a_huge_file_is_refused_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    """The importer's rules: a FIFO is never opened (it would block, or feed whatever
    its writer sends), and a file past the glossary's size is not read."""
    import os
    import threading
    import time

    dialog = GlossaryDialog([])
    qtbot.addWidget(dialog)
    fifo = tmp_path / "terms.tsv"
    os.mkfifo(fifo)

    def feed() -> None:  # a writer, should anything open the FIFO for reading
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.01)
                continue
            os.write(fd, "來自管道\t來自管道\n".encode())
            os.close(fd)
            return

    threading.Thread(target=feed, daemon=True).start()
    dialog.import_file(fifo)
    assert "not a regular file" in dialog.message.text()
    assert dialog.entries() == ([], [])
    huge = tmp_path / "huge.tsv"
    huge.write_bytes(b"a\tb\n" * (2 * 1024 * 1024))
    dialog.import_file(huge)
    assert "limit" in dialog.message.text() and dialog.entries() == ([], [])
