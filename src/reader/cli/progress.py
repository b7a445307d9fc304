"""Progress of a long import on standard error: a bar on a terminal, plain lines elsewhere.

On a terminal one line is redrawn in place, at most ten times a second: count, rate
and time left. Elsewhere (a log, a pipe, CI) a plain line is written every
PLAIN_EVERY seconds, so a log holds a few lines, not one per file. The summary that
follows goes to standard output either way; failures are lines of their own.
"""

from __future__ import annotations

import time
from typing import TextIO

PLAIN_EVERY = 5.0  # seconds between plain lines
_REDRAW = 0.1  # seconds between redraws of the bar
_WIDTH = 24  # characters of the bar


def _clock(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    def __init__(self, total: int, stream: TextIO, terminal: bool) -> None:
        self.total = total
        self.stream = stream
        self.terminal = terminal
        self.start = time.monotonic()
        self.last = self.start  # the first line after one interval, not at 0
        self.drawn = False

    def line(self, done: int) -> str:
        elapsed = time.monotonic() - self.start
        rate = done / elapsed if elapsed > 0 else 0.0
        left = (self.total - done) / rate if rate > 0 else 0.0
        shown = f"{done:,}/{self.total:,} files  {rate:,.0f}/s  {_clock(left)} left"
        if not self.terminal:
            return shown
        filled = _WIDTH * done // self.total if self.total else _WIDTH
        return f"[{'#' * filled}{'.' * (_WIDTH - filled)}] {shown}"

    def update(self, done: int) -> None:
        now = time.monotonic()
        if now - self.last < (_REDRAW if self.terminal else PLAIN_EVERY):
            return
        self.last = now
        if self.terminal:
            self.stream.write("\r" + self.line(done) + "\x1b[K")
            self.drawn = True
        else:
            self.stream.write(self.line(done) + "\n")
        self.stream.flush()

    def clear(self) -> None:
        """Before any other line on the stream (a failure, the summary)."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False
