"""Legal warnings for the cost-benefit worksheet, as attributes of its input fields (see worksheet.js).

The limits are the rules in force on the build's date (data/rules.yml; the minimum wage's levels
live in data/minimum_wage.yml), so the page and its warnings change when a level is added there.
The texts are labels.
"""

from __future__ import annotations

from macros.core.rule_levels import Level, current
from macros.render import rules
from macros.render.charts.dated import plain_date
from macros.render.html import esc, esc_attr
from macros.render.page import Page

# The worksheet field -> the rule giving its legal minimum (overtime pay, Labour Law art. 44).
OVERTIME_RATE = {
    "rate_workday": "overtime-rate-workday",
    "rate_restday": "overtime-rate-rest-day",
    "rate_holiday": "overtime-rate-holiday",
}
OVERTIME_LIMIT = "overtime-monthly-limit"  # at most so many hours of overtime a month (art. 41)
OVERTIME_FIELDS = "ot_workday + ot_restday + ot_holiday"
# Hourly wage = monthly wage / (21.75 paid days x 8 hours): the conversion of the labour ministry's
# notice 劳社部发〔2008〕3号 (source `wage-conversion-2008`).
PAID_HOURS_A_MONTH = 174
# Plausibility (issue 32), not law: a figure above these bounds is questioned beside its field (the
# results still use it). An hourly wage above 10 times the hourly minimum (about RMB 145 an hour, over
# RMB 25,000 a month for a production worker) is far more likely a monthly wage typed in the wrong
# field, since any monthly wage is above it; an overtime rate above twice its legal minimum (300, 400,
# 600 %) is more likely a slip (an extra zero, a wage) than a factory's pay rule.
HOURLY_CHECK_FACTOR = 10
RATE_CHECK_FACTOR = 2
# the fields worksheet_warning() knows (macro arguments are checked against them)
WARNED_FIELDS = (*OVERTIME_RATE, "overtime", "wage")


def latest_minimum_wage(p: Page) -> Level:
    """The monthly minimum wage in force on the build's date (rule minimum-wage-monthly)."""
    return current(p.kb, "minimum-wage-monthly")


def hourly_minimum(level: Level) -> float:
    """A full-time worker's monthly minimum as an hourly wage: monthly ÷ 174 paid hours."""
    return round(level.value / PAID_HOURS_A_MONTH, 2)


def _limit(p: Page, rule_id: str) -> int | float:
    return current(p.kb, rule_id).value


def _attrs(**attrs: str) -> str:
    return " ".join(f'data-{k.replace("_", "-")}="{esc_attr(v)}"' for k, v in attrs.items())


def _hourly(value: float) -> str:
    """An hourly figure (under RMB 1,000: no thousands grouping) with at most two decimals."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _monthly(p: Page, level: Level) -> str:
    return p.number(level.value)  # grouped as the minimum-wage chart groups it


def worksheet_warning(p: Page, field: str) -> str:
    """The data-warn-* attributes of one worksheet field: rate_workday / _restday / _holiday,
    overtime (the monthly total, on each overtime-hours field) or wage (the hourly wage)."""
    if field in OVERTIME_RATE:
        value = _limit(p, OVERTIME_RATE[field])
        limit = p.number(value)
        return _attrs(
            warn_below=f"{value:g}",
            warn_msg=p.plain("worksheet_warn.rate", limit=limit),
            check_above=f"{RATE_CHECK_FACTOR * value:g}",
            check_msg=p.plain("worksheet_input.check_rate", limit=limit),
        )
    if field == "overtime":
        value = _limit(p, OVERTIME_LIMIT)
        limit = p.number(value)
        return _attrs(
            warn_total=OVERTIME_FIELDS,
            warn_above=f"{value:g}",
            warn_msg=p.plain("worksheet_warn.hours", limit=limit),
        )
    if field == "wage":
        level = latest_minimum_wage(p)
        hourly = hourly_minimum(level)
        text = p.plain(
            "worksheet_warn.wage",
            hourly=_hourly(hourly),
            monthly=_monthly(p, level),
            date=plain_date(p, level.applies_from),
        )
        check = p.plain("worksheet_input.check_hourly", minimum=_hourly(hourly))
        return _attrs(
            warn_below=f"{hourly:.2f}",
            warn_msg=text,
            check_above=f"{HOURLY_CHECK_FACTOR * hourly:.2f}",
            check_msg=check,
            check_divisor=str(PAID_HOURS_A_MONTH),
        )
    known = ", ".join(WARNED_FIELDS)
    raise ValueError(f"worksheet_warning: unknown field '{field}' ({known})")


def minimum_wage_now(p: Page) -> str:
    """The current level as the worksheet uses it: monthly, its date and the hourly figure derived from it,
    beside the part-time hourly minimum (which applies to part-time work only); the stale note when due."""
    level = latest_minimum_wage(p)
    part_time = current(p.kb, "minimum-wage-hourly")
    text = p.label(
        "worksheet_warn.now",
        monthly=esc(_monthly(p, level)),  # p.label takes escaped values: the figure's grouping is a label
        date=p.date(level.applies_from),
        hourly=_hourly(hourly_minimum(level)),
        part_time=esc(p.number(part_time.value)),
    )
    note = rules.stale_note(p, level)
    cited = p.cited(text, dict.fromkeys(b.source for b in (*level.basis, *part_time.basis)))
    return cited + (p.label("punct.note_gap") + note if note else "")


def worksheet_result_warnings(p: Page) -> str:
    """The results' list of the warnings and questions about the figures they use (filled in by
    worksheet.js, shown only when there is one): a warning beside a field scrolls out of sight."""
    return (
        '<div class="kb-ws-result-warnings" id="ws-result-warnings" '
        f'data-colon="{esc_attr(p.plain("punct.colon"))}" hidden>'
        f'<p>{p.label("worksheet_input.results_warned")}</p><ul></ul></div>'
    )


def worksheet_clear(p: Page) -> str:
    """The in-page question "Clear all" asks first (shown by worksheet.js), with its two answers."""
    return (
        '<p class="kb-ws-confirm" role="group" aria-labelledby="ws-confirm-q" hidden>'
        f'<span id="ws-confirm-q">{p.label("worksheet_input.clear_question")}</span> '
        f'<button type="button" data-action="clear-yes">{p.label("worksheet_input.clear_yes")}</button> '
        f'<button type="button" data-action="clear-no">{p.label("worksheet_input.clear_no")}</button></p>'
    )
