"""Where a worker turns (channels) and what to do in a situation a worker meets (situations).

Figures never appear in these texts: a channel's text names a rule as `{rule:<id>}`, which Page.t
replaces with the rule's figure in force (data/rules.yml, the one home of every figure; the ids are
checked by macros/core/rule_refs.py, where data/channels.yml is a filled file).
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from macros.core.languages import SOURCE, WRITTEN
from macros.core.model.base import DayText, Id, Record, Strict, Text, problem, ref

# `{rule:<id>}` in a text: the figure of that rule, in force on the build's date.
RULE_PLACEHOLDER = re.compile(r"\{rule:([a-z0-9]+(?:-[a-z0-9]+)*)\}")

Phone = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]{3,15}$"),
    Field(description="A telephone number as dialled, digits only (e.g. 12333); written only where a source gives it."),
]


def placeholders(text: Text) -> set[str]:
    """The rule ids a text names as `{rule:<id>}` (every written language must name the same)."""
    named = {lang: set(RULE_PLACEHOLDER.findall(text(lang))) for lang in WRITTEN}
    for lang in WRITTEN:
        if named[lang] != named[SOURCE]:
            found, expected = (", ".join(sorted(named[code])) or "–" for code in (lang, SOURCE))
            raise problem("kb.rules_named_languages", lang=lang, found=found, source=SOURCE, expected=expected)
    return named[SOURCE]


class Channel(Record):
    """One place a worker can turn to, with how to reach it, its time limit and its cost."""

    name: Text
    what: Text = Field(description="What it does for a worker, in a sentence.")
    how: Text = Field(description="How to reach it (no phone number here: use `phone`).")
    phone: Phone | None = None
    time_limit: Text = Field(description="The time limit, in words; a figure only as {rule:<id>} (listed in rules).")
    cost: Text
    rules: ref("rules") = Field(default_factory=list, description="The rules whose figures the texts name.")
    sources: ref("sources", at_least=1)
    checked: DayText = Field(description="When the texts and the phone number were last checked against the sources.")

    @model_validator(mode="after")
    def _rules_named(self) -> Channel:
        named = set().union(*(placeholders(t) for t in (self.what, self.how, self.time_limit, self.cost)))
        if named != set(self.rules):
            raise problem(
                "kb.rules_named_listed",
                named=", ".join(sorted(named)) or "–",
                listed=", ".join(sorted(self.rules)) or "–",
            )
        return self


class Step(Strict):
    """One step of a situation: a channel, and what to ask it for in this situation."""

    channel: ref("channels", many=False)
    note: Text | None = None


class Situation(Record):
    """A problem a worker meets: what the law says (rules), the evidence to keep, where to turn, in order."""

    title: Text
    summary: Text = Field(description="One sentence under the title: the page's meta description too.")
    rules: ref("rules") = Field(
        default_factory=list, description="What the law says: the rules shown, each with its figure."
    )
    law: list[Text] = Field(default_factory=list, description="Further points of law, in words, without figures.")
    evidence: list[Text] = Field(min_length=1, description="What to keep as evidence.")
    steps: list[Step] = Field(min_length=2, description="Where to turn, in order.")
    sources: ref("sources", at_least=1) = Field(description="The sources of `law` and `evidence`.")
    checked: DayText = Field(description="When this situation was last checked against its sources.")

    @model_validator(mode="after")
    def _steps_once(self) -> Situation:
        if not (self.rules or self.law):
            raise problem("kb.situation_law")
        channels = [s.channel for s in self.steps]
        twice = sorted({c for c in channels if channels.count(c) > 1})
        if twice:
            raise problem("kb.situation_steps_twice", channels=", ".join(twice))
        for text in (*self.law, *self.evidence, *(s.note for s in self.steps if s.note)):
            if placeholders(text):
                raise problem("kb.situation_no_placeholders")
        return self


__all__ = ["RULE_PLACEHOLDER", "Channel", "Id", "Phone", "Situation", "Step", "placeholders"]
