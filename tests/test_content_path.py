"""The path for people who do not write Python (issue 34): the quick check, messages, commands,
the preview, the pull-request summary and workflows, each tested as a contributor meets it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ROOT


def content_copy(dest: Path) -> Path:
    """A copy of what a content pull request may touch: docs/ and data/."""
    for part in ("docs", "data"):
        shutil.copytree(ROOT / part, dest / part)
    return dest


def validate(project: Path, **env: str) -> subprocess.CompletedProcess:
    """`make validate` as CI runs it, on a copy of the content."""
    environ = {"PATH": "/usr/bin:/bin", "HOME": os.environ["HOME"], "PYTHONDONTWRITEBYTECODE": "1", **env}
    return subprocess.run(
        [sys.executable, "-m", "macros", "--data", str(project / "data"), "validate", "--docs", str(project / "docs")],
        cwd=ROOT, capture_output=True, text=True, env=environ, timeout=120,
    )


def replace_in(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in the file; return its line number."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


# -- 2. the quick check: data and pages together, each problem on its line ---------------------------
def test_validate_passes_on_the_real_tree():
    done = validate(ROOT)
    assert done.returncode == 0, done.stderr
    assert "Data and pages OK" in done.stdout


def test_a_mistyped_source_id_in_a_page_fails_the_quick_check_on_its_line(tmp_path):
    project = content_copy(tmp_path)
    page = project / "docs/en/guides/management-systems.md"
    line = replace_in(page, 'cite("eicc-code-v2")', 'cite("eicc-code-v3x")')
    done = validate(project, GITHUB_ACTIONS="true")
    assert done.returncode == 1
    assert f"docs/en/guides/management-systems.md:{line}: cite: 'eicc-code-v3x'" in done.stderr
    assert "'eicc-code-v2'" in done.stderr  # the nearest valid ids
    assert f"::error file=docs/en/guides/management-systems.md,line={line}::cite" in done.stdout


def test_data_page_and_front_matter_problems_come_in_one_pass(tmp_path):
    project = content_copy(tmp_path)
    page_line = replace_in(project / "docs/en/guides/management-systems.md",
                           'cite("eicc-code-v2")', 'cite("eicc-code-v3x")')
    fm_line = replace_in(project / "docs/zh/about/index.md", "description:", "template: x.html\ndescription:")
    data_line = replace_in(project / "data/recommendations.yml", "timeframe:", "timefrme:")
    (project / "docs/en/about/evil.html").write_text("<script></script>", encoding="utf-8")
    done = validate(project)
    assert done.returncode == 1
    err = done.stderr
    assert f"docs/en/guides/management-systems.md:{page_line}:" in err
    assert f"docs/zh/about/index.md:{fm_line}:" in err
    assert "'template'" in err
    assert f"data/recommendations.yml:{data_line}:" in err
    assert "docs/en/about/evil.html:" in err
    assert "docs/zh/about/evil.html" not in err or "missing" not in err  # only .md pages need a twin


def test_a_page_missing_in_one_language_is_named(tmp_path):
    project = content_copy(tmp_path)
    (project / "docs/en/about/new-page.md").write_text("# New\n", encoding="utf-8")
    done = validate(project)
    assert done.returncode == 1
    assert "docs/zh/about/new-page.md: missing (docs/en/about/new-page.md exists)" in done.stderr


def test_the_build_and_the_quick_check_share_their_functions():
    from macros.plugin import security
    from macros.tools import validate as tool

    assert tool.page_problems is security.page_problems
    assert "What a page may contain" in security.PAGES_HEADING
    heading = "### What a page may contain: text, not code"
    assert heading in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_the_quick_ci_job_runs_make_validate_first():
    import yaml

    workflow = yaml.safe_load((ROOT / ".github/workflows/test.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert "make validate" in runs
    assert workflow["jobs"]["check"]["timeout-minutes"] <= 10
