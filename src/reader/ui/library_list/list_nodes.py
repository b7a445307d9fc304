"""The article list's sections as plain Python: the node, deep-tree flattening, numbering.

No Qt here: the model (article_list_model.py) builds these and reads them in data().
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from reader.domain import MAX_SECTION_DEPTH
from reader.library import ArticleRow
from reader.library.title_index import Matches

# The Trash is shown as a last top-level section; its id is none SQLite gives a row.
TRASH_ID = 1 << 62


@dataclass(slots=True, eq=False)
class Section:
    id: int  # 0 for the invisible root
    name: str
    own: int  # articles directly here that the list shows (the matching ones under a filter)
    up: int = 0  # id of the parent node in the tree: the internalId of this row's index
    row: int = 0
    total: int = 0  # `own` summed over the subtree
    unread: int = 0  # own articles not read yet
    unread_total: int = 0  # `unread` summed over the subtree
    label: str = ""
    unread_label: str = ""  # "N unread" in the second column ("" when all are read)
    tip: str = ""  # the full name, path and counts, shown as the tooltip
    pos: int = 0  # place in article order (children's articles come before our own)
    first: int = 0  # place in article order of the first section of the subtree
    children: list[Section] = field(default_factory=list)
    # Rows fetched so far. A None is a row not read yet: opening an old article reads
    # only its own page, and the rows before it are read when they are shown.
    articles: list[ArticleRow | None] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)  # transformed, parallel to articles
    matched: Matches | None = None  # under a filter: the matching TitleIndex rows, in order
    keep: bool = False  # shown even when empty (a level kept by flatten_deep)


def flatten_deep(root: Section) -> None:
    """Show sections deeper than a section may be (MAX_SECTION_DEPTH) one level below it.

    Only a library written by an older version holds them: whole breadcrumbs of
    thousands of levels. Qt's tree view recurses once per level (expandAll crashed on
    100,000); so under the last allowed level, the sections of the subtree that hold
    articles become its children, in tree order, each with its own articles, the
    deeper ones marked "… / name".
    """
    stack = [(child, 1) for child in reversed(root.children)]
    while stack:
        node, depth = stack.pop()
        if depth < MAX_SECTION_DEPTH:
            stack.extend((child, depth + 1) for child in reversed(node.children))
            continue
        below: list[Section] = []
        direct = {child.id for child in node.children}
        pending = list(reversed(node.children))
        while pending:
            child = pending.pop()
            pending.extend(reversed(child.children))
            child.children = []
            if child.id in direct or child.own:  # a level between holds nothing itself
                child.keep = True
                if child.id not in direct:
                    child.name = f"… / {child.name}"
                below.append(child)
        node.children = below


def number(
    root: Section, order: list[Section], label: Callable[[Section], None], filtering: bool
) -> None:
    """Number the tree in article order (children before a section's own articles),
    sum the counts, prune sections with nothing to show (none matching a filter, or
    only articles in the Trash).

    A loop over a stack, never recursion: a library may hold a section path
    thousands of levels deep (older versions stored whole breadcrumbs).
    """
    root.first, root.total, root.unread_total = 0, root.own, root.unread
    # Each entry: a section, its children still to visit, the children kept so far.
    stack: list[tuple[Section, Iterator[Section], list[Section]]] = [
        (root, iter(root.children), [])
    ]
    while stack:
        node, pending, kept = stack[-1]
        child = next(pending, None)
        if child is not None:
            child.first, child.total, child.unread_total = len(order), child.own, child.unread
            stack.append((child, iter(child.children), []))
            continue
        stack.pop()
        node.children = kept
        label(node)
        node.pos = len(order)
        order.append(node)
        if not stack:
            break
        parent, _, siblings = stack[-1]
        if not node.total and (filtering or not node.keep):
            del order[node.first :]  # the subtree holds nothing to show
            continue
        node.row, node.up = len(siblings), parent.id
        siblings.append(node)
        parent.total += node.total
        parent.unread_total += node.unread_total
