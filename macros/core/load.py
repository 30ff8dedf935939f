"""Load, validate and cross-check the whole data set, once per build.

Every problem becomes a DataError with file and line; all of them are raised
together. The result is a read-only KnowledgeBase that renderers, the CLI and
the tests share.
"""

from __future__ import annotations

import re
import sys
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from macros.core.data_files import unknown_files
from macros.core.diagnostics import emit
from macros.core.labels import placeholders
from macros.core.languages import LANGS
from macros.core.model import (
    KINDS,
    Action,
    Area,
    Change,
    ChecklistSection,
    CostBenefit,
    DateKind,
    Event,
    Finding,
    Level,
    MinimumWage,
    Organisation,
    OrganisationKind,
    Priority,
    Provenance,
    Recommendation,
    Record,
    Ref,
    RootCause,
    SearchSynonym,
    Source,
    SourceKind,
    SourceStatus,
    StakeholderGroup,
    Term,
    Theme,
    Timeframe,
    Track,
)
from macros.core.paths import DOCS
from macros.core.sections import section_problems
from macros.core.yaml_source import DataError, DataErrors, LineDict, LineList, line_of, load_yaml

R = TypeVar("R", bound=Record)

# Enums whose every value needs a label in each language, under "<prefix>.<value>".
LABELLED_ENUMS: dict[str, type[Enum]] = {
    "area": Area,
    "priority": Priority,
    "timeframe": Timeframe,
    "level": Level,
    "provenance": Provenance,
    "source_kind": SourceKind,
    "organisation_kind": OrganisationKind,
    "track": Track,
    "source_status": SourceStatus,
    "date_kind": DateKind,
}


