"""Export file names: safe on every OS, ≤ 255 bytes, always inside the chosen folder
(reliability.md, Export; traps.md #13)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.export.filenames import numbered, safe_filename, safe_name, target_in

RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$", re.IGNORECASE)
FORBIDDEN = set('\\/:*?"<>|')


def assert_safe(name: str) -> None:
    assert name
    assert len(name.encode("utf-8")) <= 255
    assert not FORBIDDEN & set(name)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in name)
    assert not name.startswith((".", " "))
    assert not name.endswith((".", " "))
    assert ".." not in name
    assert not RESERVED.match(name.split(".", 1)[0].rstrip())


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("CON", "_CON.md"),
        ("con", "_con.md"),
        ("nul.txt", "_nul.txt.md"),
        ("Com1", "_Com1.md"),
        ("LPT9", "_LPT9.md"),
        ("a:b", "a_b.md"),
        ("标题?*", "标题_.md"),
        ("../../x", "_._x.md"),
        ("/etc/x", "_etc_x.md"),
        ("title.", "title.md"),
        ("title ", "title.md"),
        ("title. . ", "title.md"),
        (".hidden", "hidden.md"),
        ("", "untitled.md"),
        ("...", "untitled.md"),
        ("a\tb\nc", "a b c.md"),
        ("evil\u202egpj.exe", "evil_gpj.exe.md"),
    ],
)
def test_reliability_titles_give_safe_names(title: str, expected: str) -> None:
    name = safe_filename(title, ".md")
    assert name == expected
    assert_safe(name)


def test_extension_with_or_without_its_dot() -> None:
    assert safe_filename("报告", "md") == safe_filename("报告", ".md") == "报告.md"
    assert safe_filename("报告", "") == "报告"
    assert safe_filename("CON", "") == "_CON"


@pytest.mark.parametrize("length", [100, 200])
def test_long_han_titles_fit_255_bytes_with_the_extension_kept(length: int) -> None:
    name = safe_filename("中" * length, ".md")
    assert name == "中" * 84 + ".md"  # 84 × 3 bytes + 3 = 255 (traps.md #13)
    assert len(name.encode("utf-8")) == 255


def test_long_titles_are_cut_between_characters_never_inside_one() -> None:
    title = "a" + "中" * 100  # 1 + 3n bytes: no cut lands on a character boundary by luck
    name = safe_filename(title, ".docx")
    assert name.endswith(".docx")
    assert len(name.encode("utf-8")) <= 255
    name.encode("utf-8").decode("utf-8")  # whole characters only
    assert safe_filename("😀" * 100, ".md") == "😀" * 63 + ".md"  # 4-byte characters
    # A base letter is not left without the combining mark that followed it.
    marked = safe_filename("x" * 252 + "e\u0301\u0302", "")  # NFC: é + U+0302, 256 bytes
    assert marked == "x" * 252


def test_the_ascii_reliability_title_of_100_characters() -> None:
    assert safe_filename("x" * 100, ".md") == "x" * 100 + ".md"
    assert safe_filename("x" * 300, ".md") == "x" * 252 + ".md"


def test_hostile_title_with_200_characters() -> None:
    name = safe_filename("../../CON?.md" + "标" * 187, ".html")
    assert_safe(name)
    assert name.endswith(".html")
    assert name.startswith("_._CON_.md标")


@pytest.mark.parametrize(
    "name",
    ["CON", "nul.txt", "a:b", "标题?*", "../../x", "/etc/x", "..", ".", "", "x" * 300 + ".md"],
)
def test_target_in_always_lands_inside_the_folder(tmp_path: Path, name: str) -> None:
    target = target_in(tmp_path, name)
    assert target.parent == tmp_path.resolve()
    assert_safe(target.name)


def test_target_in_keeps_a_typed_extension(tmp_path: Path) -> None:
    assert target_in(tmp_path, "报告.docx").name == "报告.docx"
    assert target_in(tmp_path, "nul.txt").name == "_nul.txt"
    assert target_in(tmp_path / "a" / "..", "x.md") == tmp_path.resolve() / "x.md"


def test_numbered_names_stay_within_the_limit() -> None:
    assert numbered("报告.md", 2) == "报告 (2).md"
    long = safe_filename("中" * 200, ".md")
    second = numbered(long, 2)
    assert second.endswith(" (2).md")
    assert len(second.encode("utf-8")) <= 255
    assert numbered("README", 3) == "README (3)"


@given(st.text(max_size=300), st.sampled_from([".md", ".html", ".txt", ".pdf", ".docx", ""]))
def test_any_title_gives_a_safe_name(title: str, extension: str) -> None:
    name = safe_filename(title, extension)
    assert_safe(name)
    assert name.endswith(extension)


@given(st.text(max_size=300))
def test_any_typed_name_stays_in_the_folder(name: str) -> None:
    folder = Path("/tmp/reader-export-test")
    target = target_in(folder, name)
    assert target.parent == folder.resolve()
    assert_safe(safe_name(name))
