"""The interface language: which one, and Qt translators for it.

Reader's own strings live as Qt Linguist sources (resources/i18n/reader_<lang>.ts).
The binary .qm files are never committed: a packaged build ships them beside the
.ts (tools/update_translations.py --release), and a checkout compiles them with
pyside6-lrelease on first use into the cache folder. Either way a .qm is named
after a hash of its .ts, so a stale one is never loaded. Qt's own dialogs and
buttons come from Qt's shipped qtbase translations.
"""

from __future__ import annotations

import logging
import os
import sys
import zlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.resources import resource_path

log = logging.getLogger(__name__)

SYSTEM = "system"
# Interface languages with a .ts of their own; zh_HK and zh_MO read zh_TW.
LANGUAGES = ("en", "zh_CN", "zh_TW")


def language_names() -> dict[str, str]:
    """Each choice in its own language, so a user can find theirs in any interface."""
    return {
        SYSTEM: QCoreApplication.translate("Preferences", "Same as the system"),
        "en": "English",
        "zh_CN": "简体中文",
        "zh_TW": "繁體中文",
    }


def language_for_locale(locale: QLocale) -> str:
    """The interface language for a system locale: Traditional script, or Taiwan,
    Hong Kong and Macau, read zh_TW; any other Chinese reads zh_CN; the rest English."""
    if locale.language() != QLocale.Language.Chinese:
        return "en"
    if locale.script() == QLocale.Script.TraditionalChineseScript:
        return "zh_TW"
    traditional_places = {QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macau}
    if locale.script() != QLocale.Script.SimplifiedChineseScript and (
        locale.territory() in traditional_places
    ):
        return "zh_TW"
    return "zh_CN"


def resolve_language(choice: str, locale: QLocale | None = None) -> str:
    """A stored choice ("system", a language, or anything unknown) → a language."""
    if choice in LANGUAGES:
        return choice
    return language_for_locale(locale if locale is not None else QLocale.system())


def ts_path(language: str) -> Path:
    return resource_path("i18n", f"reader_{language}.ts")


def _lrelease() -> list[str] | None:
    import shutil

    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    bundled = Path(PySide6.__file__).resolve().parent / name
    if bundled.is_file():
        return [str(bundled)]
    wrapper = shutil.which("pyside6-lrelease")
    return [wrapper] if wrapper else None


def qm_name(ts: Path) -> str:
    """Named after the .ts's content (its size and CRC-32), so an edited .ts is
    compiled again."""
    data = ts.read_bytes()
    return f"{ts.stem}-{len(data):x}-{zlib.crc32(data):08x}.qm"


def compile_qm(ts: Path, target_dir: Path) -> Path | None:
    """`ts` compiled into `target_dir` (kept there; reused while `ts` is unchanged).
    None when it cannot be: the interface then stays English, and the log says why."""
    try:
        name = qm_name(ts)
    except OSError as exc:
        log.warning("translation %s cannot be read: %s", ts, exc)
        return None
    for folder in (ts.parent, target_dir):  # a packaged build ships them beside the .ts
        if (folder / name).is_file():
            return folder / name
    import subprocess
    import tempfile

    tool = _lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found; %s is not compiled", ts.name)
        return None
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(suffix=".qm", dir=target_dir)
        os.close(fd)
        done = subprocess.run(
            [*tool, "-silent", str(ts), "-qm", temp], capture_output=True, timeout=60
        )
        if done.returncode != 0 or not Path(temp).stat().st_size:
            Path(temp).unlink(missing_ok=True)
            log.warning("lrelease failed on %s: %s", ts.name, done.stderr.decode(errors="replace"))
            return None
        Path(temp).replace(target_dir / name)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("translation %s not compiled: %s", ts.name, exc)
        return None
    return target_dir / name


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("Reader", appauthor=False)) / "translations"


class Translators:
    """The translators installed on the application for one language."""

    _shared: Translators | None = None

    def __init__(self) -> None:
        self.language = "en"
        self._installed: list[QTranslator] = []

    @classmethod
    def shared(cls) -> Translators:
        """The application's one set (made on first use, never at import)."""
        if cls._shared is None:
            cls._shared = Translators()
        return cls._shared

    def install(self, language: str, cache_dir: Path | None = None) -> bool:
        """Install `language` (from LANGUAGES) for Reader and for Qt's own strings.
        True when Reader's own translation loaded (always for English)."""
        app = QCoreApplication.instance()
        assert app is not None
        for old in self._installed:
            app.removeTranslator(old)
        self._installed = []
        self.language = language
        locale = QLocale(language)
        QLocale.setDefault(locale)
        if language == "en":
            # Reader's and Qt's source strings are English: nothing to load
            # (reader_en.ts only lists them, for the translation tools).
            return True
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language}", qt_dir):
            self._add(app, qt)
        else:
            log.info("Qt's own translation for %s not found in %s", language, qt_dir)
        ts = ts_path(language)
        if not ts.is_file():
            return False
        qm = compile_qm(ts, cache_dir or default_cache_dir())
        ours = QTranslator(app)
        if qm is None or not ours.load(str(qm)):
            return False
        self._add(app, ours)
        return True

    def _add(self, app: QCoreApplication, translator: QTranslator) -> None:
        app.installTranslator(translator)
        self._installed.append(translator)
