"""Make Chinese text in Chromium's PDFs copy, search and extract as the characters on the page.

Noto Sans CJK draws e.g. 子 and the Kangxi radical ⼦ with one glyph; Chromium's PDF writer maps
each glyph back to the lowest code point, so the PDF's text layer says ⼦ (U+2F26) where the page
says 子 (U+5B50). Copying, searching, screen readers and text extraction then fail. This rewrites
each font's ToUnicode map: Kangxi radicals to their unified ideograph (Unicode's own NFKC mapping),
CJK radical-supplement forms to the standalone character they are drawn as (named below), and
the few radicals whose unified form is traditional to the simplified character on the page.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter

# Radical-supplement characters that are also whole characters in simplified Chinese.
_SUPPLEMENT = {
    "CJK RADICAL CIVILIAN": "民",
    "CJK RADICAL MOTHER": "母",
    "CJK RADICAL WEST TWO": "西",
    "CJK RADICAL C-SIMPLIFIED SEE": "见",
    "CJK RADICAL C-SIMPLIFIED SHELL": "贝",
    "CJK RADICAL C-SIMPLIFIED CART": "车",
    "CJK RADICAL C-SIMPLIFIED LONG": "长",
    "CJK RADICAL C-SIMPLIFIED GATE": "门",
    "CJK RADICAL C-SIMPLIFIED LEAF": "页",
    "CJK RADICAL C-SIMPLIFIED WIND": "风",
    "CJK RADICAL C-SIMPLIFIED FLY": "飞",
    "CJK RADICAL C-SIMPLIFIED HORSE": "马",
    "CJK RADICAL C-SIMPLIFIED FISH": "鱼",
    "CJK RADICAL C-SIMPLIFIED BIRD": "鸟",
    "CJK RADICAL SIMPLIFIED WHEAT": "麦",
    "CJK RADICAL SIMPLIFIED YELLOW": "黄",
    "CJK RADICAL C-SIMPLIFIED EVEN": "齐",
    "CJK RADICAL C-SIMPLIFIED TOOTH": "齿",
    "CJK RADICAL C-SIMPLIFIED TURTLE": "龟",
    "CJK RADICAL SIMPLIFIED HORN": "角",
    "CJK RADICAL LONG ONE": "長",  # Noto Sans CJK TC's 長 (the Traditional edition's handouts)
}
# Kangxi radicals whose NFKC form is the traditional character, where Noto Sans CJK SC draws the
# simplified one (⼾ KANGXI RADICAL DOOR -> 戶, drawn and meant as 户), by the script of the page
# (macros/core/languages.py `script`): found in this site's handouts; the handout test (every Chinese
# character of a Simplified PDF is a GB 2312 character) names any new one.
_VARIANTS = {"Hans": {"戶": "户"}}
_SUPPLEMENT_MAP = {ord(unicodedata.lookup(name)): ord(char) for name, char in _SUPPLEMENT.items()}


def _radical_map(script: str) -> dict[int, int]:
    variants = _VARIANTS.get(script, {})
    kangxi = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
    return _SUPPLEMENT_MAP | {cp: ord(variants.get(unified, unified)) for cp, unified in kangxi.items()}

_BFCHAR = re.compile(rb"(<[0-9A-Fa-f]+>\s*)<([0-9A-Fa-f]{4})>")


def _fix_cmap(data: bytes, radicals: dict[int, int]) -> bytes:
    """Map the destinations of every bfchar entry (Chromium writes single glyphs as bfchar)."""

    def one(m: re.Match[bytes]) -> bytes:
        cp = int(m.group(2), 16)
        return bytes(m.group(1) + b"<%04X>" % radicals.get(cp, cp))

    head, sep, rest = data.partition(b"beginbfchar")
    if not sep:
        return data
    body, sep2, tail = rest.partition(b"endbfchar")
    return head + sep + _BFCHAR.sub(one, body) + sep2 + _fix_cmap(tail, radicals) if sep2 else data


def _fonts(pdf: PdfWriter) -> Iterator[Any]:
    seen = set()
    for page in pdf.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            for f in [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]:
                if id(f) not in seen:
                    seen.add(id(f))
                    yield f


def fix_text_layer(path: Path, script: str) -> int:
    """Rewrite the ToUnicode maps of a PDF whose text is in `script` (Hans, Hant) in place; returns how
    many maps changed."""
    radicals = _radical_map(script)
    pdf = PdfWriter(clone_from=PdfReader(path))
    changed = 0
    for font in _fonts(pdf):
        stream = font.get("/ToUnicode")
        if stream is None:
            continue
        stream = stream.get_object()
        data = stream.get_data()
        fixed = _fix_cmap(data, radicals)
        if fixed != data:
            stream.set_data(fixed)
            changed += 1
    if changed:
        with path.open("wb") as out:
            pdf.write(out)
    return changed
