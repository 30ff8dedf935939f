"""Cross-references between records: every `Ref` points at an existing id, nested ids are unique,
and an action's group owns or partners its recommendation."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from macros.core.kinds import models
from macros.core.messages import choices_hint, say
from macros.core.model import (
    Action,
    Recommendation,
    Record,
    Ref,
)
from macros.core.yaml_source import DataError, LineList, line_of


def ref_fields(model: type[BaseModel]) -> dict[str, tuple[str, bool]]:
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


def _walk(obj: BaseModel, loc: tuple[str | int, ...]) -> Iterator[tuple[BaseModel, tuple[str | int, ...]]]:
    """Yield (model, loc) for obj and every model nested in it."""
    yield obj, loc
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        if isinstance(value, BaseModel):
            yield from _walk(value, (*loc, name))
        elif isinstance(value, (list, tuple)):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _walk(item, (*loc, name, i))


def cross_check(
    raws: dict[str, LineList],
    records: dict[str, dict[str, Record]],
    invalid: dict[str, set[str] | None],
    errors: list[DataError],
) -> None:
    for kind, by_id in records.items():
        for record in by_id.values():
            for obj, loc in _walk(record, ()):
                for name, (target, many) in ref_fields(type(obj)).items():
                    values = getattr(obj, name)
                    for j, value in enumerate(values if many else [values] if values is not None else []):
                        broken = invalid.get(target)
                        if broken is None or value in broken:
                            continue
                        if value not in records.get(target, {}):
                            path = raw_index(raws[kind], record.id) + loc + ((name, j) if many else (name,))
                            errors.append(_unknown(kind, raws, record.id, path, name, value, target, records))
    _invalid_records_references(raws, records, invalid, errors)
    _nested_duplicates(raws, records, errors)
    for action in records.get("actions", {}).values():
        if not isinstance(action, Action):
            continue
        rec = records.get("recommendations", {}).get(action.recommendation)
        if rec is not None and not isinstance(rec, Recommendation):
            continue
        if rec and action.group not in rec.owners + rec.partners:
            path = (*raw_index(raws["actions"], action.id), "group")
            errors.append(
                DataError(
                    "data/actions.yml",
                    line_of(raws["actions"], path),
                    say("where", where=say("record", id=action.id), text=say(
                        "ref.group_not_in_recommendation", group=action.group, recommendation=rec.id)),
                )
            )


def _unknown(
    kind: str, raws: dict[str, LineList], rid: str, path: tuple[Any, ...], name: str, value: object,
    target: str, records: dict[str, dict[str, Record]],
) -> DataError:
    """A reference to an id that does not exist: where, and the nearest valid ids."""
    valid = records.get(target, {})
    text = say("ref.unknown", field=name, value=value, target=target) + choices_hint(value, valid)
    where = say("record", id=rid)
    return DataError(f"data/{kind}.yml", line_of(raws[kind], path), say("where", where=where, text=text))


def _invalid_records_references(
    raws: dict[str, LineList],
    records: dict[str, dict[str, Record]],
    invalid: dict[str, set[str] | None],
    errors: list[DataError],
) -> None:
    """The top-level references of records that failed validation, read from the raw file: a mistyped
    field and a wrong id in the same record are both reported in the first run, not one after the other."""
    for kind, broken in invalid.items():
        if not broken:
            continue
        fields = ref_fields(models()[kind])
        for item in raws.get(kind, ()):
            if not isinstance(item, dict) or item.get("id") not in broken:
                continue
            for name, (target, many) in fields.items():
                raw_value = item.get(name)
                values = raw_value if many and isinstance(raw_value, list) else [raw_value]
                for j, value in enumerate(values):
                    target_broken = invalid.get(target)
                    if not isinstance(value, str) or target_broken is None or value in target_broken:
                        continue
                    if value not in records.get(target, {}):
                        path = raw_index(raws[kind], item["id"]) + ((name, j) if many else (name,))
                        errors.append(_unknown(kind, raws, item["id"], path, name, value, target, records))


def _nested_duplicates(
    raws: dict[str, LineList], records: dict[str, dict[str, Record]], errors: list[DataError]
) -> None:
    """Ids of nested records (e.g. checklist items) are unique in their file: they become HTML ids and form names."""
    for kind, by_id in records.items():
        seen: dict[str, int | None] = {}
        for record in by_id.values():
            for obj, loc in _walk(record, ()):
                if not loc or not isinstance(obj, Record):
                    continue
                line = line_of(raws[kind], raw_index(raws[kind], record.id) + loc + ("id",))
                if obj.id in seen or obj.id in by_id:
                    first = seen.get(obj.id) or line_of(raws[kind], raw_index(raws[kind], obj.id))
                    errors.append(
                        DataError(
                            f"data/{kind}.yml",
                            line,
                            say("where", where=say("record", id=record.id),
                                text=say("ref.nested_duplicate", id=obj.id, first=first)),
                        )
                    )
                else:
                    seen[obj.id] = line


def raw_index(raw: LineList, rid: str) -> tuple[int, ...]:
    """The position of the first raw record with this id (an index built once per file, not a scan per call)."""
    index = getattr(raw, "id_index", None)
    if index is None:
        index = {}
        for i, item in enumerate(raw):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                index.setdefault(item["id"], i)
        raw.id_index = index
    return (index[rid],) if rid in index else ()
