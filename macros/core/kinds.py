"""The registry of record kinds: one entry per data file, read by the loader (and the KnowledgeBase it
builds), the pages, the generated record pages, the short links, the schemas, the editor's schema map,
the browser scripts' anchors and the pull-request summary.

Adding a kind of record means adding its model (macros/core/model/), its data file (data/<kind>.yml)
and one entry here; if each record has a page, its body is one entry of RENDERERS in
macros/render/record_page.py. `make schema` then writes its schema, .vscode/settings.json and
js/src/lib/anchors.js (tests/test_kinds.py adds a kind this way).
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.core.model import (
    Action,
    Change,
    Channel,
    ChecklistSection,
    CostBenefit,
    Event,
    Finding,
    MinimumWage,
    Organisation,
    Recommendation,
    Record,
    RootCause,
    Rule,
    SearchSynonym,
    Situation,
    Source,
    StakeholderGroup,
    Term,
    Text,
    Theme,
)


@dataclass(frozen=True)
class Kind:
    """One kind of record: its model and where its records are shown."""

    model: type[Record]
    list_page: str | None = None  # the docs page (in docs/<lang>/) that lists every record of the kind
    anchor: str | None = None  # the HTML id prefix of a record wherever a page lists it: <anchor>-<id>
    record_page: str | None = None  # each record's own generated page, "{id}" filled in
    label: str | None = None  # the label key (data/i18n/<lang>.yml) naming the kind on its record pages
    title_field: str = "title"  # the text field that titles a record (its page's heading)
    description_field: str | None = None  # the text field a record page's meta description comes from
    short_prefix: str | None = None  # short links to record pages: <short_prefix>-<id> (None: the bare id)
    short_kind: str | None = None  # the kind's name on the organisers' kit page (short links)
    id_field: str = "id"  # every record's identifier (unique in its file; the last part of its URLs)
    fills_rules: bool = False  # its texts may name rules, `{rule:<id>}`, filled in where shown (rule_refs.py)

    def title(self, record: Record, lang: str) -> str:
        """A record's title (its `title_field`) in a language, as plain text."""
        text: Text = getattr(record, self.title_field)
        return text(lang)


# One data file per kind, data/<kind>.yml; the order is the order in which errors are reported.
KINDS: dict[str, Kind] = {
    "sources": Kind(Source, list_page="resources/sources.md", anchor="src"),
    "organisations": Kind(Organisation, anchor="org"),
    "stakeholder_groups": Kind(StakeholderGroup),
    "themes": Kind(Theme),
    "findings": Kind(
        Finding,
        list_page="findings/index.md",
        anchor="finding",
        record_page="findings/{id}.md",
        label="label.finding",
        description_field="statement",
        short_prefix="finding",
        short_kind="finding",
    ),
    "root_causes": Kind(
        RootCause,
        list_page="findings/root-causes.md",
        anchor="cause",
        record_page="findings/root-causes/{id}.md",
        label="label.root_cause",
        title_field="cause",
        description_field="explanation",
        short_prefix="cause",
        short_kind="root_cause",
    ),
    "costs_benefits": Kind(CostBenefit, anchor="cb", fills_rules=True),
    "recommendations": Kind(
        Recommendation,
        list_page="recommendations/index.md",
        anchor="rec",
        record_page="recommendations/{id}.md",
        label="label.recommendation",
        description_field="summary",
        short_kind="recommendation",
    ),
    "actions": Kind(Action, anchor="action"),
    "timeline": Kind(Event, anchor="event"),
    "minimum_wage": Kind(MinimumWage, anchor="wage"),
    "rules": Kind(Rule, list_page="resources/rules.md", anchor="rule"),
    "channels": Kind(Channel, fills_rules=True),  # where a worker turns: the figures in force
    "situations": Kind(
        Situation,
        list_page="situations/index.md",
        anchor="situation",
        record_page="situations/{id}.md",
        label="label.situation",
        description_field="summary",
        short_kind="situation",
    ),
    "glossary": Kind(Term, list_page="resources/glossary.md", anchor="term", fills_rules=True),
    "checklist": Kind(ChecklistSection, anchor="check", fills_rules=True),  # its items too: check-<item id>
    "changes": Kind(Change, list_page="changes.md", anchor="change"),
    "search_synonyms": Kind(SearchSynonym),
}


def data_file(kind: str) -> str:
    """A kind's data file, relative to data/."""
    return f"{kind}.yml"


def models() -> dict[str, type[Record]]:
    """Each kind's model, in registry order."""
    return {name: kind.model for name, kind in KINDS.items()}


# The order in which record pages join the build (and the sitemap); a kind with pages not named here
# follows, in registry order.
_PAGE_ORDER = ("recommendations", "findings", "root_causes", "situations")


def with_pages() -> dict[str, Kind]:
    """The kinds whose every record has a page of its own."""
    names = [*_PAGE_ORDER, *(name for name in KINDS if name not in _PAGE_ORDER)]
    return {name: KINDS[name] for name in names if name in KINDS and KINDS[name].record_page}
