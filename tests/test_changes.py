"""Then and now (issue 22): source status fields and changes entries are validated with file:line
errors, and `python -m macros review` lists the facts due for review with the right exit code."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from helpers import ROOT, errors_for

from macros.__main__ import main
from macros.core.load import load
from macros.core.model import STATUS_KINDS
from macros.tools.review import add_months, due_items

LABOUR_LAW = "  document_number: {en: Order of the President No. 28, zh: 主席令第二十八号}\n  checked: 2026-12-07\n"


def checked_labour_law(data: Path, new: str) -> None:
    """Replace the Labour Law's `checked:` line by `new` (lines, or '' to delete it)."""
    edit(data / "sources.yml", LABOUR_LAW, LABOUR_LAW.replace("  checked: 2026-12-07\n", new))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


# -- the model ------------------------------------------------------------------------------------


def test_every_law_code_policy_and_standard_has_a_status_and_checked_date(kb):
    for src in kb.sources.values():
        if src.kind.value in STATUS_KINDS:
            assert src.status is not None, src.id
            assert src.checked is not None, src.id


def test_a_status_without_checked_date_is_refused_at_its_line(data):
    path = data / "sources.yml"
    checked_labour_law(data, "")
    line = line_of(path, "- id: prc-labour-law")
    assert any(
        e.startswith(f"data/sources.yml:{line}: record 'prc-labour-law'") and "needs checked" in e
        for e in errors_for(data)
    )


def test_superseded_without_superseded_by_is_refused(data):
    path = data / "sources.yml"
    edit(path, "  superseded_by: company-law-2023\n", "")
    line = line_of(path, "- id: company-law-2005")
    assert any(
        e.startswith(f"data/sources.yml:{line}: record 'company-law-2005'") and "needs superseded_by" in e
        for e in errors_for(data)
    )


def test_superseded_by_on_a_source_in_force_is_refused(data):
    path = data / "sources.yml"
    edit(path, "- id: prc-labour-law\n  kind: law\n", "- id: prc-labour-law\n  kind: law\n  superseded_by: ldmal\n")
    assert any("superseded_by is only for a source whose status is superseded" in e for e in errors_for(data))


def test_superseded_by_an_unknown_source_is_refused_at_its_line(data):
    path = data / "sources.yml"
    edit(path, "  superseded_by: company-law-2023\n", "  superseded_by: company-law-2099\n")
    line = line_of(path, "superseded_by: company-law-2099")
    assert (
        f"data/sources.yml:{line}: record 'company-law-2005': superseded_by refers to 'company-law-2099', "
        "which is not an id in data/sources.yml. Did you mean 'company-law-2023'? Valid: "
    ) in " ".join(errors_for(data))


def test_a_checked_date_that_is_no_day_is_refused(data):
    checked_labour_law(data, "  checked: 2026-02-30\n")
    assert any("record 'prc-labour-law': checked:" in e for e in errors_for(data))


def test_a_change_naming_a_missing_heading_fails_at_its_line(data):
    path = data / "changes.yml"
    edit(path, '"guides/worker-engagement#statutory-channels"', '"guides/worker-engagement#no-such-heading"')
    line = line_of(path, "guides/worker-engagement#no-such-heading")
    errors = errors_for(data)
    for lang in ("en", "zh"):
        assert any(
            e.startswith(f"data/changes.yml:{line}: record 'ldmal-2008'")
            and f"docs/{lang}/guides/worker-engagement.md has no heading" in e
            for e in errors
        ), errors


def test_a_change_naming_a_missing_page_fails_at_its_line(data):
    path = data / "changes.yml"
    edit(path, '"guides/worker-engagement#statutory-channels"', '"guides/no-such-guide#steps"')
    line = line_of(path, "guides/no-such-guide#steps")
    assert any(
        e.startswith(f"data/changes.yml:{line}: record 'ldmal-2008'") and "'guides/no-such-guide'" in e
        for e in errors_for(data)
    )


def test_a_heading_missing_in_one_language_only_fails(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    edit(tmp_path / "docs" / "zh" / "guides" / "worker-engagement.md", "{ #statutory-channels }", "")
    errors = errors_for(tmp_path / "data")
    assert any("docs/zh/guides/worker-engagement.md has no heading" in e for e in errors)
    assert not any("docs/en/guides/worker-engagement.md" in e for e in errors)


def test_a_change_affecting_an_unknown_action_is_refused(data):
    path = data / "changes.yml"
    edit(path, "actions: [workers-hotline-link, ngos-map-services]", "actions: [workers-hotline-link, no-such-action]")
    line = line_of(path, "no-such-action")
    assert any(e.startswith(f"data/changes.yml:{line}:") and "no-such-action" in e for e in errors_for(data))


# -- the review tool -------------------------------------------------------------------------------


def test_add_months_clamps_to_the_end_of_the_month():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2025, 12, 5), 12) == date(2026, 12, 5)
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)


def test_nothing_is_due_the_day_after_checking(kb):
    assert due_items(kb, date(2026, 12, 6)) == []


def test_a_fact_is_due_once_its_interval_has_passed(data):
    checked_labour_law(data, "  checked: 2025-12-04\n")
    kb = load(data)
    due = [d.what for d in due_items(kb, date(2026, 12, 5))]
    assert due == ["sources/prc-labour-law"]
    assert due_items(kb, date(2026, 12, 4)) == []  # exactly on the review date: not yet older than the interval


def test_a_source_sets_its_own_interval(data):
    checked_labour_law(data, "  checked: 2026-06-01\n  review_months: 3\n")
    kb = load(data)
    assert [d.what for d in due_items(kb, date(2026, 9, 2))] == ["sources/prc-labour-law"]
    assert due_items(kb, date(2026, 9, 1)) == []


def test_the_current_minimum_wage_without_checked_date_is_due(data):
    path = data / "minimum_wage.yml"
    text = path.read_text(encoding="utf-8")
    last = text.rindex("  checked: ")
    path.write_text(text[:last] + text[text.index("\n", last) + 1 :], encoding="utf-8")
    kb = load(data)
    current = max(kb.minimum_wage.values(), key=lambda w: w.effective)
    due = due_items(kb, date(2026, 12, 6))
    assert [d.what for d in due] == [f"minimum_wage/{current.id}"]
    assert "never checked" in due[0].line()


@pytest.mark.parametrize(("today", "code"), [("2026-12-06", 0), ("2030-01-01", 1)])
def test_review_exit_code_and_list(capsys, today, code):
    assert main(["review", "--today", today]) == code
    out = capsys.readouterr().out
    if code:
        assert "data/sources.yml:" in out
        assert "due since" in out
        assert "data/changes.yml:" in out
    else:
        assert "nothing due" in out
