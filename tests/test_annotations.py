"""On GitHub Actions, every problem in a file is also a workflow annotation on its line (macros/core/diagnostics.py)."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import copy_project

from macros.core import diagnostics
from macros.core.diagnostics import Problem, annotation, emit
from macros.tools.links import located_in_source

ANNOTATION = re.compile(r"^::error file=([^,:]+)(?:,line=(\d+))?::(.*)$")


def run(project: Path, *args: str, github: bool = True) -> subprocess.CompletedProcess:
    env = {
        "PATH": "/usr/bin:/bin", "HOME": os.environ["HOME"], "PYTHONDONTWRITEBYTECODE": "1", "NO_MKDOCS_2_WARNING": "1"
    }
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run([sys.executable, *args], cwd=project, capture_output=True, text=True, env=env, timeout=300)


def annotations(output: str) -> list[tuple[str, int | None, str]]:
    found = []
    for row in output.splitlines():
        if row.startswith("::"):
            match = ANNOTATION.match(row)
            assert match, f"malformed workflow command: {row!r}"
            found.append((match.group(1), int(match.group(2)) if match.group(2) else None, match.group(3)))
    return found


def line_of(path: Path, needle: str) -> int:
    return next(i for i, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in row)


def damage(path: Path, old: str, new: str) -> int:
    """Replace the first `old` with `new`; the line it is on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line_of(path, new.splitlines()[0])


# -- the writer ---------------------------------------------------------------------------------
def test_an_annotation_names_file_and_line_and_escapes_what_github_would_read():
    line = annotation(Problem("data/a,b:c.yml", 7, "100% wrong"))
    assert line == "::error file=data/a%2Cb%3Ac.yml,line=7::100%25 wrong"
    assert annotation(Problem("data/x.yml", None, "whole file")) == "::error file=data/x.yml::whole file"


@pytest.mark.parametrize(
    "evil",
    [
        "x\n::error file=forged.yml::gotcha",
        "x\r\n::error file=forged.yml::gotcha",
        "x\x1b[2K\u202e::error file=forged.yml::",
        "x\x85::error file=forged.yml::",
        "x\u2028::error file=forged.yml::",
    ],
)
def test_no_text_can_forge_a_second_annotation(evil, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    emit([Problem("data/themes.yml", 3, f"record '{evil}': bad id")], err)
    rows = out.getvalue().splitlines()
    assert len(rows) == 1
    assert rows[0].startswith("::error file=data/themes.yml,line=3::")
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", rows[0])


def test_messages_are_capped_and_nothing_is_annotated_off_github(monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    message = annotation(Problem("data/x.yml", 1, "y" * 5000)).split("::", 2)[2]
    assert len(message) == diagnostics.MAX_MESSAGE
    assert message.endswith("…")
    monkeypatch.delenv("GITHUB_ACTIONS")
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert emit([Problem("data/x.yml", 1, "bad")], err) == 1
    assert out.getvalue() == ""
    assert err.getvalue() == "data/x.yml:1: bad\n"


# -- the checkers, as CI runs them ----------------------------------------------------------------
def test_a_damaged_data_file_is_annotated_on_its_line(tmp_path):
    project = copy_project(tmp_path / "p")
    recs = project / "data" / "recommendations.yml"
    bad = damage(recs, "priority: high", "priority: urgent")
    actions = project / "data" / "actions.yml"
    text = actions.read_text(encoding="utf-8")
    first_rec = re.search(r"recommendation: (\S+)", text).group(1)
    ref = damage(actions, f"recommendation: {first_rec}", "recommendation: no-such-recommendation")
    result = run(project, "-m", "macros", "validate")
    assert result.returncode == 1
    found = annotations(result.stdout)
    assert ("data/recommendations.yml", bad) in [(f, n) for f, n, _ in found]
    assert ("data/actions.yml", ref) in [(f, n) for f, n, _ in found]
    assert f"data/recommendations.yml:{bad}: " in result.stderr  # the usual line stays for the log
    assert not annotations(run(project, "-m", "macros", "validate", github=False).stdout)


def test_a_key_with_a_line_break_cannot_forge_an_annotation(tmp_path):
    project = copy_project(tmp_path / "p")
    themes = project / "data" / "themes.yml"
    text = themes.read_text(encoding="utf-8")
    first = re.search(r"^- id: .*$", text, re.MULTILINE).group(0)
    themes.write_text(
        text.replace(first, first + '\n  "x\\n::error file=forged.yml,line=1::owned": 1', 1), encoding="utf-8"
    )
    result = run(project, "-m", "macros", "validate")
    assert result.returncode == 1
    found = annotations(result.stdout)
    assert found, found
    assert all(f == "data/themes.yml" for f, _, _ in found), found
    assert len(found) == len([r for r in result.stderr.splitlines() if r.startswith("data/")])
    assert not [r for r in result.stderr.splitlines() if r.startswith("::")]  # the runner reads stderr too


def test_the_build_annotates_a_data_error_too(tmp_path):
    project = copy_project(tmp_path / "p")
    bad = damage(project / "data" / "recommendations.yml", "priority: high", "priority: urgent")
    result = run(project, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "out"))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert ("data/recommendations.yml", bad) in [(f, n) for f, n, _ in annotations(result.stdout)]


def test_a_damaged_page_is_annotated_on_its_line(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "zh" / "about" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n各利益相关者都参加了研讨会。\n", encoding="utf-8")
    result = run(project, "-m", "macros", "lint-terms")
    assert result.returncode == 1
    assert (
        "docs/zh/about/index.md",
        line_of(page, "利益相关者"),
        "uses '利益相关者'; use '利益相关方' (glossary: stakeholder)",
    ) in annotations(result.stdout)


def test_a_broken_link_is_reported_on_the_line_of_its_markdown_source(tmp_path):
    docs = tmp_path / "docs"
    (docs / "zh" / "guides").mkdir(parents=True)
    (docs / "zh" / "guides" / "x.md").write_text('# X\n\nText.\n\n<a href="../nowhere/">there</a>\n', encoding="utf-8")
    problem = located_in_source(
        "zh/guides/x/index.html: broken link -> ../nowhere/ (no such file: zh/nowhere/index.html)", docs
    )
    assert (problem.file, problem.line) == ("docs/zh/guides/x.md", 5)
    assert problem.message.startswith("broken link -> ../nowhere/")
    assert located_in_source("404.html: broken link -> x (no such file)", docs) == Problem(
        "404.html", None, "broken link -> x (no such file)"
    )
