"""The shorter road for enums at start-up (reader.ui.start_enums) makes every enum
exactly as the standard library does: PySide6's own, built both ways, and enums
written as classes, plain and unusual."""

from __future__ import annotations

import enum
import os
import platform
import subprocess
import sys
import textwrap
import types
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6 import QtCore, QtGui, QtNetwork, QtWidgets

from reader.ui import start_enums

pytestmark = pytest.mark.skipif(
    not start_enums.matches(),
    reason=f"Python {platform.python_version()}'s enum code is not the one start_enums mirrors: "
    "enums are built by the standard library alone there",
)

STDLIB_BASES = (enum.IntFlag, enum.Flag, enum.IntEnum, enum.Enum)


def pyside_enums() -> Iterator[tuple[Any, str, str, list[tuple[str, int]]]]:
    """(standard library base, module, qualified name, members in order) of every
    enum in four PySide6 modules, as shiboken hands them to the functional API."""
    seen: set[int] = set()

    def walk(owner: Any, module: str) -> Iterator[tuple[Any, str, str, list[tuple[str, int]]]]:
        # A module's classes by getattr, not vars(): PySide6 makes them when first
        # asked; a class holds its enums from then on.
        if isinstance(owner, type):
            values = list(vars(owner).values())
        else:
            values = [getattr(owner, name) for name in dir(owner)]
        for value in values:
            if id(value) in seen or not isinstance(value, type):
                continue
            seen.add(id(value))
            if isinstance(value, enum.EnumMeta):
                base = value.__mro__[1]
                if base in STDLIB_BASES:
                    items = [(name, m._value_) for name, m in value.__members__.items()]
                    yield base, module, value.__qualname__, items
            elif value.__module__ == module:
                yield from walk(value, module)

    for module in (QtCore, QtGui, QtWidgets, QtNetwork):
        yield from walk(module, module.__name__)


def build(fast: bool, make: Any) -> tuple[Any, int]:
    """What `make` returns, with the shorter road installed or not, and how many
    members took it."""
    engine = start_enums.FastEnums()
    if fast:
        engine.install()
    try:
        return make(), engine.fast_members
    finally:
        if fast:
            engine.uninstall()


def member_view(member: Any) -> dict[str, Any]:
    view = dict(vars(member))
    assert view.pop("__objclass__") is type(member)
    return view


def comparable(value: Any, cls: Any) -> Any:
    """A function of the class's own body by its name and code (the class is made
    twice, so are its functions); a method bound to the class as bound to it; any
    other value (the standard library's functions too) as itself."""
    if isinstance(value, types.MethodType):
        return ("bound", comparable(value.__func__, cls), value.__self__ is cls)
    if isinstance(value, (classmethod, staticmethod)):
        return (type(value).__name__, comparable(value.__func__, cls))
    if isinstance(value, types.FunctionType) and value.__qualname__.startswith(
        cls.__qualname__ + "."
    ):
        return ("own function", value.__qualname__, value.__code__.co_code)
    return value


def class_view(cls: Any) -> dict[str, Any]:
    """Everything a class holds: members and maps by name, functions as comparable."""
    view: dict[str, Any] = {}
    for key, value in vars(cls).items():
        if isinstance(value, cls):
            view[key] = ("member", value._name_, member_view(value))
        elif key == "_member_map_":
            view[key] = [(name, m._name_) for name, m in value.items()]
        elif key == "_value2member_map_":
            view[key] = [(v, m._name_) for v, m in value.items()]
        elif key == "__reduce_ex__" and getattr(value, "__qualname__", "") == (
            "_make_class_unpicklable.<locals>._break_on_call_reduce"
        ):
            view[key] = "unpicklable"
        elif key in ("__dict__", "__weakref__"):
            view[key] = type(value)
        else:
            view[key] = comparable(value, cls)
    view["order of keys"] = list(vars(cls))
    return view


def behaviour(cls: Any) -> dict[str, Any]:
    members = list(cls)
    seen: dict[str, Any] = {
        "iteration": [m._name_ for m in members],
        "__members__": list(cls.__members__),
        "by value": [cls(m._value_)._name_ for m in cls.__members__.values()],
        "repr": [repr(m) for m in cls.__members__.values()],
        "str": [str(m) for m in cls.__members__.values()],
        "format": [format(m) for m in cls.__members__.values()],
        "dir": dir(cls),
    }
    if issubclass(cls, enum.Flag) and len(members) >= 2:
        both = members[0] | members[-1]
        seen["combined"] = (repr(both), both._value_, repr(~members[0]), len(cls))
        seen["unnamed"] = repr(cls(cls._all_bits_ + 1))
    return seen


def assert_same(stdlib: Any, fast: Any) -> None:
    assert class_view(fast) == class_view(stdlib)
    assert behaviour(fast) == behaviour(stdlib)
    enum._test_simple_enum(stdlib, fast)  # type: ignore[attr-defined]


def make_like_shiboken(base: Any, module: str, qualname: str, items: list[Any]) -> Any:
    kwargs: dict[str, Any] = {"module": module, "qualname": qualname}
    if issubclass(base, enum.Flag):
        kwargs["boundary"] = enum.KEEP  # as shiboken asks
    return base(qualname.rpartition(".")[2], items, **kwargs)


