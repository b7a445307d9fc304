"""Chinese script handling through OpenCC: converters, detection, conversion, audit, glossary."""

from __future__ import annotations

from reader.chinese.detect import Converters, ScriptDetector, detect_script

__all__ = ["Converters", "ScriptDetector", "detect_script"]
