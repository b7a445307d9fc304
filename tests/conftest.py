"""Shared test setup: Qt without a display, temp libraries, the seed article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# traps.md #12: without a display Qt aborts; every test runs Qt off-screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
# The seed article, bundled as a sample (identical to ../shared/seeds/000_4872f4ff411e05b8.txt).
SEED = REPO / "resources" / "samples" / "01-zhonglianbu-research-traditional.txt"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Tests never touch the user's real library."""
    home = tmp_path / "reader-home"
    monkeypatch.setenv("READER_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    return home


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def converters():  # type: ignore[no-untyped-def]
    from reader.chinese import Converters

    return Converters()
