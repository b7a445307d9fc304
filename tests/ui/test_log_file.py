"""Tracebacks and Qt's warnings reach the log file, in order, though it is opened
in a thread of its own so that the window never waits for it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from reader.ui import app_log


def test_records_reach_the_log_file_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "logs" / "reader.log"
    monkeypatch.setattr(app_log, "log_path", lambda: path)
    handler = app_log._LazyFileHandler()
    logger = logging.getLogger("reader.test-log-file")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for number in range(50):
            logger.warning("record %d", number)
        handler.flush()  # as logging.shutdown() does at exit
        for number in range(50, 60):
            logger.warning("record %d", number)
        handler.flush()
    finally:
        logger.removeHandler(handler)
        handler.close()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line.rsplit(" ", 1)[-1] for line in lines] == [str(n) for n in range(60)]
