"""Every article of the library by section, in one pass (`reader list`). No Qt."""

from __future__ import annotations

import itertools
import sqlite3
from operator import itemgetter

# (id, title, published) of one article.
Listed = tuple[str, str, str | None]


def articles_by_section(conn: sqlite3.Connection) -> dict[int, list[Listed]]:
    """Each section's articles (not those in the Trash), newest first, undated
    last, then by title (as ArticleStore.articles_in orders one section).

    One scan of the table in its own order, sorted by SQLite's sorter: a query per
    section walks the rows in date order through the index, all over a file of
    article texts (1.7 s at 100,000 articles against ~0.5 s), and plain tuples
    cost a fraction of ArticleRow objects. `+section_id` keeps the index out.
    """
    rows = conn.execute(
        "SELECT section_id, id, title, published FROM articles WHERE trashed_at IS NULL "
        "ORDER BY +section_id, published IS NULL, published DESC, title"
    )
    return {
        int(section): [row[1:] for row in group]
        for section, group in itertools.groupby(rows, key=itemgetter(0))
    }
