"""Simplified to Traditional Chinese, the one call the zh-Hant edition makes (macros/core/languages.derive).

A stand-in until the `opencc` work (a reviewed term table, a pinned OpenCC) replaces the body of
`to_traditional`: characters only (OpenCC's s2t), so mainland names of laws, bodies and documents
keep their mainland wording. Conversions are cached: the same label and data text recur on many pages.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc  # loaded on the first derived text only

    return opencc.OpenCC("s2t")


@lru_cache(maxsize=65536)
def to_traditional(text: str) -> str:
    """The Traditional Chinese form of a Simplified Chinese text (markup and Latin text unchanged)."""
    return str(_converter().convert(text)) if text else text
