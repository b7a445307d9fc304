"""Work off the UI thread that reports back on it (style.md #8, Anki's CollectionOp)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Job(QObject):
    """One piece of work run by Qt's thread pool. `work` runs in a pool thread and
    must touch no widget (a database task opens its own connection); `done` or
    `failed` then run on the thread that made the job, through queued signals."""

    sig_done = Signal(object)
    sig_failed = Signal(object)

    def __init__(
        self,
        parent: QObject,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._done = done
        self._failed = failed
        # One slot per outcome that ends by deleting the job: a slot of its own for
        # the deletion would run inside any event loop that `done` opens (a message
        # box), and the job would be deleted while it still delivers `done`.
        self.sig_done.connect(self.on_done)
        self.sig_failed.connect(self.on_failed)

    def start(self) -> None:
        QThreadPool.globalInstance().start(_Runner(self))

    def run(self) -> None:  # in the pool thread
        try:
            result = self._work()
        except Exception as exc:  # reported on the UI thread, never lost in a thread
            log.exception("background work failed")
            self.sig_failed.emit(exc)
            return
        self.sig_done.emit(result)

    @Slot(object)
    def on_done(self, result: object) -> None:
        try:
            self._done(result)
        finally:
            self.deleteLater()

    @Slot(object)
    def on_failed(self, exc: object) -> None:
        try:
            self._failed(exc)  # type: ignore[arg-type]
        finally:
            self.deleteLater()


class _Runner(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job.run()


def in_background(
    parent: QObject,
    work: Callable[[], Any],
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
) -> Job:
    job = Job(parent, work, done, failed)
    job.start()
    return job
