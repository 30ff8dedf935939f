"""Search synonyms: the words readers type for terms the pages use, added to the search index.

data/search_synonyms.yml pairs each concept's `terms` (as the pages write them) with its
`variants` (abbreviations, synonyms, other spellings); the glossary's `avoid` lists count as
variants of their term too. A section of the index that contains a term gets the variants in its
hidden `synonyms` field, so typing 职代会 or "works council" finds the section on 职工代表大会.
"""

from __future__ import annotations

import re

from macros.core.limits import MAX_SYNONYM_FIELD, MAX_SYNONYM_REPEAT
from macros.core.load import KnowledgeBase

# The hidden field's weight: a typed variant must outweigh a prefix match in a page title
# (Material matches works* in "worksheet"), as the title field weighs 1000.
SYNONYM_BOOST = 1000.0
_HAN_WORD = re.compile(r"[\u3400-\u9fff]+")
Table = list[tuple[tuple[str, ...], tuple[str, ...]]]  # (terms, variants), matched case-insensitively


def table(kb: KnowledgeBase, lang: str) -> Table:
    """The language's (terms, variants) pairs: the synonyms file, then the glossary's avoided variants."""
    pairs: Table = []
    for entry in kb.search_synonyms.values():
        terms, variants = entry.terms(lang), entry.variants(lang)
        if terms:
            pairs.append((tuple(terms), tuple(variants)))
    for term in kb.glossary.values():
        avoid = term.avoid(lang)
        if avoid:
            # the glossary's English term may be "a / b (ABBR)": every part of it is a way the pages write it
            written = [w.split("(")[0].strip() for w in term.name(lang).split("/")]
            pairs.append((tuple(w for w in written if w), tuple(avoid)))
    return pairs


def _fold(text: str) -> str:
    return text.replace("\u200b", "").replace("\u2019", "'").casefold()


def variants_in(pairs: Table, text: str) -> list[str]:
    """The variants of every term in `text` (a section's title and text), each as often as its terms occur.

    Repeating a variant as often as the term appears keeps the ranking of a typed variant close
    to the ranking of the term itself: the section that talks most about 职工代表大会 comes first for 职代会.
    """
    folded = _fold(text)
    found: list[str] = []
    for terms, variants in pairs:
        count = min(sum(folded.count(_fold(t)) for t in terms), MAX_SYNONYM_REPEAT)
        found += [v for v in variants if _fold(v) not in folded] * count
    return found


def synonym_field(pairs: Table, text: str) -> str:
    """The hidden `synonyms` field of one index section: its variants, and each Chinese one without
    its last character too (Material splits 职代会 at the longest index word before its last one)."""
    variants = variants_in(pairs, text)
    stems = [v[:-1] for v in dict.fromkeys(variants) if len(v) >= 3 and _HAN_WORD.fullmatch(v)]
    field = " ".join(variants + stems)
    limit = max(MAX_SYNONYM_FIELD, len(text))  # the index grows at most by the size of its text
    return field if len(field) <= limit else field[: max(field.rfind(" ", 0, limit + 1), 0)]
