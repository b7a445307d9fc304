"""Where Reader's bundled data lives: inside the wheel, or at the top of a checkout."""

from __future__ import annotations

from pathlib import Path

# The application id: desktop file, AppStream metainfo, icons, Flatpak and the macOS bundle
# are all named by it (packaging/README.md says why this one).
APP_ID = "io.github.reader_app.Reader"


def resource_dir() -> Path:
    here = Path(__file__).resolve().parent
    bundled = here / "resources"
    if bundled.is_dir():
        return bundled
    return here.parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def icon_files() -> list[Path]:
    """The icon's PNG renderings, smallest first (the SVG is the source; PNGs need no
    SVG plugin at run time)."""
    hicolor = resource_path("icons", "hicolor")
    found = [p for p in hicolor.glob(f"*x*/apps/{APP_ID}.png") if p.is_file()]
    return sorted(found, key=icon_size)


def icon_size(path: Path) -> int:
    """The side in pixels of one of icon_files() (its folder is named like 48x48)."""
    return int(path.parent.parent.name.split("x")[0])
