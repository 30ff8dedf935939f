"""Contributor workflow: translation tracking, terminology, schemas, edit links, dates, CI and guides."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, copy_project
from pydantic import ValidationError

from macros.core import translations as tr
from macros.core.kinds import models
from macros.core.yaml_source import load_yaml
from macros.tools import schema as schema_mod

DOCS = ROOT / "docs"
ZH_PAGES = sorted(p.relative_to(DOCS / "zh").as_posix() for p in (DOCS / "zh").rglob("*.md"))
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]


def cli(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m macros …` on a project folder, as Make and pre-commit call it."""
    env = {"PATH": "/usr/bin:/bin", "HOME": os.environ["HOME"], "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "macros", "--data", str(project / "data"), *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def line_of(path: Path, needle: str) -> int:
    return next(i for i, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in row)


# -- 1. translation tracking ----------------------------------------------------------------------
def test_blob_sha_is_the_id_git_gives_the_file():
    for path in (DOCS / "en" / "about" / "index.md", ROOT / "mkdocs.yml"):
        expected = subprocess.run(
            ["git", "hash-object", str(path)], capture_output=True, text=True, check=True
        ).stdout.strip()
        assert tr.blob_sha(path.read_bytes()) == expected


@pytest.mark.parametrize("path", ZH_PAGES)
def test_every_chinese_page_records_what_it_translates(path):
    recorded = tr.front_matter((DOCS / "zh" / path).read_text(encoding="utf-8")).get("translation_of")
    assert isinstance(recorded, str), "translation_of: <git blob sha1> is missing"
    assert re.fullmatch(r"[0-9a-f]{40}", recorded), "translation_of: <git blob sha1> is missing"


def test_translation_status_runs_on_the_real_tree():
    result = cli(ROOT, "translation-status", "--no-diff")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def test_with_translation_of_adds_or_replaces_the_front_matter_line():
    assert (
        tr.with_translation_of("---\ndescription: x\n---\n\n# T\n", "abc")
        == "---\ndescription: x\ntranslation_of: abc\n---\n\n# T\n"
    )
    assert (
        tr.with_translation_of("---\ntranslation_of: old\n---\n# T\n", "new") == "---\ntranslation_of: new\n---\n# T\n"
    )


@pytest.fixture
def git_project(tmp_path) -> Path:
    """A copy of the project as a git repository with one commit."""
    project = copy_project(tmp_path / "p")
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=project, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "initial"], cwd=project, check=True)
    return project


def test_outdated_page_is_listed_with_the_english_diff_then_accepted(git_project):
    english = git_project / "docs" / "en" / "about" / "index.md"
    english.write_text(
        english.read_text(encoding="utf-8") + "\nA sentence added after the translation.\n", encoding="utf-8"
    )
    result = cli(git_project, "translation-status")
    assert result.returncode == 0, result.stderr
    assert "outdated  docs/zh/about/index.md" in result.stdout
    assert "+A sentence added after the translation." in result.stdout
    assert "docs/zh/pilot/index.md" not in result.stdout
    assert cli(git_project, "translation-status", "--check").returncode == 1
    accepted = cli(git_project, "translation-status", "--accept", "docs/zh/about/index.md")
    assert accepted.returncode == 0, accepted.stderr
    assert tr.front_matter((git_project / "docs/zh/about/index.md").read_text(encoding="utf-8"))[
        "translation_of"
    ] == tr.blob_sha(english.read_bytes())
    assert cli(git_project, "translation-status", "--check").returncode == 0


def test_missing_english_version_is_explained_not_a_crash(tmp_path):
    project = copy_project(tmp_path / "p")  # not a git repository: like a shallow clone without the old blob
    english = project / "docs" / "en" / "about" / "index.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nNew text.\n", encoding="utf-8")
    result = cli(project, "translation-status")
    assert result.returncode == 0, result.stderr
    assert "docs/zh/about/index.md" in result.stdout
    assert "is not in this clone" in result.stdout


