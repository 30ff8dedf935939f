"""The size limits of everything a contributor writes, in one place, and the page-size check.

Why: every input must build in time and space linear in its size. A page of 300 KB of spaces,
of 200 KB of `{` or of 40 KB of `[a`, or a label or synonym that multiplies text, must fail
fast with `file:line: what is wrong` instead of hanging or ballooning the build. The limits are
far above what the site uses today (the figures in the comments) and are listed, with the
messages, in CONTRIBUTING.md, "What a page may contain".

Python-Markdown's link parsing scans from every `[` to its matching `]` (or to the end of the
paragraph when there is none): a paragraph of many unclosed `[` costs time that grows with the
square of its length. `bracket_scan` measures that cost in one pass; a page may spend at most
MAX_BRACKET_SCAN characters of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from macros.core.diagnostics import Problem

MAX_PAGE_CHARS = 50_000  # characters of one page under docs/ (the longest today: about 13,800)
MAX_LINE_CHARS = 3_000  # characters of one line of a page (today: 1,144)
MAX_BRACKET_SCAN = 50_000  # characters Markdown's link parsing may scan in one page (today: under 700; ~0.1 s)
MAX_TEXT_CHARS = 5_000  # characters of one text in data/*.yml (a whole paragraph is under 1,500)
MAX_LABEL_CHARS = 1_000  # characters of one label in data/i18n/<lang>.yml (today: 320)
MAX_INT_DIGITS = 12  # digits of a whole number in data, front matter or a macro argument
MAX_SYNONYM_WORDS = 20  # terms or variants of one language in one data/search_synonyms.yml entry (today: 6)
MAX_SYNONYM_CHARS = 60  # characters of one term or variant (today: 32)
MAX_SYNONYM_REPEAT = 100  # times a variant is repeated in one search section, as its term occurs (today: 53)
MAX_SYNONYM_FIELD = 1_000  # characters of one search section's hidden synonyms, or its text's length (today: 176)
MAX_URL_CHARS = 2_000  # characters of one URL in data

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def bracket_scan(text: str) -> int:
    """How many characters Python-Markdown's link parsing scans in `text`: from each `[` to its
    matching `]`, or to the end of its paragraph when it has none (an upper bound: code and HTML
    blocks are counted as paragraphs). Linear time."""
    total = 0
    for block in _BLANK_LINE.split(text):
        opened: list[int] = []
        escaped = False
        for pos, char in enumerate(block):
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == "[":
                opened.append(pos)
            elif char == "]" and opened:
                total += pos - opened.pop()
        total += len(opened) * len(block) - sum(opened)
    return total


def check_text(text: str, file: str) -> Iterator[Problem]:
    """The size problems of one page: its length, its long lines, its unclosed brackets."""
    if len(text) > MAX_PAGE_CHARS:
        yield Problem(file, None, f"the page has {len(text):,} characters; a page may have at most "
                      f"{MAX_PAGE_CHARS:,} (split it into several pages)")
        return
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE_CHARS:
            yield Problem(file, number, f"the line has {len(line):,} characters; a line may have at most "
                          f"{MAX_LINE_CHARS:,} (break it, or split the paragraph)")
            return
    scan = bracket_scan(text)
    if scan > MAX_BRACKET_SCAN:
        yield Problem(file, None, f"the page has too many unclosed '[' (Markdown would scan {scan:,} characters for "
                      f"their ']'; at most {MAX_BRACKET_SCAN:,}): close each '[' or write it as '\\['")


def check_docs(docs_dir: Path) -> list[Problem]:
    """Every page under docs_dir that is too big to build in time, named docs/<lang>/<page>.md."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        name = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
        problems += check_text(path.read_text(encoding="utf-8", errors="replace"), name)
    return problems
