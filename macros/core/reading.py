"""Read the data files: each file parsed with its lines, each record validated against its model,
the labels of each language flattened and compared. Every problem is a DataError with file and line."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from macros.core import characters
from macros.core.labels import brace_problem, placeholders
from macros.core.languages import LANGS
from macros.core.limits import MAX_LABEL_CHARS
from macros.core.model import (
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
from macros.core.yaml_source import DataError, DataErrors, LineDict, LineList, line_of, load_yaml

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
    elif isinstance(node, str) and (found := characters.problem(node)):
        position, what = found
        where = ".".join(str(p) for p in path if not isinstance(p, int)) or "text"
        errors.append(
            DataError(
                label,
                line_of(root, path),
                f"{where}: the text holds {what} at position {position + 1}; delete it",
            )
        )


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
                label, getattr(raw, "line", 1), "the file must be a list of records (each starting with '- id: …')"
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
            errors.append(DataError(label, line, "each record must be a mapping of fields (found a plain value)"))
            continue
        rid: str = item["id"] if isinstance(item.get("id"), str) else f"#{index + 1}"
        try:
            record = model.model_validate(item)
        except ValidationError as exc:
            invalid_ids.add(rid)
            for err in exc.errors():
                loc = (index, *tuple(err["loc"]))
                err = {**err, "loc": loc}
                errors.append(DataError(label, line_of(raw, loc), f"record '{rid}': {_message(err)}"))
            continue
        if record.id in records:
            errors.append(DataError(label, line, f"the id '{record.id}' is used twice in this file"))
            continue
        records[record.id] = record
    return raw, records


def read_strings(data_dir: Path, errors: list[DataError]) -> dict[str, dict[str, str]]:
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
                wrong = (
                    f"is too long ({len(node):,} characters; at most {MAX_LABEL_CHARS:,})"
                    if len(node) > MAX_LABEL_CHARS
                    else brace_problem(node)
                )
                if wrong:
                    errors.append(DataError(label, line, f"the label '{prefix}': {wrong}"))  # noqa: B023
            else:
                errors.append(DataError(label, line, f"the label '{prefix}' must be non-empty text"))  # noqa: B023

        if not isinstance(raw, LineDict):
            errors.append(DataError(label, 1, "the file must be a mapping of label keys to text"))
            continue
        character_problems(raw, label, raw, (), errors)
        flatten(raw, "", raw.line)
        strings[lang], lines[lang] = flat, flat_lines
    if len(strings) == len(LANGS):
        for lang in LANGS:
            others = set().union(*(strings[o] for o in LANGS if o != lang))
            errors.extend(
                DataError(f"data/i18n/{lang}.yml", None, f"the label '{key}' is missing (other languages have it)")
                for key in sorted(others - set(strings[lang]))
            )
            errors.extend(
                DataError(
                    f"data/i18n/{lang}.yml",
                    lines[lang].get(key),
                    f"the label '{key}' uses the placeholders {sorted(placeholders(strings[lang][key]))}, "
                    f"data/i18n/{LANGS[0]}.yml uses {sorted(placeholders(strings[LANGS[0]][key]))}",
                )
                for key in sorted(set(strings[lang]) & set(strings[LANGS[0]]))
                if lang != LANGS[0] and placeholders(strings[lang][key]) != placeholders(strings[LANGS[0]][key])
            )
            for prefix, enum in LABELLED_ENUMS.items():
                for member in enum:
                    key = f"{prefix}.{member.value}"
                    if key not in strings[lang]:
                        errors.append(DataError(f"data/i18n/{lang}.yml", None, f"the label '{key}' is missing"))
    return strings
