"""Builds the desktop app: the one place where settings, library and window are made."""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from reader.resources import APP_ID, icon_files, icon_size
from reader.ui import start_cache, start_enums
from reader.ui.app_log import log_path, route_qt_messages, setup_logging

if TYPE_CHECKING:
    from argparse import Namespace
    from types import SimpleNamespace

    from PySide6.QtGui import QIcon

log = logging.getLogger("reader")

# At quit, work in the thread pool gets this long to end (a damage check of a
# big library takes about half a second).
QUIT_WAIT_MS = 30_000
APP_PAGE_CACHE_KIB = 512


def apply_ui_font(app: object, language: str = "") -> None:
    """Menus and dialogs get CJK families too, so Qt's fallback never picks
    Japanese glyphs for Chinese (traps #5); a Traditional interface gets the
    Traditional family."""
    from PySide6.QtWidgets import QApplication

    from reader.ui.fonts import interface_font

    assert isinstance(app, QApplication)
    app.setFont(interface_font(app.font(), language))


def start_language(settings: object) -> str:
    """Install the interface language: the one chosen in Preferences, else the system's."""
    from PySide6.QtCore import QSettings

    from reader.ui.dialogs.preferences import Preferences
    from reader.ui.i18n import Translators, resolve_language

    assert isinstance(settings, QSettings)
    language = resolve_language(Preferences.load(settings).language)
    Translators.shared().install(language)
    return language


def chosen_library_dir(settings: object) -> Path | None:
    """The library folder chosen in Preferences, if any (READER_HOME and --library win)."""
    from PySide6.QtCore import QSettings

    from reader.ui.dialogs.preferences import Preferences

    assert isinstance(settings, QSettings)
    folder = Preferences.load(settings).library_dir
    return Path(folder) if folder else None


def apply_palette(app: object, settings: object) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.ui.palette import apply_theme
    from reader.ui.state import ViewState, resolve_theme

    assert isinstance(app, QApplication) and isinstance(settings, QSettings)
    apply_theme(app, resolve_theme(ViewState.load(settings).theme))


def _settings_path(args: Namespace | SimpleNamespace, library_dir: Path) -> Path:
    # A library chosen explicitly (--library, READER_HOME) keeps its own window
    # state beside it; the default library uses the platform's config folder.
    if args.library is not None or os.environ.get("READER_HOME"):
        return library_dir / "settings.ini"
    from platformdirs import user_config_dir

    return Path(user_config_dir("Reader", appauthor=False)) / "settings.ini"


