"""Each kind of data mistake gives a clear error with file and line; all are reported at once."""

from __future__ import annotations

from pathlib import Path

from helpers import errors_for

from macros.core.load import load

ROOT = Path(__file__).resolve().parent.parent


def edit(path: Path, old: str, new: str, count: int = -1) -> None:
    """Damage a copied data file by replacing text in it."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of_text(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def test_real_data_is_valid():
    kb = load(ROOT / "data")
    assert kb.recommendations
    assert kb.stakeholder_groups
    assert kb.sources


def test_missing_language(data):
    path = data / "themes.yml"
    edit(path, "name: {en: Working hours, zh: 工作时间}", "name: {en: Working hours}")
    line = line_of_text(path, "name: {en: Working hours}")
    assert f"data/themes.yml:{line}: record 'working-hours': name: the field 'zh' is missing" in errors_for(data)


def test_empty_text(data):
    path = data / "themes.yml"
    edit(path, "zh: 工作时间}", "zh: '  '}")
    line = line_of_text(path, "zh: '  '}")
    assert f"data/themes.yml:{line}: record 'working-hours': name, zh (Chinese): the text is empty" in errors_for(data)


def test_wrong_type(data):
    path = data / "recommendations.yml"
    edit(path, "priority: high", "priority: 3", 1)
    line = line_of_text(path, "priority: 3")
    errors = errors_for(data)
    assert any(e.startswith(f"data/recommendations.yml:{line}: record ") and "priority" in e for e in errors), errors


def test_unknown_enum_value_names_the_choices(data):
    path = data / "recommendations.yml"
    edit(path, "timeframe: within-a-year", "timeframe: soon", 1)
    line = line_of_text(path, "timeframe: soon")
    errors = errors_for(data)
    assert any(e.startswith(f"data/recommendations.yml:{line}:") and "'first-steps'" in e for e in errors), errors


def test_unknown_field(data):
    path = data / "themes.yml"
    edit(path, "- id: environment", "- id: environment\n  colour: green")
    line = line_of_text(path, "colour: green")
    expected = (
        f"data/themes.yml:{line}: record 'environment': unknown field 'colour'. "
        "Fields here: 'id', 'name', 'summary'."
    )
    assert expected in errors_for(data)


def test_unknown_reference(data):
    path = data / "actions.yml"
    text = path.read_text(encoding="utf-8")
    first_group = text.split("  group: ", 1)[1].split("\n", 1)[0]
    edit(path, f"  group: {first_group}", "  group: aliens", 1)
    line = line_of_text(path, "group: aliens")
    errors = errors_for(data)
    assert any(
        e.startswith(f"data/actions.yml:{line}:")
        and "group refers to 'aliens'" in e
        and "data/stakeholder_groups.yml" in e
        for e in errors
    ), errors


def test_duplicate_id(data):
    path = data / "themes.yml"
    path.write_text(
        path.read_text(encoding="utf-8") + "- id: environment\n  name: {en: X, zh: X}\n  summary: {en: X, zh: X}\n",
        encoding="utf-8",
    )
    line = len(path.read_text(encoding="utf-8").splitlines()) - 2
    assert f"data/themes.yml:{line}: the id 'environment' is used twice in this file" in errors_for(data)


def test_duplicate_key_is_not_silently_dropped(data):
    path = data / "themes.yml"
    edit(path, "- id: environment", "- id: environment\n  id: environment2")
    line = line_of_text(path, "id: environment2")
    errors = errors_for(data)
    assert any(
        e.startswith(f"data/themes.yml:{line}: YAML syntax error: the key 'id' appears twice") for e in errors
    ), errors


def test_yaml_syntax_error(data):
    path = data / "themes.yml"
    edit(path, "- id: environment", "- id: [environment")
    errors = errors_for(data)
    assert any(e.startswith("data/themes.yml:") and "YAML syntax error" in e for e in errors), errors
    assert all(":" in e.split(" ", 1)[0] for e in errors if e.startswith("data/themes.yml")), "every error has a line"


def test_tabs_are_explained(data):
    path = data / "themes.yml"
    edit(path, "  name: {en: Environment", "\tname: {en: Environment")
    line = line_of_text(path, "\tname: {en: Environment")
    errors = errors_for(data)
    assert any(e.startswith(f"data/themes.yml:{line}:") and "tabs" in e for e in errors), errors


def test_empty_file(data):
    (data / "checklist.yml").write_text("# nothing yet\n", encoding="utf-8")
    assert "data/checklist.yml: the file is empty" in errors_for(data)


def test_utf8_bom_is_accepted(data):
    path = data / "themes.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load(data).themes["environment"]


def test_all_problems_are_reported_together(data):
    for name, old, new in (
        ("themes.yml", "zh: 工作时间}", "zh: ''}"),
        ("organisations.yml", "kind: government", "kind: ministry"),
    ):
        edit(data / name, old, new, 1)
    errors = errors_for(data)
    assert any(e.startswith("data/themes.yml:") for e in errors)
    assert any(
        e.startswith("data/organisations.yml:") for e in errors
    )


def test_missing_label_in_one_language(data):
    path = data / "i18n" / "zh.yml"
    edit(path, "  reset: 显示全部\n", "")
    assert "data/i18n/zh.yml: the label 'filter.reset' is missing (other languages have it)" in errors_for(data)


def test_action_group_must_own_or_partner_its_recommendation(data):
    path = data / "actions.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + "- id: stray\n  recommendation: coordinate-monitoring\n  group: workers\n"
        "  step: {en: X, zh: X}\n  timeframe: first-steps\n  indicator: {en: X, zh: X}\n"
        "  provenance: synthesis\n  sources: [bsr-case-study]\n",
        encoding="utf-8",
    )
    errors = errors_for(data)
    assert any("record 'stray': the group 'workers' is neither an owner nor a partner" in e for e in errors), errors
