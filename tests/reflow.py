"""The same article with its paragraphs broken differently: a re-import that keeps
the article's identity (whitespace does not count) but changes its blocks, so
re-anchoring has to run for bookmarks to stay on their passages."""

from __future__ import annotations

from reader.domain import Article


def reflowed(text: str, article: Article, split: tuple[int, ...] = (0, 4)) -> str:
    """`text` (the file `article` was parsed from) with each of the `split`
    paragraphs broken in two at a comma past its 40th character: every block
    after such a break moves down one."""
    for index in split:
        para = article.blocks[index].text
        cut = para.index(",", 40) + 1
        assert para in text, "the paragraph must appear in the file as parsed"
        text = text.replace(para, f"{para[:cut]}\n\n{para[cut:]}", 1)
    return text
