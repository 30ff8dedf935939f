"""The facilitator's pack: printable A4 sheets for running a workshop with this site.

Each sheet is a page under workshop/pack/ with its own short link (sheet-<slug>). What repeats the
site's data is rendered from it: the role cards from the stakeholder groups and the
recommendations each leads, the root-cause sheet from the level labels, the feedback form's
groups from the stakeholder groups. The agenda and the questions are page content.
"""

from __future__ import annotations

from macros.core.languages import prefix
from macros.core.model import Level
from macros.core.shortlinks import PACK_DIR, go_path
from macros.render.html import Row, esc, esc_attr, table
from macros.render.page import Page

# The most A4 pages each sheet may print on, in either language (tests/test_pack.py prints them).
SHEET_PAGES: dict[str, int] = {"agenda": 2, "root-cause": 1, "role-cards": 4, "feedback": 1}
WHYS = 5  # "why?" five times


class PackError(ValueError):
    """A sheet page without a page promise, or a promised sheet without a page: the build must stop."""


def _sheets(p: Page) -> list[str]:
    slugs = p.ctx.docs.slugs(p.lang, PACK_DIR)
    if set(slugs) != set(SHEET_PAGES):
        raise PackError(
            f"docs/{p.lang}/{PACK_DIR}/ holds the sheets {slugs}, but macros/render/facilitation.py "
            f"SHEET_PAGES promises {sorted(SHEET_PAGES)}: add or remove one of them"
        )
    return [s for s in SHEET_PAGES if s in slugs]


def facilitator_pack(p: Page) -> str:
    """Every sheet of the pack with its short link and the A4 pages it prints on (kit page, pack page)."""
    rows: list[Row] = []
    for slug in _sheets(p):
        page = f"{PACK_DIR}/{slug}.md"
        short = f"sheet-{slug}"
        link = p.ctx.lang_root() + go_path(short, p.ctx.directory_urls)
        rows.append(
            (
                {"id": f"pack-{slug}"},
                [
                    (
                        f'<a href="{p.ctx.link(page)}">{esc(p.ctx.docs.title(p.lang, page))}</a>'
                        f'<span class="kb-summary kb-meta">{p.label(f"pack.use.{slug}")}</span>'
                    ),
                    (
                        f'<a href="{link}" title="{esc_attr(p.ctx.public_url(go_path(short)))}">'
                        f'<code>/{prefix(p.lang)}{go_path(short)}</code></a>'
                    ),
                    p.label("pack.pages", count=str(SHEET_PAGES[slug])),
                ],
            )
        )
    headers = [p.label(f"pack.col_{c}") for c in ("sheet", "link", "pages")]
    return table("kb-pack", p.label("pack.caption"), headers, rows)


def role_cards(p: Page) -> str:
    """One card per stakeholder group: who they are, what they need, the recommendations they lead."""
    cards = []
    prompts = "".join(
        f'<li>{p.label(f"pack.prompt_{i}")}<span class="kb-write kb-write-1"></span></li>' for i in (1, 2, 3)
    )
    for gid, grp in p.kb.stakeholder_groups.items():
        leads = [
            f'<a href="{p.to("recommendations", r.id)}">{p.text(r.title)}</a>'
            for r in p.kb.recommendations_for(gid)
            if gid in r.owners
        ]
        plan = p.ctx.public_url(go_path(f"plan-{gid}"))
        cards.append(
            f'<section class="kb-role-card" id="role-{gid}" aria-labelledby="role-{gid}-title">'
            f'<h2 id="role-{gid}-title">{p.text(grp.name)}</h2>'
            f'<dl class="kb-profile"><dt>{p.label("pack.card_who")}</dt><dd>{p.text(grp.who)}</dd>'
            f"<dt>{p.label('pack.card_needs')}</dt><dd>{p.text(grp.needs)}</dd>"
            f"<dt>{p.label('pack.card_leads')}</dt><dd>{p.list(leads)}</dd>"
            f"<dt>{p.label('pack.card_bring')}</dt><dd><ol>{prompts}</ol></dd></dl>"
            f'<p class="kb-meta">{p.colon(p.label("pack.card_plan"), "")}'
            f'<a href="{p.plan_link(gid)}"><code>{esc(plan)}</code></a></p></section>'
        )
    return '<div class="kb-role-cards">' + "".join(cards) + "</div>"


def root_cause_sheet(p: Page) -> str:
    """Symptom, "why?" five times with the level of each cause, then the action: a sheet to fill in by hand."""
    levels = list(Level)
    boxes = "".join(f'<span class="kb-tick">{p.label("level." + lv.value)}</span>' for lv in levels)
    why_rows: list[Row] = [
        ({}, [p.label("pack.why_n", n=str(n)), '<span class="kb-write kb-write-2"></span>', boxes])
        for n in range(1, WHYS + 1)
    ]
    whys = table(
        "kb-whys",
        p.label("pack.caption_whys"),
        [p.label("pack.col_why"), p.label("pack.col_because"), p.label("pack.col_level")],
        why_rows,
    )
    level_rows: list[Row] = [
        ({}, [p.label("level." + lv.value), p.label(f"pack.level_question.{lv.value}")]) for lv in levels
    ]
    level_table = table(
        "kb-levels",
        p.label("pack.caption_levels"),
        [p.label("pack.col_level"), p.label("pack.col_question")],
        level_rows,
    )
    action_cols = ("action", "level_addressed", "owner", "deadline", "indicator")
    action_rows: list[Row] = [
        ({}, [f'{n}<span class="kb-write kb-write-2"></span>'] + ["" for _ in action_cols[1:]]) for n in (1, 2)
    ]
    actions = table(
        "kb-rc-actions", p.label("pack.caption_actions"), [p.label(f"pack.col_{c}") for c in action_cols], action_rows
    )
    symptom = (
        f'<div class="kb-sheet-box"><p><strong>{p.label("pack.symptom")}</strong></p>'
        f'<span class="kb-write kb-write-2" aria-hidden="true"></span></div>'
    )
    # One HTML block each (blank lines between): Markdown would wrap what follows a closed block in <p>.
    return f"{symptom}\n\n{whys}\n\n{level_table}\n\n{actions}"


def feedback_groups(p: Page) -> str:
    """The stakeholder groups as boxes to tick on the feedback form (plus 'other')."""
    names = [p.text(g.name) for g in p.kb.stakeholder_groups.values()] + [p.label("pack.group_other")]
    return '<ul class="kb-ticks">' + "".join(f'<li><span class="kb-tick">{n}</span></li>' for n in names) + "</ul>"
