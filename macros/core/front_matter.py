"""Front matter is data, not code: an allow-list of keys, each with the shape of value it may have.

MkDocs and the theme read a page's front matter as settings: `template`, `scripts`, `location`
or `render_macros` would change what the page runs or where it sends readers. So a page's front
matter may hold only the keys in ALLOWED, and is parsed by the project's own safe loader (no
aliases, a nesting limit, file:line) before MkDocs' loader ever sees it. Titles and descriptions
are plain text: no template syntax, no markup, no quotes that could leave an HTML attribute.
Scripts a page needs are chosen in code (macros/plugin/page_scripts.py), not by the page.

To allow a new key, add it to ALLOWED with a check of its value (and say so in CONTRIBUTING).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from macros.core.diagnostics import Problem
from macros.core.limits import MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS
from macros.core.messages import did_you_mean, say
from macros.core.yaml_source import DataErrors, LineDict, parse_yaml

# Characters a plain-text title or description may not hold: template syntax, markup, quotes that
# end an attribute, and control, bidi and zero-width characters.
_NOT_PLAIN = re.compile("[{}<>\"`\\\\\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
# MkDocs' own patterns (mkdocs/utils/meta.py): a YAML block, or MultiMarkdown `key: value` lines at the top.
YAML_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
_META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_SHA1 = re.compile(r"[0-9a-f]{40}")
HIDE = ("navigation", "toc", "footer", "path")  # Material's `hide:` values that only hide parts of the layout


def _plain(limit: int) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if not isinstance(value, str) or not value.strip():
            return say("front_matter.text")
        if len(value) > limit:
            return say("front_matter.too_long", limit=limit, length=len(value))
        bad = _NOT_PLAIN.search(value)
        if bad:
            return say("front_matter.not_plain", found=repr(bad.group(0)))
        return None

    return check


def _sha(value: Any) -> str | None:
    return None if isinstance(value, str) and _SHA1.fullmatch(value) else say("front_matter.sha")


def _hide(value: Any) -> str | None:
    if isinstance(value, list) and value and all(v in HIDE for v in value):
        return None
    return say("front_matter.hide", choices=", ".join(HIDE))


def _search(value: Any) -> str | None:
    if isinstance(value, dict) and set(value) == {"exclude"} and isinstance(value["exclude"], bool):
        return None
    return say("front_matter.search")


# The one allow-list of front matter keys: key -> check of its value (None when the value is fine).
ALLOWED: dict[str, Callable[[Any], str | None]] = {
    "title": _plain(MAX_TITLE_CHARS),
    "description": _plain(MAX_DESCRIPTION_CHARS),
    "translation_of": _sha,
    "hide": _hide,
    "search": _search,
}


def check_text(text: str, file: str) -> Iterator[Problem]:
    """Every problem in one page's front matter, at its line in the page."""
    text = text.removeprefix("\ufeff")
    match = YAML_RE.match(text)
    if not match:
        first = _META_RE.match(text.split("\n", 1)[0])
        if first:  # MkDocs would read MultiMarkdown-style `key: value` lines at the top as settings
            yield Problem(file, 1, say("front_matter.block", key=first.group("key")))
        return
    try:
        meta = parse_yaml("\n" + match.group(1), file)  # padded so lines are the page's lines
    except DataErrors as exc:
        yield from (Problem(e.file, e.line, say("front_matter.yaml", message=e.message)) for e in exc.errors)
        return
    if meta is None:
        return
    if not isinstance(meta, LineDict):
        yield Problem(file, 2, say("front_matter.lines"))
        return
    for key, value in meta.items():
        line = meta.key_lines.get(key)
        check = ALLOWED.get(key)
        if check is None:
            near = did_you_mean(key, ALLOWED)
            yield Problem(file, line, say("front_matter.key", key=key, allowed=", ".join(ALLOWED)) + near)
            continue
        wrong = check(value)
        if wrong:
            yield Problem(file, line, say("front_matter.value", key=key, wrong=wrong))


def check_docs(docs_dir: Path) -> list[Problem]:
    """Every front matter problem of every page under docs_dir, named docs/<lang>/<page>.md."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        name = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
        problems += check_text(path.read_text(encoding="utf-8", errors="replace"), name)
    return problems
