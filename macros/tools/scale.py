"""Generate a scaled copy of the project (N x records, N x pages) for the build benchmark.

Why: the claim "build time grows no faster than linearly with the data" needs a data set
larger than the real one that is still *valid*, so the build exercises the same code paths.
Every record is copied N-1 times with its id (and nested ids) suffixed `-x<k>`; every
reference inside copy k points at copy k of its target, so references stay valid. Each
copied stakeholder group gets a copy of every page named after its original (plans/<id>.md,
handouts/<id>.md...) in both languages, its macro calls naming the copy: renderers link to
those pages, and they call the macros as the real ones do.
"""

from __future__ import annotations

import re
import shutil
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from macros.core.kinds import models
from macros.core.languages import WRITTEN
from macros.core.paths import ROOT
from macros.core.references import ref_fields
from macros.core.rule_refs import RULE_REF

PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "overrides")


class _NoAliases(yaml.SafeDumper):
    """Writes repeated values out in full: data files may not use anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def copy_project(dest: Path, root: Path = ROOT) -> Path:
    """The buildable parts of the project, copied to `dest` (never the real site/)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = root / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        else:
            shutil.copy2(src, dest / part)
    return dest


def _nested_models(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Field name -> model class, for fields holding a model or a list of models."""
    found = {}
    for name, info in model.model_fields.items():
        ann = info.annotation
        if typing.get_origin(ann) is list:
            (ann,) = typing.get_args(ann)
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            found[name] = ann
    return found


def _placeholders_suffixed(node: Any, suffix: str) -> Any:
    """Texts whose `{rule:<id>}` name the copied rule (a copy's `rules` list names the copies)."""
    if isinstance(node, str):
        return RULE_REF.sub(lambda m: "{rule:" + m.group(1) + suffix + "}", node)
    if isinstance(node, dict):
        return {k: _placeholders_suffixed(v, suffix) for k, v in node.items()}
    if isinstance(node, list):
        return [_placeholders_suffixed(v, suffix) for v in node]
    return node


def _suffixed(node: Any, model: type[BaseModel], suffix: str) -> Any:
    """A copy of one raw record with its ids and every reference suffixed."""
    if not isinstance(node, dict):
        return node
    out = dict(node)
    if "id" in model.model_fields and isinstance(out.get("id"), str):
        out["id"] += suffix
    for name, (_kind, many) in ref_fields(model).items():
        if name in out:
            out[name] = [v + suffix for v in out[name]] if many else out[name] + suffix
    for name, sub in _nested_models(model).items():
        value = out.get(name)
        if isinstance(value, list):
            out[name] = [_suffixed(item, sub, suffix) for item in value]
        elif isinstance(value, dict):
            out[name] = _suffixed(value, sub, suffix)
    return out


def _page_for_copy(markdown: str, group: str, copy: str) -> str:
    """A real per-group page (e.g. plans/buyers.md) for a copied group: its macro calls name the copy."""
    quoted = re.compile(rf"([\"']){re.escape(group)}\1")
    return re.sub(
        r"\{\{.*?\}\}",
        lambda m: quoted.sub(lambda q: f"{q.group(1)}{copy}{q.group(1)}", m.group(0)),
        markdown,
        flags=re.DOTALL,
    )


def scale_data(data_dir: Path, factor: int) -> dict[str, int]:
    """Multiply every data file in place; returns the record count per kind."""
    counts = {}
    for kind, model in models().items():
        path = data_dir / f"{kind}.yml"
        records = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
        records = records + [
            _suffixed(_placeholders_suffixed(r, f"-x{k}"), model, f"-x{k}")
            for k in range(2, factor + 1)
            for r in records
        ]
        path.write_text(
            yaml.dump(records, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
        )
        counts[kind] = len(records)
    return counts


def scale_pages(docs_dir: Path, data_dir: Path) -> int:
    """For every page named after a group (plans/<id>.md, ...), one copy per copied group; returns pages written."""
    groups = [g["id"] for g in yaml.safe_load((data_dir / "stakeholder_groups.yml").read_text(encoding="utf-8"))]
    copies: dict[str, list[str]] = {}
    for gid in groups:
        base, _, k = gid.rpartition("-x")
        if base and k.isdigit():
            copies.setdefault(base, []).append(gid)
    written = 0
    for lang in WRITTEN:
        for page in sorted((docs_dir / lang).rglob("*.md")):
            for copy in copies.get(page.stem, ()):
                target = page.with_name(f"{copy}.md")
                target.write_text(_page_for_copy(page.read_text(encoding="utf-8"), page.stem, copy), encoding="utf-8")
                written += 1
    return written


def make_scaled_project(dest: Path, factor: int, root: Path = ROOT) -> Path:
    """A copy of the project at `dest` with factor x records and the pages they need."""
    project = copy_project(dest, root)
    if factor > 1:
        scale_data(project / "data", factor)
        scale_pages(project / "docs", project / "data")
    return project
