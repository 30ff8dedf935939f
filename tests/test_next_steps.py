"""The self-assessment ends in a plan: every checklist item leads to next steps, checked at load and render time."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import errors_for, project_kb

from macros.render import MACROS, MissingPage, Page, PageContext
from macros.render.checklist import next_steps

ROOT = Path(__file__).resolve().parent.parent
KB = project_kb()
ITEMS = [item for sec in KB.checklist.values() for item in sec.items]


def page(lang: str, docs: Path = ROOT / "docs") -> Page:
    return Page(
        KB,
        PageContext(
            lang=lang,
            location=("" if lang == "en" else "zh/") + "guides/self-assessment/",
            docs_dir=docs,
            src_path="guides/self-assessment.md",
        ),
    )


def test_every_checklist_item_leads_to_a_next_step():
    assert len(ITEMS) >= 35
    for item in ITEMS:
        assert item.actions or item.recommendations or item.guides, item.id


def test_next_step_references_point_at_suppliers_work():
    """The self-assessment is a supplier's tool: its actions are the suppliers' or their workers' own steps."""
    for item in ITEMS:
        for aid in item.actions:
            assert KB.actions[aid].group in ("suppliers", "workers"), (item.id, aid)


def test_an_item_without_next_steps_is_refused_with_its_line(data):
    path = data / "checklist.yml"
    text = path.read_text(encoding="utf-8")
    block = re.search(r"(    - id: hours-records\n(?:      .*\n)+?)(?=    - id:)", text).group(1)
    stripped = "".join(
        line + "\n"
        for line in block.splitlines()
        if not line.startswith(("      actions:", "      recommendations:", "      guides:"))
    )
    path.write_text(text.replace(block, stripped), encoding="utf-8")
    line = next(
        n for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if ln == "    - id: hours-records"
    )
    errors = errors_for(data)
    assert any(
        e.startswith(f"data/checklist.yml:{line}: record 'hours': ") and "at least one next step" in e for e in errors
    ), errors


def test_an_unknown_action_reference_is_refused(data):
    path = data / "checklist.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("actions: [sup-plan-hours]", "actions: [sup-no-such-action]", 1), encoding="utf-8")
    line = next(
        n for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "sup-no-such-action" in ln
    )
    assert (
        f"data/checklist.yml:{line}: record 'hours': actions refers to 'sup-no-such-action', "
        "which is not an id in data/actions.yml."
    ) in " ".join(errors_for(data))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_item_renders_its_next_steps_in_its_language(lang):
    out = MACROS["checklist"](page(lang))
    for item in ITEMS:
        steps = re.search(rf'<ul class="kb-steps" data-steps-for="{item.id}">(.*?)</ul>', out).group(1)
        assert steps.count("<li") == len(item.actions) + len(item.recommendations) + len(item.guides) >= 1
        for aid in item.actions:
            assert f'#action-{aid}"' in steps
        for rid in item.recommendations:
            assert f"#rec-{rid}" in steps
    assert f'data-lang="{lang}"' in out
    assert 'data-format="shenzhen-ict-csr-self-assessment"' in out
    for key in ("error_json", "error_format", "error_version", "error_content", "confirm_reset"):
        assert f'data-msg-{key.replace("_", "-")}="' in out
    assert KB.strings[lang]["self_assessment.kind_action"] in out


def test_a_guide_missing_in_one_language_fails_the_build(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "zh" / "guides" / "management-systems.md").unlink()
    assert next_steps(page("en", docs), next(i for i in ITEMS if "guides/management-systems.md" in i.guides))
    with pytest.raises(MissingPage, match=r"management-systems\.md"):
        MACROS["checklist"](page("zh", docs))
