"""Every theme keeps text readable: WCAG AA contrast (4.5:1) for every text colour."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from reader.render import PALETTES, Theme
from reader.ui.palette import contrast, theme_palette

R = QPalette.ColorRole
PAIRS = [
    (R.WindowText, R.Window),
    (R.Text, R.Base),
    (R.Text, R.AlternateBase),
    (R.ButtonText, R.Button),
    (R.HighlightedText, R.Highlight),
    (R.ToolTipText, R.ToolTipBase),
    (R.Link, R.Base),
    (R.PlaceholderText, R.Base),
]


@pytest.mark.parametrize("theme", list(Theme))
@pytest.mark.parametrize(("fore", "back"), PAIRS)
def test_window_text_holds_its_contrast(theme: Theme, fore: R, back: R) -> None:
    palette = theme_palette(theme)
    ratio = contrast(palette.color(fore), palette.color(back))
    assert ratio >= 4.5, f"{theme}: {fore.name} on {back.name} is {ratio:.2f}:1"


@pytest.mark.parametrize("theme", list(Theme))
def test_disabled_text_is_still_legible(theme: Theme) -> None:
    palette = theme_palette(theme)
    group = QPalette.ColorGroup.Disabled
    ratio = contrast(palette.color(group, R.WindowText), palette.color(group, R.Window))
    assert ratio >= 3.0  # WCAG exempts disabled controls; 3:1 keeps them readable


@pytest.mark.parametrize("theme", list(Theme))
def test_the_reader_pane_holds_its_contrast(theme: Theme) -> None:
    colours = PALETTES[theme]
    background = QColor(colours.background)
    for name in ("text", "muted", "heading", "accent"):
        ratio = contrast(QColor(getattr(colours, name)), background)
        assert ratio >= 4.5, f"{theme}: {name} is {ratio:.2f}:1"
    # Text on a changed-character mark and on the window's selection.
    assert contrast(QColor(colours.text), QColor(colours.mark)) >= 4.5


def test_the_dark_and_sepia_windows_are_not_the_light_one() -> None:
    light = theme_palette(Theme.LIGHT).color(R.Window)
    assert theme_palette(Theme.DARK).color(R.Window).lightness() < 60
    assert theme_palette(Theme.SEPIA).color(R.Window) != light
