"""The layout keeps its promises: tools import no build machinery, every documented macro exists and
renders in both languages, the label tables agree on placeholders, and a few records render exactly
as recorded in tests/golden/ (UPDATE_GOLDEN=1 rewrites them after an intended change)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from helpers import ROOT

from macros.core.languages import LANGS
from macros.core.load import load
from macros.core.pages import record_pages
from macros.core.yaml_source import DataErrors
from macros.render import MACROS, Page, PageContext

GOLDEN = ROOT / "tests" / "golden"

# Literal arguments for each macro that takes some: what a page would pass.
SAMPLE_ARGS: dict[str, tuple[str, ...]] = {
    "record_page": ("findings", "hours-follow-orders"),
    "record_title": ("root_causes", "late-order-changes"),
    "action_plan": ("buyers",),
    "group_profile": ("buyers",),
    "group_name": ("buyers",),
    "handout": ("buyers",),
    "cite": ("fias-2007-report",),
    "label": ("label.none",),
    "qr": ("plan-buyers",),
    "costs_benefits": ("cost",),
    "worksheet_warning": ("wage",),
    "rule": ("maternity-leave-guangdong",),
    "rule_says": ("maternity-leave-guangdong",),
    "rule_basis": ("minimum-wage-monthly",),
    "rule_number": ("overtime-monthly-limit",),
    "rule_list": ("overtime-rate-workday", "overtime-rate-rest-day"),
    "wage_level": ("2022",),
}


@pytest.fixture(scope="module")
def kb():
    return load(ROOT / "data")


def page_for(kb, lang: str) -> Page:
    return Page(kb, PageContext(lang=lang, location="" if lang == LANGS[0] else f"{lang}/", docs_dir=ROOT / "docs",
                                generated=frozenset(record_pages(kb))))


@pytest.mark.parametrize(
    "module",
    [
        "macros.tools.links",
        "macros.tools.typography",
        "macros.core.languages",
        "macros.core.page_templates",
        "macros.tools.static_server",
        "macros",
    ],
)
def test_light_modules_load_neither_pydantic_nor_mkdocs(module):
    code = f"import sys, {module}; print(sorted(m for m in ('pydantic', 'mkdocs', 'jieba') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", f"{module} imports {out.strip()}"


def test_every_documented_macro_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    bullet = readme.split("- **Macros**", 1)[1].split("\n- ", 1)[0]
    documented = set(re.findall(r"`([a-z_]+)\(", bullet))
    assert documented == set(MACROS), (
        f"README only: {documented - set(MACROS)}; MACROS only: {set(MACROS) - documented}"
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(MACROS))
def test_every_macro_renders_in_both_languages(kb, name, lang):
    html = MACROS[name](page_for(kb, lang), *SAMPLE_ARGS.get(name, ()))
    assert html.strip(), f"{name} rendered nothing"
    assert "{{" not in html
    assert "{%" not in html


def test_label_tables_must_agree_on_placeholders(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "i18n" / "zh.yml"
    text = path.read_text(encoding="utf-8")
    damaged = re.sub(r"^(  status: .*)\{shown\}", r"\1{shwon}", text, count=1, flags=re.MULTILINE)
    assert damaged != text
    path.write_text(damaged, encoding="utf-8")
    with pytest.raises(DataErrors) as info:
        load(tmp_path / "data")
    assert any(str(e).startswith("data/i18n/zh.yml:") and "placeholders" in str(e) for e in info.value.errors)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("name", "args"),
    [("timeline", ()), ("cite", ("fias-2007-report", "prc-labour-law")), ("group_profile", ("workers",))],
)
def test_golden_records(kb, name, args, lang):
    html = MACROS[name](page_for(kb, lang), *args)
    golden = GOLDEN / f"{name}-{lang}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(html + "\n", encoding="utf-8")
    assert html + "\n" == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs: check the change, then UPDATE_GOLDEN=1"
    )