def test_changed_and_new_data_records_are_listed_then_accepted(tmp_path):
    project = copy_project(tmp_path / "p")
    themes = project / "data" / "themes.yml"
    themes.write_text(
        themes.read_text(encoding="utf-8").replace("{en: Working hours,", "{en: Hours of work,", 1), encoding="utf-8"
    )
    lock = project / "data" / "translations.lock.yml"
    lock.write_text(
        "".join(
            r
            for r in lock.read_text(encoding="utf-8").splitlines(keepends=True)
            if not r.lstrip().startswith("themes/wages-benefits:")
        ),
        encoding="utf-8",
    )
    result = cli(project, "translation-status", "--check")
    assert result.returncode == 1
    assert f"changed   data/themes.yml:{line_of(themes, '- id: working-hours')}: themes/working-hours" in result.stdout
    assert "name.en: Hours of work" in result.stdout
    assert "new       data/themes.yml:" in result.stdout
    assert "themes/wages-benefits" in result.stdout
    assert cli(project, "translation-status", "--accept", "themes/working-hours").returncode == 0
    after = cli(project, "translation-status")
    assert "themes/working-hours" not in after.stdout
    assert "themes/wages-benefits" in after.stdout
    assert cli(project, "translation-status", "--accept", "no-such/record").returncode == 2


def test_outdated_chinese_page_shows_a_notice_linking_to_the_english(variant_site):
    out = variant_site  # built with the English about page changed after its translation
    labels = yaml.safe_load((ROOT / "data/i18n/zh.yml").read_text(encoding="utf-8"))["translation"]
    zh = (out / "zh" / "about" / "index.html").read_text(encoding="utf-8")
    notice = re.search(r'<div class="admonition warning kb-translation-notice".*?</div>', zh, re.DOTALL)
    assert notice, "no notice on the outdated Chinese page"
    assert labels["outdated"] in notice.group(0)
    assert labels["read_current"] in notice.group(0)
    assert 'href="../../about/"' in notice.group(0)
    assert "kb-translation-notice" not in (out / "about" / "index.html").read_text(encoding="utf-8")
    assert "kb-translation-notice" not in (out / "zh" / "pilot" / "index.html").read_text(encoding="utf-8")
    status = (out / "zh" / "contributing" / "translation-status" / "index.html").read_text(encoding="utf-8")
    assert 'data-state="outdated"' in status
    assert "docs/zh/about/index.md" in status


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_translation_status_page_is_built_and_in_the_nav(site, lang):
    prefix = "" if lang == "en" else "zh/"
    html = (site / prefix / "contributing" / "translation-status" / "index.html").read_text(encoding="utf-8")
    assert 'class="kb-translation-status"' in html
    home = (site / prefix / "index.html").read_text(encoding="utf-8")
    assert "contributing/translation-status/" in home


# -- 2. terminology -------------------------------------------------------------------------------
def test_terminology_lint_passes_on_the_real_tree():
    result = cli(ROOT, "lint-terms")
    assert result.returncode == 0, result.stdout + result.stderr


