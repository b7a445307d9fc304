"""The desktop app (Qt widgets). The only package besides the PDF writer that imports PySide6.

Where a change goes, by what the user sees:

- ``library_list/``: the sectioned list of articles: its model and lazy loading
  per section, the tree view, the title filter, the context menu (Trash, move,
  rename, read state, sort), following changes made by other processes.
- ``reading/``: the reader pane: the rendered article (a piece at a time for long
  ones), the outline, fonts, themes and zoom.
- ``translator/``: the translator's tools: display script, side by side, the
  Check Conversion panel, the glossary.
- ``bookmarks/``: bookmarks and notes: the panel, the dialog, import and export.
- ``search/``: Find in Library (Ctrl+K) and find in the article (Ctrl+F).
- ``dialogs/``: import and export, preferences, help, the daily backup.
- here: the window and what spans it: app start (``app``), the main window and
  menus, window layout, settings state, background jobs, plain-text helpers
  (every file-derived string is shown as text), single instance and files handed
  over, interface language, palette, keyboard navigation, the after-a-crash check.
"""

import sys

from reader.ui import start_cache, start_enums

if "shiboken6" not in sys.modules:  # a start, not a test run with PySide6 loaded
    start_cache.begin()  # until the first frame (reader.ui.app), PySide6's start included
    start_enums.begin()  # likewise
