"""`reader --screenshot`: the real command, in a child process without a display."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage


def reader(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "READER_HOME": str(home)}
    env.pop("QT_QPA_PLATFORM", None)  # the command must manage without a display itself
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def lightness_at(image: QImage, x_fraction: float, y_fraction: float) -> int:
    colour = image.pixelColor(int(image.width() * x_fraction), int(image.height() * y_fraction))
    return colour.lightness()


def test_screenshot_shows_the_sample_at_the_requested_size(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = reader("--screenshot", str(out), "--size", "1200x800", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    # The library was filled with the samples on first run.
    listing = reader("list", "--json", home=tmp_path / "home")
    assert "中聯部在主題教育期間深入開展調查研究" in listing.stdout
    # Text was drawn in the reader pane: many distinct colours (anti-aliased glyphs).
    colours = {image.pixel(x, y) for x in range(400, 900, 3) for y in range(150, 600, 3)}
    assert len(colours) > 20


def test_dark_theme_and_open_ref(tmp_path: Path) -> None:
    home = tmp_path / "home"
    reader("--screenshot", str(tmp_path / "first.png"), home=home)  # fills the library
    articles = json.loads(reader("list", "--json", home=home).stdout)
    simplified = next(
        a["id"] for s in articles for a in s["articles"] if a["title"].startswith("中联部")
    )
    out = tmp_path / "dark.png"
    result = reader(
        "--screenshot", str(out), "--theme", "dark", "--open", simplified, "--size", "1000x700",
        home=home,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert lightness_at(image, 0.55, 0.95) < 80  # the reader pane's background


def test_bad_arguments_are_one_line_errors(tmp_path: Path) -> None:
    home = tmp_path / "home"
    bad_size = reader("--screenshot", str(tmp_path / "x.png"), "--size", "huge", home=home)
    assert bad_size.returncode == 2
    assert "--size" in bad_size.stderr
    unknown = reader("--screenshot", str(tmp_path / "y.png"), "--open", "ffff0000", home=home)
    assert unknown.returncode == 1
    assert "ffff0000" in unknown.stderr.strip().splitlines()[-1]
    mixed = reader("--screenshot", str(tmp_path / "z.png"), "list", home=home)
    assert mixed.returncode == 2


def test_a_read_only_library_opens_and_reads_without_an_error(tmp_path: Path) -> None:
    """Opening an article marks it read and saves the reading position; in a
    read-only library neither may turn into "Something went wrong"."""
    from tests.unit.test_faults import _read_only_command

    home = tmp_path / "home"
    samples = Path(__file__).resolve().parents[2] / "resources" / "samples"
    imported = reader("import", str(samples), home=home)  # none of them read yet
    assert imported.returncode == 0, imported.stderr
    prefix = _read_only_command(home)
    env = {**os.environ, "READER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    try:
        result = subprocess.run(
            [*prefix, sys.executable, "-m", "reader", "--screenshot", str(tmp_path / "ro.png")],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
    finally:
        home.chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert "went wrong" not in result.stderr and "read-only" not in result.stderr
    assert QImage(str(tmp_path / "ro.png")).width() > 0


def test_a_screenshot_onto_a_symlink_replaces_the_link_not_its_target(tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("a file the link points to", encoding="utf-8")
    link = tmp_path / "shot.png"
    link.symlink_to(target)
    result = reader("--screenshot", str(link), "--size", "640x480", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8") == "a file the link points to"
    assert not link.is_symlink() and QImage(str(link)).width() == 640
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temp file left
    # Into a folder that is not there: one line, nothing left behind.
    missing = tmp_path / "nowhere" / "shot.png"
    result = reader("--screenshot", str(missing), home=tmp_path / "home")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith(f"reader: {missing}: cannot be")


def test_an_error_after_the_app_returned_is_printed_not_shown_in_a_dialog(
    tmp_path: Path,
) -> None:
    """The app's error dialog is for errors while it runs. An error once it has
    returned (here, raised by the caller right after a window closed at once) is a
    traceback on stderr and the process ends, instead of a modal dialog nobody sees
    keeping it alive (the timeout would fail this test)."""
    library = str(tmp_path / "lib")
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "QApplication.exec = lambda self: 0  # the window closes as soon as it is up\n"
        "from reader.launch import main\n"
        f"assert main(['--library', {library!r}]) == 0\n"
        "raise RuntimeError('after the app')\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 1, done.stderr
    assert "RuntimeError: after the app" in done.stderr
