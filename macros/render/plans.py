"""A stakeholder group's action plan: its actions by timeframe, then the recommendations it leads or supports."""

from __future__ import annotations

from macros.core.model import Recommendation, Timeframe
from macros.core.pages import anchor
from macros.render.changes import now_note
from macros.render.html import table
from macros.render.page import Page


def _priority_and_timeframe(p: Page, rec: Recommendation) -> str:
    """'high priority, within three months': the timeframe's span alone, so no bracket sits inside the note's."""
    return p.label(
        "plan.priority_timeframe",
        priority=p.label("priority." + rec.priority.value),
        timeframe=p.label("timeframe_span." + rec.timeframe.value),
    )


def action_plan(p: Page, group: str) -> str:
    kb = p.kb
    grp = kb.stakeholder_groups[group]
    actions = kb.actions_for(group)
    out = []
    for tf in Timeframe:
        label = p.label("timeframe." + tf.value)
        out.append(f"\n### {label} {{ #{tf.value} }}\n")
        rows = []
        for a in (a for a in actions if a.timeframe is tf):
            rec = kb.recommendations[a.recommendation]
            guide = f'<a href="{p.ctx.link(a.guide)}">{p.label("col.guide")}</a>' if a.guide else p.none()
            others = [g for g in rec.owners + rec.partners if g != group]
            rows.append(
                (
                    {"id": anchor("actions", a.id)},
                    [
                        p.text(a.step)
                        + f'<span class="kb-provenance">{p.provenance(a.provenance, a.sources)}</span>'
                        + now_note(p, "actions", a.id),
                        p.text(a.indicator),
                        f'<a href="{p.record("recommendations", rec.id)}">{p.text(rec.title)}</a>',
                        p.group_names(others),
                        guide,
                    ],
                )
            )
        if rows:
            headers = [p.label(f"col.{c}") for c in ("action", "indicator", "recommendation", "partners", "guide")]
            timeframe = p.label("timeframe_span." + tf.value)
            caption = p.label("caption.actions", group=p.text(grp.name), timeframe=timeframe)
            out.append(table(f"kb-actions-{tf.value}", caption, headers, rows))
        else:
            out.append(f"<p>{p.label('plan.no_actions')}</p>")
    recs = kb.recommendations_for(group)
    for key, chosen in (
        ("plan.leads", [r for r in recs if group in r.owners]),
        ("plan.supports", [r for r in recs if group not in r.owners]),
    ):
        out.append(f"\n### {p.label(key)}\n")
        items = [
            f'<a href="{p.record("recommendations", r.id)}">{p.text(r.title)}</a>'
            f'<span class="kb-meta">{p.paren(_priority_and_timeframe(p, r))}</span>'
            for r in chosen
        ]
        out.append(p.list(items))
    return "\n".join(out) + "\n"
