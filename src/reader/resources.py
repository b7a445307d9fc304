"""Where Reader's bundled data lives: inside the wheel, or at the top of a checkout."""

from __future__ import annotations

from pathlib import Path


def resource_dir() -> Path:
    here = Path(__file__).resolve().parent
    bundled = here / "resources"
    if bundled.is_dir():
        return bundled
    return here.parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)
