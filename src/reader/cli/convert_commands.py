"""`reader convert --to MODE [FILE|-]`: text in, converted text out (UTF-8)."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import TextIO

from reader.cli import ExitCode, err


def _read_input(name: str) -> bytes:
    """The input's bytes, by the importer's rules: a regular file or standard input,
    never more than its size limit. Raises ImportFailure."""
    from reader.importers.files import read_file, read_stream

    if name == "-":
        return read_stream(sys.stdin.buffer, "standard input")
    return read_file(Path(name))


def cmd_convert(args: argparse.Namespace, out: TextIO) -> int:
    from reader.chinese import Converters, ScriptDetector
    from reader.chinese.convert import ScriptConverter, parse_mode
    from reader.importers.decode import DecodeError, decode_bytes
    from reader.importers.files import ImportFailure, display_path

    try:
        mode = parse_mode(args.to)
    except ValueError as exc:
        err(str(exc))
        return ExitCode.USAGE
    name: str = args.file
    label = "standard input" if name == "-" else display_path(name)
    try:
        data = _read_input(name)
    except ImportFailure as exc:
        err(str(exc))
        return ExitCode.INPUT_FAILED
    if not data:
        return ExitCode.OK  # nothing in, nothing out (decode_bytes calls it an error)
    try:
        # The importer's decoder, so GB18030, Big5 and UTF-16 files work too.
        text = decode_bytes(data).text
    except DecodeError as exc:
        err(f"{label}: {exc}")
        return ExitCode.INPUT_FAILED
    converters = Converters()
    source = ScriptDetector(converters).detect(text)
    from reader.cli.library_commands import glossary_of

    converter = ScriptConverter(converters, glossary_of(args))
    converted = converter.convert_text(text, mode, source)
    if isinstance(out, io.TextIOWrapper) and out.encoding.lower().replace("-", "") != "utf8":
        out.reconfigure(encoding="utf-8")  # UTF-8 whatever the locale says (Windows consoles)
    out.write(converted)
    return ExitCode.OK
