"""The template rule for pages: a page may call the site's macros with literal arguments, nothing else.

Content is not code. Pages are rendered by Jinja (mkdocs-macros), and Jinja can reach Python
objects, so every `{{ … }}`, `{% … %}` and `{# … #}` in docs/ is checked before any page is
rendered: allowed are `{{ macro("literal", 2) }}` for a macro the site documents, the escapes
`{{ "{{" }}` and `{{ "}}" }}`, and `{% raw %} … {% endraw %}`. Anything else stops the build with
`docs/<lang>/<page>.md:<line>: …`, and nothing on the page is executed.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator
from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError

from macros.core.diagnostics import Problem
from macros.core.limits import MAX_INT_DIGITS
from macros.core.messages import say

ESCAPES = ("{{", "}}")
_LITERALS = ("string", "integer")
_LEXER = Environment()  # only its lexer is used: nothing is compiled or rendered here


def _shown(tokens: list[tuple[int, str, str]]) -> str:
    """The construct as the contributor wrote it, roughly (whitespace normalised), cut short."""
    text = ""
    for _, kind, value in tokens:
        if kind == "whitespace":
            continue
        if text and kind != "operator" and text[-1] not in ".(,[":
            text += " "
        text += value + (" " if value == "," else "")
    return text if len(text) <= 60 else text[:59] + "…"


def _allowed(tokens: list[tuple[int, str, str]], macros: Collection[str]) -> bool:
    """Whether the tokens inside {{ … }} are a literal escape or a macro call with literal arguments."""
    body = [(t, v) for _, t, v in tokens if t != "whitespace"]
    if len(body) == 1:
        return body[0][0] == "string" and body[0][1].strip("'\"") in ESCAPES
    if len(body) < 3 or body[0][0] != "name" or body[0][1] not in macros or body[1] != ("operator", "("):
        return False
    if body[-1] != ("operator", ")"):
        return False
    args = body[2:-1]
    for i, (kind, value) in enumerate(args):
        expected_literal = i % 2 == 0
        if expected_literal and (kind not in _LITERALS or _unreadable(kind, value)):
            return False
        if not expected_literal and (kind, value) != ("operator", ","):
            return False
    return True


def _unreadable(kind: str, value: str) -> bool:
    """A literal Python cannot read back (a NUL in a string, a number of over 4,300 digits): refused."""
    if _too_long(kind, value):
        return True
    try:
        ast.literal_eval(value)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return True
    return False


def _too_long(kind: str, value: str) -> bool:
    """A number Python could not even read (over 4,300 digits) or no page needs: refused with the others."""
    return kind == "integer" and len(value.replace("_", "")) > MAX_INT_DIGITS


def check_text(text: str, file: str, macros: Collection[str]) -> Iterator[Problem]:
    """Every template construct in one page that the rule does not allow."""
    try:
        stream = list(_LEXER.lex(text))
    except TemplateSyntaxError as exc:
        hint = say("template.hint_heading" if "comment" in (exc.message or "") else "template.hint_braces")
        yield Problem(file, exc.lineno, say("template.broken", detail=exc.message, hint=hint))
        return
    i = 0
    while i < len(stream):
        line, kind, _ = stream[i]
        if kind == "variable_begin":
            j = next((k for k in range(i + 1, len(stream)) if stream[k][1] == "variable_end"), len(stream))
            inside = stream[i + 1 : j]
            long_number = next((v for _, k, v in inside if _too_long(k, v)), None)
            if long_number is not None:
                yield Problem(
                    file, line, say("template.long_number", max=MAX_INT_DIGITS, count=f"{len(long_number):,}")
                )
            elif not _allowed(inside, macros):
                yield Problem(file, line, say("template.not_allowed", found=_shown(inside)))
            i = j + 1
            continue
        if kind == "comment_begin":
            yield Problem(file, line, say("template.comment"))
        elif kind == "block_begin":
            j = next((k for k in range(i + 1, len(stream)) if stream[k][1] == "block_end"), len(stream))
            yield Problem(file, line, say("template.statement", found=_shown(stream[i + 1 : j])))
            i = j
        i += 1


def macro_calls(text: str, macros: Collection[str]) -> Iterator[tuple[int, str, tuple[str | int, ...]]]:
    """(line, macro, literal arguments) of every macro call the rule allows, for checking the arguments."""
    try:
        stream = list(_LEXER.lex(text))
    except TemplateSyntaxError:
        return  # check_text reports it
    for i, (line, kind, _) in enumerate(stream):
        if kind != "variable_begin":
            continue
        j = next((k for k in range(i + 1, len(stream)) if stream[k][1] == "variable_end"), len(stream))
        inside = stream[i + 1 : j]
        body = [(t, v) for _, t, v in inside if t != "whitespace"]
        if len(body) > 1 and _allowed(inside, macros):
            yield line, body[0][1], tuple(ast.literal_eval(v) for t, v in body[2:-1] if t in _LITERALS)


def check_docs(docs_dir: Path, macros: Collection[str]) -> list[Problem]:
    """Every problem in every Markdown page under docs_dir, named docs/<lang>/<page>.md."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        name = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
        problems += check_text(path.read_text(encoding="utf-8"), name, macros)
    return problems
