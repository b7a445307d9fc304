"""Synthetic data shared by the benchmarks: libraries and long articles."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from reader.domain import Article, Block


def fill_library(folder: Path, n: int, seed: int = 7) -> None:
    """A library of n generated ~2 KB people.com.cn-style articles."""
    from import_bench import make_article
    from reader.chinese import Converters
    from reader.importers import Importer
    from reader.library import ArticleStore, open_library

    store = ArticleStore(open_library(folder))
    importer = Importer(Converters())
    rng = random.Random(seed)
    for i in range(n):
        store.add(importer.parse_str(make_article(i, rng)))
    store.conn.close()


def repeated(sample: Article, chars: int) -> Article:
    """`sample` with its blocks repeated until the body holds about `chars` characters;
    same id and original text, so corrections and notes still apply."""
    blocks: list[Block] = []
    size = len(sample.title)
    while size < chars:
        block = sample.blocks[len(blocks) % len(sample.blocks)]
        blocks.append(block)
        size += len(block.text)
    return replace(sample, blocks=tuple(blocks))
