"""Parsing many files on every core, in order, with a bounded number in flight.

A large folder of saved pages is parsing-bound (HTML extraction takes 10–200 ms a
page), so its files are parsed by a pool of worker processes while the calling
process stores what comes back. Results come back in the order of the files, and at
most a few per worker are in flight at once: memory stays flat however large the
folder. Workers are started with "spawn": they share nothing with the caller (no
open library, no Qt), only the file paths go out and parsed Articles come back.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from reader.domain import Article
from reader.importers.files import ImportFailure
from reader.importers.folders import Candidate

# Fewer files than this are parsed in the calling process: starting workers costs
# about a second (each loads OpenCC), more than a small import takes.
POOL_MIN_FILES = 200
# Files go out in batches: one task per file would cost more in messages than a text
# file costs to parse. Batches stay small so that progress is smooth and few parsed
# articles wait in memory.
_BATCH = 16
_IN_FLIGHT_PER_WORKER = 3

_importer = None  # one per worker process, built by _start
# What a worker does with each Article it parsed before sending it back, when the
# caller names it ("module:function" of a factory taking the worker's Converters):
# the library prepares what it will store (compressed text, index tokens) on
# every core instead of in the one process that writes.
_prepare: Callable[[Article], object] | None = None


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def _start(prepare: str | None = None) -> None:
    global _importer, _prepare
    from reader.chinese import Converters
    from reader.importers import Importer

    converters = Converters()
    _importer = Importer(converters)
    if prepare is not None:
        import importlib

        module, _, name = prepare.partition(":")
        _prepare = getattr(importlib.import_module(module), name)(converters)


def _parse_one(path_text: str) -> Article | ImportFailure:
    from pathlib import Path

    assert _importer is not None
    try:
        return _importer.parse_file(Path(path_text))
    except ImportFailure as failure:
        return failure
    except Exception as exc:  # a bug in a parser: the file fails, the import goes on
        return ImportFailure(path_text, f"could not be read ({type(exc).__name__}: {exc})")


def _parse(paths: list[str]) -> list[object]:
    parsed = [_parse_one(p) for p in paths]
    if _prepare is None:
        return list(parsed)
    prepare = _prepare
    return [p if isinstance(p, ImportFailure) else prepare(p) for p in parsed]


Batch = tuple[list[Candidate], "Future[list[object]]"]


def parse_in_pool(
    candidates: Iterable[Candidate], workers: int, prepare: str | None = None
) -> Iterator[tuple[Candidate, object]]:
    """Each candidate with its Article (or what `prepare` made of it) or failure,
    in order. Closing the iterator (a cancelled import) stops the workers."""
    context = multiprocessing.get_context("spawn")
    window = workers * _IN_FLIGHT_PER_WORKER
    pending: deque[Batch] = deque()
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start, initargs=(prepare,)
    ) as pool:
        try:
            for batch in _batches(candidates):
                pending.append((batch, pool.submit(_parse, [str(c.path) for c in batch])))
                if len(pending) >= window:
                    yield from _done(pending.popleft())
            while pending:
                yield from _done(pending.popleft())
        finally:
            for _, future in pending:
                future.cancel()


def _batches(candidates: Iterable[Candidate]) -> Iterator[list[Candidate]]:
    batch: list[Candidate] = []
    for candidate in candidates:
        batch.append(candidate)
        if len(batch) == _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _done(item: Batch) -> Iterator[tuple[Candidate, object]]:
    batch, future = item
    yield from zip(batch, future.result(), strict=True)
