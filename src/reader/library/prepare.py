"""What storing an article costs in CPU, done before the write: on every core.

A large import parses its files in worker processes (reader.importers.pool)
while one process writes. Compressing the text (reader.library.stored_text)
and folding and tokenising it for the search index (reader.library.search_index)
are functions of the Article alone, so the workers do them too and the writer
only writes. A Prepared is what comes back; ArticleStore.add takes it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.domain import Article
from reader.library import search_index
from reader.library.stored_text import pack, pack_blocks

if TYPE_CHECKING:
    from reader.chinese import Converters
    from reader.chinese.folding import Folder


@dataclass(frozen=True)
class Prepared:
    article: Article
    blocks: bytes  # the blocks' JSON, packed
    original: bytes  # the original text, packed against it
    index_text: str  # the search index's tokens


def blocks_json(article: Article) -> str:
    return json.dumps([b.to_json() for b in article.blocks], ensure_ascii=False)


def prepare(article: Article, folder: Folder) -> Prepared:
    text = blocks_json(article)
    return Prepared(
        article=article,
        blocks=pack_blocks(text),
        original=pack(article.original_text, text),
        index_text=search_index.index_text(folder, article.title, [b.text for b in article.blocks]),
    )


def preparer(converters: Converters) -> Callable[[Article], Prepared]:
    """For a worker process: prepare each article with a Folder of its own."""
    from reader.chinese.folding import Folder

    folder = Folder(converters)
    return lambda article: prepare(article, folder)
