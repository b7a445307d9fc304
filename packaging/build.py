"""Build Reader's one-folder bundle with PyInstaller: `uv run python packaging/build.py`.

Output: dist/reader/ (the `reader` executable and everything it needs; Reader.app as
well on macOS). PyInstaller comes from the `packaging` dependency group in uv.lock: if
this Python lacks it, the script runs itself again through `uv run --group packaging`.
See packaging/README.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
APP_ID = "io.github.reader_app.Reader"


def _ensure_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        if os.environ.get("READER_BUILD_REEXEC") or shutil.which("uv") is None:
            sys.exit(
                "build.py: PyInstaller is missing; run `uv sync --group packaging` "
                "(or `uv run --group packaging python packaging/build.py`)"
            )
        env = {**os.environ, "READER_BUILD_REEXEC": "1"}
        command = ["uv", "run", "--locked", "--group", "packaging", "python", *sys.argv]
        sys.exit(subprocess.call(command, cwd=ROOT, env=env))


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _add_desktop_files(bundle: Path) -> None:
    """Linux: the desktop file, metainfo and icons travel in the bundle, with the
    script that puts them where a desktop looks (packaging/linux/install.sh)."""
    share = bundle / "share"
    shutil.copytree(PACKAGING / "linux" / "share", share, dirs_exist_ok=True)
    icons = ROOT / "resources" / "icons" / "hicolor"
    shutil.copytree(icons, share / "icons" / "hicolor", dirs_exist_ok=True)
    shutil.copy2(PACKAGING / "linux" / "install.sh", bundle / "install.sh")


def build(dist: Path, work: Path) -> Path:
    from PyInstaller.__main__ import run as pyinstaller

    pyinstaller(
        [
            str(PACKAGING / "reader.spec"),
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={dist}",
            f"--workpath={work}",
        ]
    )
    bundle = dist / "reader"
    for path in list(bundle.rglob("*")):
        if path.is_symlink() and not path.exists():
            path.unlink()  # a link to a library the spec left out
    if sys.platform.startswith("linux"):
        _add_desktop_files(bundle)
    return bundle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build Reader's PyInstaller bundle.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "pyinstaller", help="build cache"
    )
    args = parser.parse_args(argv)
    _ensure_pyinstaller()
    started = time.monotonic()
    bundle = build(args.dist.resolve(), args.work.resolve())
    seconds = time.monotonic() - started
    executable = bundle / ("reader.exe" if sys.platform == "win32" else "reader")
    check = subprocess.run([str(executable), "--version"], capture_output=True, text=True)
    if check.returncode != 0:
        print(f"build.py: {executable} --version failed:\n{check.stderr}", file=sys.stderr)
        return 1
    size = folder_size(bundle) / 1e6
    version = check.stdout.strip()
    print(f"{executable}: {version}; {size:.0f} MB in {bundle}; built in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
