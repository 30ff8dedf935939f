"""The characters no page or data text may hold, in one place: the page checks and the data loader both ask here.

Control characters break SVG and XML files; bidirectional controls (U+061C, U+200E/F, U+202A–E,
U+2066–9) reorder what a reader sees ("0012" shown as "2100"), so a page can say one thing in review
and another on screen; zero-width characters hide terms from the terminology check and searches.
Newlines and tabs are fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from macros.core.diagnostics import Problem
from macros.core.messages import say

FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_NAMES = {  # a forbidden character -> the message key of its name (data/messages/<lang>.yml)
    "\u061c": "char.arabic_letter_mark",
    "\u200b": "char.zero_width_space",
    "\u200c": "char.zero_width_non_joiner",
    "\u200d": "char.zero_width_joiner",
    "\u200e": "char.left_to_right_mark",
    "\u200f": "char.right_to_left_mark",
    "\u2060": "char.word_joiner",
    "\ufeff": "char.zero_width_no_break_space",
}


def describe(char: str) -> str:
    """What the forbidden character is, in the contributor's language, for `…holds <this> (U+XXXX)`."""
    if char in _NAMES:
        return say(_NAMES[char])
    if "\u2061" <= char <= "\u2064":
        return say("char.invisible_operator")
    if "\u202a" <= char <= "\u2069":
        return say("char.bidi")
    return say("char.control")


def problem(text: str) -> tuple[int, str] | None:
    """The first forbidden character in `text`: (its 0-based position, `<what> (U+XXXX)`), or None."""
    match = FORBIDDEN.search(text)
    if match is None:
        return None
    char = match.group(0)
    return match.start(), say("char.with_code", what=describe(char), code=f"{ord(char):04X}")


def in_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """Every line holding a forbidden character: (line number, column, `<what> (U+XXXX)`), first per line."""
    for number, line in enumerate(text.split("\n"), start=1):
        found = problem(line)
        if found:
            yield number, found[0] + 1, found[1]


def check_docs(docs_dir: Path) -> list[Problem]:
    """Every page line (front matter and body alike) holding a forbidden character, as docs/<lang>/<page>.md:<line>."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        name = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
        text = path.read_text(encoding="utf-8", errors="replace")
        problems += [
            Problem(name, line, say("char.at_column", what=what, column=column))
            for line, column, what in in_lines(text)
        ]
    return problems
