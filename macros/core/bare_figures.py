"""One home per figure: the build fails where a page writes a rule's figure as bare text.

A figure a person acts on (178 days, 150 %, RMB 2,520) lives once in data/rules.yml (or
data/minimum_wage.yml) and reaches pages through the rule macros, so a new level changes every page.
This check reads each page's Markdown as contributors write it, with macro calls, code spans and
fenced code blanked (raw_html.visible_source), and reports `docs/<page>.md:<line>: … use
{{ rule("<id>") }}` for every figure of a rule in force on the build's date written with its unit
("98 days", "36 小时", "150%", "40-hour"), or, for money, the bare amount ("2,520", "23.7").

Only rules in force today are checked: the 2008 record's figures (RMB 1,000 / 900, 90 days of
maternity leave) are history, written as text beside the dates they belong to. Number words are
matched from two upward ("fifteen days", 三十日); "one month" and "a year" are too common in other
senses to be told apart from a rule, so the figure 1 is matched only as a digit.

One pass per page: a cheap scan finds where a number can start (a digit, a number word), and only
there is the one alternation of every figure (compiled once per build) tried; line numbers come from
a bisect over the line starts. The check is linear in the size of the docs (about 0.2 s for all of
them, measured by hand; the plain alternation tried at every character took 1.7 s).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from macros.core.diagnostics import Problem
from macros.core.load import KnowledgeBase
from macros.core.messages import say
from macros.core.model import Unit
from macros.core.raw_html import visible_source
from macros.core.rule_levels import in_force

_EN_WORDS = {
    2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
    11: "eleven", 12: "twelve", 15: "fifteen", 16: "sixteen", 18: "eighteen", 30: "thirty",
}
_ZH_WORDS = {
    2: "二|两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十", 11: "十一",
    12: "十二", 15: "十五", 16: "十六", 18: "十八", 30: "三十",
}
# What follows the figure, per unit: English, then Chinese (a regex each).
_UNIT_WORDS: dict[Unit, tuple[str, str]] = {
    Unit.days: (r"(?:calendar |working )?days?\b", r"(?:个工作)?[天日]"),
    Unit.days_per_week: (r"days?\b", r"[天日]"),
    Unit.hours: (r"hours?\b", r"个?小时"),
    Unit.hours_per_day: (r"hours?\b", r"个?小时"),
    Unit.hours_per_week: (r"hours?\b", r"个?小时"),
    Unit.hours_per_month: (r"hours?\b", r"个?小时"),
    Unit.months: (r"months?\b", r"个月"),
    Unit.years: (r"years?\b", r"年"),
    Unit.years_of_age: (r"years?(?: of age|[ -]old)\b", r"周岁"),
    Unit.percent: (r"(?:%|per ?cent\b)", r"[%％]"),
}
_MONEY = (Unit.rmb_per_month, Unit.rmb_per_hour)
# Units whose figures are also matched as words (fifteen days, 三十日, seven months); hours and
# years are not: "a three-hour workshop" and "a two-year pilot" are not rules.
_WORDED = (Unit.days, Unit.months)


def _digits(value: float) -> list[str]:
    """The ways a page writes the number in digits: 2,520 and 2520; 23.7; 150."""
    if isinstance(value, float) and not value.is_integer():
        return [re.escape(f"{value:g}")]
    n = int(value)
    forms = [str(n)]
    if n >= 1000:
        forms.append(f"{n:,}")
    return [re.escape(f) for f in forms]


def _patterns(value: float, unit: Unit) -> list[str]:
    """Regexes (without groups) for the figure as a page would write it."""
    numbers = _digits(value)
    number = r"(?<![\d.,])(?:" + "|".join(numbers) + r")(?![\d]|[.,]\d)"
    if unit in _MONEY:
        return [number]
    en_unit, zh_unit = _UNIT_WORDS[unit]
    # a number right after 月 is a day of the month (6 月 30 日), not a period of 30 days
    found = [number + r"[ \u00a0-]?" + en_unit, r"(?<!月)(?<!月 )" + number + r"\s*" + zh_unit]
    whole = int(value) if float(value).is_integer() else None
    if whole in _EN_WORDS and unit in _WORDED:
        found.append(r"\b" + _EN_WORDS[whole] + r"[ -]" + en_unit)
    if whole in _ZH_WORDS and unit in _WORDED:
        found.append(r"(?<![一二三四五六七八九十百千两月])(?:" + _ZH_WORDS[whole] + r")" + zh_unit)
    return found


def _range(low: float, high: float, unit: Unit) -> str:
    """A range as pages write it: 50% to 100%, 50 to 100 %, 50% 以上 100% 以下, 50%至100%."""
    sign = r"\s*(?:%|％|per ?cent)?" if unit is Unit.percent else ""
    between = r"\s*(?:to|-|–|—|至|～|~|以上)\s*"

    def number(v: float) -> str:
        return r"(?<![\d.,])(?:" + "|".join(_digits(v)) + r")(?![\d]|[.,]\d)"

    return number(low) + sign + between + number(high)


class Matcher:
    """Every figure in force as one alternation: group i+1 matches a figure of rule_ids[i]."""

    def __init__(self, kb: KnowledgeBase, today: date | None = None):
        groups: list[str] = []
        self.rule_ids: list[str] = []
        by_figure: dict[tuple[float, str], list[str]] = {}
        for rid, level in in_force(kb, today).items():
            if level.up_to is None:
                groups.append("(" + "|".join(_patterns(level.value, level.unit)) + ")")
            else:
                groups.append("(" + _range(level.value, level.up_to, level.unit) + ")")
            self.rule_ids.append(rid)
            by_figure.setdefault((float(level.value), level.unit.value), []).append(rid)
        # the same written figure may be several rules' (15 days): a problem names every one
        self.same = {rid: rids for rids in by_figure.values() for rid in rids}
        self.pattern = re.compile("|".join(groups) if groups else r"(?!x)x", re.IGNORECASE)
        words = "|".join(_EN_WORDS.values())
        numerals = "".join(sorted({c for w in _ZH_WORDS.values() for c in w if c != "|"}))
        self.starts = re.compile(rf"(?<![\d.,])\d|\b(?:{words})\b|[{numerals}]", re.IGNORECASE)

    def finditer(self, source: str) -> Iterator[re.Match[str]]:
        """Every figure in the text, trying the alternation only where a number can start."""
        end = 0
        for start in self.starts.finditer(source):
            if start.start() < end:
                continue
            match = self.pattern.match(source, start.start())
            if match:
                end = match.end()
                yield match

    def rules_for(self, match: re.Match[str]) -> list[str]:
        first = next(self.rule_ids[i] for i, g in enumerate(match.groups()) if g is not None)
        return self.same.get(first, [first])


def check_text(text: str, file: str, matcher: Matcher) -> Iterator[Problem]:
    """Every bare figure in one page, at its line, naming the rule(s) to use."""
    source = visible_source(text)
    starts = [0] + [m.end() for m in re.finditer("\n", source)]
    for match in matcher.finditer(source):
        line = bisect.bisect_right(starts, match.start())
        names = say("figures.or").join(f'{{{{ rule("{rid}") }}}}' for rid in matcher.rules_for(match))
        yield Problem(file, line, say("figures.bare", figure=match.group(0).strip(), names=names))


def check_docs(docs_dir: Path, kb: KnowledgeBase, today: date | None = None) -> list[Problem]:
    """Every bare figure of a rule in force in every page under docs_dir, named docs/<lang>/<page>.md."""
    matcher = Matcher(kb, today)
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        name = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
        problems += check_text(path.read_text(encoding="utf-8", errors="replace"), name, matcher)
    return problems
