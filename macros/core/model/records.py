"""The records: one class per kind of data file (registered in macros/core/kinds.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from macros.core.languages import WRITTEN, derive, written_source
from macros.core.limits import MAX_SYNONYM_CHARS, MAX_SYNONYM_WORDS
from macros.core.model.base import (
    DateText,
    DayText,
    Id,
    NonEmpty,
    PagePath,
    Record,
    Ref,
    ReviewMonths,
    Strict,
    Text,
    Url,
    keyed_by_language,
    problem,
    ref,
)
from macros.core.model.enums import (
    STATUS_KINDS,
    Area,
    DateKind,
    Level,
    OrganisationKind,
    Priority,
    Provenance,
    RbaSection,
    SourceKind,
    SourceStatus,
    Timeframe,
    Track,
    Verification,
)
from macros.core.urls import host_mismatch


class Source(Record):
    kind: SourceKind
    title: Text
    publisher: Text
    date: DateText | None = None
    url: Url | None = Field(
        default=None, description="The official text (for Chinese law, the Chinese original). Only a verified address."
    )
    supports: Text
    checked: DayText | None = Field(
        default=None, description="When the status was last verified against the official text (laws, codes, ...)."
    )
    status: SourceStatus | None = None
    superseded_by: Annotated[Id, Ref("sources")] | None = Field(
        default=None, description="The id of the source that replaces this one (only when status is superseded)."
    )
    review_months: ReviewMonths = 12
    document_number: Text | None = Field(
        default=None, description="The official document number, e.g. 主席令第六十五号 / Order of the President No. 65."
    )
    translation_url: Url | None = Field(
        default=None, description="An English translation, shown beside the official text on English pages."
    )

    @model_validator(mode="after")
    def _status_when_it_matters(self) -> Source:
        if self.kind.value in STATUS_KINDS:
            missing = [name for name in ("checked", "status") if getattr(self, name) is None]
            if missing:
                raise problem("kb.source_needs_status", kind=self.kind.value, missing="|".join(missing))
        if self.status is SourceStatus.superseded and self.superseded_by is None:
            raise problem("kb.superseded_needs_by")
        if self.status is not SourceStatus.superseded and self.superseded_by is not None:
            raise problem("kb.superseded_by_only")
        if self.superseded_by == self.id:
            raise problem("kb.source_self")
        for lang in WRITTEN:  # the title is the link's text
            named = host_mismatch(self.title(lang), self.url) if self.url else None
            if named:
                raise problem("kb.source_title_host", lang=lang, host=named)
        return self


class Organisation(Record):
    name: Text
    acronym: str | None = None
    kind: OrganisationKind
    role: Text
    members: list[Text] = Field(
        default_factory=list, description="Members named in the sources, by the names readers of each language know."
    )
    sources: ref("sources", at_least=1)


class StakeholderGroup(Record):
    name: Text
    who: Text
    needs: Text


class Theme(Record):
    name: Text
    summary: Text


class Finding(Record):
    theme: ref("themes", many=False)
    title: Text
    statement: Text
    evidence: Text
    provenance: Provenance
    sources: ref("sources", at_least=1)


class RootCause(Record):
    findings: ref("findings", at_least=1)
    level: Level
    cause: Text
    explanation: Text
    groups: ref("stakeholder_groups", at_least=1)
    provenance: Provenance
    sources: ref("sources", at_least=1)


class CostBenefit(Record):
    kind: Literal["cost", "benefit"]
    groups: ref("stakeholder_groups", at_least=1)
    title: Text
    description: Text
    measure: Text
    provenance: Provenance
    sources: ref("sources", at_least=1)


class Recommendation(Record):
    title: Text
    summary: Text
    area: Area
    owners: ref("stakeholder_groups", at_least=1)
    partners: ref("stakeholder_groups")
    priority: Priority
    timeframe: Timeframe
    indicators: list[Text] = Field(min_length=1)
    findings: ref("findings", at_least=1)
    root_causes: ref("root_causes")
    provenance: Provenance
    sources: ref("sources", at_least=1)
    guide: PagePath | None = None


class Action(Record):
    recommendation: ref("recommendations", many=False)
    group: ref("stakeholder_groups", many=False)
    step: Text
    timeframe: Timeframe
    indicator: Text
    guide: PagePath | None = None
    # Like recommendations: most actions are this site's proposals (synthesis), citing what they draw on.
    provenance: Provenance
    sources: ref("sources", at_least=1)


class Event(Record):
    date: DateText
    event: Text
    sources: ref("sources", at_least=1)
    track: Track


class MinimumWage(Record):
    """One level of Shenzhen's monthly minimum wage, in force from `effective` until the next record.

    Until 2010 the city set two levels, inside and outside the special economic zone; from 2010 one
    citywide level. A level the sources do not confirm is recorded with `confirmed: false` and no
    amount, so that charts and tables show the gap instead of carrying the previous level forward.
    """

    effective: DateText
    inside_zone: Annotated[int, Field(ge=1, description="RMB a month inside the special economic zone.")] | None = None
    outside_zone: Annotated[int, Field(ge=1, description="RMB a month outside the special economic zone.")] | None = (
        None
    )
    citywide: Annotated[int, Field(ge=1, description="RMB a month, one level for the whole city.")] | None = None
    part_time_hourly: Annotated[float, Field(gt=0, description="RMB an hour for part-time work, citywide.")] | None = (
        None
    )
    confirmed: bool
    note: Text | None = None
    sources: ref("sources", at_least=1)
    checked: DayText | None = Field(
        default=None, description="When this level was last verified against the official notice."
    )
    review_months: ReviewMonths = 12
    verified: Verification | None = Field(
        default=None, description="How the checked level was verified: official-text, reprint or secondary."
    )

    @model_validator(mode="after")
    def _amounts_match_confirmation(self) -> MinimumWage:
        zones = (self.inside_zone, self.outside_zone)
        if not self.confirmed:
            if any(v is not None for v in (*zones, self.citywide)):
                raise problem("kb.wage_unconfirmed_amounts")
            if self.part_time_hourly is not None:
                raise problem("kb.wage_unconfirmed_amounts")
            if self.note is None:
                raise problem("kb.wage_unconfirmed_note")
        elif self.citywide is None and None in zones:
            raise problem("kb.wage_confirmed_amounts")
        elif self.citywide is not None and any(v is not None for v in zones):
            raise problem("kb.wage_both")
        return self


SectionRef = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9-]+(/[a-z0-9-]+)*#[a-z0-9]+(-[a-z0-9]+)*$"),
    Field(description="A guide section: page path without .md, '#', the heading id (guides/worker-engagement#steps)."),
]


class Affects(Strict):
    findings: ref("findings") = Field(default_factory=list)
    actions: ref("actions") = Field(default_factory=list)
    sections: list[SectionRef] = Field(default_factory=list)


class Change(Record):
    """One dated change since 2008 in a law, code or standard that changes what the 2008 record means today."""

    date: DateText
    date_kind: DateKind = DateKind.in_force
    title: Text
    what_changed: Text
    sources: ref("sources", at_least=1)
    affects: Affects = Field(default_factory=Affects)
    checked: DayText = Field(description="When this entry was last verified against its sources.")
    review_months: ReviewMonths = 12


# A word readers type or the pages write, as the search index repeats it (macros/core/limits.py).
Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_SYNONYM_CHARS)]
WordList = Annotated[list[Word], Field(max_length=MAX_SYNONYM_WORDS)]


class _WordLists(Strict):
    """Words per written language (none by default)."""

    def __call__(self, lang: str) -> list[str]:
        """The words in `lang`; a derived language's are converted from its source's."""
        own = self.__dict__.get(lang)
        return own if own is not None else [derive(lang, w) for w in self.__dict__[written_source(lang)]]

    def every(self) -> list[str]:
        """The words of every written language, in the registry's order."""
        return [word for lang in WRITTEN for word in self.__dict__[lang]]


