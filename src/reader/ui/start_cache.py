"""The start without redoing, every time, compilation whose result never changes.

Until the window has painted its article, a start compiles the same things each
time, and Python caches none of them across runs:
- PySide6's own support modules, which shiboken6 carries as source and compiles
  with `compile()` on every import (`signature_bootstrap.py`, `shibokensupport`);
- the code `dataclasses` writes for each dataclass and runs with `exec()`;
- the expressions `typing` compiles (mode "eval") for each annotation of a
  NamedTuple, which under `from __future__ import annotations` are strings; the
  first compile() of a process also builds Python's AST types (~4 ms);
- the programs of some forty regular expressions, three of them PySide6's large
  ones (the `re` module caches them only within a process).
That was 45–55 ms of a ~250 ms start (docs/benchmarks.md, start-up, sixth pass).

Python caches its modules' bytecode in `__pycache__`; this does the same for those,
in one file beside this module's bytecode. From `begin()` to `finish()` (the first
frame), `compile()` and `exec()` of source text answer from the cache when the text
is byte for byte one compiled before with the same flags (the caller's `__future__`
flags are passed on as those calls would take them), and the regular expression
compiler gives the engine the program it made before for the same pattern and
flags. Anything else is compiled as before. The file is for one Python build only
(its version and bytecode magic number are in it) and keeps what the last start
used.

The cache is trusted as the `.pyc` files beside it are. It is read however Python
was started, written only where Python would write bytecode (not under
PYTHONDONTWRITEBYTECODE, nor in a read-only install), and a damaged or foreign file
is ignored and replaced. Should a Python version work otherwise, the start is as
slow as before and nothing else changes.
"""

from __future__ import annotations
import __future__

import builtins
import contextlib
import re
import sys
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

from reader import cache_files

# compile()'s flags that are __future__ features: compile() and exec() of text take
# those of the code calling them, which a wrapper must pass on.
_FUTURE_FLAGS = 0
for _name in __future__.all_feature_names:
    _FUTURE_FLAGS |= getattr(__future__, _name).compiler_flag

_STAMP = f"{sys.version}|{MAGIC_NUMBER.hex()}"


def default_path() -> Path | None:
    """Beside this module's bytecode (None where Python keeps no bytecode cache)."""
    return cache_files.beside_bytecode(__file__, "start-cache")


class StartCache:
    """compile() and exec() of text, and regular expression programs, answered from
    the file at `path` while installed."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        stored = cache_files.read(path, _STAMP) if path is not None else {}
        code_known, re_known = stored.get("code"), stored.get("re")
        self.code_known: dict[Any, Any] = code_known if isinstance(code_known, dict) else {}
        self.re_known: dict[Any, Any] = re_known if isinstance(re_known, dict) else {}
        self.code_used: dict[tuple[str, int, str, str | bytes], Any] = {}
        self.re_used: dict[tuple[str | bytes, int], tuple[Any, ...]] = {}
        self.fresh = 0  # entries compiled this time
        self._undo: list[tuple[object, str, object]] = []

    # --- compile() and exec() -------------------------------------------------

    def _code(self, mode: str, source: str | bytes, filename: str, flags: int, make: Any) -> Any:
        key = (mode, flags, filename, source)
        code = self.code_known.get(key)
        if not isinstance(code, CodeType):
            code = make()
            self.fresh += 1
        self.code_used[key] = code
        return code

    def _install_code(self) -> None:
        original_compile = builtins.compile
        original_exec = builtins.exec

        def cached_compile(
            source: Any,
            filename: Any,
            mode: str,
            flags: int = 0,
            dont_inherit: bool = False,
            optimize: int = -1,
            **options: Any,
        ) -> Any:
            if not dont_inherit:  # as if called by our caller, not by this function
                flags |= sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS

            def make() -> Any:
                return original_compile(source, filename, mode, flags, True, optimize, **options)

            if (
                mode in ("exec", "eval")
                and isinstance(source, (str, bytes))
                and isinstance(filename, str)
                and not flags & ~_FUTURE_FLAGS  # no AST or other special output
                and optimize == -1
                and not options
            ):
                return self._code(mode, source, filename, flags, make)
            return make()

        def cached_exec(
            source: Any, globals: Any = None, locals: Any = None, /, **options: Any
        ) -> Any:
            caller = sys._getframe(1)
            if globals is None:  # the caller's namespace, as exec() itself takes it
                globals = caller.f_globals
                if locals is None:
                    locals = caller.f_locals
            if isinstance(source, str):
                flags = caller.f_code.co_flags & _FUTURE_FLAGS

                def make() -> Any:
                    return original_compile(source, "<string>", "exec", flags, True)

                source = self._code("exec", source, "<string>", flags, make)
            return original_exec(source, globals, locals, **options)

        self._replace(builtins, "compile", cached_compile)
        self._replace(builtins, "exec", cached_exec)

    # --- regular expressions --------------------------------------------------

    def _install_patterns(self) -> None:
        compiler = getattr(re, "_compiler", None)
        engine = getattr(compiler, "_sre", None)
        original = getattr(compiler, "compile", None)
        build = getattr(engine, "compile", None)
        if not (callable(original) and callable(build)):
            return  # another Python's re: nothing is cached
        made: list[tuple[Any, ...]] = []

        def recording_build(*args: Any) -> Any:
            made.append(args)
            return build(*args)

        def cached_compile(pattern: Any, flags: int = 0) -> Any:
            if not isinstance(pattern, (str, bytes)) or type(flags) is not int or flags & re.DEBUG:
                return original(pattern, flags)
            key = (pattern, flags)
            hit = self.re_known.get(key)
            if isinstance(hit, tuple) and len(hit) == 5:
                with contextlib.suppress(Exception):  # not this Python's program
                    compiled = build(pattern, *hit)
                    self.re_used[key] = hit
                    return compiled
            made.clear()
            compiled = original(pattern, flags)
            if len(made) == 1 and made[0][0] is pattern and len(made[0]) == 6:
                _, final_flags, program, groups, names, numbers = made[0]
                # Plain ints: the compiler's named opcodes are int subclasses.
                program = [int(op) for op in program]
                self.re_used[key] = (int(final_flags), program, int(groups), names, numbers)
                self.fresh += 1
            return compiled

        self._replace(compiler, "compile", cached_compile)
        self._replace(engine, "compile", recording_build)

    # --- on and off -----------------------------------------------------------

    def _replace(self, owner: object, name: str, value: object) -> None:
        self._undo.append((owner, name, getattr(owner, name)))
        setattr(owner, name, value)

    def install(self) -> None:
        self._install_code()
        self._install_patterns()

    @property
    def installed(self) -> bool:
        return bool(self._undo)

    def uninstall(self) -> None:
        while self._undo:
            owner, name, value = self._undo.pop()
            setattr(owner, name, value)

    def save(self) -> None:
        if self.path is not None and self.fresh:
            cache_files.write(self.path, _STAMP, {"code": self.code_used, "re": self.re_used})


_active: StartCache | None = None


def begin(path: Path | None = None) -> None:
    """Answer from the cache at `path` (by default beside this module's bytecode)
    until finish(). Once per process: a second call does nothing."""
    global _active
    if _active is not None:
        return
    _active = StartCache(path or default_path())
    _active.install()


def finish() -> None:
    """Stop answering from the cache and save what this start compiled."""
    cache = _active
    if cache is None or not cache.installed:
        return
    cache.uninstall()
    cache.save()
