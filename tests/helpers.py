"""Helpers the tests share: the project's root, copies of the project, builds (in a subprocess, or in
this process for builds that must fail early), the hostile data corpus."""

from __future__ import annotations

import functools
import itertools
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from macros.core.languages import DERIVED, WRITTEN, written_source

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "overrides")
EPOCH = "1700000000"  # 2023-11-14: the build date of conftest's hostile_site (any fixed value)
VARIANT_URL = "https://kb.example.cn/"  # the public address of conftest's variant_site
CHROMIUM = "/usr/bin/chromium"  # the same as macros.tools.browser.CHROMIUM


def _group_ids() -> list[str]:
    """The stakeholder groups' ids, read without validation, to parametrize tests by group."""
    import yaml

    try:
        records = yaml.safe_load((ROOT / "data" / "stakeholder_groups.yml").read_text(encoding="utf-8")) or []
        return [r["id"] for r in records if isinstance(r, dict) and "id" in r]
    except (OSError, yaml.YAMLError):  # the data tests report the mistake with its file and line
        return []


GROUP_IDS = _group_ids()


@functools.cache
def project_kb():
    """The project's data (data/), loaded once per test process: the modules that parametrize by its
    records at import share it with conftest's `kb` fixture (each load takes a second or two). The
    model is frozen, so sharing it is safe."""
    from macros.core.load import load

    return load(ROOT / "data")


def copy_project(dest: Path) -> Path:
    """A copy of the buildable project, for tests that damage data or config."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def build(project: Path, out: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """A strict build of `project` into `out`, in a fresh interpreter, as `make build` runs it."""
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": os.environ["HOME"], **(env or {})}
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-q", "-d", str(out), *extra],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def build_in_process(project: Path, out: Path) -> subprocess.CompletedProcess:
    """A strict build of `project` run here, as `mkdocs build --strict -q` runs it: for builds that
    must fail, which stop in on_config (a second or less here, against seconds for a fresh
    interpreter's imports). stderr holds what the CLI prints with -q: errors, then the abort line
    or the traceback of an unexpected exception. The build runs in `project`, so a payload that
    wrote a file would write it there."""
    import contextlib
    import io
    import logging
    import traceback

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    stderr = io.StringIO()
    handler = logging.StreamHandler(stderr)
    handler.setLevel(logging.ERROR)  # -q
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))  # the CLI's prefix
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    path = list(sys.path)  # mkdocs-macros and the hooks file add the project to sys.path
    code = 0
    try:
        with contextlib.chdir(project):
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(out), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
    except Abort as exc:
        stderr.write(f"\n{exc.format_message()}\n")
        code = exc.code
    except Exception:  # noqa: BLE001 - shown as the CLI shows it, so tests can assert it is absent
        stderr.write(traceback.format_exc())
        code = 1
    finally:
        logger.removeHandler(handler)
        sys.path[:] = path
    return subprocess.CompletedProcess(["mkdocs", "build", str(project)], code, "", stderr.getvalue())


def build_site(project: Path, out: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python -m macros site` (what `make site` runs): the complete site, swapped into `out` when done."""
    environ = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": os.environ["HOME"], **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "macros", "site", "--out", str(out), *extra],
        cwd=project, capture_output=True, text=True, env=environ, timeout=900,
    )


def errors_for(data: Path) -> list[str]:
    """The `file:line: message` of every problem loading `data` reports (it must report some)."""
    import pytest

    from macros.core.load import load
    from macros.core.yaml_source import DataErrors

    with pytest.raises(DataErrors) as info:
        load(data)
    return [str(e) for e in info.value.errors]


# -- the hostile corpus ---------------------------------------------------------------------------
PAYLOAD = (
    "</title></textarea><script>alert(1)</script> a | b | c {{ 7*7 }} {% if 1 %}J{% endif %} "
    "*em* _u_ [l](http://x) <b>b</b> &amp; `c` # h"
)