class _AvoidTerms(_WordLists):
    """Words the glossary tells writers to avoid, per written language."""


class _Words(_WordLists):
    """Words per written language."""


class _Term(Record):
    """A glossary term: its name in every written language (fields named by language code)."""

    def name(self, lang: str) -> str:
        own = self.__dict__.get(lang)
        return str(own) if own is not None else derive(lang, self.__dict__[written_source(lang)])


if TYPE_CHECKING:
    AvoidTerms = _AvoidTerms
    Words = _Words

    class Term(_Term):
        avoid: AvoidTerms
        definition: Text
else:
    AvoidTerms = keyed_by_language(_AvoidTerms, WordList, list)
    Words = keyed_by_language(_Words, WordList, list)
    Term = keyed_by_language(
        _Term, NonEmpty, avoid=(AvoidTerms, Field(default_factory=AvoidTerms)), definition=(Text, ...)
    )


class SearchSynonym(Record):
    """How readers type a term the pages use: the search index adds `variants` to every section with a `term`."""

    terms: Words = Field(description="The pages' own wording of the concept, per language (any one of them counts).")
    variants: Words = Field(description="Abbreviations, synonyms and other ways readers type it, per language.")

    @model_validator(mode="after")
    def _paired(self) -> SearchSynonym:
        for lang in WRITTEN:
            if bool(self.terms(lang)) != bool(self.variants(lang)):
                raise problem("kb.synonyms_pair", lang=lang)
        if not self.terms.every():
            raise problem("kb.synonyms_one")
        return self


class ChecklistItem(Record):
    question: Text
    basis: Text
    rba_section: RbaSection = Field(
        description="The section of the RBA Code of Conduct 8.0 (2024) this question corresponds to, A1 to E12."
    )
    sources: ref("sources", at_least=1)
    # The next steps a "no" or "partly" leads to (shown in the self-assessment's results).
    actions: ref("actions") = Field(
        default_factory=list, description="Ids of actions in data/actions.yml that close this gap."
    )
    recommendations: ref("recommendations") = Field(
        default_factory=list, description="Ids of recommendations in data/recommendations.yml behind those steps."
    )
    guides: list[PagePath] = Field(default_factory=list, description="Guide pages (docs/<lang>/) that show how.")

    @model_validator(mode="after")
    def _leads_somewhere(self) -> ChecklistItem:
        # A self-assessment must end in a plan: every gap it can reveal leads to at least one next step.
        if not (self.actions or self.recommendations or self.guides):
            raise problem("kb.checklist_next_step")
        return self


class ChecklistSection(Record):
    title: Text
    items: list[ChecklistItem] = Field(min_length=1)
