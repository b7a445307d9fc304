"""Preferences that are not the View menu's: language, library folder, backups.

Theme, font, text size and line spacing stay in ViewState (view/…), the display
script in ScriptOptions (view/script); the dialog edits those through their owners.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from reader.ui.i18n import LANGUAGES, SYSTEM

BACKUPS_MIN, BACKUPS_MAX = 1, 100
BACKUPS_DEFAULT = 0  # 0: the library's own rotation (a week of dailies, then weeklies)


@dataclass
class Preferences:
    language: str = SYSTEM
    library_dir: str = ""  # empty: the platform's data folder
    backup_count: int = BACKUPS_DEFAULT

    @staticmethod
    def load(settings: QSettings) -> Preferences:
        prefs = Preferences()
        language = str(settings.value("ui/language", SYSTEM) or SYSTEM)
        prefs.language = language if language in (SYSTEM, *LANGUAGES) else SYSTEM
        prefs.library_dir = str(settings.value("library/folder", "") or "")
        try:
            count = int(str(settings.value("library/backups", BACKUPS_DEFAULT)))
        except ValueError:
            count = BACKUPS_DEFAULT
        prefs.backup_count = count if BACKUPS_MIN <= count <= BACKUPS_MAX else BACKUPS_DEFAULT
        return prefs

    def save(self, settings: QSettings) -> None:
        settings.setValue("ui/language", self.language)
        settings.setValue("library/folder", self.library_dir)
        settings.setValue("library/backups", self.backup_count)
        settings.sync()
