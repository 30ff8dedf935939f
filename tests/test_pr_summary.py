"""The pull request's job summary: changed pages per language and the translations the change left behind
(macros/tools/pr_summary.py), for a commit range in a test repository."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, copy_project

from macros.tools.pr_summary import md_text

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
LABELS = {
    lang: yaml.safe_load((ROOT / "data" / "i18n" / f"{lang}.yml").read_text(encoding="utf-8")) for lang in ("en", "zh")
}


def md(text: str) -> str:
    """A label as the summary shows it in Markdown (escaped: see test_labels_cannot_forge_the_summary)."""
    return md_text(text)
ACCEPT = ".venv/bin/python -m macros translation-status --accept"


def commit(project: Path, message: str) -> str:
    subprocess.run([*GIT, "add", "-A"], cwd=project, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", message], cwd=project, check=True)
    return subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=project, capture_output=True, text=True, check=True
    ).stdout.strip()


def summary(project: Path, *args: str, tmp: Path) -> str:
    out = tmp / "step-summary.md"
    out.write_text("earlier step\n", encoding="utf-8")
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": os.environ["HOME"],
        "PYTHONDONTWRITEBYTECODE": "1",
        "GITHUB_STEP_SUMMARY": str(out),
    }
    result = subprocess.run(
        [sys.executable, "-m", "macros", "pr-summary", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""  # everything went to the job summary
    text = out.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n")  # appended, as GitHub expects
    return text


def line_of(path: Path, needle: str) -> int:
    return next(i for i, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in row)


@pytest.fixture
def repo(tmp_path) -> tuple[Path, str]:
    """A project repository whose base commit already has one data text behind (not this change's doing)."""
    project = copy_project(tmp_path / "p")
    lock = project / "data" / "translations.lock.yml"
    lock.write_text(
        "".join(
            r
            for r in lock.read_text(encoding="utf-8").splitlines(keepends=True)
            if not r.lstrip().startswith("themes/wages-benefits:")
        ),
        encoding="utf-8",
    )
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    return project, commit(project, "base")


def test_summary_lists_changed_pages_and_the_translations_the_change_left_behind(repo, tmp_path):
    project, base = repo
    about = project / "docs" / "en" / "about" / "index.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nA sentence added in this pull request.\n", encoding="utf-8")
    (project / "docs" / "en" / "guides" / "new-guide.md").write_text(
        "---\ndescription: New.\n---\n\n# New guide\n", encoding="utf-8"
    )
    pilot_zh = project / "docs" / "zh" / "pilot" / "index.md"
    pilot_zh.write_text(pilot_zh.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # a Chinese-only edit
    themes = project / "data" / "themes.yml"
    themes.write_text(
        themes.read_text(encoding="utf-8").replace("{en: Working hours,", "{en: Hours of work,", 1), encoding="utf-8"
    )
    commit(project, "change")

    text = summary(project, base, "HEAD", "--artifact", "site-preview-pr-7", tmp=tmp_path)
    en, zh = text.split(f"## {LABELS['zh']['summary']['title']}")
    s_en, s_zh = LABELS["en"]["summary"], LABELS["zh"]["summary"]
    state_en, state_zh = LABELS["en"]["translation"]["state"], LABELS["zh"]["translation"]["state"]

    # changed pages, each with its site path and its file in the preview
    assert "| `docs/en/about/index.md` | English | changed | `/about/` | `about/index.html` |" in en
    assert "| `docs/en/guides/new-guide.md` | English | added | `/guides/new-guide/` | `guides/new-guide.html` |" in en
    assert "| `docs/zh/pilot/index.md` | Chinese | changed | `/zh/pilot/` | `zh/pilot/index.html` |" in en
    assert "| `docs/en/about/index.md` | 英文 | 修改 | `/about/` | `about/index.html` |" in zh
    assert "docs/en/findings/index.md" not in text  # unchanged pages are not listed
    assert f"**{md('site-preview-pr-7')}**" in en
    assert f"**{md('site-preview-pr-7')}**" in zh

    # changed data: which records' English changed, and where they are shown
    assert "| `data/themes.yml` | `working-hours` |" in en

    # translation state caused by this change, with the command to accept a finished translation
    row = line_of(themes, "- id: working-hours")
    assert f"- `docs/zh/about/index.md`{md(': ')}{md(state_en['outdated'])}" in en
    assert f"- `docs/zh/guides/new-guide.md`{md(': ')}{md(state_en['missing'])}" in en
    where = f"{md(' (')}`data/themes.yml:{row}`{md(')')}"
    assert f"- `themes/working-hours`{where}{md(': ')}{md(state_en['changed'])}" in en
    assert f"- `docs/zh/about/index.md`：{md(state_zh['outdated'])}" in zh
    assert f"- `themes/working-hours`（`data/themes.yml:{row}`）：{md(state_zh['changed'])}" in zh
    for part in (en, zh):
        assert f"{ACCEPT} docs/zh/about/index.md\n" in part
        assert f"{ACCEPT} themes/working-hours\n" in part
        assert f"{ACCEPT} docs/zh/guides/new-guide.md" not in part  # a missing page is written, not accepted
        assert "themes/wages-benefits" not in part  # already behind before this change: counted, not listed
        assert "docs/zh/pilot/index.md`:" not in part
        assert "docs/zh/pilot/index.md`：" not in part
    assert md(s_en["earlier"]).replace(md("{count}"), "1") in en
    assert md(s_zh["earlier"]).replace(md("{count}"), "1") in zh


def test_a_change_that_leaves_nothing_behind_says_so(repo, tmp_path):
    project, base = repo
    text = summary(project, base, tmp=tmp_path)
    assert md(LABELS["en"]["summary"]["no_pages"]) in text
    assert md(LABELS["zh"]["summary"]["no_pages"]) in text
    assert md(LABELS["en"]["summary"]["translation_ok"]) in text
    assert md(LABELS["zh"]["summary"]["translation_ok"]) in text
    assert ACCEPT not in text


def test_an_unknown_base_is_explained_not_a_crash(repo, tmp_path):
    project, _ = repo
    text = summary(project, "0" * 40, tmp=tmp_path)
    assert md(LABELS["en"]["summary"]["no_base"]).replace(md("{base}"), "0" * 40) in text


def test_a_file_name_cannot_break_the_summary_table(repo, tmp_path):
    project, base = repo
    (project / "docs" / "en" / "a|b`c.md").write_text("# X\n", encoding="utf-8")
    commit(project, "odd name")
    text = summary(project, base, tmp=tmp_path)
    assert "| `docs/en/a\\|b'c.md` | English | added |" in text


FORGED = (
    "none\n\n</details>\n\n## ✅ Maintainer review: approved\n\n[Approved by the maintainers](https://evil.example/) "
    "<img src=x> | --- |\n1. fake"
)


def test_labels_cannot_forge_the_summary_and_label_changes_are_listed(repo, tmp_path):
    project, base = repo
    en = project / "data" / "i18n" / "en.yml"
    text = en.read_text(encoding="utf-8")
    forged = text.replace("  no_pages: No page changed.\n", f"  no_pages: {json.dumps(FORGED)}\n", 1)
    en.write_text(forged, encoding="utf-8")
    commit(project, "forged label")
    out = summary(project, base, tmp=tmp_path)
    assert "| `data/i18n/en.yml` | `summary.no_pages` |" in out  # the change is listed
    assert "evil.example" not in out  # the base commit's labels are shown
    assert "Maintainer review" not in out
    assert md(LABELS["en"]["summary"]["no_pages"]) in out


def test_a_label_shown_in_markdown_is_one_line_of_inert_text():
    shown = md_text(FORGED)
    assert "\n" not in shown
    assert re.search(r"(?<!\\)[\[\]()<>!#|*_`:-]", shown) is None  # every Markdown character escaped
    assert "✅ Maintainer review" in shown  # the text itself is kept, as text