@dataclass(frozen=True)
class KnowledgeBase:
    """The validated data: records by kind and id (in file order), UI strings by language."""

    sources: Mapping[str, Source]
    organisations: Mapping[str, Organisation]
    stakeholder_groups: Mapping[str, StakeholderGroup]
    themes: Mapping[str, Theme]
    findings: Mapping[str, Finding]
    root_causes: Mapping[str, RootCause]
    costs_benefits: Mapping[str, CostBenefit]
    recommendations: Mapping[str, Recommendation]
    actions: Mapping[str, Action]
    timeline: Mapping[str, Event]
    minimum_wage: Mapping[str, MinimumWage]
    glossary: Mapping[str, Term]
    checklist: Mapping[str, ChecklistSection]
    changes: Mapping[str, Change]
    search_synonyms: Mapping[str, SearchSynonym]
    strings: Mapping[str, Mapping[str, str]]
    origins: Mapping[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    # Records per stakeholder group, in file order, built once: every plan page asks (linear, not quadratic).
    _actions_by_group: Mapping[str, tuple[Action, ...]] = field(init=False, repr=False)
    _recommendations_by_group: Mapping[str, tuple[Recommendation, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_actions_by_group", _by_group(self.actions.values(), lambda a: (a.group,)))
        object.__setattr__(
            self, "_recommendations_by_group", _by_group(self.recommendations.values(), lambda r: r.owners + r.partners)
        )

    @property
    def records(self) -> Mapping[str, Mapping[str, Record]]:
        """Every kind's records, in the order of KINDS."""
        return {kind: getattr(self, kind) for kind in KINDS}

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


def _short(value: Any, limit: int = 80) -> str:
    """The repr of a bad value, cut short: a 1 MB text must not become a 1 MB error message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _message(error: Mapping[str, Any]) -> str:
    loc = [str(p) for p in error["loc"][1:]]  # [0] is the record's index in the file
    where = ".".join(loc)
    kind = error["type"]
    if kind == "missing":
        text = f"the field '{loc[-1]}' is missing"
        where = ".".join(loc[:-1])
    elif kind == "extra_forbidden":
        text = f"unknown field '{loc[-1]}' (check its spelling)"
        where = ".".join(loc[:-1])
    elif kind == "string_too_short":
        text = "the text is empty"
    elif kind == "string_too_long":
        text = f"the text is too long ({len(error['input'])} characters; at most {error['ctx']['max_length']})"
    elif kind == "string_pattern_mismatch" and loc and loc[-1] == "id":
        text = f"the id {_short(error['input'])} may contain only lower-case letters, digits and single hyphens"
    else:
        text = error["msg"]
        if "input" in error and not isinstance(error["input"], (dict, list)):
            text += f" (found {_short(error['input'])})"
    return f"{where}: {text}" if where else text


def _ref_fields(model: type[BaseModel]) -> dict[str, tuple[str, bool]]:
    """Field name -> (referenced kind, is a list), read from the Ref markers."""
    found = {}
    for name, info in model.model_fields.items():
        for meta in info.metadata:
            if isinstance(meta, Ref):
                found[name] = (meta.kind, False)
        origin = typing.get_origin(info.annotation)
        if origin is list:
            (item,) = typing.get_args(info.annotation)
            for meta in getattr(item, "__metadata__", ()):
                if isinstance(meta, Ref):
                    found[name] = (meta.kind, True)
        elif origin in (typing.Union, types.UnionType):  # an optional reference: `Annotated[Id, Ref(...)] | None`
            for arg in typing.get_args(info.annotation):
                for meta in getattr(arg, "__metadata__", ()):
                    if isinstance(meta, Ref):
                        found[name] = (meta.kind, False)
    return found


def _walk(obj: BaseModel, loc: tuple):
    """Yield (model, loc) for obj and every model nested in it."""
    yield obj, loc
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        if isinstance(value, BaseModel):
            yield from _walk(value, loc + (name,))
        elif isinstance(value, (list, tuple)):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _walk(item, loc + (name, i))


# Characters no text may hold: control characters (a NUL breaks every SVG and XML file), bidi
# overrides (they reorder what a reader sees) and zero-width characters (they hide terms from the
# terminology check). Newlines and tabs are fine.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_FORBIDDEN_NAMES = {
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u2060": "a word joiner",
    "\ufeff": "a zero-width no-break space",
}


def _character_problems(node: Any, label: str, root: Any, path: tuple, errors: list[DataError]) -> None:
    """A DataError for every text (key or value) holding a forbidden character, at its line."""
    if isinstance(node, dict):
        for key, value in node.items():
            _character_problems(key, label, root, path + (key,), errors)
            _character_problems(value, label, root, path + (key,), errors)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            _character_problems(value, label, root, path + (i,), errors)
    elif isinstance(node, str) and (match := _FORBIDDEN.search(node)):
        char = match.group(0)
        what = _FORBIDDEN_NAMES.get(char) or (
            "a bidirectional control" if "\u202a" <= char <= "\u2069" else "a control character"
        )
        where = ".".join(str(p) for p in path if not isinstance(p, int)) or "text"
        errors.append(
            DataError(
                label,
                line_of(root, path),
                f"{where}: the text holds {what} (U+{ord(char):04X}) at position {match.start() + 1}; delete it",
            )
        )


def _read_kind(path: Path, label: str, model: type[Record], errors: list[DataError], invalid_ids: set[str]):
    try:
        raw = load_yaml(path, label)
    except DataErrors as exc:
        errors.extend(exc.errors)
        return None, {}
    if not isinstance(raw, LineList):
        errors.append(
            DataError(
                label, getattr(raw, "line", 1), "the file must be a list of records (each starting with '- id: …')"
            )
        )
        return None, {}
    records: dict[str, Record] = {}
    before = len(errors)
    _character_problems(raw, label, raw, (), errors)
    if len(errors) > before:  # a record with a forbidden character is not loaded: no cascade of reference errors
        invalid_ids.update(item["id"] for item in raw if isinstance(item, dict) and isinstance(item.get("id"), str))
        return raw, {}
    for index, item in enumerate(raw):
        line = raw.item_lines[index]
        if not isinstance(item, LineDict):
            errors.append(DataError(label, line, "each record must be a mapping of fields (found a plain value)"))
            continue
        rid: str = item["id"] if isinstance(item.get("id"), str) else f"#{index + 1}"
        try:
            record = model.model_validate(item)
        except ValidationError as exc:
            invalid_ids.add(rid)
            for err in exc.errors():
                loc = (index,) + tuple(err["loc"])
                err = {**err, "loc": loc}
                errors.append(DataError(label, line_of(raw, loc), f"record '{rid}': {_message(err)}"))
            continue
        if record.id in records:
            errors.append(DataError(label, line, f"the id '{record.id}' is used twice in this file"))
            continue
        records[record.id] = record
    return raw, records


def _read_strings(data_dir: Path, errors: list[DataError]) -> dict[str, dict[str, str]]:
    strings: dict[str, dict[str, str]] = {}
    lines: dict[str, dict[str, int]] = {}
    for lang in LANGS:
        label = f"data/i18n/{lang}.yml"
        try:
            raw = load_yaml(data_dir / "i18n" / f"{lang}.yml", label)
        except DataErrors as exc:
            errors.extend(exc.errors)
            continue
        flat: dict[str, str] = {}
        flat_lines: dict[str, int] = {}

        def flatten(node: Any, prefix: str, line: int) -> None:
            if isinstance(node, LineDict):
                for key, value in node.items():
                    flatten(value, f"{prefix}{key}" if not prefix else f"{prefix}.{key}", node.key_lines[key])
            elif isinstance(node, str) and (
                node.strip() or prefix.startswith("punct.")
            ):  # punctuation may be a space, or nothing
                flat[prefix] = node  # noqa: B023 - called within this iteration only
                flat_lines[prefix] = line  # noqa: B023
            else:
                errors.append(DataError(label, line, f"the label '{prefix}' must be non-empty text"))  # noqa: B023

        if not isinstance(raw, LineDict):
            errors.append(DataError(label, 1, "the file must be a mapping of label keys to text"))
            continue
        _character_problems(raw, label, raw, (), errors)
        flatten(raw, "", raw.line)
        strings[lang], lines[lang] = flat, flat_lines
    if len(strings) == len(LANGS):
        for lang in LANGS:
            others = set().union(*(strings[o] for o in LANGS if o != lang))
            for key in sorted(others - set(strings[lang])):
                errors.append(
                    DataError(f"data/i18n/{lang}.yml", None, f"the label '{key}' is missing (other languages have it)")
                )
            for key in sorted(set(strings[lang]) & set(strings[LANGS[0]])):
                if lang != LANGS[0] and placeholders(strings[lang][key]) != placeholders(strings[LANGS[0]][key]):
                    errors.append(
                        DataError(
                            f"data/i18n/{lang}.yml",
                            lines[lang].get(key),
                            f"the label '{key}' uses the placeholders {sorted(placeholders(strings[lang][key]))}, "
                            f"data/i18n/{LANGS[0]}.yml uses {sorted(placeholders(strings[LANGS[0]][key]))}",
                        )
                    )
            for prefix, enum in LABELLED_ENUMS.items():
                for member in enum:
                    key = f"{prefix}.{member.value}"
                    if key not in strings[lang]:
                        errors.append(DataError(f"data/i18n/{lang}.yml", None, f"the label '{key}' is missing"))
    return strings


def _cross_check(raws: dict, records: dict, invalid: dict, errors: list[DataError]) -> None:
    for kind, by_id in records.items():
        label = f"data/{kind}.yml"
        for record in by_id.values():
            for obj, loc in _walk(record, ()):
                for name, (target, many) in _ref_fields(type(obj)).items():
                    values = getattr(obj, name)
                    for j, value in enumerate(values if many else [values] if values is not None else []):
                        if invalid.get(target) is None or value in invalid[target]:
                            continue
                        if value not in records.get(target, {}):
                            path = _raw_index(raws[kind], record.id) + loc + ((name, j) if many else (name,))
                            errors.append(
                                DataError(
                                    label,
                                    line_of(raws[kind], path),
                                    f"record '{record.id}': {name} refers to '{value}', "
                                    f"which is not an id in data/{target}.yml",
                                )
                            )
    _nested_duplicates(raws, records, errors)
    for action in records.get("actions", {}).values():
        rec = records.get("recommendations", {}).get(action.recommendation)
        if rec and action.group not in rec.owners + rec.partners:
            path = _raw_index(raws["actions"], action.id) + ("group",)
            errors.append(
                DataError(
                    "data/actions.yml",
                    line_of(raws["actions"], path),
                    f"record '{action.id}': the group '{action.group}' is neither an owner "
                    f"nor a partner of recommendation '{rec.id}'",
                )
            )


def _nested_duplicates(raws: dict, records: dict, errors: list[DataError]) -> None:
    """Ids of nested records (e.g. checklist items) are unique in their file: they become HTML ids and form names."""
    for kind, by_id in records.items():
        seen: dict[str, int | None] = {}
        for record in by_id.values():
            for obj, loc in _walk(record, ()):
                if not loc or not isinstance(obj, Record):
                    continue
                line = line_of(raws[kind], _raw_index(raws[kind], record.id) + loc + ("id",))
                if obj.id in seen or obj.id in by_id:
                    first = seen.get(obj.id) or line_of(raws[kind], _raw_index(raws[kind], obj.id))
                    errors.append(
                        DataError(
                            f"data/{kind}.yml",
                            line,
                            f"record '{record.id}': the id '{obj.id}' is used twice in this file "
                            f"(first on line {first})",
                        )
                    )
                else:
                    seen[obj.id] = line


def _raw_index(raw: LineList, rid: str) -> tuple:
    """The position of the first raw record with this id (an index built once per file, not a scan per call)."""
    index = getattr(raw, "id_index", None)
    if index is None:
        index = {}
        for i, item in enumerate(raw):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                index.setdefault(item["id"], i)
        raw.id_index = index
    return (index[rid],) if rid in index else ()


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
    for kind, model in KINDS.items():
        label = f"data/{kind}.yml"
        invalid_ids: set[str] = set()
        invalid[kind] = invalid_ids
        raw, by_id = _read_kind(data_dir / f"{kind}.yml", label, model, errors, invalid_ids)
        if raw is None:
            invalid[kind] = None  # the whole file failed: references into it are not checked
        raws[kind] = raw if raw is not None else LineList()
        records[kind] = by_id
        for rid in by_id:
            origins[(kind, rid)] = (label, line_of(raws[kind], _raw_index(raws[kind], rid)) or 1)
    strings = _read_strings(data_dir, errors)
    errors += unknown_files(data_dir)
    _cross_check(raws, records, invalid, errors)
    if docs_dir is None:
        docs_dir = data_dir.parent / "docs" if (data_dir.parent / "docs").is_dir() else DOCS
    errors.extend(section_problems(raws["changes"], records["changes"], docs_dir, _raw_index))
    if errors:
        raise DataErrors(errors)
    return KnowledgeBase(
        **{kind: MappingProxyType(records[kind]) for kind in KINDS},  # type: ignore[arg-type]  # each kind's model, as KINDS maps them
        strings=MappingProxyType({k: MappingProxyType(v) for k, v in strings.items()}),
        origins=MappingProxyType(origins),
    )


_cache: dict[Path, tuple[tuple, KnowledgeBase]] = {}


def load_cached(data_dir: Path) -> KnowledgeBase:
    """`load`, re-read only when a data file changed (the i18n plugin re-runs the build per language)."""
    data_dir = data_dir.resolve()
    stamp = tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in data_dir.rglob("*.yml")))
    hit = _cache.get(data_dir)
    if hit and hit[0] == stamp:
        return hit[1]
    kb = load(data_dir)
    _cache[data_dir] = (stamp, kb)
    return kb


def load_or_report(data_dir: Path) -> KnowledgeBase | None:
    """For command-line tools: the model, or None after printing every data problem to stderr."""
    try:
        return load(data_dir)
    except DataErrors as exc:
        emit(exc.errors)  # file:line: message, and an annotation on GitHub Actions
        if exc.omitted:
            print(exc.lines()[-1], file=sys.stderr)
        print(f"{len(exc.errors) + exc.omitted} problem(s) in the data files.", file=sys.stderr)
        return None
