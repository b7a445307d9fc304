"""The garbage collector paused for a bulk job, and given back as it was (ui/background)."""

from __future__ import annotations

import gc
import threading

import pytest

from reader.ui.background import collector_paused


def test_paused_while_any_job_runs_and_back_on_after_the_last() -> None:
    assert gc.isenabled()
    first_inside = threading.Event()
    release = threading.Event()
    seen: list[bool] = []

    def job() -> None:
        with collector_paused():
            first_inside.set()
            release.wait(10)
            seen.append(gc.isenabled())

    other = threading.Thread(target=job)
    other.start()
    assert first_inside.wait(10)
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other job still runs: still off
    release.set()
    other.join(10)
    assert seen == [False]
    assert gc.isenabled()


def test_an_error_inside_still_gives_the_collector_back() -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("the job failed")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()  # as during the app's start
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
