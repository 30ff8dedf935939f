"""Legal warnings for the cost-benefit worksheet, as attributes of its input fields (see worksheet.js).

The limits are today's law; the minimum wage is the latest confirmed level in data/minimum_wage.yml,
so the page and its warning change when a new level is added there. The texts are labels.
"""

from __future__ import annotations

from macros.core.model import MinimumWage
from macros.render.charts import figure as fig
from macros.render.charts.dated import plain_date
from macros.render.html import esc_attr
from macros.render.page import Page

# Labour Law (1994, in force) art. 44: overtime pay of at least 150 / 200 / 300 % of the normal wage;
# art. 41: at most 36 hours of overtime a month. Source: data/sources.yml `prc-labour-law`.
OVERTIME_RATE = {"rate_workday": 150, "rate_restday": 200, "rate_holiday": 300}
OVERTIME_HOURS_A_MONTH = 36
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


def latest_minimum_wage(p: Page) -> MinimumWage:
    """The latest confirmed citywide level (the one the site states as current)."""
    levels = [w for w in p.kb.minimum_wage.values() if w.confirmed and w.citywide]
    return max(levels, key=lambda w: w.effective)


def hourly_minimum(level: MinimumWage) -> float:
    assert level.citywide is not None
    return round(level.citywide / PAID_HOURS_A_MONTH, 2)


def _attrs(**attrs: str) -> str:
    return " ".join(f'data-{k.replace("_", "-")}="{esc_attr(v)}"' for k, v in attrs.items())


def _hourly(value: float) -> str:
    """An hourly figure (under RMB 1,000: no thousands grouping) with at most two decimals."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _monthly(p: Page, level: MinimumWage) -> str:
    assert level.citywide is not None  # latest_minimum_wage keeps citywide levels only
    return fig.number(p, level.citywide)  # grouped as the minimum-wage chart groups it


def worksheet_warning(p: Page, field: str) -> str:
    """The data-warn-* attributes of one worksheet field: rate_workday / _restday / _holiday,
    overtime (the monthly total, on each overtime-hours field) or wage (the hourly wage)."""
    if field in OVERTIME_RATE:
        limit = OVERTIME_RATE[field]
        return _attrs(
            warn_below=str(limit),
            warn_msg=p.plain("worksheet_warn.rate", limit=str(limit)),
            check_above=str(RATE_CHECK_FACTOR * limit),
            check_msg=p.plain("worksheet_input.check_rate", limit=str(limit)),
        )
    if field == "overtime":
        limit = OVERTIME_HOURS_A_MONTH
        return _attrs(
            warn_total=OVERTIME_FIELDS,
            warn_above=str(limit),
            warn_msg=p.plain("worksheet_warn.hours", limit=str(limit)),
        )
    if field == "wage":
        level = latest_minimum_wage(p)
        hourly = hourly_minimum(level)
        text = p.plain(
            "worksheet_warn.wage",
            hourly=_hourly(hourly),
            monthly=_monthly(p, level),
            date=plain_date(p, level.effective),
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
    """The current level as the worksheet uses it: monthly, its date and the hourly figure derived from it."""
    level = latest_minimum_wage(p)
    text = p.s(
        "worksheet_warn.now",
        monthly=_monthly(p, level),
        date=p.date(level.effective),
        hourly=_hourly(hourly_minimum(level)),
    )
    return p.cited(text, level.sources)


def worksheet_result_warnings(p: Page) -> str:
    """The results' list of the warnings and questions about the figures they use (filled in by
    worksheet.js, shown only when there is one): a warning beside a field scrolls out of sight."""
    return (
        '<div class="kb-ws-result-warnings" id="ws-result-warnings" '
        f'data-colon="{esc_attr(p.plain("punct.colon"))}" hidden>'
        f'<p>{p.s("worksheet_input.results_warned")}</p><ul></ul></div>'
    )


def worksheet_clear(p: Page) -> str:
    """The in-page question "Clear all" asks first (shown by worksheet.js), with its two answers."""
    return (
        '<p class="kb-ws-confirm" role="group" aria-labelledby="ws-confirm-q" hidden>'
        f'<span id="ws-confirm-q">{p.s("worksheet_input.clear_question")}</span> '
        f'<button type="button" data-action="clear-yes">{p.s("worksheet_input.clear_yes")}</button> '
        f'<button type="button" data-action="clear-no">{p.s("worksheet_input.clear_no")}</button></p>'
    )
