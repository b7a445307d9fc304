"""The interface language: chosen from the system, compiled on first use, Qt's own too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reader.ui.i18n import Translators, compile_qm, resolve_language, ts_path


@pytest.mark.parametrize(
    ("locale", "language"),
    [
        ("zh_CN", "zh_CN"),
        ("zh_SG", "zh_CN"),
        ("zh_TW", "zh_TW"),
        ("zh_HK", "zh_TW"),
        ("zh_MO", "zh_TW"),
        ("zh_Hant_HK", "zh_TW"),
        ("en_US", "en"),
        ("de_DE", "en"),
        ("C", "en"),
    ],
)
def test_the_system_locale_picks_the_interface_language(locale: str, language: str) -> None:
    assert resolve_language("system", QLocale(locale)) == language


def test_a_choice_in_preferences_wins_over_the_system() -> None:
    assert resolve_language("zh_TW", QLocale("zh_CN")) == "zh_TW"
    assert resolve_language("en", QLocale("zh_TW")) == "en"
    assert resolve_language("klingon", QLocale("zh_TW")) == "zh_TW"


def test_translations_compile_once_into_the_cache(tmp_path: Path) -> None:
    first = compile_qm(ts_path("zh_TW"), tmp_path)
    assert first is not None and first.stat().st_size > 0
    assert first.parent == tmp_path
    mtime = first.stat().st_mtime_ns
    assert compile_qm(ts_path("zh_TW"), tmp_path) == first
    assert first.stat().st_mtime_ns == mtime  # reused, not rebuilt


def test_an_edited_ts_is_never_read_from_a_stale_qm(tmp_path: Path) -> None:
    ts = tmp_path / "reader_zh_TW.ts"
    ts.write_bytes(ts_path("zh_TW").read_bytes())
    before = compile_qm(ts, tmp_path / "cache")
    ts.write_bytes(ts.read_bytes().replace(b"</TS>", b"<!-- edited --></TS>"))
    after = compile_qm(ts, tmp_path / "cache")
    assert before is not None and after is not None and before != after


@pytest.fixture
def translators(qapp: QApplication, tmp_path: Path) -> Iterator[Translators]:
    made = Translators()
    yield made
    made.install("en", tmp_path)
    QLocale.setDefault(QLocale.c())


@pytest.mark.parametrize(
    ("language", "ok", "cancel"), [("zh_CN", "确定", "取消"), ("zh_TW", "確定", "取消")]
)
def test_qt_standard_buttons_speak_the_interface_language(
    translators: Translators, tmp_path: Path, language: str, ok: str, cancel: str
) -> None:
    assert translators.install(language, tmp_path)
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {ok, cancel}


def test_readers_own_strings_are_translated(translators: Translators, tmp_path: Path) -> None:
    assert translators.install("zh_TW", tmp_path)
    assert QCoreApplication.translate("MainWindow", "&File") == "檔案(&F)"
    assert translators.install("zh_CN", tmp_path)
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    assert translators.install("en", tmp_path)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
