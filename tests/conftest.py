"""Shared test setup: Qt without a display, temp libraries, the seed article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# traps.md #12: without a display Qt aborts; every test runs Qt off-screen. An empty
# value counts as unset (Qt would try the desktop's platform and abort the run).
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
# Set by .ci/run: what a bare clone may skip (the corpus beside the project, tools
# such as pdftotext) must be there in CI, and its absence fails instead.
IN_CI = bool(os.environ.get("READER_CI"))


RUN_SLOW = IN_CI or bool(os.environ.get("READER_SLOW"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked slow (building the bundle, a wheel) run in CI or with READER_SLOW=1;
    a clone's `uv run pytest` stays quick and says how to run them."""
    if RUN_SLOW:
        return
    skip = pytest.mark.skip(reason="slow (builds a bundle or wheel): READER_SLOW=1 or CI runs it")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def require(present: bool, what: str) -> None:
    """Skip (a bare clone) or fail (CI) when something a test needs is missing."""
    if present:
        return
    if IN_CI:
        pytest.fail(f"{what} is missing, and CI (.ci/run) must run this test", pytrace=False)
    pytest.skip(f"{what} is missing; CI (.ci/run) runs this test")


@pytest.fixture(scope="session")
def corpus() -> Path:
    """../shared/corpus: real pages and conversion cases, never copied into the project."""
    require(CORPUS.is_dir(), f"the shared corpus ({CORPUS})")
    return CORPUS


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
