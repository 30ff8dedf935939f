""""What to do if…": a worker's situation page, the index of situations and the channels list.

A situation page (generated for every record of data/situations.yml, see record_pages.py) says
what the law says (rules from data/rules.yml, each with its figure in force), what to keep as
evidence, where to turn in order (channels from data/channels.yml, with `tel:` links, time limit
and cost) and its sources with their check dates. Its print view is the situation's one-page card,
with its short link and QR code (kb.css hides both on screen).

The workers' plan lists the same channels through `channels()`: one home for each of them.
"""

from __future__ import annotations

from collections.abc import Iterable

from macros.core.model import Channel, Situation, Text
from macros.core.pages import anchor
from macros.core.rule_levels import build_date, current
from macros.core.shortlinks import go_path
from macros.render.html import esc, esc_attr
from macros.render.kit import qr
from macros.render.page import Page
from macros.render.rules import rule_says


def phone_link(p: Page, number: str) -> str:
    """A hotline as a `tel:` link a phone dials with one tap."""
    return f'<a class="kb-tel" href="tel:{esc_attr(number)}">{p.label("situation.call", number=esc(number))}</a>'


def _step(p: Page, channel: Channel, note: Text | None, *, describe: bool) -> str:
    """One place to turn: its name, what to ask for here, how to reach it, time limit and cost."""
    head = f"<strong>{p.text(channel.name)}</strong>"
    body = [p.text(note) if note else "", p.text(channel.what) if describe else ""]
    how = p.text(channel.how) + (p.label("punct.note_gap") + phone_link(p, channel.phone) if channel.phone else "")
    facts = (
        f"<dt>{p.colon(p.label('situation.how'), '')}</dt><dd>{how}</dd>"
        f"<dt>{p.colon(p.label('situation.time_limit'), '')}</dt><dd>{p.text(channel.time_limit)}</dd>"
        f"<dt>{p.colon(p.label('situation.cost'), '')}</dt><dd>{p.cited(p.text(channel.cost), channel.sources)}</dd>"
    )
    text = "".join(f'<span class="kb-step-note">{b}</span>' for b in body if b)
    return f'<li id="step-{esc_attr(channel.id)}">{head}{text}<dl class="kb-step-facts">{facts}</dl></li>'


def channels(p: Page) -> str:
    """Every channel outside (and inside) the factory, in order: the workers' plan's list."""
    items = [_step(p, c, None, describe=True) for c in p.kb.channels.values()]
    return f'<ol class="kb-steps">{"".join(items)}</ol>\n'


def _sources(p: Page, s: Situation) -> Iterable[str]:
    """The situation's own sources, then its rules' and its channels' (each once, in that order)."""
    ids = list(s.sources)
    for rid in s.rules:
        ids += [b.source for b in current(p.kb, rid, build_date()).basis]
    for step in s.steps:
        ids += p.kb.channels[step.channel].sources
    return dict.fromkeys(ids)


def _source_item(p: Page, sid: str) -> str:
    src = p.kb.sources[sid]
    when = p.label("situation.checked", date=p.date(src.checked)) if src.checked else p.label("situation.not_checked")
    return f'<a href="{p.to("sources", sid)}">{p.text(src.title)}</a>{p.label("punct.list")}{when}'


def situation_page(p: Page, s: Situation) -> str:
    """The page body of one situation, below its heading."""
    kb = p.kb
    anchors = ("steps", "law", "evidence", "sources")
    jump = "".join(f'<a href="#{anchor}">{p.label("situation.jump_" + anchor)}</a>' for anchor in anchors)
    law = [rule_says(p, rid) for rid in s.rules] + [p.cited(p.text(t), s.sources) for t in s.law]
    steps = [_step(p, kb.channels[step.channel], step.note, describe=False) for step in s.steps]
    short = esc(p.ctx.public_url(go_path(s.id)))
    go = p.ctx.lang_root() + go_path(s.id, p.ctx.directory_urls)
    out = [
        '<div class="kb-situation">',
        qr(p, s.id),
        f'<p class="kb-record-kind" data-search-exclude>{p.label("label.situation")}</p>',
        f'<p class="kb-record-summary">{p.text(s.summary)}</p>',
        # a div with the navigation role, not <nav>: the page sanitiser's allow-list (branch sanitize) has no nav
        (
            f'<div class="kb-jump" role="navigation" aria-label="{esc_attr(p.plain("situation.jump"))}" '
            f"data-search-exclude>{jump}</div>"
        ),
        f'\n<h2 id="law">{p.label("situation.law")}</h2>\n<ul class="kb-rules">'
        + "".join(f"<li>{item}</li>" for item in law)
        + "</ul>\n",
        f'\n<h2 id="evidence">{p.label("situation.evidence")}</h2>\n{p.list([p.text(e) for e in s.evidence])}\n',
        f'\n<h2 id="steps">{p.label("situation.steps")}</h2>\n<ol class="kb-steps">{"".join(steps)}</ol>\n',
        f'<p class="kb-meta">{p.label("situation.order_note")}</p>\n',
        f'\n<h2 id="sources">{p.label("situation.sources")}</h2>\n<ul class="kb-situation-sources">'
        + "".join(f"<li>{_source_item(p, sid)}</li>" for sid in _sources(p, s))
        + "</ul>\n",
        f'<p class="kb-meta">{p.label("situation.page_checked", date=p.date(s.checked))}</p>\n',
        (
            f'<p class="kb-card-link"><span class="kb-screen-only">{p.label("situation.card")}'
            f'{p.label("punct.note_gap")}</span>'
            f'<a href="{go}">{p.label("record.short_link", url=short)}</a></p>'
        ),
        "</div>",
    ]
    return "".join(out)


def situations_index(p: Page) -> str:
    """Every situation as a link with its one-line summary: the worker's way in."""
    items = [
        f'<li id="{anchor("situations", s.id)}">'
        f'<a href="{p.record("situations", s.id)}"><strong>{p.text(s.title)}</strong></a>'
        f'<br><span class="kb-meta">{p.text(s.summary)}</span></li>'
        for s in p.kb.situations.values()
    ]
    return f'<ul class="kb-situations">{"".join(items)}</ul>\n'
