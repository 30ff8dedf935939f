"""The rules a worker or an HR manager acts on (data/rules.yml): one home for each figure.

A rule is a figure with its unit (178 days, 150 %, RMB 2,520 a month), whose it is (national,
Guangdong, Shenzhen), its legal basis (source and article), the dates each level applies and when
and how it was last verified. Pages show it only through the `rule` macros (macros/render/rules.py).

Shenzhen's minimum wage is the one exception to "levels live here": its levels, with their whole
history since 2005, live in data/minimum_wage.yml (the chart reads them there), and its two rules
say which column they read (`minimum_wage: citywide` or `part_time_hourly`) instead of `levels`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from macros.core.languages import WRITTEN
from macros.core.model.base import DateText, DayText, Record, ReviewMonths, Strict, Text, problem, ref
from macros.core.model.enums import Jurisdiction, Unit, Verification

Value = Annotated[int | float, Field(gt=0, le=1_000_000, description="The figure, in the rule's unit.")]


def first_day(text: str) -> str:
    """The first day a YYYY / YYYY-MM / YYYY-MM-DD date covers, as YYYY-MM-DD."""
    return (text + "-01-01")[:10] if len(text) == 4 else (text + "-01")[:10]


def last_day(text: str) -> str:
    """The last day a YYYY / YYYY-MM / YYYY-MM-DD date covers (a month's end as its 31st: only compared)."""
    return (text + "-12-31")[:10] if len(text) == 4 else (text + "-31")[:10]


class Basis(Strict):
    """Where a level stands in law: a source of data/sources.yml and, where there is one, its article."""

    source: ref("sources", many=False)
    article: Text | None = Field(default=None, description="e.g. {en: art. 30, zh: 第三十条}")


class RuleLevel(Strict):
    """One level of a rule and the days it applies (from `applies_from` until `applies_to`, inclusive)."""

    value: Value
    up_to: Value | None = Field(default=None, description="The upper end, when the rule is a range (50 to 100 %).")
    applies_from: DateText
    applies_to: DateText | None = Field(default=None, description="The last day it applied (leave out: it still does).")
    basis: list[Basis] = Field(min_length=1)
    checked: DayText = Field(description="When this level was last verified.")
    verified: Verification = Field(description="How: official-text, reprint (of the official text) or secondary.")
    note: Text | None = None

    @model_validator(mode="after")
    def _ordered(self) -> RuleLevel:
        if self.up_to is not None and self.up_to <= self.value:
            raise problem("kb.rule_range")
        if self.applies_to is not None and last_day(self.applies_to) < first_day(self.applies_from):
            raise problem("kb.rule_dates")
        return self


class Rule(Record):
    """A rule a person acts on: a figure, whose rule it is, its basis and the days it applies."""

    title: Text = Field(description="Its name in a list of rules, e.g. Maternity leave (Guangdong).")
    says: Text = Field(
        description="One sentence stating the rule, with {value} where the figure goes, e.g. "
        "'A worker who gives birth in Guangdong has {value} of maternity leave.'"
    )
    jurisdiction: Jurisdiction
    unit: Unit
    levels: list[RuleLevel] = Field(default_factory=list, description="Oldest first; the last may still apply.")
    minimum_wage: Literal["citywide", "part_time_hourly"] | None = Field(
        default=None, description="Read the levels from this column of data/minimum_wage.yml instead of `levels`."
    )
    review_months: ReviewMonths = 12

    @model_validator(mode="after")
    def _one_home(self) -> Rule:
        if bool(self.levels) == (self.minimum_wage is not None):
            raise problem("kb.rule_one_home")
        if self.minimum_wage is not None and self.unit not in (Unit.rmb_per_month, Unit.rmb_per_hour):
            raise problem("kb.rule_wage_unit")
        for lang in WRITTEN:
            if "{value}" not in self.says(lang):
                raise problem("kb.rule_says_value", lang=lang)
        for before, after in zip(self.levels, self.levels[1:], strict=False):
            if first_day(after.applies_from) <= first_day(before.applies_from):
                raise problem("kb.rule_levels_order")
            if before.applies_to is None or last_day(before.applies_to) >= first_day(after.applies_from):
                raise problem("kb.rule_levels_gap", before=str(before.applies_from), after=str(after.applies_from))
        return self
