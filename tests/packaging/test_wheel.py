"""`pip install .` and `uv tool install .` give working `reader` commands: the wheel
carries Reader's resources (samples, icons, conversion tables), found where it is
installed, not in the source tree."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ..conftest import REPO, require

pytestmark = pytest.mark.slow


def uv() -> str:
    found = shutil.which("uv")
    require(found is not None, "uv")
    assert found is not None
    return found


def run(*args: str | Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        timeout=900,
        **kwargs,  # type: ignore[call-overload]
    )
    assert done.returncode == 0, f"{args}: {done.stdout[-2000:]}{done.stderr[-2000:]}"
    return done


def works_alone(reader: Path, home: Path) -> None:
    """From an empty folder, with no uv, no checkout and no virtual environment active."""
    home.mkdir()
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "READER_HOME": str(home / "library"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    run(reader, "--screenshot", "window.png", env=env, cwd=home)
    assert (home / "window.png").read_bytes().startswith(b"\x89PNG")
    # The first start imported the samples: they came from the installed wheel.
    listed = json.loads(run(reader, "list", "--json", env=env, cwd=home).stdout)
    ids = [a["id"] for section in listed for a in section["articles"]]
    assert len(ids) >= 2
    run(reader, "export", ids[0], "--format", "docx", "-o", "out/", env=env, cwd=home)
    assert next((home / "out").glob("*.docx")).stat().st_size > 0


def test_the_wheel_installs_a_working_reader(tmp_path: Path) -> None:
    run(uv(), "build", "--wheel", "--out-dir", tmp_path / "dist", REPO, cwd=REPO)
    wheel = next((tmp_path / "dist").glob("reader-*.whl"))
    # The locked versions, as every other install gets them.
    pins = tmp_path / "requirements.txt"
    run(uv(), "export", "--locked", "--no-dev", "--no-emit-project", "-o", pins, cwd=REPO)

    venv = tmp_path / "venv"
    run(uv(), "venv", "--python", "3.11", venv)
    run(uv(), "pip", "install", "--python", venv / "bin" / "python", "-r", pins, wheel)
    assert (venv / "bin" / "reader-app").is_file()  # the GUI entry point
    where = run(
        venv / "bin" / "python",
        "-c",
        "from reader.resources import resource_dir, icon_files; "
        "print(resource_dir()); print(len(icon_files()))",
        cwd=tmp_path,
    ).stdout.split()
    assert Path(where[0]).is_relative_to(venv) and int(where[1]) >= 8
    works_alone(venv / "bin" / "reader", tmp_path / "pip-home")


def test_uv_tool_install_gives_a_working_reader(tmp_path: Path) -> None:
    pins = tmp_path / "requirements.txt"
    run(uv(), "export", "--locked", "--no-dev", "--no-emit-project", "-o", pins, cwd=REPO)
    env = {
        **{k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"},
        "UV_TOOL_DIR": str(tmp_path / "tools"),
        "UV_TOOL_BIN_DIR": str(tmp_path / "bin"),
    }
    run(uv(), "tool", "install", "--python", "3.11", "--constraints", pins, REPO, env=env)
    assert (tmp_path / "bin" / "reader-app").exists()
    works_alone(tmp_path / "bin" / "reader", tmp_path / "tool-home")
