"""The audit command: where a naive Simplified-to-Traditional conversion went wrong."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from reader.cli import ExitCode, err
from reader.domain import Script

_NOTE = "the audit is for Traditional text; this article is in Simplified script: nothing to check"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def cmd_audit(args: argparse.Namespace, out: TextIO) -> int:
    from reader.chinese import Converters
    from reader.chinese.audit import (
        STANDARDS,
        FindingKind,
        article_texts,
        audit_article,
        guess_standard,
    )
    from reader.cli.library_commands import _lookup
    from reader.importers import ImportFailure

    try:
        article = _lookup(args)
    except (ImportFailure, LookupError) as exc:
        err(str(exc))
        return ExitCode.INPUT_FAILED
    if article.script is Script.SIMPLIFIED:
        # Not a failure: there is simply nothing to check. stdout stays valid JSON.
        if args.json:
            err(_NOTE)
            print("[]", file=out)
        else:
            print(_NOTE, file=out)
        return ExitCode.OK
    converters = Converters()
    standard = guess_standard([t for _, t in article_texts(article)], converters)
    findings = audit_article(article, converters, standard)
    if args.json:
        json.dump([f.to_json() for f in findings], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return ExitCode.OK
    for f in findings:
        context = f.context.replace("\n", " ")
        print(f"{f.block}:{f.start}  {f.found} → {f.suggestion}  [{f.kind}]  …{context}…", file=out)
    errors = sum(f.kind is FindingKind.ERROR for f in findings)
    variants = len(findings) - errors
    print(
        f"{_plural(errors, 'error')}, {_plural(variants, 'variant')} "
        f"(checked against {STANDARDS[standard]})",
        file=out,
    )
    return ExitCode.OK