def skip_pyside_source_scan() -> None:
    """PySide6 reads the source of every module that imports anything after it, to
    learn whether it says `from __feature__ import …` (snake_case, true_property).
    Reader's modules never do, nor does the standard library: their answer is given
    here without reading (True: a Qt module with no features, reader.ui; False: not
    a Qt module), which spared 10–40 ms of start-up and megabytes of source lines
    left in linecache. Any other module is still read. Should a PySide6 version
    keep this elsewhere, nothing changes but the time."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return
    stdlib = sys.stdlib_module_names

    def uses_pyside(module: object) -> bool:
        name = str(getattr(module, "__name__", ""))
        top = name.partition(".")[0]
        if top == "reader":
            return name.startswith("reader.ui")
        if top in stdlib:
            return False
        return bool(original(module))

    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]


def paint_on_ui_thread() -> None:
    """Qt's raster engine hands every fill of 96 rows or more (a scroll bar's
    groove, a tall line, a pane's background) to a pool of threads in pieces of
    64 rows and waits for them. For the fills of a window of text the hand-off
    costs more than the fill: a scroll bar's paint took 1.8 ms that way and 0.3 ms
    on the UI thread, and a start paints five (docs/benchmarks.md, start-up,
    eleventh pass). Qt reads QT_NO_GUI_THREADPOOL once, when the pool is first
    asked for, so this runs before the first paint."""
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def parse_size(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise ValueError(text)
    w, h = int(width), int(height)
    if not (200 <= w <= 10000 and 200 <= h <= 10000):
        raise ValueError(text)
    return w, h


def run(args: Namespace | SimpleNamespace) -> int:
    """Start the app (or render one screenshot and exit). Returns the exit code."""
    screenshot: str | None = getattr(args, "screenshot", None)
    try:
        size = parse_size(getattr(args, "size", None))
    except ValueError:
        print(f"reader: --size must look like 1280x800, not {args.size!r}", file=sys.stderr)
        return 2
    files: list[Path] = getattr(args, "files", None) or []
    if screenshot and files:
        print("reader: --screenshot renders the library; import files first", file=sys.stderr)
        return 2
    if screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no display needed (traps #12)

    paint_on_ui_thread()
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    skip_pyside_source_scan()  # before Reader's Qt modules are imported

    from reader import __version__
    from reader.chinese import Converters
    from reader.library import ArticleStore, LibraryError, default_library_dir
    from reader.library.db import open_library_with_report
    from reader.ui.main_window import MainWindow
    from reader.ui.plain_text import show_error
    from reader.ui.samples import import_samples_if_empty

    setup_logging()
    route_qt_messages()
    from reader.ui.palette import style_arguments

    app = QApplication.instance() or QApplication(sys.argv[:1] + style_arguments())
    app.setApplicationName("Reader")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Reader")
    QApplication.setWindowIcon(app_icon())
    QApplication.setDesktopFileName(APP_ID)  # Wayland and the task bar find the desktop file by it
    explicit = args.library is not None or bool(os.environ.get("READER_HOME"))
    library_dir: Path = args.library or default_library_dir()
    settings = QSettings(str(_settings_path(args, library_dir)), QSettings.Format.IniFormat)
    if not explicit:
        library_dir = chosen_library_dir(settings) or library_dir
    language = start_language(settings)
    apply_ui_font(app, language)
    apply_palette(app, settings)

    def report(message: str) -> None:
        if screenshot:
            print(f"reader: {message}", file=sys.stderr)
        else:
            # it may quote a file (traps #16)
            show_error(None, QCoreApplication.translate("App", "Reader"), message)

    def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        import traceback

        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        where = QCoreApplication.translate("App", " (details in {0})").format(log_path())
        report(QCoreApplication.translate("App", "Something went wrong: {0}{1}").format(exc, where))

    sys.excepthook = excepthook

    instance = None
    if not screenshot:
        from reader.ui.single_instance import SingleInstance

        instance = SingleInstance(library_dir)
        if instance.hand_over(files):
            done = "the files were handed to it" if files else "its window was brought forward"
            print(f"reader: Reader is already running; {done}")
            return 0
        # It listens once the window has painted (after_first_paint below).
    from reader.ui.start_notice import StartNotice

    notice = StartNotice()  # shown only if an upgrade or a restore may take seconds
    try:
        # The after-a-crash check waits until the window is up (ui/damage_check.py);
        # a screenshot shows what is there and exits, so it checks first.
        conn, notes = open_library_with_report(
            library_dir, defer_check=not screenshot, busy=None if screenshot else notice
        )
    except LibraryError as exc:
        notice.close()
        log.error("cannot open library: %s", exc)
        report(str(exc))
        return 1
    notice.close()
    for note in notes:
        log.warning("library: %s", note)
    # The window's connection keeps 512 KiB of pages, not SQLite's 2 MiB: what it
    # reads again (a section's counts after another process wrote) comes back from
    # the system's file cache in well under a millisecond, and the app's memory is
    # 1.6 MB smaller (docs/benchmarks.md, start-up, third pass).
    conn.execute(f"PRAGMA cache_size = -{APP_PAGE_CACHE_KIB}")
    store = ArticleStore(conn)
    converters = Converters()
    samples = import_samples_if_empty(store, converters)
    for failure in samples.failures:
        log.warning("sample not imported: %s", failure)

    window = MainWindow(store, library_dir, converters, settings)
    window.library_fixed = explicit
    if screenshot:
        window.imports.quiet = True
    theme: str | None = getattr(args, "theme", None)
    if size:
        window.resize(*size)
    # The window shows first; the article left open follows once the event loop
    # runs, a piece at a time (a screenshot waits for it).
    window.restore(samples.ids[0] if samples.ids else None, defer=not screenshot)
    if size:
        window.resize(*size)  # the requested size wins over the saved geometry
    if theme:
        window.set_theme(theme)
    ref: str | None = getattr(args, "open", None)
    if ref:
        ids = store.resolve(ref)
        if len(ids) != 1 or not window.open_article(ids[0]):
            report(
                QCoreApplication.translate(
                    "App", "{0}: no article with this id in the library"
                ).format(ref)
            )
            return 1
    window.show()
    if screenshot:
        code = _save_screenshot(app, window, Path(screenshot))
        end_start_speedups()
        conn.close()
        return code
    from reader.ui.open_files import FileOpener

    opener = FileOpener(window)
    if instance is not None:
        instance.sig_activate.connect(window.bring_forward)
        instance.sig_open.connect(opener.open_files)
    if files:
        opener.open_files(files)
    show_start_notes(window, notes)
    from reader.ui.after_start import AfterFirstPaint

    def after_first_paint() -> None:
        from reader.ui.damage_check import check_after_start

        keep_start_objects()
        end_start_speedups()
        if instance is not None:
            instance.listen()

        check_after_start(window, conn)
        window.start_daily_backup()
        window.tree.keep_laid_out_text()

    AfterFirstPaint(window.reader, after_first_paint)
    code = app.exec()
    # Work still running in the thread pool (the damage check, an export) ends
    # first: Python finalizing under a pool thread aborts the process.
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(QUIT_WAIT_MS)
    window.wait_for_backup()
    conn.close()  # a clean close: the next start skips the damage check
    if instance is not None:
        instance.close()
    return int(code)


def end_start_speedups() -> None:
    """What reader.ui's import began for the start ends with it: compiling is no
    longer answered from the start cache (which is saved), and enums are built by
    the standard library alone."""
    start_cache.finish()
    start_enums.finish()


def keep_start_objects() -> None:
    """The collector comes back on (off for the start, reader.launch), and what the
    start made (modules, classes, the window's wrappers: ~30,000 objects that live
    as long as the app) is set aside for good with gc.freeze(): every later full
    collection, which pauses the window while it runs, walks only what came after.
    At 10,000 articles a full collection took 7-15 ms before the freeze and under
    0.1 ms right after it. The start's few dozen cycles of garbage (made while the
    collector was off) are collected first, so that none of them is kept."""
    gc.collect()
    gc.freeze()
    gc.enable()


# The window icon's largest rendering. On X11 Qt writes every size into the window's
# _NET_WM_ICON when it shows: with the 256 and 512 px ones that took ~26 ms more per
# start (docs/benchmarks.md, start-up, ninth pass). Launchers take the larger sizes
# from the installed hicolor icons.
WINDOW_ICON_MAX_PX = 128


def app_icon() -> QIcon:
    """Reader's window icon at each size drawn for it up to WINDOW_ICON_MAX_PX
    (resources/icons/hicolor)."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for path in icon_files():
        if icon_size(path) <= WINDOW_ICON_MAX_PX:
            icon.addFile(str(path))
    return icon


def show_start_notes(window: object, notes: list[str]) -> None:
    """What opening the library had to do (a backup restored, read-only…), once.
    The notes quote paths, so they are shown as plain text (traps #16)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QWidget

    from reader.ui.plain_text import show_information

    if notes:
        assert isinstance(window, QWidget)
        show_information(
            window, QCoreApplication.translate("MainWindow", "Reader"), "\n\n".join(notes)
        )


def _save_screenshot(app: object, window: object, path: Path) -> int:
    """Render the window to a PNG at `path`, atomically: a temporary file beside it
    takes the name, so a symlink there is replaced, never written through, and an
    old file stays whole until the new one is complete."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtWidgets import QApplication, QMainWindow

    from reader.export.atomic import ExportError, write_atomic

    assert isinstance(app, QApplication) and isinstance(window, QMainWindow)
    for _ in range(3):  # let layouts and the first paint settle
        app.processEvents()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not window.grab().save(buffer, "PNG"):
        print(f"reader: {path}: the screenshot could not be made", file=sys.stderr)
        return 1
    try:
        write_atomic(path, bytes(buffer.data().data()), overwrite=True)
    except ExportError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return 1
    window.close()
    return 0
