"""Read the data files: each file parsed with its lines, each record validated against its model,
the labels of each language flattened and compared. Every problem is a DataError with file and line."""

from __future__ import annotations

import re
import typing
from collections.abc import Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from macros.core import characters
from macros.core.labels import FIELDS, is_placeholder, placeholders
from macros.core.languages import DERIVED, SOURCE, WRITTEN, derive, written_source
from macros.core.limits import MAX_LABEL_CHARS
from macros.core.messages import choices_hint, did_you_mean, quoted, say
from macros.core.model import (
    _DATE_PATTERN,
    Area,
    DateKind,
    Jurisdiction,
    Level,
    OrganisationKind,
    Priority,
    Provenance,
    Record,
    SourceKind,
    SourceStatus,
    Timeframe,
    Track,
    Unit,
    Verification,
)
from macros.core.traditional import term_problems
from macros.core.yaml_source import DataError, DataErrors, LineDict, LineList, line_of, load_yaml

_BRACE = re.compile(r"\{[^{}]*\}?|\}")  # any brace, or a pair with what is between them

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
    "jurisdiction": Jurisdiction,
    "verification": Verification,
    "rule_unit": Unit,
}


def _short(value: Any, limit: int = 80) -> str:
    """The repr of a bad value, cut short: a 1 MB text must not become a 1 MB error message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _inner(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (itself, in a list, or optional), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner(arg)
        if found is not None:
            return found
    return None


def fields_at(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """The field names a record may have at `loc` (a path of field names and list positions)."""
    current: type[BaseModel] | None = model
    for step in loc:
        if isinstance(step, int) or current is None:
            continue
        info = current.model_fields.get(step)
        current = _inner(info.annotation) if info is not None else None
    return list(current.model_fields) if current is not None else []


def where(loc: Sequence[str | int]) -> str:
    """A field's place in words: `indicators, item 1, Chinese text`, never `indicators.0.zh`."""
    parts = []
    for step in loc:
        if isinstance(step, int):
            parts.append(say("loc.item", n=step + 1))
        elif step in WRITTEN:
            parts.append(say(f"loc.{step}"))
        else:
            parts.append(str(step))
    return say("where.separator").join(parts)


# pydantic's pattern for a field -> the message that says what the value should look like
_PATTERN_MESSAGES = {
    _DATE_PATTERN: "value.date",
    r"^\d{4}-\d{2}-\d{2}$": "value.day",
    r"^https?://\S+$": "value.url",
    r"^[a-z0-9-]+(/[a-z0-9-]+)*\.md$": "value.page",
}
_SIMPLE = {
    "string_too_short": "text.empty",
    "int_type": "value.int",
    "int_parsing": "value.int",
    "int_from_float": "value.int",
    "bool_type": "value.bool",
    "bool_parsing": "value.bool",
    "string_type": "value.text",
    "list_type": "value.list",
    "model_type": "value.mapping",
    "model_attributes_type": "value.mapping",
    "dict_type": "value.mapping",
}
_LIMITS = {"greater_than_equal": ("value.too_small", "ge"), "less_than_equal": ("value.too_large", "le"),
           "greater_than": ("value.not_more", "gt"), "less_than": ("value.not_less", "lt")}


