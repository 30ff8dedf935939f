"""The Traditional edition's search index text: split where the Simplified text splits, findable in Simplified too.

jieba's dictionary is Simplified, so a Traditional text is never segmented on its own characters:
- `segment_converted(simplified)` segments the Simplified text and converts it whole, the breaks at
  the same offsets (the conversion keeps every text's length): the words are, by construction, the
  Simplified page's words. Use it where the Simplified source of an index entry is at hand.
- `segment_traditional(text)` segments a Traditional text on its own, cut where its Simplified
  reading (OpenCC tw2s) is cut; on the site's pages that reading differs from the source in about
  one character in 80,000, so the words match the Simplified page's words almost everywhere.
- `simplified_aliases(segmented)`: the Simplified form of each word whose Traditional form differs,
  once each, for a hidden index field, so that a reader of the Traditional edition who types
  Simplified (a mainland keyboard's default) still finds the page.
- `article_aliases_traditional(text)`: the article numbers of a Traditional text as readers type
  them (第四十一條, 第41條, 41條), and in Simplified (第41条) for the same readers.
"""

from __future__ import annotations

from macros.core.articles import article_aliases
from macros.core.segment import segment
from macros.core.traditional import HAN_RUN, to_simplified, to_traditional

BREAK = "\u200b"  # the index's word separator (macros/core/segment.py)


def segment_converted(simplified: str) -> str:
    """The Traditional edition of `simplified`, its Han runs split into the Simplified text's words."""
    words = segment(simplified).split(BREAK)
    plain = "".join(words)  # segment() only adds breaks (and drops any already there)
    converted = to_traditional(plain)
    if len(converted) != len(plain):  # never happens: the term table and OpenCC keep lengths
        return segment_traditional(converted)
    out, start = [], 0
    for word in words:
        out.append(converted[start : start + len(word)])
        start += len(word)
    return BREAK.join(out)


def segment_traditional(text: str) -> str:
    """A Traditional text split into words where its Simplified reading splits."""
    return segment(text, reading=to_simplified)


def simplified_aliases(segmented: str) -> list[str]:
    """The Simplified form of each Chinese word of a segmented Traditional text that differs from it, once each."""
    out: dict[str, None] = {}
    for word in segmented.replace(BREAK, " ").split():
        for run in HAN_RUN.findall(word):
            simplified = to_simplified(run)
            if simplified != run:
                out[simplified] = None
    return list(out)


def article_aliases_traditional(text: str) -> list[str]:
    """macros/core/articles.py's forms of each article number in a Traditional text, in Traditional
    characters and then in Simplified ones, once each."""
    simplified = article_aliases(to_simplified(text))
    return list(dict.fromkeys([*(to_traditional(a) for a in simplified), *simplified]))
