"""Files of derived data kept beside a module's bytecode, as Python keeps `.pyc`.

Some results are the same at every run and cost milliseconds each start to make
again (compiled source, the schema Reader's migrations build). They are kept in one
marshal file per use, next to the module's own bytecode in `__pycache__`, and
trusted as the `.pyc` files there are. A file is for one Python build only (the
bytecode magic number starts it, and the caller's stamp names what else it
depends on); a damaged, foreign or stale file reads as empty and is replaced.
Files are read however Python was started and written only where Python writes
bytecode (not under PYTHONDONTWRITEBYTECODE, nor in a read-only install).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from importlib.util import MAGIC_NUMBER, cache_from_source
from pathlib import Path
from typing import Any


def beside_bytecode(module_file: str, name: str) -> Path | None:
    """`name` (with this interpreter's cache tag) in the folder of the bytecode of
    `module_file`; None where Python keeps no bytecode cache."""
    try:
        own = Path(cache_from_source(module_file))
    except (NotImplementedError, ValueError):
        return None
    return own.with_name(f"{name}.{sys.implementation.cache_tag}.marshal")


def read(path: Path, stamp: str) -> dict[str, Any]:
    """The parts stored at `path` under `stamp`; empty for a missing, damaged or
    foreign file, or one written under another stamp."""
    try:
        data = path.read_bytes()
        if not data.startswith(MAGIC_NUMBER):
            return {}
        stored = marshal.loads(data[len(MAGIC_NUMBER) :])
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(stored, dict) or stored.get("stamp") != stamp:
        return {}
    return {part: value for part, value in stored.items() if part != "stamp"}


def write(path: Path, stamp: str, parts: dict[str, Any]) -> None:
    """Store `parts` under `stamp` at `path`, atomically, as Python writes bytecode:
    two runs at once both write whole files and the last one stays. Nothing is
    written where Python writes no bytecode, and a file that cannot be written is
    let go. No fsync, unlike reader.export.atomic (a user's file): a cache lost in
    a crash is only a file that fails to load and is written again."""
    if sys.dont_write_bytecode:
        return
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        data = MAGIC_NUMBER + marshal.dumps({"stamp": stamp, **parts})
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(data)
        temp.replace(path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
