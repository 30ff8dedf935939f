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
from macros.core.messages import say

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
# A backslash escape, or a code span as Python-Markdown reads one (its BACKTICK_RE): scanned left to
# right, so an escaped backtick (\`) never opens or closes a span, as in Markdown.
_ESCAPE_OR_CODE_SPAN = re.compile(r"\\.|(`+)(.+?)(?<!`)\1(?!`)")
_COMMENT_END = re.compile(r"--!?>")
_MACRO = re.compile(r"\{\{.*?(?:\}\}|\Z)|\{%.*?(?:%\}|\Z)", re.DOTALL)  # unclosed: to the end (linear)
# What Python-Markdown reads as an autolink (its AUTOLINK_RE and AUTOMAIL_RE); anything else in <…>,
# such as <mailto:z/hidden> (an element with the `hidden` attribute in a browser), is HTML and checked.
_AUTOLINK = re.compile(r"<(?:(?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?://[^<>]*|[^<> !]+@[^@<> ]+)>")
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)|^[ ]{0,3}\[[^\[\]]+\]:\s*<?(\S*)", re.MULTILINE)  # no [ in labels
# attr_list's own patterns (markdown/extensions/attr_list.py), kept linear (no { inside, an unclosed
# quote runs to the end): any {…} or {:…} on one line, read as name="value", name='value',
# name=value, #id, .class or a bare word (an attribute named by itself). The build's own attr_list
# allows the same attributes (macros/plugin/attr_list_guard.py); this is the early, located error.
_ATTR_LIST = re.compile(r"\{:?[ ]*([^{}\n ][^{}\n]*)\}")
_ATTR_TOKEN = re.compile(r"([^ =}]+)=(?:\"([^\"]*)\"?|'([^']*)'?|([^ =}]+))|([^ =}]+)")


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
        lines.append(_ESCAPE_OR_CODE_SPAN.sub(lambda m: _blank(m) if m.group(1) else m.group(0), line))
    return _AUTOLINK.sub(_blank, _MACRO.sub(_blank, _without_comments("\n".join(lines))))


def _without_comments(text: str) -> str:
    """The text with each HTML comment blanked where a browser ends it (the HTML standard's comment
    states): `<!-->` and `<!--->` are whole comments, and a comment ends at the first `-->` or `--!>`
    (or the end of the page). Python's HTMLParser ends them elsewhere, which would hide a tag."""
    out, pos = [], 0
    while (start := text.find("<!--", pos)) >= 0:
        body = start + 4
        if text.startswith(">", body) or text.startswith("->", body):
            end = text.index(">", body) + 1
        else:
            close = _COMMENT_END.search(text, body)
            end = close.end() if close else len(text)
        out += [text[pos:start], re.sub(r"[^\n]", " ", text[start:end])]
        pos = end
    out.append(text[pos:])
    return "".join(out)


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
            self._add(say("html.element", tag=tag, allowed=", ".join(sorted(ELEMENTS))))
            return
        for name, value in attrs:
            if name not in ATTRIBUTES:
                self._add(say("html.attribute", name=name, tag=tag, allowed=", ".join(sorted(ATTRIBUTES))))
            elif value and _script_url(value):
                self._add(say("html.script_url", name=name, tag=tag))

    handle_startendtag = handle_starttag

    def handle_pi(self, data: str) -> None:
        self._add(say("html.pi"))

    def unknown_decl(self, data: str) -> None:
        self._add(say("html.declaration"))


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
            yield Problem(file, source.count("\n", 0, match.start()) + 1, say("html.link_script", url=url[:30]))
    for match in _ATTR_LIST.finditer(source):
        line = source.count("\n", 0, match.start()) + 1
        for token in _ATTR_TOKEN.finditer(match.group(1)):
            name = token.group(1) or token.group(5)
            value = next((v for v in token.groups()[1:4] if v is not None), name)
            if name[0] in "#.":  # an id or a class
                continue
            if name not in ATTRIBUTES:
                yield Problem(file, line, say("html.attr_list", name=name))
            elif _script_url(value):
                yield Problem(file, line, say("html.attr_list_script", name=name))


def check_docs(docs_dir: Path) -> list[Problem]:
    """Every raw HTML problem in every page under docs_dir, named docs/<lang>/<page>.md."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        name = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
        problems += check_text(path.read_text(encoding="utf-8", errors="replace"), name)
    return problems
