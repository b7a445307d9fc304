"""What a start compiles is compiled once, not at every start (ui/start_cache).

Each start is a fresh interpreter, as a user's is: the test process has PySide6
loaded already, so every check runs in a child.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reader.ui import start_cache

# A start as the app's: the cache from begin() to finish(), PySide6 imported and a
# dataclass made in between. What it reports: which sources compile() compiled
# (the rest came from the cache), how many regular expressions were parsed, and what
# all that made: the message of a call with wrong arguments, which PySide6's
# support modules build; whether their code has the annotations future that
# signature_bootstrap.py passes on to compile(); a dataclass's repr and the
# annotations of its __init__ (types, not strings: no future flag of ours leaked).
_CHILD = r"""
import builtins, json, re, sys
from pathlib import Path
compiled = []
_compile = builtins.compile
def spy(source, filename, *args, **kwargs):
    compiled.append(str(filename))
    return _compile(source, filename, *args, **kwargs)
builtins.compile = spy
parsed = []
_parse = re._parser.parse
def parse_spy(pattern, *args, **kwargs):
    parsed.append(pattern)
    return _parse(pattern, *args, **kwargs)
re._parser.parse = parse_spy
# By its file: importing reader.ui would begin it already, with the cache beside it.
import importlib.util
spec = importlib.util.spec_from_file_location("cache_under_test", sys.argv[2])
cache = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cache)
parsed.clear()
cache.begin(Path(sys.argv[1]))
from PySide6.QtCore import QSize
import dataclasses
@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    y: str = "a"
word = re.compile(r"(?P<word>[\w\u4e00-\u9fff]+)-(\d+)")
import typing
Pair = typing.NamedTuple("Pair", [("names", "list[str]"), ("count", "int")])
cache.finish()
builtins.compile = _compile
re._parser.parse = _parse
try:
    QSize().expandedTo("x")
except TypeError as exc:
    message = str(exc)
mapping = sys.modules["shibokensupport.signature.mapping"]
flags = [f.__code__.co_flags for f in vars(mapping).values() if hasattr(f, "__code__")]
match = word.match("中聯部-12 x")
print(json.dumps({
    "compiled": [n for n in compiled if "support" in n or "bootstrap" in n or n == "<string>"],
    "compile_calls": len(compiled),
    "signature": message,
    "flags": sorted(set(flags)),
    "patterns": len(parsed),
    "dataclass": [repr(Point(1)), repr(Point.__init__.__annotations__), Point(1) == Point(1, "a")],
    "match": [match.group("word"), match.group(2), word.groupindex["word"]],
    "named_tuple": [repr(Pair(["a"], 2)), repr(typing.get_type_hints(Pair))],
    "restored": [builtins.exec.__module__, re._compiler.compile.__module__],
}))
"""


def _start(cache: Path, *, write: bool = True) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if not write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(cache), start_cache.__file__],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_second_start_compiles_nothing_and_gets_the_same_results(tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "start.marshal"
    first = _start(cache)
    assert len(first["compiled"]) >= 14  # type: ignore[arg-type]
    assert "<string>" in first["compiled"]  # type: ignore[operator]
    assert first["patterns"] >= 10  # type: ignore[operator]
    assert cache.exists()
    written = cache.stat().st_mtime_ns
    second = _start(cache)
    assert second["compiled"] == []
    # Not one compile() in the whole start, the cache's own import included: the
    # first call of a process builds Python's AST types (~4 ms).
    assert second["compile_calls"] == 0
    assert second["patterns"] == 0
    for same in ("signature", "flags", "dataclass", "match", "named_tuple", "restored"):
        assert second[same] == first[same], same
    assert "Supported signatures" in str(second["signature"])
    assert second["dataclass"] == [
        "Point(x=1, y='a')",
        "{'x': <class 'int'>, 'y': <class 'str'>, 'return': None}",
        True,
    ]
    assert second["match"] == ["中聯部", "12", 1]
    # typing compiled the NamedTuple's string annotations (mode "eval") the first time.
    assert second["named_tuple"] == [
        "Pair(names=['a'], count=2)",
        "{'names': list[str], 'count': <class 'int'>}",
    ]
    assert second["restored"] == ["builtins", "re._compiler"]
    assert cache.stat().st_mtime_ns == written  # nothing new: not written again


def test_a_damaged_cache_is_compiled_around_and_replaced(tmp_path: Path) -> None:
    cache = tmp_path / "start.marshal"
    good = _start(cache)
    data = cache.read_bytes()
    cache.write_bytes(data[: len(data) // 2])  # cut off, as by a full disk
    again = _start(cache)
    assert again["compiled"] == good["compiled"]
    assert again["signature"] == good["signature"]
    assert _start(cache)["compiled"] == []  # rewritten whole
    cache.write_bytes(b"not marshal data at all")
    assert _start(cache)["compiled"] == good["compiled"]


def test_nothing_is_written_where_python_writes_no_bytecode(tmp_path: Path) -> None:
    cache = tmp_path / "start.marshal"
    result = _start(cache, write=False)
    assert result["compiled"]
    assert not cache.exists()
    # A folder that cannot be written: the start goes on, compiling as before.
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    assert _start(blocked / "start.marshal")["signature"] == result["signature"]


def test_importing_the_ui_begins_the_cache_and_finish_ends_it() -> None:
    code = (
        "import builtins, sys; original = builtins.compile; import reader.ui; "
        "began = builtins.compile is not original; "
        "from reader.ui import start_cache; start_cache.finish(); "
        "print(began, builtins.compile is original)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == ["True", "True"]
