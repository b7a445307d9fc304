"""The identity docs/cli.md promises ("Import rules"): an article's id is a
fingerprint of its content in NFC, so the same article written in another Unicode
normalization is the same article, through a real import into a real library."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from reader.cli import ExitCode
from tests.cli.helpers import run

# Text that NFC and NFD write differently: accented Latin (café in a translator's
# gloss, Ångström), and CJK compatibility ideographs, which NFC and NFD both map
# to the unified ones (U+F91D → 欄 U+6B04, U+F9DC → 隆 U+9686, U+FA10 → 塚 U+585A).
EXTRA = "\n\n譯注：café 與 Ångström 的寫法，見專欄第三段。隆重介紹塚本先生。\n"
COMPAT = str.maketrans({"欄": "\uf91d", "隆": "\uf9dc", "塚": "\ufa10"})


def ids_in(capsys: pytest.CaptureFixture[str], lib: str) -> list[str]:
    _, out, _ = run(capsys, "--library", lib, "list", "--json")
    return [a["id"] for s in json.loads(out) for a in s["articles"]]


def test_the_same_article_in_nfc_and_in_nfd_is_one_article(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_text: str
) -> None:
    composed = unicodedata.normalize("NFC", seed_text + EXTRA)
    decomposed = unicodedata.normalize("NFD", composed).translate(COMPAT)
    assert decomposed != composed and "e\u0301" in decomposed and "\uf91d" in decomposed
    assert unicodedata.normalize("NFC", decomposed) == composed
    nfc = tmp_path / "mac" / "文章.txt"
    nfd = tmp_path / "windows" / "另存的文章.txt"
    for path, text in ((nfc, composed), (nfd, decomposed)):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    lib = str(tmp_path / "lib")

    code, out, err = run(capsys, "--library", lib, "import", str(nfc))
    assert (code, out) == (ExitCode.OK, "1 added, 0 updated, 0 already in the library, 0 failed\n")
    [first] = ids_in(capsys, lib)
    code, out, err = run(capsys, "--library", lib, "bookmarks", "add", first, "--note", "留著")
    assert code == ExitCode.OK, err

    code, out, err = run(capsys, "--library", lib, "import", str(nfd))
    assert code == ExitCode.OK, err
    assert not out.startswith("1 added"), out  # found as the article already there
    assert ids_in(capsys, lib) == [first]
    _, out, _ = run(capsys, "show", "--json", str(nfd))
    assert json.loads(out)["id"] == first  # the file alone gives the same id too
    _, out, _ = run(capsys, "--library", lib, "bookmarks", "list", "--json")
    [group] = json.loads(out)
    assert (group["article_id"], group["in_library"]) == (first, True)
    assert [b["note"] for b in group["bookmarks"]] == ["留著"]
