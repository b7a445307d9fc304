"""The corrected version of an article: the audit fixes a user accepted, applied.

Shared by the reader pane (reader.ui.translator.presenter) and every export, so what is
exported as "corrected" is exactly what the reader shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.domain import Article

if TYPE_CHECKING:
    from reader.library.corrections import Correction


def apply_corrections(article: Article, corrections: Iterable[Correction]) -> Article:
    """The article with the accepted corrections; the article itself if there are none.

    A correction whose text no longer matches (the article was re-imported with
    other text) is skipped, never applied at the wrong place.
    """
    accepted = list(corrections)
    if not accepted:
        return article
    # Imported here: the audit module loads its variant tables and phrase probe.
    from reader.chinese.audit import Finding, FindingKind, apply_findings

    findings = [
        Finding(c.block, c.start, c.start + len(c.found), c.found, c.suggestion,
                FindingKind.ERROR, "")
        for c in accepted
    ]  # fmt: skip
    return apply_findings(article, findings)
