"""Facts due for review: sources, changes, minimum-wage levels and rules whose `checked` date is past their interval.

Every law, code, standard and wage level on the site says as of when it was checked. Each has a
review interval (`review_months`, 12 unless the record sets another). This command lists every
one that is due on --today and exits 1 when any is, 0 when none is; CI runs it weekly and writes
the list to the job summary. The current minimum-wage level (the latest record) must carry a
`checked` date: without one it is listed as never checked. Each rule of data/rules.yml is listed when
the level that applies on --today (its last level, if none does) is due; a minimum-wage rule's level
is the record of data/minimum_wage.yml it reads, listed there. Pages show the same rules with a note
that a newer level may apply once the build's date passes the review date (macros/render/rules.py).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date

from macros.core.load import KnowledgeBase, load_or_report
from macros.core.model import Change, MinimumWage, Source
from macros.core.rule_levels import add_months, level_on, levels


@dataclass(frozen=True)
class Due:
    """One fact due for review."""

    where: str  # data/<kind>.yml:<line>
    what: str  # <kind>/<id>
    checked: date | None
    months: int
    due: date | None

    def line(self) -> str:
        if self.checked is None:
            return f"- `{self.where}` {self.what}: never checked (no `checked` date)"
        return (
            f"- `{self.where}` {self.what}: checked {self.checked.isoformat()}, "
            f"review every {self.months} months, due since {self.due.isoformat() if self.due else '?'}"
        )


def due_items(kb: KnowledgeBase, today: date) -> list[Due]:
    """Every dated fact whose review date (checked + review_months) is before `today`."""
    dated: list[tuple[str, Source | Change | MinimumWage]] = [("sources", s) for s in kb.sources.values()]
    dated += [("changes", c) for c in kb.changes.values()]
    wages = list(kb.minimum_wage.values())
    dated += [("minimum_wage", w) for w in wages]
    found = []
    for kind, record in dated:
        if record.checked is None:
            continue
        checked = date.fromisoformat(record.checked)
        review = add_months(checked, record.review_months)
        if review < today:
            found.append(Due(_where(kb, kind, record.id), f"{kind}/{record.id}", checked, record.review_months, review))
    latest = max(wages, key=lambda w: w.effective, default=None)
    if latest is not None and latest.checked is None:  # the level a reader acts on today
        found.append(Due(_where(kb, "minimum_wage", latest.id), f"minimum_wage/{latest.id}", None, 12, None))
    for rid, rule in kb.rules.items():
        if rule.minimum_wage is not None:
            continue  # its levels are the minimum-wage records, listed above
        level = level_on(kb, rid, today) or levels(kb, rule)[-1]  # before its first level: the latest
        if level.stale(today):
            last = date.fromisoformat(level.checked) if level.checked else None
            due = level.review_date()
            found.append(Due(_where(kb, "rules", rid), f"rules/{rid}", last, level.review_months, due))
    return found


def _where(kb: KnowledgeBase, kind: str, rid: str) -> str:
    file, line = kb.origins.get((kind, rid), (f"data/{kind}.yml", 0))
    return f"{file}:{line}" if line else file


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", type=_day, default=None, help="the day to review for, YYYY-MM-DD (default: today)")


def run(args: argparse.Namespace) -> int:
    kb = load_or_report(args.data)
    if kb is None:
        return 2
    today = args.today or date.today()
    due = due_items(kb, today)
    if not due:
        print(f"Review: nothing due on {today.isoformat()}.")
        return 0
    print(f"## Facts due for review on {today.isoformat()} ({len(due)})\n")
    print("Check each against its official text, update it and its `checked` date in the data file.\n")
    print("\n".join(d.line() for d in due))
    sys.stdout.flush()
    return 1
