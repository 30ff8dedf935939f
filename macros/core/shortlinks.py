"""Short permanent links (`/go/<id>/`): the one mapping from a short-link id to its page.

Printed handouts and slides carry these links, so an id never changes; the page behind it may.
Every target is computed at build time from this mapping, so moving a page only means changing
its path here (guides, sheets) or in `PAGES` of macros/core/pages.py (plans, records), which the macros share.

Id scheme (no collisions across kinds; the build fails if two ids ever coincide):
  plan-<group>   a stakeholder group's action plan   (data/stakeholder_groups.yml)
  guide-<slug>   a capacity-building guide           (docs/<lang>/guides/<slug>.md, not index.md)
  <record id>    a recommendation's own page         (data/recommendations.yml)
  finding-<id>   a finding's own page                (data/findings.yml)
  cause-<id>     a root cause's own page             (data/root_causes.yml)
  sheet-<slug>   a sheet of the facilitator's pack   (docs/<lang>/workshop/pack/<slug>.md, not index.md)
  <record id>    a worker's situation page ("what to do if…", data/situations.yml): short to type from a card
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from macros.core import kinds
from macros.core.docs_tree import page_title, slugs_in
from macros.core.languages import derive
from macros.core.load import KnowledgeBase
from macros.core.messages import say
from macros.core.pages import PAGES, record_page

# The docs folder of this project (the Renderer has no MkDocs config; the plugin passes config.docs_dir).
GUIDES_DIR = "guides"  # where guides live, relative to docs/<lang>/
GUIDE_PAGE = GUIDES_DIR + "/{slug}.md"
PACK_DIR = "workshop/pack"  # the facilitator's pack: one printable sheet per page
SHEET_PAGE = PACK_DIR + "/{slug}.md"
GO_DIR = "go"  # short links are served at <language root>/go/<id>/
# The order of the kit page's table.
KINDS = ("situation", "plan", "guide", "recommendation", "finding", "root_cause", "sheet")
# Short-link id prefix -> (kind on the kit page, data kind), from the registry (macros/core/kinds.py).
RECORD_PREFIX = {
    str(kind.short_prefix): (str(kind.short_kind), name) for name, kind in kinds.KINDS.items() if kind.short_prefix
}


@dataclass(frozen=True)
class ShortLink:
    """One short link: its id, what kind of page it leads to, and where (docs path + anchor)."""

    id: str
    kind: str
    page: str
    anchor: str | None = None
    record: str = ""  # the group, guide slug or recommendation id behind it


class ShortLinkError(ValueError):
    """Two short links share an id, or an id names nothing: the build must stop."""


def guide_slugs(lang_docs: Path) -> list[str]:
    """The guides in one language's docs folder (the overview index.md is not a guide)."""
    return slugs_in(lang_docs / GUIDES_DIR)


def sheet_slugs(lang_docs: Path) -> list[str]:
    """The sheets of the facilitator's pack in one language's docs folder (its index.md is not a sheet)."""
    return slugs_in(lang_docs / PACK_DIR)


def plan_link(group: str) -> ShortLink:
    return ShortLink(f"plan-{group}", "plan", PAGES["plan"].format(group=group), None, group)


def guide_link(slug: str) -> ShortLink:
    return ShortLink(f"guide-{slug}", "guide", GUIDE_PAGE.format(slug=slug), None, slug)


def sheet_link(slug: str) -> ShortLink:
    return ShortLink(f"sheet-{slug}", "sheet", SHEET_PAGE.format(slug=slug), None, slug)


def recommendation_link(rid: str) -> ShortLink:
    """A recommendation's short link leads to its own (generated) page, which reads on a phone."""
    kind = str(kinds.KINDS["recommendations"].short_kind)
    return ShortLink(rid, kind, record_page("recommendations", rid), None, rid)


def situation_link(sid: str) -> ShortLink:
    """A situation's short link is its bare id (go/<id>/): printed on its card, typed from a phone."""
    return ShortLink(sid, str(kinds.KINDS["situations"].short_kind), record_page("situations", sid), None, sid)


def record_link(prefix: str, rid: str) -> ShortLink:
    """A finding's (finding-<id>) or root cause's (cause-<id>) short link: to its own page."""
    kind, data = RECORD_PREFIX[prefix]
    return ShortLink(f"{prefix}-{rid}", kind, record_page(data, rid), None, rid)


def short_links(kb: KnowledgeBase, lang_docs: Path) -> list[ShortLink]:
    """Every short link: plans, guides, recommendations, findings, root causes and the pack's sheets.

    Ids are checked unique."""
    links = (
        [situation_link(s) for s in kb.records.get("situations", {})]
        + [plan_link(g) for g in kb.stakeholder_groups]
        + [guide_link(s) for s in guide_slugs(lang_docs)]
        + [recommendation_link(r) for r in kb.recommendations]
        + [record_link(prefix, rid) for prefix, (_, data) in RECORD_PREFIX.items() for rid in kb.records.get(data, {})]
        + [sheet_link(s) for s in sheet_slugs(lang_docs)]
    )
    seen: dict[str, ShortLink] = {}
    clashes = []
    for link in links:
        if link.id in seen:
            first = seen[link.id]
            clashes.append(say(
                "shortlink.clash_item", id=link.id, kind=first.kind, page=first.page, other_kind=link.kind,
                other_page=link.page,
            ))
        seen[link.id] = link
    if clashes:
        raise ShortLinkError(say("shortlink.clash", clashes=say("shortlink.separator").join(clashes)))
    return links


def resolve(kb: KnowledgeBase, short_id: str) -> ShortLink:
    """The short link with this id (a guide's page is checked by whoever links to it)."""
    if short_id in kb.recommendations:
        return recommendation_link(short_id)
    if short_id in kb.records.get("situations", {}):
        return situation_link(short_id)
    kind, _, rest = short_id.partition("-")
    if kind == "plan" and rest in kb.stakeholder_groups:
        return plan_link(rest)
    if kind == "guide" and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rest):
        return guide_link(rest)
    if kind in RECORD_PREFIX and rest in kb.records[RECORD_PREFIX[kind][1]]:
        return record_link(kind, rest)
    if kind == "sheet" and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rest):
        return sheet_link(rest)
    raise ShortLinkError(say("shortlink.not_id", id=short_id))


def go_path(short_id: str, directory_urls: bool = True) -> str:
    """The short link's URL relative to its language root, e.g. go/plan-buyers/."""
    return f"{GO_DIR}/{short_id}/" + ("" if directory_urls else "index.html")


def link_title(kb: KnowledgeBase, link: ShortLink, lang: str, lang_docs: Path) -> str:
    """What a short link leads to, in plain text: the group's name, the guide's or recommendation's title."""
    if link.kind == "plan":
        return kb.stakeholder_groups[link.record].name(lang)
    if link.kind == "recommendation":
        return kb.recommendations[link.record].title(lang)
    if link.kind == "finding":
        return kb.findings[link.record].title(lang)
    if link.kind == "root_cause":
        return kb.root_causes[link.record].cause(lang)
    if link.kind == "situation":
        return kb.situations[link.record].title(lang)
    return derive(lang, page_title(lang_docs, link.page))  # a derived language reads its source's page
