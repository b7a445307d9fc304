"""Linux desktop integration under one application id: a desktop file and AppStream
metainfo that their validators accept, Reader's icon at every hicolor size, the script
that installs them from the bundle, and a Flatpak manifest made from uv.lock."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

from reader import __version__
from reader.resources import APP_ID, resource_path

from ..conftest import REPO, require

PACKAGING = REPO / "packaging"
DESKTOP = PACKAGING / "linux" / "share" / "applications" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
HICOLOR = resource_path("icons", "hicolor")
READER_MIME = {"text/plain", "text/markdown", "text/html", "application/x-mimearchive"}


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _desktop_entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))


def _validate_desktop(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    require(tool is not None, "desktop-file-validate (desktop-file-utils)")
    assert tool is not None
    run = subprocess.run([tool, str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "error" not in run.stdout.lower(), run.stdout


def test_the_desktop_file_is_valid_and_offers_reader_for_its_file_types() -> None:
    _validate_desktop(DESKTOP)
    entry = _desktop_entry(DESKTOP)
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "reader %F"  # files are handed to `reader FILE…`
    assert set(entry["MimeType"].strip(";").split(";")) >= READER_MIME
    assert entry["Name[zh_CN]"] == "阅读器" and entry["Name[zh_TW]"] == "閱讀器"
    assert "Comment[zh_CN]" in entry and "Comment[zh_TW]" in entry


def test_the_metainfo_is_valid_and_names_the_same_application() -> None:
    tool = shutil.which("appstreamcli")
    require(tool is not None, "appstreamcli (appstream)")
    assert tool is not None
    run = subprocess.run([tool, "validate", "--no-net", str(METAINFO)], capture_output=True)
    assert run.returncode == 0, run.stdout.decode() + run.stderr.decode()
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("content_rating") is not None
    releases = [r.get("version") for r in root.iter("release")]
    assert releases[0] == __version__  # the newest release is this version
    media = {m.text for m in root.iter("mediatype")}
    assert media == set(_desktop_entry(DESKTOP)["MimeType"].strip(";").split(";"))
    shots = [Path(i.text or "").name for i in root.iter("image")]
    assert all((REPO / "docs" / "screenshots" / name).is_file() for name in shots), shots


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data.startswith(b"\x89PNG\r\n\x1a\n"), path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_icon_is_drawn_as_paths_and_rendered_at_every_hicolor_size() -> None:
    svg = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    root = ET.parse(svg).getroot()
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert "path" in tags and "text" not in tags  # no font needed to draw it
    pngs = sorted(HICOLOR.glob(f"*x*/apps/{APP_ID}.png"))
    sizes = {int(p.parent.parent.name.split("x")[0]) for p in pngs}
    assert {16, 24, 32, 48, 64, 128, 256, 512} <= sizes
    for png in pngs:
        size = int(png.parent.parent.name.split("x")[0])
        assert _png_size(png) == (size, size)
    assert resource_path("icons", "windows", "reader.ico").read_bytes()[:4] == b"\0\0\1\0"


def test_install_sh_puts_reader_in_the_menu_and_takes_it_out(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle with space"
    bundle.mkdir()
    (bundle / "reader").write_text("#!/bin/sh\necho reader\n", encoding="utf-8")
    (bundle / "reader").chmod(0o755)
    _load(PACKAGING / "build.py")._add_desktop_files(bundle)  # as build.py does
    prefix = tmp_path / "prefix"
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}
    run = subprocess.run(
        ["sh", str(bundle / "install.sh"), str(prefix)], env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    installed = prefix / "share" / "applications" / DESKTOP.name
    _validate_desktop(installed)
    entry = _desktop_entry(installed)
    assert entry["Exec"] == f'"{bundle}/reader" %F'
    assert (prefix / "bin" / "reader").resolve() == (bundle / "reader").resolve()
    share = prefix / "share"
    assert (share / "icons/hicolor/48x48/apps" / f"{APP_ID}.png").is_file()
    assert (share / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    assert (share / "metainfo" / METAINFO.name).is_file()
    subprocess.run(["sh", str(bundle / "install.sh"), "--uninstall", str(prefix)], env=env)
    assert not installed.exists() and not (prefix / "bin" / "reader").exists()
    assert not list(share.rglob(f"{APP_ID}.*"))


def test_the_flatpak_manifest_builds_from_this_tree_and_uv_lock() -> None:
    folder = PACKAGING / "flatpak"
    manifest = json.loads((folder / f"{APP_ID}.json").read_text(encoding="utf-8"))
    assert manifest["id"] == APP_ID and manifest["command"] == "reader"
    assert manifest["base"] == "io.qt.PySide.BaseApp"
    assert "--share=network" not in manifest["finish-args"]  # Reader never goes online
    reader = next(m for m in manifest["modules"] if isinstance(m, dict))
    for source in reader["sources"]:
        path = folder / source["path"]
        if path.suffix == ".whl":  # built by `uv build` first
            assert path.name == f"reader-{__version__}-py3-none-any.whl"
        else:
            assert path.is_file(), path
    # python3-modules.json is what gen_modules.py makes from today's uv.lock.
    modules = json.loads((folder / "python3-modules.json").read_text(encoding="utf-8"))
    assert modules == _load(folder / "gen_modules.py").modules()
    assert all(re.fullmatch(r"[0-9a-f]{64}", s["sha256"]) for s in modules["sources"])
    assert not any("pyside6" in s["url"].lower() for s in modules["sources"])  # the BaseApp's


def test_windows_and_macos_settings_carry_the_same_id_and_version() -> None:
    iss = (PACKAGING / "windows" / "reader.iss").read_text(encoding="utf-8")
    assert f'#define AppId "{APP_ID}"' in iss
    assert f'#define AppVersion "{__version__}"' in iss
    spec = (PACKAGING / "reader.spec").read_text(encoding="utf-8")
    assert f'APP_ID = "{APP_ID}"' in spec and '"NSHighResolutionCapable": True' in spec
    version = (PACKAGING / "windows" / "version_info.txt").read_text(encoding="utf-8")
    assert f"'ProductVersion', '{__version__}'" in version
