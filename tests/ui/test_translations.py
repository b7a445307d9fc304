"""The interface speaks Chinese: every string lupdate finds is translated, by hand,
with the right regional terms, and the window shows them at run time."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication

from reader.chinese import Converters
from reader.ui.i18n import Translators
from reader.ui.main_window import MainWindow

from ..conftest import REPO
from .conftest import WindowFactory


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", REPO / "tools" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("update_translations", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed .ts files after a fresh lupdate over src/reader."""
    tool = _tool()
    folder = tmp_path_factory.mktemp("ts")
    for ts in tool.ts_files():
        shutil.copy(ts, folder / ts.name)
    tool.lupdate(tool.ts_files(folder))
    return folder


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW"])
def test_every_string_in_the_source_has_a_finished_translation(fresh: Path, language: str) -> None:
    tool = _tool()
    ts = fresh / f"reader_{language}.ts"
    missing = tool.unfinished(ts)
    assert missing == [], f"run tools/update_translations.py and translate: {missing[:10]}"
    assert len(tool.messages(ts)) > 200


def test_every_committed_string_is_still_found_in_the_source(fresh: Path) -> None:
    # A string passed through a helper (tr = lambda t: translate(ctx, t)) is not seen
    # by lupdate: the next update would drop its translation and show it in English.
    tool = _tool()
    committed = REPO / "resources" / "i18n" / "reader_zh_CN.ts"
    before = {(c, m.findtext("source")) for c, m in tool.messages(committed)}
    after = {(c, m.findtext("source")) for c, m in tool.messages(fresh / committed.name)}
    assert before - after == set(), "use QCoreApplication.translate(context, 'literal')"


def _pairs(language: str) -> list[tuple[str, str, str]]:
    tool = _tool()
    ts = REPO / "resources" / "i18n" / f"reader_{language}.ts"
    return [
        (context, m.findtext("source") or "", m.findtext("translation") or "")
        for context, m in tool.messages(ts)
    ]


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW"])
def test_translations_keep_placeholders_and_one_accelerator(language: str) -> None:
    for context, source, text in _pairs(language):
        where = f"[{context}] {source!r} → {text!r}"
        assert sorted(re.findall(r"\{\w*\}", source)) == sorted(re.findall(r"\{\w*\}", text)), where
        assert source.count("&") == text.count("&"), where
        words = re.sub(r"\{\w*\}|\*\.\w+", "", source)  # placeholders and file patterns
        if re.search(r"[A-Za-z]{3}", words):
            assert re.search(r"[\u4e00-\u9fff]", text), f"not translated: {where}"


def _lookup(language: str) -> dict[str, str]:
    return {source: text for _, source, text in _pairs(language)}


def test_taiwan_terms_in_traditional_and_mainland_terms_in_simplified() -> None:
    tw, cn = _lookup("zh_TW"), _lookup("zh_CN")
    assert (tw["&File"], cn["&File"]) == ("檔案(&F)", "文件(&F)")
    assert (tw["&Export…"], cn["&Export…"]) == ("匯出(&E)…", "导出(&E)…")
    assert (tw["Bookmarks"], cn["Bookmarks"]) == ("書籤", "书签")
    assert (tw["Preferences"], cn["Preferences"]) == ("設定", "设置")
    tw_text = "".join(tw.values())
    cn_text = "".join(cn.values())
    for mainland in ("文件夹", "导", "书", "设置", "视图", "帮助", "默认", "信息", "软件"):
        assert mainland not in tw_text, mainland
    for taiwan in ("檔案", "匯", "書籤", "設定", "資料夾", "說明"):
        assert taiwan not in cn_text, taiwan


@pytest.fixture
def chinese(qapp: QApplication, tmp_path: Path) -> Iterator[Translators]:
    made = Translators()
    yield made
    made.install("en", tmp_path)
    QLocale.setDefault(QLocale.c())


def _visible_texts(window: MainWindow) -> list[str]:
    texts = [a.text() for a in window.menuBar().actions()]
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None:
            texts += [a.text() for a in menu.actions() if not a.isSeparator()]
    return texts


@pytest.mark.parametrize(
    ("language", "file_menu", "unsorted", "title"),
    [("zh_TW", "檔案(&F)", "未分類", "標題"), ("zh_CN", "文件(&F)", "未分类", "标题")],
)
def test_the_window_speaks_the_interface_language(
    chinese: Translators,
    open_window: WindowFactory,
    library: Path,
    tmp_path: Path,
    converters: Converters,
    language: str,
    file_menu: str,
    unsorted: str,
    title: str,
) -> None:
    assert chinese.install(language, tmp_path / "cache")
    window = open_window(library)
    texts = _visible_texts(window)
    assert texts[0] == file_menu
    # Every menu entry is translated: a context that does not match lupdate's shows up here.
    english = [t for t in texts if t and not re.search(r"[\u4e00-\u9fff]", t)]
    assert english == []
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == title
    from reader.importers import Importer
    from reader.library.articles import UNSORTED

    text = tmp_path / "loose.txt"
    text.write_text("一篇没有栏目的文章\n\n这是正文。", encoding="utf-8")
    article = Importer(converters).parse_file(text)
    window._store.add(replace(article, section_path=()), ())
    window.reload_list()
    labels = [str(window.model.index(r, 0).data()) for r in range(window.model.rowCount())]
    assert any(label.startswith(unsorted) for label in labels), labels
    assert not any(label.startswith(UNSORTED) for label in labels)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    from reader.ui.dialogs.help_dialogs import ShortcutsDialog

    table = ShortcutsDialog(window).table
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert texts[0].split("(")[0] not in names  # a menu, not an action
    assert all("(&" not in n and "&" not in n for n in names)
    assert all(re.search(r"[\u4e00-\u9fff]", n) for n in names), names