# kind -> fields of its first record that pages show. "x.0" is the first item of list x; a trailing
# "!" marks a plain (one-language) text field. tests check this covers every text field of the model.
# A kind not listed (a new one) is in the corpus with every text field of its model: see rendered().
RENDERED = {
    "sources": ["title", "publisher", "supports", "document_number"],
    "organisations": ["name", "role", "acronym!", "members.0"],
    "stakeholder_groups": ["name", "who", "needs"],
    "themes": ["name", "summary"],
    "findings": ["title", "statement", "evidence"],
    "root_causes": ["cause", "explanation"],
    "costs_benefits": ["title", "description", "measure"],
    "recommendations": ["title", "summary", "indicators.0"],
    "actions": ["step", "indicator"],
    "timeline": ["event"],
    "minimum_wage": ["note"],
    "glossary": ["en!", "zh!", "definition", "avoid.en.0!"],
    "checklist": ["title", "items.0.question", "items.0.basis"],
    "changes": ["title", "what_changed"],
    "rules": ["title", "says"],
    "channels": ["name", "what", "how", "time_limit", "cost"],
    "situations": ["title", "summary", "law.0", "evidence.0", "steps.0.note"],
    "search_synonyms": [],  # never shown: only the search index reads it
}
NEEDS_VALUE = {("rules", "says")}  # a rule's sentence must say where its figure goes
# kinds whose `rules` list must name exactly the {rule:…} in their texts: every text is replaced, so none
NAMES_RULES = {"channels"}
LABEL = ("col", "recommendation")  # one label from data/i18n, shown as a table header
# A label may hold no braces but its {name} placeholders (macros/core/labels.py; tests/test_bounds.py
# checks the refusal), so the label carries the rest of PAYLOAD: markup, a script, table pipes.
LABEL_PAYLOAD = PAYLOAD.replace("{{ 7*7 }} {% if 1 %}J{% endif %} ", "")


def _inject(record: dict, path: str, value: object) -> None:
    """Set record[path] (dotted, digits index lists), creating missing lists and mappings."""
    steps = path.rstrip("!").split(".")
    node = record
    for step, following in itertools.pairwise(steps):
        node = node[int(step)] if step.isdigit() else node.setdefault(step, [] if following.isdigit() else {})
    last = steps[-1]
    if not last.isdigit():
        node[last] = value
    elif int(last) < len(node):
        node[int(last)] = value
    else:
        node.append(value)


def text_fields(model: Any, prefix: str = "") -> Iterator[str]:
    """The text fields of a model, as RENDERED writes them ("x.0" for the first item of a list)."""
    from macros.core.model import Text

    for name, info in model.model_fields.items():
        ann = info.annotation
        if ann is Text:
            yield prefix + name
        elif getattr(ann, "__origin__", None) is list and ann.__args__[0] is Text:
            yield prefix + name + ".0"
        elif (
            getattr(ann, "__origin__", None) is list
            and isinstance(ann.__args__[0], type)
            and hasattr(ann.__args__[0], "model_fields")
        ):
            yield from text_fields(ann.__args__[0], prefix + name + ".0.")


def rendered() -> dict[str, list[str]]:
    """RENDERED, and for each kind of the registry it does not list every text field of the kind's model."""
    from macros.core.kinds import models

    return {kind: RENDERED[kind] if kind in RENDERED else list(text_fields(m)) for kind, m in models().items()}


def hostile_markers() -> dict[str, dict[str, str]]:
    """lang -> marker -> 'kind.field' for every injected text (a derived language shows its source's markers,
    converted: they are ASCII, so unchanged)."""
    out: dict[str, dict[str, str]] = {lang: {} for lang in WRITTEN}
    n = 0
    for kind, fields in rendered().items():
        for field in fields:
            for lang in WRITTEN:
                n += 1
                out[lang][f"HX{n:03d}"] = f"{kind}.{field}"
    return out | {lang: out[written_source(lang)] for lang in DERIVED}


def make_hostile_project(dest: Path) -> Path:
    """A copy of the project whose data carries PAYLOAD, after a marker, in every text field of RENDERED
    (first record of each kind, both languages) and in one label: the one hostile corpus the build is
    tested with (conftest's hostile_site)."""
    import yaml

    project = copy_project(dest)
    data = project / "data"
    n = 0
    for kind, fields in rendered().items():
        path = data / f"{kind}.yml"
        records = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # everything stays text
        for field in fields:
            texts = {}
            for lang in WRITTEN:
                n += 1
                texts[lang] = f"HX{n:03d} {PAYLOAD}" + (" {value}" if (kind, field) in NEEDS_VALUE else "")
            # one text shown in both languages: the en marker for en pages, the zh one for zh
            value: object = f"{texts['en']} {texts['zh']}" if field.endswith("!") else texts
            _inject(records[0], field, value)
        if kind in NAMES_RULES:
            records[0]["rules"] = []
        path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    for lang in WRITTEN:
        path = data / "i18n" / f"{lang}.yml"
        labels = yaml.safe_load(path.read_text(encoding="utf-8"))
        labels[LABEL[0]][LABEL[1]] = f"HXLABEL {LABEL_PAYLOAD}"
        path.write_text(yaml.safe_dump(labels, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return project
