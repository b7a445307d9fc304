"""Fixtures for the command line tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def seed_file(tmp_path: Path, seed_text: str) -> Path:
    """The seed article alone in a folder of its own (folder imports take it alone)."""
    path = tmp_path / "articles" / "seed.txt"
    path.parent.mkdir()
    path.write_text(seed_text, encoding="utf-8")
    return path
