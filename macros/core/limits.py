"""The size limits of everything a contributor writes, in one place, and the page-size check.

Why: every input must build in time and space linear in its size. A page of 300 KB of spaces,
of 200 KB of `{` or of 40 KB of `[a`, or a label or synonym that multiplies text, must fail
fast with `file:line: what is wrong` instead of hanging or ballooning the build. The limits are
far above what the site uses today (the figures in the comments) and are listed, with the
messages, in CONTRIBUTING.md, "What a page may contain".

Python-Markdown's link parsing scans from every `[` to its matching `]` (or to the end of the
paragraph when there is none): a paragraph of many unclosed `[` costs time that grows with the
square of its length. `bracket_scan` measures that cost in one pass; a page may spend at most
MAX_BRACKET_SCAN characters of it; the error names the paragraph that costs most.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from macros.core.diagnostics import Problem
from macros.core.messages import say

MAX_PAGE_CHARS = 50_000  # characters of one page under docs/ (the longest today: about 13,800)
MAX_LINE_CHARS = 3_000  # characters of one line of a page (today: 1,144)
MAX_BRACKET_SCAN = 50_000  # characters Markdown's link parsing may scan in one page (today: 1,361; ~0.1 s)
MAX_MARKUP_SCAN = 100_000  # characters the HTML parser may scan for the ">" of each "<" in a page (today: 6,017)
MAX_NESTING = 20  # levels of nested lists, quotes, indented blocks and HTML elements in a page (today: 7)
MAX_DATA_DEPTH = 40  # nesting levels of a data file or a front matter (the real files use fewer than ten)
MAX_TITLE_CHARS = 120  # characters of a page's front matter title
MAX_DESCRIPTION_CHARS = 400  # characters of a page's front matter description
MAX_TEXT_CHARS = 5_000  # characters of one text in data/*.yml (a whole paragraph is under 1,500)
MAX_LABEL_CHARS = 1_000  # characters of one label in data/i18n/<lang>.yml (today: 320)
MAX_INT_DIGITS = 12  # digits of a whole number in data, front matter or a macro argument
MAX_SYNONYM_WORDS = 20  # terms or variants of one language in one data/search_synonyms.yml entry (today: 6)
MAX_SYNONYM_CHARS = 300  # characters of one term, variant or avoided term (today: 50)
MAX_SYNONYM_REPEAT = 100  # times a variant is repeated in one search section, as its term occurs (today: 53)
MAX_SYNONYM_FIELD = 1_000  # characters of one search section's hidden synonyms, or its text's length (today: 176)
MAX_URL_CHARS = 2_000  # characters of one URL in data
# Macro calls per page: a page's size does not bound what its macros write (300 calls of a table macro
# made a 16 MB page). Inline macros write a few words each (today at most 28 calls of one on a page);
# any other macro writes a table, a chart or a list (today at most 2 calls of one on a page).
INLINE_MACROS = frozenset(
    {
        "cite", "group_name", "label", "record_title", "rule", "rule_basis", "rule_number", "rule_says",
        "wage_level", "worksheet_warning",
    }
)
MAX_INLINE_MACRO_CALLS = 200  # calls of one inline macro in one page
MAX_BLOCK_MACRO_CALLS = 3  # calls of one other macro in one page
MAX_RENDERED_CHARS = 1_000_000  # characters of one rendered page body (today's largest page: about 160,000)

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def bracket_scan(text: str) -> tuple[int, int]:
    """How many characters Python-Markdown's link parsing scans in `text`, from each `[` to its
    matching `]` and from each `](` to its `)`, or to the end of the paragraph when there is none
    (an upper bound: code and HTML blocks are counted as paragraphs), and the line where the
    costliest paragraph starts. Linear."""
    total, worst, worst_line, line = 0, -1, 1, 1
    pos = 0
    for separator in [*_BLANK_LINE.finditer(text), None]:
        end = separator.start() if separator else len(text)
        cost = _block_scan(text, pos, end)
        if cost > worst:
            worst, worst_line = cost, line
        total += cost
        if separator:
            line += text.count("\n", pos, separator.end())
            pos = separator.end()
    return total, worst_line


_BRACKET_CHARS = re.compile(r"\\.|[\[\]()]", re.DOTALL)
_ANGLE_CHARS = re.compile(r"<[A-Za-z/!?]|>")


def _block_scan(text: str, start: int, end: int) -> int:
    """The scan of one paragraph: from each `[` to its `]`, and from each link target's `(` (after
    a `]`) to its `)`, nested brackets and parentheses counted, or to the paragraph's end."""
    brackets: list[int] = []
    parens: list[tuple[int, bool]] = []  # (position, opens a link target)
    cost = 0
    for found in _BRACKET_CHARS.finditer(text, start, end):  # only the characters that matter: linear
        char, pos = found.group(0), found.start()
        if char == "[":
            brackets.append(pos)
        elif char == "]" and brackets:
            cost += pos - brackets.pop()
        elif char == "(":
            parens.append((pos, pos > start and text[pos - 1] == "]"))
        elif char == ")" and parens:
            opened, target = parens.pop()
            cost += pos - opened if target else 0
    targets = [pos for pos, target in parens if target]
    return cost + (len(brackets) + len(targets)) * end - sum(brackets) - sum(targets)


