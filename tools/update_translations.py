"""Refresh the interface translations: one command after strings change.

    uv run python tools/update_translations.py            # lupdate, then list what is unfinished
    uv run python tools/update_translations.py --check    # exit 1 if anything is unfinished
    uv run python tools/update_translations.py --release DIR   # compile .qm files (packaging)

lupdate reads every tr()/translate() string under src/reader into
resources/i18n/reader_{en,zh_CN,zh_TW}.ts: new strings arrive unfinished, removed
ones are dropped, edited ones keep their old translation marked unfinished. English
is filled in from the source text; the two Chinese files are translated by hand
(Qt Linguist: `uv run pyside6-linguist resources/i18n/reader_zh_TW.ts`, or any
text editor: write the <translation> and drop its type="unfinished").
Taiwan terms in zh_TW (檔案、匯出、書籤、設定), mainland terms in zh_CN (文件、导出、书签、设置).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "src" / "reader"
I18N = REPO / "resources" / "i18n"
LANGUAGES = ("en", "zh_CN", "zh_TW")


def ts_files(folder: Path = I18N) -> list[Path]:
    return [folder / f"reader_{lang}.ts" for lang in LANGUAGES]


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        sys.exit(f"update_translations: pyside6-{name} not found (run through `uv run`)")
    return found


def lupdate(targets: list[Path], sources: Path = SOURCES) -> None:
    """Merge the strings found in `sources` into each .ts of `targets`."""
    for ts in targets:
        lang = ts.stem.removeprefix("reader_")
        subprocess.run(
            [
                _tool("lupdate"),
                "-silent",
                "-extensions",
                "py",
                "-locations",
                "none",
                "-no-obsolete",
                "-source-language",
                "en",
                "-target-language",
                lang,
                str(sources),
                "-ts",
                str(ts),
            ],
            check=True,
        )


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    """(context name, <message>) for every message of a .ts."""
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing = []
    for context, message in messages(ts):
        translation = message.find("translation")
        if (
            translation is None
            or translation.get("type") in {"unfinished", "obsolete", "vanished"}
            or not (translation.text or "").strip()
        ):
            missing.append((context, message.findtext("source") or ""))
    return missing


def fill_english(ts: Path) -> int:
    """English shows the source text: mark every English message finished with it."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if translation.get("type") == "unfinished" or not translation.text:
            translation.text = message.findtext("source") or ""
            translation.attrib.pop("type", None)
            filled += 1
    _write(tree, ts)  # always, so the file keeps one layout whatever lupdate did
    return filled


def _write(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def release(target_dir: Path) -> list[Path]:
    """Compile each .ts into `target_dir` under the name the app looks for
    (reader.ui.i18n.qm_name: the .ts name and a hash of its content)."""
    sys.path.insert(0, str(REPO / "src"))
    from reader.ui.i18n import qm_name

    target_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for ts in ts_files():
        qm = target_dir / qm_name(ts)
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        made.append(qm)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report; exit 1 if unfinished")
    parser.add_argument("--release", type=Path, metavar="DIR", help="compile .qm files into DIR")
    args = parser.parse_args(argv)
    if args.release:
        for qm in release(args.release):
            print(qm)
        return 0
    if not args.check:
        lupdate(ts_files())
        fill_english(I18N / "reader_en.ts")
    code = 0
    for ts in ts_files():
        missing = unfinished(ts)
        total = len(messages(ts))
        print(f"{ts.relative_to(REPO)}: {total} strings, {len(missing)} unfinished")
        for context, source in missing:
            print(f"  [{context}] {source!r}")
        code = code or (1 if missing else 0)
    return code


if __name__ == "__main__":
    sys.exit(main())
