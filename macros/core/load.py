"""Load, validate and cross-check the whole data set, once per build.

Every problem becomes a DataError with file and line; all of them are raised
together. The result is a read-only KnowledgeBase that renderers, the CLI and
the tests share.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Generic, TypeVar, cast, overload

from macros.core.data_files import unknown_files
from macros.core.diagnostics import emit
from macros.core.kinds import models
from macros.core.messages import say
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
    Theme,
)
from macros.core.paths import DOCS
from macros.core.reading import read_kind, read_strings
from macros.core.references import cross_check, raw_index
from macros.core.rule_refs import check as rule_refs
from macros.core.sections import section_problems
from macros.core.yaml_source import DataError, DataErrors, LineList, line_of

R = TypeVar("R", bound=Record)


class RecordsOf(Generic[R]):
    """Typed access to one kind's records: `kb.findings` is `kb.records["findings"]` as a mapping of
    Finding. A convenience for the code that reads a kind by name; a kind needs none (tests/test_kinds.py
    checks each against the registry, macros/core/kinds.py)."""

    def __init__(self, model: type[R]) -> None:
        self.model = model
        self.kind = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.kind = name

    @overload
    def __get__(self, kb: None, owner: type | None = None) -> RecordsOf[R]: ...
    @overload
    def __get__(self, kb: KnowledgeBase, owner: type | None = None) -> Mapping[str, R]: ...
    def __get__(self, kb: KnowledgeBase | None, owner: type | None = None) -> Mapping[str, R] | RecordsOf[R]:
        if kb is None:  # on the class: the view itself
            return self
        return cast("Mapping[str, R]", kb.records[self.kind])


@dataclass(frozen=True)
class KnowledgeBase:
    """The validated data: records by kind (every kind of the registry, in its order) and id (in file
    order), UI strings by language."""

    records: Mapping[str, Mapping[str, Record]]
    strings: Mapping[str, Mapping[str, str]]
    origins: Mapping[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    # Records per stakeholder group, in file order, built once: every plan page asks (linear, not quadratic).
    _actions_by_group: Mapping[str, tuple[Action, ...]] = field(init=False, repr=False)
    _recommendations_by_group: Mapping[str, tuple[Recommendation, ...]] = field(init=False, repr=False)

    # Typed views for the code that reads a kind by name (a new kind may have none: kb.records[kind]).
    sources = RecordsOf(Source)
    organisations = RecordsOf(Organisation)
    stakeholder_groups = RecordsOf(StakeholderGroup)
    themes = RecordsOf(Theme)
    findings = RecordsOf(Finding)
    root_causes = RecordsOf(RootCause)
    costs_benefits = RecordsOf(CostBenefit)
    recommendations = RecordsOf(Recommendation)
    actions = RecordsOf(Action)
    timeline = RecordsOf(Event)
    minimum_wage = RecordsOf(MinimumWage)
    rules = RecordsOf(Rule)
    channels = RecordsOf(Channel)
    situations = RecordsOf(Situation)
    glossary = RecordsOf(Term)
    checklist = RecordsOf(ChecklistSection)
    changes = RecordsOf(Change)
    search_synonyms = RecordsOf(SearchSynonym)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_actions_by_group", _by_group(self.actions.values(), lambda a: (a.group,)))
        object.__setattr__(
            self, "_recommendations_by_group", _by_group(self.recommendations.values(), lambda r: r.owners + r.partners)
        )

    def actions_for(self, group: str) -> list[Action]:
        return list(self._actions_by_group.get(group, ()))

    def recommendations_for(self, group: str) -> list[Recommendation]:
        return list(self._recommendations_by_group.get(group, ()))


def _by_group(records: Iterable[R], groups_of: Callable[[R], Iterable[str]]) -> Mapping[str, tuple[R, ...]]:
    index: dict[str, list[R]] = {}
    for record in records:
        for group in dict.fromkeys(groups_of(record)):
            index.setdefault(group, []).append(record)
    return MappingProxyType({g: tuple(rs) for g, rs in index.items()})


def load(data_dir: Path, docs_dir: Path | None = None) -> KnowledgeBase:
    """Read every data file; raise DataErrors listing every problem found.

    `docs_dir` (default: docs/ beside data/, else the project's) holds the pages that section
    references (data/changes.yml `affects.sections`) must point into.
    """
    errors: list[DataError] = []
    raws: dict[str, LineList] = {}
    records: dict[str, dict[str, Record]] = {}
    origins: dict[tuple[str, str], tuple[str, int]] = {}
    invalid: dict[str, set[str] | None] = {}  # ids already reported as broken, so no cascade of errors
    for kind, model in models().items():
        label = f"data/{kind}.yml"
        invalid_ids: set[str] = set()
        invalid[kind] = invalid_ids
        raw, by_id = read_kind(data_dir / f"{kind}.yml", label, model, errors, invalid_ids)
        if raw is None:
            invalid[kind] = None  # the whole file failed: references into it are not checked
        raws[kind] = raw if raw is not None else LineList()
        records[kind] = by_id
        for rid in by_id:
            origins[(kind, rid)] = (label, line_of(raws[kind], raw_index(raws[kind], rid)) or 1)
    strings = read_strings(data_dir, errors)
    errors += unknown_files(data_dir)
    cross_check(raws, records, invalid, errors)
    if invalid.get("rules") is not None:  # the rules file read: texts may name its rules
        errors += rule_refs(data_dir, [k for k in models() if k != "rules"], records["rules"])
    if docs_dir is None:
        docs_dir = data_dir.parent / "docs" if (data_dir.parent / "docs").is_dir() else DOCS
    errors.extend(section_problems(raws["changes"], records["changes"], docs_dir, raw_index))
    if errors:
        raise DataErrors(errors)
    return KnowledgeBase(
        records=MappingProxyType({kind: MappingProxyType(records[kind]) for kind in models()}),
        strings=MappingProxyType({k: MappingProxyType(v) for k, v in strings.items()}),
        origins=MappingProxyType(origins),
    )


def load_or_report(data_dir: Path) -> KnowledgeBase | None:
    """For command-line tools: the model, or None after printing every data problem to stderr."""
    try:
        return load(data_dir)
    except DataErrors as exc:
        emit(exc.errors)  # file:line: message, and an annotation on GitHub Actions
        if exc.omitted:
            print(exc.lines()[-1], file=sys.stderr)
        print(say("data.problems", count=len(exc.errors) + exc.omitted), file=sys.stderr)
        return None
