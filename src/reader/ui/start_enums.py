"""Python enums built faster while the app starts, member for member the same.

PySide6 turns every Qt enum a start touches into a Python `enum` class through
the standard library's functional API: 228 classes with 3,292 members before the
first frame, about 100 ms of a 630 ms start (docs/benchmarks.md, start-up,
seventh pass). On Python 3.11 each member costs ~37 µs, most of it in two
per-member steps that repeat per-class checks for every member:
`_EnumDict.__setitem__` (is the name private, a sunder, a dunder, a descriptor?)
and `_proto_member.__set_name__` (the class's member type, `__new__` and Flag-ness,
a walk of its bases for a descriptor of the same name, `setattr` through the
metaclass).

Here those two steps take a shorter road for the plain case, an `int` value under
a name that no base class defines and that starts with no underscore; anything
else goes the standard library's own way, unchanged. The shorter road does the
same steps in the same order with what does not change within one class looked up
once, so every class, member, map and mask comes out as the standard library makes
it (tests/ui/test_start_enums.py builds every enum of QtCore, QtGui, QtWidgets and
QtNetwork both ways and compares them).

It mirrors the standard library's code of one Python version, so it is used only
where the two steps' code is byte for byte the code it was written against
(FINGERPRINTS); elsewhere enums are built as always, only slower. Like
reader.ui.start_cache, it is on from `reader.ui`'s import until the first frame.
"""

from __future__ import annotations

import enum
import zlib
from collections.abc import Callable
from types import CodeType
from typing import Any

# Fingerprints (below) of _EnumDict.__setitem__ and _proto_member.__set_name__ in
# the Python versions whose code this module mirrors. Python 3.11.2's __set_name__
# differs (3879131118), as do 3.12's and 3.13's.
FINGERPRINTS: dict[tuple[int, int], str] = {
    (1914320294, 1888606114): "3.11.7",
}


def fingerprint(code: CodeType) -> int:
    """Of the bytecode, names and constants (a nested function's by its own)."""
    consts = [fingerprint(c) if isinstance(c, CodeType) else c for c in code.co_consts]
    return zlib.crc32(code.co_code + repr((consts, code.co_names)).encode())


def matches() -> bool:
    """Whether this Python's two steps are the code this module mirrors."""
    try:
        setitem: Any = getattr(enum, "_EnumDict").__setitem__  # noqa: B009 (private)
        set_name: Any = getattr(enum, "_proto_member").__set_name__  # noqa: B009
        found = (fingerprint(setitem.__code__), fingerprint(set_name.__code__))
    except AttributeError:
        return False
    return found in FINGERPRINTS


_ENUM_TYPE: Any = enum.EnumType


class _Plain:
    """What the member step needs of one enum class, looked up once."""

    __slots__ = ("base_names", "is_flag", "member_type", "new_member", "use_args")

    def __init__(self, enum_class: Any, base_names: frozenset[str]) -> None:
        self.member_type = enum_class._member_type_
        self.new_member = enum_class._new_member_
        self.use_args = enum_class._use_args_
        self.is_flag = issubclass(enum_class, enum.Flag)
        self.base_names = base_names


def _names_of(bases: tuple[type, ...]) -> frozenset[str]:
    """Every name the classes `bases` define (a member named so takes the long road)."""
    names: set[str] = set()
    for base in bases:
        names.update(base.__dict__)
    return frozenset(names)


def _plain_class(enum_class: Any, known: dict[type, frozenset[str]]) -> _Plain | None:
    """None when the class is one the shorter road does not cover. `known` keeps
    the names of each base's classes: PySide6's enums all derive from one of four."""
    if type(enum_class) is not _ENUM_TYPE:
        return None  # a metaclass of its own may guard setattr and delattr
    if enum_class._member_type_ not in (int, object):
        return None
    if enum_class._new_member_ not in (int.__new__, object.__new__):
        return None  # a __new__ of its own may set _value_ or want other arguments
    mro = enum_class.__mro__
    if len(enum_class.__bases__) == 1 and mro[1:] == mro[1].__mro__:
        names = known.get(mro[1])
        if names is None:
            names = known[mro[1]] = _names_of(mro[1:])
    else:
        names = _names_of(mro[1:])
    own = enum_class.__dict__
    if "_value_" in names or "_value_" in own:
        return None  # a fresh member would already have a _value_
    # nor could the shorter road tell whether it has one, with a lookup of its own
    if "__getattr__" in names or "__getattr__" in own:
        return None
    if enum_class.__getattribute__ not in (object.__getattribute__, int.__getattribute__):
        return None  # (these two are Python's plain lookup)
    return _Plain(enum_class, names)