def markup_scan(text: str) -> tuple[int, int]:
    """How many characters the HTML parsers scan in `text` (Python's HTMLParser, which Markdown's raw
    HTML step and our raw HTML check use, reads from each `<` that may open a tag, comment or
    declaration to the next `>`, or to the end when there is none), and the line of the `<` that
    costs most. Linear: one pass from the end, remembering the next `>`."""
    total, worst, worst_pos = 0, -1, 0
    next_close = len(text)
    for found in reversed(list(_ANGLE_CHARS.finditer(text))):  # from the end, remembering the next '>'
        pos = found.start()
        if found.group(0) == ">":
            next_close = pos
            continue
        cost = next_close - pos
        total += cost
        if cost > worst:
            worst, worst_pos = cost, pos
    return total, text.count("\n", 0, worst_pos) + 1


_CONTAINER = re.compile(r" {4}|\t|[ ]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|[ ]{0,3}>[ ]?")
_HTML_BLOCK = re.compile(r"<(/?)(?:div|form|fieldset|table|thead|tbody|tr|td|th|p|span|label|legend|output|strong|"
                         r"h3|button|details|blockquote|ul|ol|li)\b", re.IGNORECASE)


def nesting(text: str) -> tuple[int, int]:
    """How deep the page's blocks nest (list items, quotes, indented blocks and admonitions on one
    line; HTML elements across the page), and the line where it is deepest. Python-Markdown parses
    nested blocks recursively: a few hundred levels end in a RecursionError, not a message."""
    worst, worst_line = 0, 1
    for number, line in enumerate(text.split("\n"), 1):
        depth, pos = 0, 0
        while (marker := _CONTAINER.match(line, pos)) and marker.end() > pos:
            depth, pos = depth + 1, marker.end()
        if depth > worst:
            worst, worst_line = depth, number
    depth = 0
    for tag in _HTML_BLOCK.finditer(text):
        depth += -1 if tag.group(1) else 1
        if depth > worst:
            worst, worst_line = depth, text.count("\n", 0, tag.start()) + 1
    return worst, worst_line


def check_text(text: str, file: str) -> Iterator[Problem]:
    """The size problems of one page: its length, its long lines, its unclosed brackets."""
    if len(text) > MAX_PAGE_CHARS:
        yield Problem(file, None, say("limits.page", length=f"{len(text):,}", limit=f"{MAX_PAGE_CHARS:,}"))
        return
    for number, row in enumerate(text.split("\n"), 1):
        if len(row) > MAX_LINE_CHARS:
            yield Problem(file, number, say("limits.line", length=f"{len(row):,}", limit=f"{MAX_LINE_CHARS:,}"))
            return
    depth, line = nesting(text)
    if depth > MAX_NESTING:
        yield Problem(file, line, say("limits.nesting", depth=depth, max=MAX_NESTING))
        return
    scan, line = markup_scan(text)
    if scan > MAX_MARKUP_SCAN:
        yield Problem(file, line, say("limits.markup", scan=f"{scan:,}", max=f"{MAX_MARKUP_SCAN:,}"))
        return
    scan, line = bracket_scan(text)
    if scan > MAX_BRACKET_SCAN:
        yield Problem(file, line, say("limits.brackets", scan=f"{scan:,}", max=f"{MAX_BRACKET_SCAN:,}"))


def check_docs(docs_dir: Path) -> list[Problem]:
    """Every page under docs_dir that is too big to build in time, named docs/<lang>/<page>.md."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        name = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
        if not path.is_file():  # every other check would fail to read it
            problems.append(Problem(name, None, say("limits.folder_md")))
            continue
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Problem(name, raw[: exc.start].count(b"\n") + 1, say("limits.not_utf8")))
            continue
        problems += check_text(text, name)
    return problems
