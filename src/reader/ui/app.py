"""Builds the desktop app: the one place where settings, library and window are made."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from types import TracebackType

log = logging.getLogger("reader")


def log_path() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir("Reader", appauthor=False)) / "reader.log"


class _LazyFileHandler(logging.Handler):
    """Opens the log file on the first record, so a quiet start costs nothing."""

    def __init__(self) -> None:
        super().__init__()
        self._file: logging.Handler | None = None
        self._failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None and not self._failed:
            try:
                path = log_path()
                path.parent.mkdir(parents=True, exist_ok=True)
                from logging.handlers import RotatingFileHandler

                self._file = RotatingFileHandler(
                    path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
                )
                self._file.setFormatter(
                    logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
                )
            except OSError:
                self._failed = True  # no log folder: the app still runs
        if self._file is not None:
            self._file.emit(record)


def setup_logging() -> None:
    """Tracebacks go to a log file in the platform's log folder, never to the user."""
    log.addHandler(_LazyFileHandler())
    log.setLevel(logging.INFO)


def apply_ui_font(app: object, language: str = "") -> None:
    """Menus and the list get CJK families too, so Qt's fallback never picks
    Japanese glyphs for Chinese titles (traps #5); a Traditional interface gets
    the Traditional family."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from reader.domain import Script
    from reader.render import FontStyle, font_families

    assert isinstance(app, QApplication)
    locale = QLocale.system()
    traditional = locale.script() == QLocale.Script.TraditionalChineseScript
    traditional = traditional or language == "zh_TW"
    lang = "zh-HK" if locale.territory() == QLocale.Country.HongKong else None
    script = Script.TRADITIONAL if traditional else Script.SIMPLIFIED
    families = font_families(script, FontStyle.SANS, lang)
    font = app.font()
    font.setFamilies([font.family(), *families[:-1]])
    app.setFont(font)


def start_language(settings: object) -> str:
    """Install the interface language: the one chosen in Preferences, else the system's."""
    from PySide6.QtCore import QSettings

    from reader.ui.i18n import Translators, resolve_language
    from reader.ui.preferences import Preferences

    assert isinstance(settings, QSettings)
    language = resolve_language(Preferences.load(settings).language)
    Translators.shared().install(language)
    return language


def chosen_library_dir(settings: object) -> Path | None:
    """The library folder chosen in Preferences, if any (READER_HOME and --library win)."""
    from PySide6.QtCore import QSettings

    from reader.ui.preferences import Preferences

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


def route_qt_messages() -> None:
    """Qt's own warnings go to the log file, not to the user's terminal."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        log.log(levels.get(kind, logging.WARNING), "Qt: %s", message)

    qInstallMessageHandler(handler)


def _settings_path(args: argparse.Namespace, library_dir: Path) -> Path:
    # A library chosen explicitly (--library, READER_HOME) keeps its own window
    # state beside it; the default library uses the platform's config folder.
    if args.library is not None or os.environ.get("READER_HOME"):
        return library_dir / "settings.ini"
    from platformdirs import user_config_dir

    return Path(user_config_dir("Reader", appauthor=False)) / "settings.ini"


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


def run(args: argparse.Namespace) -> int:
    """Start the app (or render one screenshot and exit). Returns the exit code."""
    screenshot: str | None = getattr(args, "screenshot", None)
    try:
        size = parse_size(getattr(args, "size", None))
    except ValueError:
        print(f"reader: --size must look like 1280x800, not {args.size!r}", file=sys.stderr)
        return 2
    if screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no display needed (traps #12)

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from reader import __version__
    from reader.chinese import Converters
    from reader.library import ArticleStore, LibraryError, default_library_dir
    from reader.library.db import open_library_with_report
    from reader.ui.main_window import MainWindow
    from reader.ui.plain_text import show_error
    from reader.ui.samples import import_samples_if_empty

    setup_logging()
    route_qt_messages()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Reader")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Reader")
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
        if instance.hand_over():
            print("reader: Reader is already running; its window was brought forward")
            return 0
        instance.listen()
    try:
        conn, notes = open_library_with_report(library_dir)
    except LibraryError as exc:
        log.error("cannot open library: %s", exc)
        report(str(exc))
        return 1
    for note in notes:
        log.warning("library: %s", note)
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
        conn.close()
        return code
    if instance is not None:
        instance.sig_activate.connect(window.bring_forward)
    show_start_notes(window, notes)
    window.start_daily_backup()
    code = app.exec()
    window.wait_for_backup()
    conn.close()  # a clean close: the next start skips the damage check
    if instance is not None:
        instance.close()
    return int(code)


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