def test_every_pyside6_enum_comes_out_as_the_standard_library_makes_it() -> None:
    specs = list(pyside_enums())
    assert len(specs) > 600  # QtCore, QtGui, QtWidgets, QtNetwork: 700 in PySide6 6.11
    fast_members = 0
    members = sum(len(items) for _, _, _, items in specs)
    for spec in specs:
        fast, count = build(True, lambda spec=spec: make_like_shiboken(*spec))
        fast_members += count
        assert_same(build(False, lambda spec=spec: make_like_shiboken(*spec))[0], fast)
    # The shorter road was taken, not only the long one (a member named as one of
    # int's attributes, say, takes the long road).
    assert fast_members > 0.95 * members


CLASSES = [
    # plain, with aliases and a method
    """
    class Colour(enum.IntEnum):
        RED = 1
        GREEN = 2
        CRIMSON = 1
        def shade(self):
            return self.value * 2
    """,
    # a flag with a multi-bit alias and an unnamed bit
    """
    class Opt(enum.Flag, boundary=enum.KEEP):
        A = 1
        B = 2
        AB = 3
        D = 8
    """,
    """
    class Bits(enum.IntFlag):
        NONE = 0
        LOW = 1
        HIGH = 4
        BOTH = 5
    """,
    # names the long road must take: an int attribute's name, one kept out
    """
    class Odd(enum.IntEnum):
        _ignore_ = "tmp"
        real = 3
        tmp = 4
        name_ = 5
    """,
    # not ints: strings, tuples, auto
    """
    class Mixed(enum.Enum):
        A = "a"
        B = (1, 2)
        C = enum.auto()
        D = 7
    """,
    # an __init__ of its own, with int values
    """
    class Planet(enum.Enum):
        def __init__(self, mass):
            self.doubled = mass * 2
        MERCURY = 3
        VENUS = 5
    """,
    # an attribute fallback that answers for _value_
    """
    class Lookup(enum.Enum):
        def __getattr__(self, name):
            if name == "_value_":
                return 99
            raise AttributeError(name)
        A = 1
    """,
    # a __new__ of its own
    """
    class Coded(int, enum.Enum):
        def __new__(cls, value, label):
            obj = int.__new__(cls, value)
            obj._value_ = value
            obj.label = label
            return obj
        X = 1, "x"
        Y = 2, "y"
    """,
]


@pytest.mark.filterwarnings("ignore:In 3.13 the default:DeprecationWarning")
@pytest.mark.parametrize("source", CLASSES, ids=lambda s: s.split()[1].partition("(")[0])
def test_enums_written_as_classes_come_out_the_same(source: str) -> None:
    code = textwrap.dedent(source)

    def make() -> Any:
        namespace: dict[str, Any] = {"enum": enum, "__name__": "defined_here"}
        exec(code, namespace)
        return next(v for v in namespace.values() if isinstance(v, enum.EnumMeta) and v is not enum)

    stdlib, fast = build(False, make)[0], build(True, make)[0]
    assert class_view(fast) == class_view(stdlib)
    assert behaviour(fast) == behaviour(stdlib)


@pytest.mark.parametrize(
    "source",
    [
        "class Twice(enum.IntEnum):\n    A = 1\n    A = 2\n",
        "class Reserved(enum.IntEnum):\n    _sunder_ = 1\n",
        "class Empty(enum.IntEnum):\n    mro = 1\n",
    ],
)
def test_a_class_the_standard_library_refuses_is_refused_alike(source: str) -> None:
    def make() -> Any:
        try:
            exec(source, {"enum": enum})
        except Exception as exc:  # the error is what is compared
            return type(exc), str(exc)
        raise AssertionError("accepted")

    assert build(True, make)[0] == build(False, make)[0]


def test_the_standard_library_gets_its_own_steps_back() -> None:
    setitem, set_name = enum._EnumDict.__setitem__, enum._proto_member.__set_name__  # type: ignore[attr-defined]
    engine = start_enums.FastEnums()
    engine.install()
    assert enum._EnumDict.__setitem__ is not setitem
    engine.uninstall()
    assert enum._EnumDict.__setitem__ is setitem
    assert enum._proto_member.__set_name__ is set_name  # type: ignore[attr-defined]


def test_a_python_whose_enum_code_differs_keeps_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(start_enums, "FINGERPRINTS", {})
    assert not start_enums.matches()
    monkeypatch.setattr(start_enums, "_active", None)
    start_enums.begin()
    assert start_enums._active is None  # nothing installed


def test_a_start_builds_qts_enums_the_shorter_way_until_it_finishes() -> None:
    """In a fresh interpreter, as `reader` starts: from reader.ui's import on."""
    script = (
        "import enum, reader.ui\n"
        "from reader.ui import start_enums\n"
        "from PySide6 import QtCore, QtGui, QtWidgets\n"
        "from PySide6.QtCore import Qt\n"
        "active = start_enums._active\n"
        "print(active.fast_members, repr(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop))\n"
        "start_enums.finish()\n"
        "print(enum._EnumDict.__setitem__.__module__, enum._proto_member.__set_name__.__module__)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    first, second = out.stdout.splitlines()
    count, flags = first.split(" ", 1)
    assert int(count) > 1000  # Qt's namespace alone has ~1,500 members
    assert flags == "<AlignmentFlag.AlignLeft|AlignTop: 33>"
    assert second == "enum enum"  # the standard library's own steps again
