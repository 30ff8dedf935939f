"""Which level of a rule applies on a day, and whether it is due for review: read by the `rule`
macros, the worksheet, the bare-figure check and `make review`.

"Today" is the build's date: SOURCE_DATE_EPOCH when set (the Makefile sets the last commit's, so
two builds of one commit agree), else the clock; but never before the latest `checked` day in the
data (`today(kb)`): a build dated earlier (SOURCE_DATE_EPOCH=0 outside git, a test's fixed date)
cannot know less than the data it reads, and would otherwise show a level the data says has ended.
A level is stale when its `checked` day plus the review interval is before today: the page then
says that a newer level may apply.
"""

from __future__ import annotations

import calendar
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from macros.core.load import KnowledgeBase
from macros.core.model import Basis, MinimumWage, Rule, Unit, Verification
from macros.core.model.rules import first_day, last_day


@dataclass(frozen=True)
class Level:
    """One level of a rule, wherever it lives (data/rules.yml or data/minimum_wage.yml)."""

    rule: Rule
    value: int | float
    up_to: int | float | None
    applies_from: str
    applies_to: str | None
    basis: tuple[Basis, ...]
    checked: str | None
    verified: Verification | None
    review_months: int

    @property
    def unit(self) -> Unit:
        return self.rule.unit

    def applies_on(self, day: date) -> bool:
        iso = day.isoformat()
        return first_day(self.applies_from) <= iso and (self.applies_to is None or iso <= last_day(self.applies_to))

    def review_date(self) -> date | None:
        """The day its review falls due (None: never checked)."""
        return add_months(date.fromisoformat(self.checked), self.review_months) if self.checked else None

    def stale(self, today: date) -> bool:
        due = self.review_date()
        return due is None or due < today


def build_date() -> date:
    """The build's date: SOURCE_DATE_EPOCH (UTC) when set, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()


def today(kb: KnowledgeBase) -> date:
    """The day the rules are shown for: the build's date, or the data's latest check if that is later."""
    checks = [lv.checked for r in kb.rules.values() for lv in r.levels]
    checks += [w.checked for w in kb.minimum_wage.values() if w.checked]
    latest = max(checks, default=None)
    built = build_date()
    return max(built, date.fromisoformat(latest)) if latest else built


def add_months(day: date, months: int) -> date:
    """`day` plus whole months, clamped to the month's last day (31 January + 1 month = 28/29 February)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def levels(kb: KnowledgeBase, rule: Rule) -> list[Level]:
    """Every level of the rule, oldest first."""
    if rule.minimum_wage is None:
        return [
            Level(rule, lv.value, lv.up_to, lv.applies_from, lv.applies_to, tuple(lv.basis), lv.checked,
                  lv.verified, rule.review_months)
            for lv in rule.levels
        ]
    return _wage_levels(kb, rule, rule.minimum_wage)


def _wage_levels(kb: KnowledgeBase, rule: Rule, column: str) -> list[Level]:
    """The minimum wage's levels from data/minimum_wage.yml: each applies until the day before the next record."""
    records: list[MinimumWage] = sorted(kb.minimum_wage.values(), key=lambda w: first_day(w.effective))
    found = []
    for i, wage in enumerate(records):
        value = getattr(wage, column)
        if not wage.confirmed or value is None:
            continue
        following = records[i + 1].effective if i + 1 < len(records) else None
        until = (date.fromisoformat(first_day(following)) - timedelta(days=1)).isoformat() if following else None
        basis = tuple(Basis(source=s) for s in wage.sources)
        found.append(Level(rule, value, None, wage.effective, until, basis, wage.checked, wage.verified,
                           wage.review_months))
    return found


def level_on(kb: KnowledgeBase, rule_id: str, day: date) -> Level | None:
    """The level of the rule that applies on `day` (None: none does)."""
    return next((lv for lv in reversed(levels(kb, kb.rules[rule_id])) if lv.applies_on(day)), None)


def current(kb: KnowledgeBase, rule_id: str, day: date | None = None) -> Level:
    """The level that applies on `day` (default: today(kb)); if none does (a gap in the data), the
    latest that had begun, and before the first level, the first."""
    day = day or today(kb)
    found = level_on(kb, rule_id, day)
    if found is not None:
        return found
    all_levels = levels(kb, kb.rules[rule_id])
    begun = [lv for lv in all_levels if first_day(lv.applies_from) <= day.isoformat()]
    return begun[-1] if begun else all_levels[0]


def in_force(kb: KnowledgeBase, day: date | None = None) -> dict[str, Level]:
    """Every rule's level that applies on `day` (default: today(kb)), by rule id (rules with no level
    applying are left out)."""
    day = day or today(kb)
    found = {}
    for rid in kb.rules:
        level = level_on(kb, rid, day)
        if level is not None:
            found[rid] = level
    return found
