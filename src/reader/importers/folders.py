"""Files and folders to import: folders walked, links judged, unreadable folders reported.

Inside an imported folder, a symbolic link is followed only where it stays in that
folder's tree: a folder named `articles` must never import /etc/passwd through a
link someone left in it. A folder link is never descended: one that stays inside
leads to a folder walked anyway under its own name (and a link to an ancestor is a
loop), one that leaves is reported. A path named on the command line is followed
wherever it points: the user chose it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.domain import bounded_section
from reader.importers.files import ImportFailure, not_regular, readable_name
from reader.importers.formats import ALL_EXTENSIONS, HTML_EXTENSIONS

# Extensions picked up when importing a folder. Files named one by one are
# read whatever their extension.
FOLDER_EXTENSIONS = ALL_EXTENSIONS
# "Web page, complete" saves X.html beside a folder of its images, styles and
# scripts: X_files (Chrome, Firefox, Edge) or X.files (older Chinese browsers).
_RESOURCE_FOLDER_ENDINGS = ("_files", ".files")

_OUTSIDE_FILE = "a link to a file outside the imported folder; not followed"
_OUTSIDE_FOLDER = "a link to a folder outside the imported folder; not followed"
_LOOP = "a link that leads round in a loop; not followed"


@dataclass(frozen=True)
class Candidate:
    """A file to import and the section it falls back to if it names none."""

    path: Path
    fallback_section: tuple[str, ...]


def collect(paths: Iterable[Path]) -> Iterator[Candidate | ImportFailure]:
    """Expand files and folders (recursively) into import candidates.

    A file found in a folder falls back to that folder's section: the
    imported folder's name, then the sub-folders down to the file (as deep as
    a section goes; see reader.domain).
    """
    for path in paths:
        try:
            mode = path.stat().st_mode  # follows a link: the user named it
        except FileNotFoundError:
            yield ImportFailure(str(path), "no such file or folder")
            continue
        except OSError as exc:
            yield ImportFailure(str(path), f"cannot be read ({exc.strerror or exc})")
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path)
        elif stat.S_ISREG(mode):
            yield Candidate(path, ())
        else:
            yield ImportFailure(str(path), not_regular(mode) or "not a regular file")


def _target(link: Path) -> Path | None:
    """Where a link leads, or None for a loop of links."""
    try:
        return link.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a loop, before Python 3.13
        return None


def _is_page_resources(folder: str, files: list[str]) -> bool:
    """Whether `folder` is the resource folder of a page saved beside it."""
    for ending in _RESOURCE_FOLDER_ENDINGS:
        if folder.endswith(ending) and len(folder) > len(ending):
            stem = folder[: -len(ending)]
            if any(stem + ext in files for ext in HTML_EXTENSIONS) or any(
                f.startswith(stem + ".") and Path(f).suffix.lower() in HTML_EXTENSIONS
                for f in files
            ):
                return True
    return False


def _walk(top: Path) -> Iterator[Candidate | ImportFailure]:
    real_root = top.resolve()
    # The section takes the name the user gave (a link keeps its own name); "/" has none.
    given = Path(os.path.normpath(top.absolute()))
    root_name = readable_name(given.name or str(given))
    unreadable: list[ImportFailure] = []

    def on_error(exc: OSError) -> None:
        folder = exc.filename if exc.filename is not None else top
        unreadable.append(
            ImportFailure(str(folder), f"folder cannot be read ({exc.strerror or exc}); skipped")
        )

    # os.walk, one folder at a time, sorted: memory stays flat however many files a
    # tree holds. It never descends a link to a folder (followlinks=False).
    for folder, dirs, files in os.walk(top, onerror=on_error):
        yield from unreadable
        unreadable.clear()
        dirs.sort()
        dirs[:] = [d for d in dirs if not _is_page_resources(d, files)]
        for name in dirs:
            found = Path(folder, name)
            if found.is_symlink():
                target = _target(found)
                if target is None or not target.is_relative_to(real_root):
                    yield ImportFailure(str(found), _LOOP if target is None else _OUTSIDE_FOLDER)
        rel = Path(folder).relative_to(top).parts
        section, _ = bounded_section([root_name, *map(readable_name, rel)])
        for name in sorted(files):
            found = Path(folder, name)
            if found.suffix.lower() not in FOLDER_EXTENSIONS:
                continue
            if found.is_symlink():
                target = _target(found)
                if target is None or not target.is_relative_to(real_root):
                    yield ImportFailure(str(found), _LOOP if target is None else _OUTSIDE_FILE)
                    continue
                if target.suffix.lower() in FOLDER_EXTENSIONS:
                    continue  # a file of this tree, imported under its own name
            # Anything else (a FIFO named x.txt) is refused, with its reason, when read.
            yield Candidate(found, section)
    yield from unreadable
