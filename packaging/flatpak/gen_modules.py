"""Write python3-modules.json for the Flatpak build from uv.lock: the same versions and
hashes as every other install, fetched by flatpak-builder before its offline build.

`uv run python packaging/flatpak/gen_modules.py` after a change of dependencies.
PySide6 (and shiboken6) come from the io.qt.PySide.BaseApp, so they are left out.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PYTHON = "cp312"  # the KDE 6.8 runtime's Python (freedesktop 24.08)
ARCHES = {"x86_64": "x86_64", "aarch64": "aarch64"}
FROM_BASEAPP = {"pyside6-essentials", "shiboken6"}


def _runtime_closure(packages: dict[str, dict]) -> list[str]:
    """reader's runtime dependencies (no groups), as resolved for Linux."""
    seen: list[str] = []
    todo = [d["name"] for d in packages["reader"].get("dependencies", [])]
    while todo:
        name = todo.pop()
        if name in seen or name in FROM_BASEAPP:
            continue
        seen.append(name)
        for dep in packages[name].get("dependencies", []):
            marker = dep.get("marker", "")
            if "sys_platform == 'win32'" in marker or "sys_platform == 'darwin'" in marker:
                continue
            todo.append(dep["name"])
    return sorted(seen)


def _sources(package: dict) -> list[dict]:
    wheels = package.get("wheels", [])
    pure = [w for w in wheels if w["url"].endswith("-none-any.whl")]
    if pure:
        return [{"type": "file", "url": pure[0]["url"], "sha256": _sha(pure[0])}]
    sources = []
    for arch in ARCHES:
        # cp312-cp312, or the stable ABI of any CPython up to 3.12 (uharfbuzz: cp311-abi3).
        pattern = re.compile(
            rf"-(?:{PYTHON}-{PYTHON}|cp3(?:[0-9]|1[0-2])-abi3)-manylinux[^/]*{arch}\.whl$"
        )
        matches = [w for w in wheels if pattern.search(w["url"])]
        if not matches:
            raise SystemExit(f"gen_modules.py: {package['name']}: no {PYTHON} wheel for {arch}")
        wheel = matches[0]
        sources.append(
            {"type": "file", "url": wheel["url"], "sha256": _sha(wheel), "only-arches": [arch]}
        )
    return sources


def _sha(wheel: dict) -> str:
    algorithm, _, digest = wheel["hash"].partition(":")
    assert algorithm == "sha256"
    return digest


def modules() -> dict:
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    packages = {p["name"]: p for p in lock["package"]}
    names = _runtime_closure(packages)
    sources = [s for name in names for s in _sources(packages[name])]
    return {
        "name": "python3-modules",
        "buildsystem": "simple",
        "build-commands": [
            "pip3 install --no-index --no-deps --find-links=. --prefix=${FLATPAK_DEST} "
            + " ".join(names)
        ],
        "sources": sources,
    }


def main() -> int:
    target = HERE / "python3-modules.json"
    target.write_text(json.dumps(modules(), indent=2) + "\n", encoding="utf-8")
    print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
