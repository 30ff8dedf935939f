"""Raw HTML in pages, by allow-list: the elements and attributes the pages use, nothing that runs or redirects.

Markdown passes HTML through as it is, so a page could add <script>, <iframe>, an onclick=, a
javascript: link or a <meta http-equiv="refresh"> that sends readers to another site. The check
reads the Markdown as contributors write it (macro calls blanked out: what a macro writes is
reviewed code), outside code spans and fenced code, and reports `docs/<page>.md:<line>: …` for
an element or attribute not in ELEMENTS / ATTRIBUTES, for a script URL in any attribute or
Markdown link, and for attributes set through attr_list (`{ onclick=… }`).

To allow a new element or attribute, add it below (and say so in CONTRIBUTING); never an event
handler (on…), href/src/action/formaction/srcdoc/style, or an element that loads or runs anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from macros.core.diagnostics import Problem

# The one allow-list of raw HTML: what the pages use today (the worksheet's form, the results table).
ELEMENTS = frozenset(
    {
        "button", "div", "fieldset", "form", "h3", "input", "label", "legend", "output", "p", "span",
        "strong", "table", "tbody", "td", "th", "thead", "tr",
    }
)
ATTRIBUTES = frozenset(
    {
        "aria-describedby", "aria-label", "aria-labelledby", "aria-live", "class", "for", "id", "inputmode",
        "markdown", "name", "novalidate", "role", "scope", "type", "value",
        # read by the site's own scripts (overrides/assets/javascripts/worksheet.js)
        "data-action", "data-decimals", "data-empty", "data-empty-result", "data-formula", "data-kb-worksheet",
        "data-max", "data-min", "data-msg-max", "data-msg-min", "data-msg-number", "data-msg-range",
        "data-msg-separator",
    }
)
_SCRIPT_URL = re.compile(r"^\s*(?:javascript|vbscript|data|file)\s*:", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_MACRO = re.compile(r"\{\{.*?(?:\}\}|\Z)|\{%.*?(?:%\}|\Z)", re.DOTALL)  # unclosed: to the end (linear)
# What Python-Markdown reads as an autolink (its AUTOLINK_RE and AUTOMAIL_RE); anything else in <…>,
# such as <mailto:z/hidden> (an element with the `hidden` attribute in a browser), is HTML and checked.
_AUTOLINK = re.compile(r"<(?:[Hh][Tt][Tt][Pp][Ss]?://[^<>]*|[^<> !]+@[^@<> ]+)>")
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)|^[ ]{0,3}\[[^\[\]]+\]:\s*<?(\S*)", re.MULTILINE)  # no [ in labels
_ATTR_LIST = re.compile(r"\{:?[ \t]*((?:[#.][\w-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]+))(?:[ \t]+[^}]*)?)\}")
_ATTR_PAIR = re.compile(r"([\w-]+)=(?:\"([^\"]*)\"|'([^']*)'|([^\s}]+))")


def _blank(match: re.Match[str]) -> str:
    """The match as spaces, keeping its line breaks (so lines still count right)."""
    return re.sub(r"[^\n]", " ", match.group(0))


def visible_source(text: str) -> str:
    """The page without fenced code, code spans and macro calls, each replaced by spaces."""
    lines, fence = [], ""
    for line in text.split("\n"):
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            lines.append("")
            continue
        if opened:
            fence = opened.group(1)
            lines.append("")
            continue
        lines.append(_CODE_SPAN.sub(_blank, line))
    return _AUTOLINK.sub(_blank, _MACRO.sub(_blank, "\n".join(lines)))


def _script_url(value: str) -> bool:
    return bool(_SCRIPT_URL.match(_CONTROL.sub("", value.replace("&colon;", ":").replace("&#58;", ":"))))


class _Checker(HTMLParser):
    def __init__(self, file: str):
        super().__init__(convert_charrefs=True)
        self.file = file
        self.problems: list[Problem] = []

    def _add(self, message: str) -> None:
        self.problems.append(Problem(self.file, self.getpos()[0], message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ELEMENTS:
            self._add(f"the HTML element <{tag}> is not allowed in pages; allowed: {', '.join(sorted(ELEMENTS))}")
            return
        for name, value in attrs:
            if name not in ATTRIBUTES:
                self._add(f"the attribute '{name}' on <{tag}> is not allowed in pages; allowed: "
                          f"{', '.join(sorted(ATTRIBUTES))}")
            elif value and _script_url(value):
                self._add(f"the attribute '{name}' on <{tag}> holds a script URL")

    handle_startendtag = handle_starttag

    def handle_pi(self, data: str) -> None:
        self._add("processing instructions (<?…>) are not allowed in pages")

    def unknown_decl(self, data: str) -> None:
        self._add("declarations (<![…]>) are not allowed in pages")


def check_text(text: str, file: str) -> Iterator[Problem]:
    """Every raw HTML problem in one page, at its line."""
    source = visible_source(text)
    checker = _Checker(file)
    checker.feed(source)
    checker.close()
    yield from checker.problems
    for match in _MD_LINK.finditer(source):
        url = match.group(1) or match.group(2) or ""
        if _script_url(url):
            yield Problem(file, source.count("\n", 0, match.start()) + 1, f"a link to a script URL ({url[:30]}…)")
    for match in _ATTR_LIST.finditer(source):
        line = source.count("\n", 0, match.start()) + 1
        for pair in _ATTR_PAIR.finditer(match.group(1)):
            name, value = pair.group(1), next(v for v in pair.groups()[1:] if v is not None)
            if name not in ATTRIBUTES:
                yield Problem(file, line, f"the attribute '{name}' (set with {{ … }}) is not allowed in pages")
            elif _script_url(value):
                yield Problem(file, line, f"the attribute '{name}' holds a script URL")


def check_docs(docs_dir: Path) -> list[Problem]:
    """Every raw HTML problem in every page under docs_dir, named docs/<lang>/<page>.md."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        name = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
        problems += check_text(path.read_text(encoding="utf-8", errors="replace"), name)
    return problems