class FastEnums:
    """Installs the two shorter steps on the standard library's classes."""

    def __init__(self) -> None:
        self._setitem: Callable[..., None] = enum._EnumDict.__setitem__
        self._set_name: Callable[..., None] = enum._proto_member.__set_name__  # type: ignore[attr-defined]
        # The class whose members are being made (type.__new__ makes them one after
        # another), and what the member step needs of it, kept without a dict that
        # would keep every class alive.
        self._recent: list[tuple[Any, _Plain | None]] = [(None, None)]
        self._known: dict[type, frozenset[str]] = {}  # the names each base defines
        self.installed = False
        self.fast_members = 0  # members that took the shorter road (for tests)

    def install(self) -> None:
        enum._EnumDict.__setitem__ = self._make_setitem()  # type: ignore[method-assign]
        enum._proto_member.__set_name__ = self._make_set_name()  # type: ignore[attr-defined]
        self.installed = True

    def uninstall(self) -> None:
        enum._EnumDict.__setitem__ = self._setitem  # type: ignore[method-assign]
        enum._proto_member.__set_name__ = self._set_name  # type: ignore[attr-defined]
        self._recent[0] = (None, None)
        self._known.clear()
        self.installed = False

    def _make_setitem(self) -> Callable[..., None]:
        original = self._setitem
        store = dict.__setitem__

        def __setitem__(enum_dict: Any, key: object, value: object) -> None:
            # An int under a name without a leading underscore is not private, a
            # sunder, a dunder, a descriptor, a nonmember, an auto or a tuple: the
            # standard library records it as a member and stores it, as here.
            if (
                type(value) is int
                and type(key) is str
                and key[:1] != "_"
                and key not in enum_dict
                and key not in enum_dict._member_names
                and key not in enum_dict._ignore
            ):
                enum_dict._member_names[key] = None
                enum_dict._last_values.append(value)
                store(enum_dict, key, value)
                return
            original(enum_dict, key, value)

        return __setitem__

    def _make_set_name(self) -> Callable[..., None]:
        original = self._set_name
        recent = self._recent
        known = self._known
        single_bit = enum._is_single_bit  # type: ignore[attr-defined]
        set_attr = type.__setattr__
        del_attr = type.__delattr__
        fast = self

        def __set_name__(proto: Any, enum_class: Any, member_name: str) -> None:
            value = proto.value
            if type(value) is not int or member_name in enum_class._member_map_:
                original(proto, enum_class, member_name)
                return
            last = recent[0]  # one tuple, read at once: safe if threads interleave
            if last[0] is enum_class:
                plain = last[1]
            else:
                plain = _plain_class(enum_class, known)
                recent[0] = (enum_class, plain)
            if plain is None or member_name in plain.base_names:
                original(proto, enum_class, member_name)
                return
            fast.fast_members += 1
            # The standard library's steps, in its order (enum._proto_member).
            del_attr(enum_class, member_name)
            args = (value,)
            if not plain.use_args:
                member = plain.new_member(enum_class)
            else:
                member = plain.new_member(enum_class, *args)
            if plain.member_type is object:
                member._value_ = value
            else:
                member._value_ = plain.member_type(*args)
            value = member._value_
            member._name_ = member_name
            member.__objclass__ = enum_class
            member.__init__(*args)
            member._sort_order_ = len(enum_class._member_names_)
            if plain.is_flag:
                set_attr(enum_class, "_flag_mask_", enum_class._flag_mask_ | value)
                if single_bit(value):
                    set_attr(enum_class, "_singles_mask_", enum_class._singles_mask_ | value)
                set_attr(enum_class, "_all_bits_", 2 ** (enum_class._flag_mask_.bit_length()) - 1)
            canonical = enum_class._value2member_map_.get(value)
            if canonical is not None:
                member = canonical  # an alias of the member with this value
            elif not plain.is_flag or single_bit(value):
                enum_class._member_names_.append(member_name)
            set_attr(enum_class, member_name, member)
            enum_class._member_map_[member_name] = member
            enum_class._value2member_map_.setdefault(value, member)

        return __set_name__


_active: FastEnums | None = None


def begin() -> None:
    """Build enums the shorter way until finish(), where this Python allows it."""
    global _active
    if _active is not None or not matches():
        return
    _active = FastEnums()
    _active.install()


def finish() -> None:
    if _active is not None and _active.installed:
        _active.uninstall()
