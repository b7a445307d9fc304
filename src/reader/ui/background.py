"""Work off the UI thread that reports back on it (style.md #8, Anki's CollectionOp)."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
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


class _Sections:
    """How many sections of one kind are running now, from whichever threads."""

    def __init__(self) -> None:
        self._count = 0
        self._lock = threading.Lock()

    @contextmanager
    def held(self, first: Callable[[], None], last: Callable[[], None]) -> Iterator[None]:
        """Run `first` as the first section begins and `last` as the last one ends."""
        with self._lock:
            if self._count == 0:
                first()
            self._count += 1
        try:
            yield
        finally:
            with self._lock:
                self._count -= 1
                if self._count == 0:
                    last()

    def __bool__(self) -> bool:
        return self._count > 0


_pausing = _Sections()  # in collector_paused()
_was_enabled = True


def _pause() -> None:
    global _was_enabled
    _was_enabled = gc.isenabled()
    gc.disable()


def _resume() -> None:
    if _was_enabled:
        gc.enable()


def collector_paused() -> AbstractContextManager[None]:
    """Python's cyclic garbage collector off while a bulk job makes tens of
    thousands of objects (none of them in cycles): each full collection it would
    start walks every object of the process holding the GIL, and the window stops
    answering meanwhile (40,000 bookmarks merged: 43-107 ms pauses, and half a
    second in a test process holding more). Back on when the last such job ends,
    if it was on before; reference counting frees memory throughout."""
    return _pausing.held(_pause, _resume)


_writing = _Sections()  # in writing_in_background()


def writing_in_background() -> AbstractContextManager[None]:
    """Marks a job of the app's own that writes the library off the UI thread (an
    import). Its commits look to the window's connection like another process's:
    the library watcher (ui/library_list/library_watch.py) leaves them until the
    last such job ends, then follows them once, instead of re-reading the list on
    the UI thread every second while the job runs. That re-read, a statement at a
    time, waited for the GIL at each step behind the busy job (5 ms a switch): a
    40,000-bookmark import stopped the window for 0.2-0.4 s at a time."""
    return _writing.held(lambda: None, lambda: None)


def writing_now() -> bool:
    """Whether a job in writing_in_background() is running."""
    return bool(_writing)
