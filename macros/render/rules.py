"""The rules a person acts on, as pages show them: the one way a figure from data/rules.yml reaches a page.

    {{ rule("maternity-leave-guangdong") }}        178 days / 178 天 (the level in force on the build's date)
    {{ rule_says("maternity-leave-guangdong") }}   the rule's sentence with its figure and citation
    {{ rule_basis("maternity-leave-guangdong") }}  its legal basis, the date it applies from and when it was checked
    {{ rule_list("a", "b", …) }}                   a list of rules: sentence, basis and check date each
    {{ rule_number("overtime-monthly-limit") }}    36: the bare number, for a worksheet's formula or default value

Each adds, when the level's review is past due on the build's date, a note that a newer level may
apply and whom to ask. Numbers are grouped the language's way (2,520 / 2520), units and
punctuation come from the labels (data/i18n), so the Chinese gets full-width marks.
"""

from __future__ import annotations

from macros.core.model import Text
from macros.core.rule_levels import Level, current, today
from macros.render.html import esc
from macros.render.page import Page, spaced


def rule_number(p: Page, rule_id: str) -> str:
    """The bare figure in force, as a machine reads it (150, 36, 23.7): for a worksheet's formula or default."""
    return f"{current(p.kb, rule_id).value:g}"


def stale_note(p: Page, level: Level) -> str:
    """'(the level from …; a newer level may apply: check with …)' when its review is due, else ''."""
    if not level.stale(today(p.kb)):
        return ""
    body = p.label(f"rule.check_with.{level.rule.jurisdiction.value}")
    date = p.date(level.applies_from)
    if level.checked is None:
        note = p.label("rule.never_checked", date=date, body=body)
    else:
        note = p.label("rule.stale", date=date, checked=p.date(level.checked), body=body)
    return f'<span class="kb-rule-stale">{note}</span>'


def rule(p: Page, rule_id: str) -> str:
    """The figure in force today with its unit ("178 days" / "178 天"), and the stale note when due."""
    level = current(p.kb, rule_id)
    note = stale_note(p, level)
    return esc(p.figure(level)) + (p.label("punct.note_gap") + note if note else "")


def wage_level(p: Page, wage_id: str) -> str:
    """A past citywide minimum wage of data/minimum_wage.yml ("RMB 2,360 a month" / "每月 2360 元"), for a
    dated list of what changed: the level in force today is `rule("minimum-wage-monthly")`."""
    amount = p.kb.minimum_wage[wage_id].citywide
    if amount is None:  # macro_args offers only levels with a citywide amount
        raise ValueError(f"wage_level: '{wage_id}' has no citywide amount")
    return esc(p.plain("rule_unit.rmb-per-month", n=p.number(amount)))


def says(p: Page, level: Level, *, cited: bool = True) -> str:
    """The rule's sentence with its figure, cited unless its basis follows (no stale note)."""
    parts = level.rule.says(p.lang).split("{value}")
    value = p.figure(level)
    text = parts[0]
    for part in parts[1:]:
        text = spaced(text, value, part)
    return p.cited(esc(text), [b.source for b in level.basis] if cited else [])


def rule_says(p: Page, rule_id: str) -> str:
    """The rule's sentence with the figure in force today, its citations and the stale note when due."""
    level = current(p.kb, rule_id)
    note = stale_note(p, level)
    return says(p, level) + (p.label("punct.note_gap") + note if note else "")


def basis(p: Page, level: Level) -> str:
    """'Labour Law …, art. 44¹; applies from …; checked against the official text on …'."""
    parts = []
    for b in level.basis:
        title = p.text(p.kb.sources[b.source].title)
        text = p.label("rule.basis", title=title, article=p.text(b.article)) if b.article else title
        parts.append(p.cited(text, [b.source]))
    out = p.join(parts)
    if level.checked and level.verified:
        as_of = p.label(
            "rule.as_of",
            date=p.date(level.applies_from),
            checked=p.date(level.checked),
            verified=p.label(f"verification.{level.verified.value}"),
        )
        out += p.label("punct.list") + as_of
    return out


def rule_basis(p: Page, rule_id: str) -> str:
    """The legal basis of the level in force today, the date it applies from and when and how it was checked."""
    level = current(p.kb, rule_id)
    note = stale_note(p, level)
    return f'<span class="kb-rule-basis">{basis(p, level)}</span>' + (p.label("punct.note_gap") + note if note else "")


def _item(p: Page, rid: str, *, titled: bool, anchored: bool) -> str:
    level = current(p.kb, rid)
    note = stale_note(p, level)
    head = p.colon(f"<strong>{p.text(level.rule.title)}</strong>", "") if titled else ""
    extra = p.label("punct.list") + p.text(level_note) if (level_note := _level_note(p, level)) else ""
    anchor = f' id="rule-{esc(rid)}"' if anchored else ""
    return (
        f"<li{anchor}>{head}{says(p, level, cited=False)}<br>"
        f'<span class="kb-meta kb-rule-basis">{basis(p, level)}{extra}</span>'
        + (p.label("punct.note_gap") + note if note else "")
        + "</li>"
    )


def _level_note(p: Page, level: Level) -> Text | None:
    """The note of the rule's level in data/rules.yml, if it has one (a Text), else None."""
    for own in level.rule.levels:
        if own.applies_from == level.applies_from and own.note is not None:
            return own.note
    return None


def rule_list(p: Page, *rule_ids: str) -> str:
    """A list of rules, each its sentence, then its basis and check date (and the stale note when due)."""
    return '<ul class="kb-rules">' + "".join(_item(p, rid, titled=False, anchored=False) for rid in rule_ids) + "</ul>"


def rules_table(p: Page) -> str:
    """Every rule in data/rules.yml, titled, each with the anchor rule-<id> that other pages link to."""
    return '<ul class="kb-rules">' + "".join(_item(p, rid, titled=True, anchored=True) for rid in p.kb.rules) + "</ul>"
