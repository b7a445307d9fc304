"""The PyInstaller bundle runs with no Python around it: from an empty folder, in a bare
environment, it renders the window, imports an article and exports PDF and Word."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import REPO, require

pytestmark = pytest.mark.slow

SAMPLE = REPO / "resources" / "samples" / "02-zhonglianbu-research-simplified.txt"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle")
    run = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "build.py"), "--dist", str(out / "dist"),
         "--work", str(out / "work")],
        cwd=REPO, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    shutil.rmtree(out / "work")
    return out / "dist" / "reader"


def bare(home: Path) -> dict[str, str]:
    """What env -i leaves, plus the library and Qt off-screen: no VIRTUAL_ENV, no
    PYTHONPATH, no uv; PATH has only the system folders."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "READER_HOME": str(home / "library"),
        "QT_QPA_PLATFORM": "offscreen",
    }


def test_the_bundle_runs_with_no_python_around_it(bundle: Path, tmp_path: Path) -> None:
    reader = str(bundle / "reader")
    env = bare(tmp_path)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [reader, *args], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, f"reader {' '.join(args)}: {done.stderr}"
        return done

    run("--screenshot", "window.png", "--size", "1200x800")
    png = (tmp_path / "window.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 50_000  # the window, with the article
    # The window's first run imported the bundled samples (Reader's resources travel).
    listed = json.loads(run("list", "--json").stdout)
    titles = [a["title"] for section in listed for a in section["articles"]]
    assert len(titles) >= 2

    run("import", str(SAMPLE))
    converted = run("convert", "--to", "traditional", str(SAMPLE)).stdout  # OpenCC's data
    assert "調查研究" in converted
    article = json.loads(run("show", "--json", str(SAMPLE)).stdout)["id"]
    run("export", article, "--format", "docx", "--script", "traditional", "-o", "out/")
    run("export", article, "--format", "pdf", "-o", "out/")
    docx = next((tmp_path / "out").glob("*.docx"))
    assert docx.read_bytes().startswith(b"PK")
    pdf = next((tmp_path / "out").glob("*.pdf"))
    assert pdf.read_bytes().startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")
    require(pdftotext is not None, "pdftotext (poppler-utils)")
    assert pdftotext is not None
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True).stdout
    assert "调查研究" in text  # the CJK font was found and the text copies out right


def test_the_bundle_carries_its_compiled_translations(bundle: Path) -> None:
    """The bundle has no lrelease: the .qm files the app loads travel beside the .ts,
    under the names made from the .ts it holds (so a stale one is never loaded)."""
    from reader.ui.i18n import qm_name

    for ts in sorted(bundle.rglob("reader_zh_*.ts")):
        assert (ts.parent / qm_name(ts)).is_file(), ts.name
    assert len(list(bundle.rglob("reader_zh_*.ts"))) == 2


def test_the_bundle_is_lean(bundle: Path) -> None:
    qt = next(bundle.rglob("PySide6"))
    libraries = {p.name.split(".so")[0] for p in (qt / "Qt" / "lib").iterdir()}
    assert not libraries & {"libQt6Qml", "libQt6Quick", "libQt6Pdf", "libQt6WebEngineCore"}
    platforms = {p.name for p in (qt / "Qt" / "plugins" / "platforms").iterdir()}
    assert {"libqoffscreen.so", "libqxcb.so"} <= platforms
    assert "libqvnc.so" not in platforms
    assert not list(bundle.rglob("opencc/clib/include"))
