"""Chinese word segmentation for the search index, shaped for Material's query matching.

Material's search matches each query word as a prefix of an index word, and splits a
Chinese query using the index's own vocabulary, where any single character that is also
an index word breaks the query apart (e.g. 供应商 → 供 + 应). jieba alone leaves many
single characters; attaching each one to the word before it (or after it, at the start of
a run) keeps whole words searchable: 供应商 then matches 供应商 and 供应商的.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable

import jieba

jieba.setLogLevel(logging.WARNING)

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_BREAK = "\u200b"  # zero-width space: invisible in results, a separator for the index


@functools.lru_cache(maxsize=1 << 16)  # `mkdocs serve` rebuilds segment the same runs again: once per process
def _words(run: str) -> tuple[str, ...]:
    words: list[str] = []
    carry = ""
    for word in jieba.cut(run):
        if len(word) == 1 and words:
            words[-1] += word
        elif len(word) == 1:
            carry += word
        else:
            words.append(carry + word)
            carry = ""
    if carry:
        words.append(carry)
    return tuple(words)


def _split_like(run: str, reading: Callable[[str], str]) -> tuple[str, ...]:
    """`run` cut where jieba cuts `reading(run)`, its Simplified reading of the same length."""
    simplified = reading(run)
    if len(simplified) != len(run):
        return _words(run)
    out, start = [], 0
    for word in _words(simplified):
        out.append(run[start : start + len(word)])
        start += len(word)
    return tuple(out)


def segment(text: str, reading: Callable[[str], str] | None = None) -> str:
    """Re-segment the Chinese runs of `text`, separating words with U+200B.

    jieba's dictionary is Simplified: for the Traditional edition pass `reading`, which maps a run
    to its Simplified characters one for one (macros.core.traditional.to_simplified), and the run is
    cut where its Simplified reading is, i.e. where the Simplified page it was converted from is cut.
    """
    text = text.replace(_BREAK, "")
    words = _words if reading is None else (lambda run: _split_like(run, reading))
    return _HAN.sub(lambda m: _BREAK + _BREAK.join(words(m.group(0))) + _BREAK, text).strip(_BREAK)
