"""Every macro call's arguments, checked before any page is rendered, for every macro at once.

A page calls `{{ macro("literal", …) }}` (the template rule). Here each call is bound to the macro's
own signature (a missing or extra argument is named with the right form) and each argument is
checked against the ids it may take, looked up by the parameter's name in CHOICES. A mistake is
`docs/<page>.md:<line>: …` with the valid choices, nearest matches first; never a traceback.

A new macro needs nothing here unless it takes a parameter with a new name: then add that name
to CHOICES (tests/test_macro_args.py checks every parameter has its entry).
"""

from __future__ import annotations

import inspect
import typing
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path
from typing import Any

from macros.core.diagnostics import Problem
from macros.core.languages import SOURCE, WRITTEN
from macros.core.limits import INLINE_MACROS, MAX_BLOCK_MACRO_CALLS, MAX_INLINE_MACRO_CALLS
from macros.core.load import KnowledgeBase
from macros.core.messages import choices_hint, say
from macros.core.model import CostBenefit
from macros.core.page_templates import macro_calls
from macros.core.pages import RECORD_PAGES
from macros.core.shortlinks import short_links
from macros.render.worksheet import WARNED_FIELDS

Choices = Callable[[KnowledgeBase, Path, str, Mapping[str, Any]], Collection[str] | None]


def _kind(kb: KnowledgeBase, lang_docs: Path, macro: str, bound: Mapping[str, Any]) -> Collection[str] | None:
    """`kind` means a different thing per macro: the kinds each one takes (KIND_OF lists the macros)."""
    return KIND_OF[macro]() if macro in KIND_OF else None


KIND_OF: dict[str, Callable[[], Collection[str]]] = {
    "costs_benefits": lambda: typing.get_args(CostBenefit.model_fields["kind"].annotation),  # Literal[…]
    "record_page": lambda: tuple(RECORD_PAGES),
    "record_title": lambda: tuple(RECORD_PAGES),
}


def _rid(kb: KnowledgeBase, lang_docs: Path, macro: str, bound: Mapping[str, Any]) -> Collection[str] | None:
    kind = bound.get("kind")
    return tuple(getattr(kb, kind)) if kind in RECORD_PAGES else None  # a wrong kind is reported on its own


# Parameter name -> the values it may take (None: not checkable until another argument is right).
CHOICES: dict[str, Choices] = {
    "group": lambda kb, docs, macro, bound: tuple(kb.stakeholder_groups),
    "source_ids": lambda kb, docs, macro, bound: tuple(kb.sources),
    "key": lambda kb, docs, macro, bound: tuple(kb.strings[SOURCE]),
    "short_id": lambda kb, docs, macro, bound: tuple(link.id for link in short_links(kb, docs)),
    "kind": _kind,
    "rid": _rid,
    "field": lambda kb, docs, macro, bound: WARNED_FIELDS,
    "rule_id": lambda kb, docs, macro, bound: tuple(kb.rules),
    "rule_ids": lambda kb, docs, macro, bound: tuple(kb.rules),
    # levels with a citywide amount (`make validate` on broken data has the ids alone: all of them)
    "wage_id": lambda kb, docs, macro, bound: tuple(
        i for i, w in kb.minimum_wage.items() if w is None or w.citywide is not None
    ),
}


def _form(name: str, params: list[inspect.Parameter]) -> str:
    return f"{name}({', '.join(('*' if p.kind is p.VAR_POSITIONAL else '') + p.name for p in params)})"


def check_call(
    kb: KnowledgeBase, lang_docs: Path, name: str, func: Callable[..., str], args: tuple[str | int, ...]
) -> Iterator[str]:
    """What is wrong with one call's arguments (nothing when it is right)."""
    params = list(inspect.signature(func).parameters.values())[1:]  # the first is the page
    try:
        bound = inspect.Signature(params).bind(*args).arguments
    except TypeError as exc:
        yield f"{name}: {exc}; write {_form(name, params)}"
        return
    for param in params:
        values = bound.get(param.name, ())
        values = values if param.kind is param.VAR_POSITIONAL else (values,)
        choose = CHOICES.get(param.name)
        choices = choose(kb, lang_docs, name, bound) if choose else None
        for value in values:
            if choices is not None and value not in choices:
                what = param.name.replace("_ids", "_id")
                yield say("macro.invalid", macro=name, value=value, what=what) + choices_hint(value, choices)
        if param.kind is param.VAR_POSITIONAL and not values:
            what = param.name.replace("_ids", "_id")
            yield say("macro.at_least_one", macro=name, what=what, form=_form(name, params))


def check_docs(docs_dir: Path, kb: KnowledgeBase, macros: Mapping[str, Callable[..., str]]) -> list[Problem]:
    """Every wrong macro argument in every page under docs_dir, at its line."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir)
        lang_docs = docs_dir / (rel.parts[0] if rel.parts[0] in WRITTEN else SOURCE)
        name = f"{docs_dir.name}/{rel.as_posix()}"
        calls: Counter[str] = Counter()
        for line, macro, args in macro_calls(path.read_text(encoding="utf-8", errors="replace"), macros):
            problems += (Problem(name, line, m) for m in check_call(kb, lang_docs, macro, macros[macro], args))
            calls[macro] += 1
            limit = MAX_INLINE_MACRO_CALLS if macro in INLINE_MACROS else MAX_BLOCK_MACRO_CALLS
            if calls[macro] == limit + 1:  # once, at the first call over the limit
                problems.append(Problem(name, line, say("limits.macro_calls", macro=macro, limit=limit)))
    return problems
