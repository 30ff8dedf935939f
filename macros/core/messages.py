"""The texts of the messages contributors read (data problems, macro arguments), per language.

Why: half the contributors read Chinese first, and a message is only useful when it can be acted
on. The texts live in data/messages/<lang>.yml (one flat mapping of key -> text with `{name}`
placeholders, the same keys and placeholders in every language, tests check), never in Python.
The contributor chooses the language with KB_LANG=zh (default English); CI sets it from the pull
request's `zh` label.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Collection
from functools import cache
from typing import Any

import yaml

from macros.core.labels import fill
from macros.core.languages import BY_CODE, DEFAULT, derive, written_source
from macros.core.paths import DATA

FOLDER = DATA / "messages"


def language() -> str:
    """The contributor's language: KB_LANG when it names one of the site's languages (zh, zh_CN.UTF-8 …),
    else the default language."""
    chosen = os.environ.get("KB_LANG", "").strip().split(".")[0].replace("_", "-").lower()
    codes = {code.lower(): code for code in BY_CODE}
    return codes.get(chosen) or codes.get(chosen.split("-")[0]) or DEFAULT


@cache
def texts(lang: str) -> dict[str, str]:
    """One language's messages (the project's own file, a flat mapping; a derived language's are converted)."""
    source = written_source(lang)
    with open(FOLDER / f"{source}.yml", encoding="utf-8") as handle:
        loaded = yaml.safe_load(handle)
    return {str(k): derive(lang, str(v)) for k, v in loaded.items()}


def say(key: str, /, *, in_language: str | None = None, **params: Any) -> str:
    """The message `key` in the contributor's language (or `in_language`), its placeholders filled."""
    table = texts(in_language or language())
    template = table.get(key) or texts(DEFAULT)[key]
    # labels.fill, not str.format: a message file is data a pull request can change, so it gets plain
    # {name} placeholders only (no format spec, index or attribute)
    return fill(template, **{k: str(v) for k, v in params.items()})


def quoted(values: Collection[str], shown: int = 12) -> str:
    """'a', 'b', … (N in all): a list of ids as messages show them."""
    listed = list(values)
    more = say("list.more", count=len(listed)) if len(listed) > shown else ""
    return say("list.separator").join(f"'{v}'" for v in listed[:shown]) + more


def ranked(value: object, choices: Collection[str]) -> list[str]:
    """The choices, the most similar to `value` first."""
    return sorted(choices, key=lambda c: (-difflib.SequenceMatcher(None, str(value), c).ratio(), c))


def did_you_mean(value: object, choices: Collection[str]) -> str:
    """" did you mean 'x'?" when one choice is close to `value`, else ''."""
    near = difflib.get_close_matches(str(value), list(choices), n=1, cutoff=0.6)
    return say("did_you_mean", near=near[0]) if near else ""


def choices_hint(value: object, choices: Collection[str], shown: int = 6) -> str:
    """" did you mean 'x'? Valid: 'x', 'y', …" (nearest first), for an id or value not among `choices`;
    `shown` keeps the message within one line of a pull request's annotation."""
    return did_you_mean(value, choices) + say("valid_choices", choices=quoted(ranked(value, choices), shown))