def message(error: Mapping[str, Any], model: type[BaseModel]) -> str:
    """One validation error in the contributor's words and language: where, what, and what to write."""
    loc: list[str | int] = list(error["loc"][1:])  # [0] is the record's index in the file
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    found = _short(value)
    if kind == "missing":
        loc, text = loc[:-1], say("field.missing", field=loc[-1])
    elif kind == "extra_forbidden":
        name, loc = str(loc[-1]), loc[:-1]
        allowed = fields_at(model, loc)
        text = say("field.unknown", field=name) + did_you_mean(name, allowed)
        text += say("field.fields_here", fields=quoted(allowed, shown=30)) if allowed else ""
    elif kind.startswith("kb."):
        joined = {k: str(v).replace("|", say("kb.and")) for k, v in ctx.items()}
        text = say(kind, **joined)
    elif kind == "string_too_long":
        text = say("text.too_long", length=len(str(value)), limit=ctx["max_length"])
    elif kind == "string_pattern_mismatch" and loc and loc[-1] == "id":
        text = say("id.pattern", value=found)
    elif kind == "string_pattern_mismatch":
        text = say(_PATTERN_MESSAGES.get(ctx.get("pattern", ""), "value.pattern"), value=found)
    elif kind in ("enum", "literal_error"):
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        text = say("value.choice", value=value) + choices_hint(value, choices)
    elif kind == "too_short":
        text = say("value.too_few", min=ctx.get("min_length", 1))
    elif kind == "too_long":
        text = say("value.too_many", max=ctx.get("max_length"), count=ctx.get("actual_length"))
    elif kind in _LIMITS:
        key, bound = _LIMITS[kind]
        text = say(key, limit=ctx.get(bound), value=found)
    elif kind == "string_type" and value is None:  # `zh: ~` or `zh:` with nothing after it
        text = say("text.empty")
    elif kind in _SIMPLE:
        text = say(_SIMPLE[kind], value=found)
    else:  # a check without its own message: pydantic's words, without its "Input should be" phrasing
        detail = re.sub(r"^(Value error, |Input should be )", "", str(error["msg"]))
        text = say("value.other", detail=f"{detail}; {found}" if value is not None else detail)
    return say("where", where=where(loc), text=text) if loc else text


def character_problems(
    node: Any, label: str, root: Any, path: tuple[str | int, ...], errors: list[DataError]
) -> None:
    """A DataError for every text (key or value) holding a forbidden character, at its line."""
    if isinstance(node, dict):
        for key, value in node.items():
            character_problems(key, label, root, (*path, key), errors)
            character_problems(value, label, root, (*path, key), errors)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            character_problems(value, label, root, (*path, i), errors)
    elif isinstance(node, str) and (match := characters.FORBIDDEN.search(node)):
        char = match.group(0)
        what, code = characters.describe(char), f"{ord(char):04X}"
        text = say("char.forbidden", what=what, code=code, position=match.start() + 1)
        errors.append(DataError(label, line_of(root, path), say("where", where=where(path) or "text", text=text)))


def read_kind(
    path: Path, label: str, model: type[Record], errors: list[DataError], invalid_ids: set[str]
) -> tuple[LineList | None, dict[str, Record]]:
    try:
        raw = load_yaml(path, label)
    except DataErrors as exc:
        errors.extend(exc.errors)
        return None, {}
    if not isinstance(raw, LineList):
        errors.append(
            DataError(
                label, getattr(raw, "line", 1), say("file.not_list")
            )
        )
        return None, {}
    records: dict[str, Record] = {}
    before = len(errors)
    character_problems(raw, label, raw, (), errors)
    if len(errors) > before:  # a record with a forbidden character is not loaded: no cascade of reference errors
        invalid_ids.update(item["id"] for item in raw if isinstance(item, dict) and isinstance(item.get("id"), str))
        return raw, {}
    for index, item in enumerate(raw):
        line = raw.item_lines[index]
        if not isinstance(item, LineDict):
            errors.append(DataError(label, line, say("record.not_mapping")))
            continue
        rid: str = item["id"] if isinstance(item.get("id"), str) else f"#{index + 1}"
        try:
            record = model.model_validate(item)
        except ValidationError as exc:
            invalid_ids.add(rid)
            for err in exc.errors():
                loc = (index, *tuple(err["loc"]))
                err = {**err, "loc": loc}
                errors.append(DataError(
                    label, line_of(raw, loc), say("where", where=say("record", id=rid), text=message(err, model))
                ))
            continue
        if record.id in records:
            errors.append(DataError(label, line, say("record.duplicate", id=record.id)))
            continue
        records[record.id] = record
    return raw, records


