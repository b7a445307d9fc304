"""Growth of running time with input size, for tests that assert linearity without a clock limit.

A test runs the same work on an input 10 times as big and asserts the ratio of the
times, never a time: a linear parser gives about 10, a quadratic one about 100.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

# Linear work measures about 10 (a little more from caches and allocation); quadratic
# about 100. The bound sits between, far from both.
MAX_RATIO = 30.0
_ROUNDS = 5
_MIN_SECONDS = 0.005  # calls are repeated until one measurement lasts at least this long
_LONG_RUN = 2.0  # seconds: a large run this long is not repeated


def _per_call(work: Callable[[], object]) -> float:
    calls, start = 0, time.perf_counter()
    while True:
        work()
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed >= _MIN_SECONDS:
            return elapsed / calls


def _best(work: Callable[[], object], rounds: int = _ROUNDS) -> float:
    gc.collect()
    return min(_per_call(work) for _ in range(rounds))


def growth(small: Callable[[], object], large: Callable[[], object]) -> float:
    """How many times longer `large` (10x the input) takes than `small`: best of
    several runs each, so that noise, which only ever adds time, drops out.

    A large run past the bound is measured again (a busy machine can stall one run
    by a lot), unless it took long: quadratic work stays failing without taking
    minutes.
    """
    base = _best(small)
    took = _best(large, rounds=1)
    ratio = took / base
    for _ in range(_ROUNDS - 1):
        if ratio < MAX_RATIO or took > _LONG_RUN:
            break
        took = _best(large, rounds=1)
        ratio = min(ratio, took / base)
    return ratio