def test_terminology_lint_catches_a_discouraged_term_with_file_and_line(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "zh" / "about" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n各利益相关者都参加了研讨会。\n", encoding="utf-8")
    themes = project / "data" / "themes.yml"
    themes.write_text(
        themes.read_text(encoding="utf-8").replace("zh: 工作时间}", "zh: 供应链条中的工作时间}", 1), encoding="utf-8"
    )
    result = cli(project, "lint-terms")
    assert result.returncode == 1
    assert (
        f"docs/zh/about/index.md:{line_of(page, '利益相关者')}: "
        "uses '利益相关者'; use '利益相关方' (glossary: stakeholder)" in result.stdout
    )
    assert (
        f"data/themes.yml:{line_of(themes, '供应链条')}: uses '供应链条'; use '供应链' (glossary: supply-chain)"
        in result.stdout
    )
    assert "data/glossary.yml" not in result.stdout  # the glossary's own avoid lists are exempt


# -- 3. schemas -----------------------------------------------------------------------------------
def test_schemas_are_up_to_date():
    result = cli(ROOT, "schema", "--check")
    assert result.returncode == 0, result.stderr


def test_schema_check_fails_when_a_schema_is_stale(tmp_path):
    project = copy_project(tmp_path / "p")
    shutil.copytree(ROOT / "schema", project / "schema")
    (project / "schema" / "themes.schema.json").write_text("{}\n", encoding="utf-8")
    result = cli(project, "schema", "--check")
    assert result.returncode == 1
    assert "schema/themes.schema.json is out of date" in result.stderr


@pytest.mark.parametrize("kind", list(models()))
def test_data_file_points_editors_at_its_schema(kind):
    first = (ROOT / "data" / f"{kind}.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == schema_mod.schema_line(kind)
    assert (ROOT / "schema" / f"{kind}.schema.json").is_file()
    mapping = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert mapping[f"./schema/{kind}.schema.json"] == [f"data/{kind}.yml"]


def validate(value, schema: dict, root: dict, where: str = "$") -> list[str]:
    """A small JSON Schema validator for the keywords pydantic emits (no new dependency)."""
    if "$ref" in schema:
        return validate(value, root["$defs"][schema["$ref"].split("/")[-1]], root, where)
    if "anyOf" in schema:
        return (
            []
            if any(not validate(value, s, root, where) for s in schema["anyOf"])
            else [f"{where}: matches no alternative"]
        )
    errors = []
    types = {"object": dict, "array": list, "string": str, "null": type(None), "boolean": bool}
    kind = schema.get("type")
    if kind == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            return [f"{where}: not an integer"]
    elif kind == "number":
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return [f"{where}: not a number"]
    elif kind and not isinstance(value, types[kind]):
        return [f"{where}: not {kind}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: not one of {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        errors.append(f"{where}: not {schema['const']!r}")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", 10**9):
            errors.append(f"{where}: wrong length")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{where}: does not match {schema['pattern']}")
    out_of_range = isinstance(value, int) and not (
        schema.get("minimum", value) <= value <= schema.get("maximum", value)
    )
    if out_of_range and not isinstance(value, bool):
        errors.append(f"{where}: out of range")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{where}: too few items")
        for i, item in enumerate(value):
            errors += validate(item, schema.get("items", {}), root, f"{where}[{i}]")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        errors += [f"{where}: '{k}' is required" for k in schema.get("required", []) if k not in value]
        if schema.get("additionalProperties") is False:
            errors += [f"{where}: '{k}' is not allowed" for k in value if k not in props]
        for key, item in value.items():
            if key in props:
                errors += validate(item, props[key], root, f"{where}.{key}")
    return errors


def schema_of(kind: str) -> dict:
    return json.loads((ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind", list(models()))
def test_every_real_data_file_validates_against_its_schema(kind):
    data = load_yaml(ROOT / "data" / f"{kind}.yml")
    assert validate(data, schema_of(kind), schema_of(kind)) == []


def test_schema_and_model_agree_on_a_missing_field_and_a_bare_year():
    schema = schema_of("themes")
    record = {"id": "x", "name": {"en": "A", "zh": "甲"}}  # no summary
    assert "$[0]: 'summary' is required" in validate([record], schema, schema)
    with pytest.raises(ValidationError):
        models()["themes"].model_validate(record)
    event = {
        "id": "y",
        "date": 2007,
        "event": {"en": "A", "zh": "甲"},
        "sources": ["s"],
        "track": "project",
    }  # YAML reads 2007 as a number
    assert validate([event], schema_of("timeline"), schema_of("timeline")) == []
    assert models()["timeline"].model_validate(event).date == "2007"
    bad_date = dict(event, date="July 2007")
    assert validate([bad_date], schema_of("timeline"), schema_of("timeline"))
    with pytest.raises(ValidationError):
        models()["timeline"].model_validate(bad_date)


# -- 4. contributor guides and edit links ---------------------------------------------------------
AVOID_IN_CHINESE = ["利益相关者", "持份者", "能力培养", "管理系统", "供应链条", "行为守则", "员工敬业度", "非政府机构"]


@pytest.mark.parametrize("name", ["CONTRIBUTING.md", "CONTRIBUTING.zh.md"])
def test_contributing_guides_cover_the_workflow(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    for needle in (
        "make serve",
        "make test",
        "make lint",
        "make translation-status",
        "translation_of",
        "--accept",
        "data/recommendations.yml",
        "data/actions.yml",
        "data/sources.yml",
    ):
        assert needle in text, needle
    if name.endswith(".zh.md"):
        assert not [t for t in AVOID_IN_CHINESE if t in text]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_edit_link_opens_the_file_in_the_pages_language(site, lang):
    prefix = "" if lang == "en" else "zh/"
    for page in ("about/index.md", "guides/worker-engagement.md"):
        url = page[: -len("index.md")] if page.endswith("index.md") else page[: -len(".md")] + "/"
        html = (site / prefix / url / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon"', html)
        assert links, links
        assert links[0].endswith(f"/edit/main/docs/{lang}/{page}"), links


# -- 6. last updated ------------------------------------------------------------------------------
def _shown_date(html: str) -> str:
    match = re.search(r'git-revision-date-localized-plugin-date"[^>]*>([^<]+)<', html)
    assert match, "no 'last updated' date on the page"
    return match.group(1)


def test_pages_show_the_git_date_in_their_language(site):
    """The theme's "last update" date, written as our text and the date.* labels write dates (issue 24)."""

    def last_commit(path: str) -> datetime:
        stamp = subprocess.run(
            ["git", "log", "-1", "--format=%at", "--", path], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        return datetime.fromtimestamp(int(stamp), UTC) if stamp else datetime.now(UTC)

    en, zh = last_commit("docs/en/about/index.md"), last_commit("docs/zh/about/index.md")
    assert _shown_date((site / "about" / "index.html").read_text(encoding="utf-8")) == f"{en.day} {en:%B} {en.year}"
    shown = _shown_date((site / "zh" / "about" / "index.html").read_text(encoding="utf-8"))
    assert shown == f"{zh.year} 年 {zh.month} 月 {zh.day} 日", shown


def test_strict_build_works_in_a_shallow_clone(variant_site):
    """variant_site is built strictly in a shallow clone (conftest.py): the git dates still show."""
    _shown_date((variant_site / "zh" / "about" / "index.html").read_text(encoding="utf-8"))


def test_git_date_plugin_follows_i18n_and_the_kb_plugin_is_registered_last():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert config.index("- i18n:") < config.index("- git-revision-date-localized:") < config.index("- kb:")
    assert "hooks:" not in config
    assert "translation.mark_outdated(page, config" in (ROOT / "macros/plugin/plugin.py").read_text(encoding="utf-8")
    from importlib.metadata import entry_points

    (kb,) = entry_points(group="mkdocs.plugins", name="kb")
    assert kb.value == "macros.plugin.plugin:KnowledgeBasePlugin"


# -- 5. CI and pre-commit -------------------------------------------------------------------------
def _yaml(path: str) -> dict:
    return yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))


def test_pull_requests_run_make_test():
    workflow = _yaml(".github/workflows/test.yml")
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers
    assert "push" in triggers
    steps = workflow["jobs"]["test"]["steps"]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "make test" in runs
    assert "/usr/bin/chromium" in runs
    assert steps[0]["uses"].startswith("actions/checkout@")
    assert steps[0]["with"]["fetch-depth"] == 0


def test_main_is_built_and_deployed_to_pages():
    workflow = _yaml(".github/workflows/deploy.yml")
    assert workflow[True]["push"]["branches"] == ["main"]
    build_steps, deploy_steps = workflow["jobs"]["build"]["steps"], workflow["jobs"]["deploy"]["steps"]
    assert any("make site" in s.get("run", "") for s in build_steps)  # the complete site (tests/test_workflows.py)
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in build_steps)
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy_steps)
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_pre_commit_runs_the_lint_tools_locally():
    config = _yaml(".pre-commit-config.yaml")
    hooks = {h["id"]: h for repo in config["repos"] if repo["repo"] == "local" for h in repo["hooks"]}
    assert {"ruff", "yamllint", "pymarkdown", "lint-terms"} <= set(hooks)
    assert all(h["language"] == "system" for h in hooks.values())
    for tool in ("ruff", "yamllint", "pymarkdown"):
        assert hooks[tool]["entry"].startswith(".venv/bin/")
    assert (ROOT / ".yamllint").is_file()
    assert (ROOT / ".pymarkdown.json").is_file()