def read_strings(data_dir: Path, errors: list[DataError]) -> dict[str, dict[str, str]]:
    strings: dict[str, dict[str, str]] = {}
    lines: dict[str, dict[str, int]] = {}
    for lang in WRITTEN:
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
                wrong = (
                    say("label.too_long", length=f"{len(node):,}", limit=f"{MAX_LABEL_CHARS:,}")
                    if len(node) > MAX_LABEL_CHARS
                    else brace_problem(node)
                )
                if wrong:
                    errors.append(DataError(label, line, say("label.problem", key=prefix, wrong=wrong)))  # noqa: B023
            else:
                errors.append(DataError(label, line, say("label.not_text", key=prefix)))  # noqa: B023

        if not isinstance(raw, LineDict):
            errors.append(DataError(label, 1, say("label.file_mapping")))
            continue
        character_problems(raw, label, raw, (), errors)
        flatten(raw, "", raw.line)
        strings[lang], lines[lang] = flat, flat_lines
    if len(strings) == len(WRITTEN):
        for lang in WRITTEN:
            others = set().union(*(strings[o] for o in WRITTEN if o != lang))
            errors.extend(
                DataError(f"data/i18n/{lang}.yml", None, say("label.missing_other", key=key))
                for key in sorted(others - set(strings[lang]))
            )
            errors.extend(
                DataError(
                    f"data/i18n/{lang}.yml",
                    lines[lang].get(key),
                    say(
                        "label.placeholders",
                        key=key,
                        found=sorted(placeholders(strings[lang][key])),
                        file=f"data/i18n/{SOURCE}.yml",
                        expected=sorted(placeholders(strings[SOURCE][key])),
                    ),
                )
                for key in sorted(set(strings[lang]) & set(strings[SOURCE]))
                if lang != SOURCE and placeholders(strings[lang][key]) != placeholders(strings[SOURCE][key])
            )
            for prefix, enum in LABELLED_ENUMS.items():
                for member in enum:
                    key = f"{prefix}.{member.value}"
                    if key not in strings[lang]:
                        errors.append(DataError(f"data/i18n/{lang}.yml", None, say("label.missing", key=key)))
    if DERIVED:  # converted through the term table: a broken table is reported, not converted with
        converter_errors = term_problems(data_dir)
        errors += converter_errors
        if converter_errors:
            return strings
    for lang in DERIVED:  # a derived language's labels are its source's, converted, and its own few
        source = written_source(lang)
        if source in strings:
            strings[lang] = {key: derive(lang, text) for key, text in strings[source].items()}
            strings[lang].update(_derived_only_strings(data_dir, lang, errors))
    return strings


def brace_problem(template: str) -> str | None:
    """What is wrong with the braces of a label (None when each is a `{name}` placeholder)."""
    for match in _BRACE.finditer(template):
        if not is_placeholder(match.group(0)):
            found = match.group(0) if len(match.group(0)) <= 40 else match.group(0)[:39] + "…"
            return say("label.not_placeholder", found=found)
        if match.group(0)[1:-1] not in FIELDS:
            return say("label.unknown_placeholder", found=match.group(0))
    return None


def _derived_only_strings(data_dir: Path, lang: str, errors: list[DataError]) -> dict[str, str]:
    """The labels only a derived language has (data/i18n/<lang>.yml, e.g. its "converted automatically"
    notice), written in that language: strings under `derived.` and nothing else."""
    label = f"data/i18n/{lang}.yml"
    if not (data_dir / "i18n" / f"{lang}.yml").is_file():  # a derived language may have no labels of its own
        return {}
    try:
        raw = load_yaml(data_dir / "i18n" / f"{lang}.yml", label)
    except DataErrors as exc:
        errors.extend(exc.errors)
        return {}
    found: dict[str, str] = {}
    if not isinstance(raw, LineDict) or set(raw) != {"derived"} or not isinstance(raw["derived"], LineDict):
        errors.append(DataError(label, 1, say("label.derived_only")))
        return found
    character_problems(raw, label, raw, (), errors)
    for key, text in raw["derived"].items():
        if not isinstance(text, str) or not text.strip():
            errors.append(DataError(label, raw["derived"].key_lines[key], say("label.not_text", key=f"derived.{key}")))
        else:
            found[f"derived.{key}"] = text
    return found
