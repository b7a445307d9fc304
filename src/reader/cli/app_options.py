"""The desktop app's options, read without argparse.

Importing argparse and building the whole command line's parser took ~15 ms of
every start of the app. The app's few options are read here; anything else — a
command, --help, --version, an abbreviated or unknown option, a missing or wrong
value — returns None, and the full parser (reader.cli.parser) takes over, with
its usage messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace

# Each option the app takes, all with a value; --theme's values as the parser's choices.
APP_OPTIONS = ("--library", "--screenshot", "--open", "--theme", "--size")
THEMES = ("system", "light", "sepia", "dark")


def app_options(argv: Sequence[str]) -> SimpleNamespace | None:
    """The app's options as the parser would give them, or None (see the module)."""
    values: dict[str, str] = {}
    tokens = list(argv)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        name, equals, value = token.partition("=")
        if name not in APP_OPTIONS:
            return None
        if not equals:
            if i + 1 >= len(tokens) or tokens[i + 1].startswith("-"):
                return None
            value = tokens[i + 1]
            i += 1
        values[name[2:]] = value
        i += 1
    if values.get("theme", THEMES[0]) not in THEMES:
        return None
    library = values.get("library")
    return SimpleNamespace(
        command=None,
        library=Path(library) if library is not None else None,
        screenshot=values.get("screenshot"),
        open=values.get("open"),
        theme=values.get("theme"),
        size=values.get("size"),
    )
