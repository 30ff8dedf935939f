"""The path for people who do not write Python (issue 34): the quick check, messages, commands,
the preview, the pull-request summary and workflows, each tested as a contributor meets it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

from macros.core.languages import LANGS


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


# -- 4. messages a contributor can act on, in the contributor's language ------------------------------
def damaged_data(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """The issue's examples in one recommendation, plus a law without its status and an empty text."""
    project = content_copy(tmp_path)
    recs, sources = project / "data/recommendations.yml", project / "data/sources.yml"
    lines = {
        "timeframe": replace_in(recs, "  timeframe:", "  timefrme:"),
        "priority": replace_in(recs, "  priority: high", "  priority: low"),
        "partners": replace_in(recs, "  partners: [associations,", "  partners: [factories, associations,"),
    }
    text = sources.read_text(encoding="utf-8")
    law = text.index("  kind: law")
    status = text.index("  status:", law)
    sources.write_text(text[:status] + text[status:].replace("  status:", "  # status:", 1), encoding="utf-8")
    lines["status"] = text[:status].count("\n") + 1
    return project, lines


def test_messages_say_what_to_write_with_every_problem_in_one_pass(tmp_path):
    project, lines = damaged_data(tmp_path)
    err = validate(project).stderr
    assert f"data/recommendations.yml:{lines['timeframe']}: " in err
    assert "unknown field 'timefrme'. Did you mean 'timeframe'?" in err
    # the reference in the same (invalid) record is reported in the same run, with the valid ids
    assert f"data/recommendations.yml:{lines['partners']}: record 'coordinate-monitoring': partners refers to " in err
    assert "'factories', which is not an id in data/stakeholder_groups.yml. Valid: " in err
    assert "'suppliers'" in err
    assert "priority: 'low' is not one of the allowed values. Valid: 'high', 'medium'." in err
    assert "a source of kind 'law' needs status (status: in-force" in err
    for library in ("Value error,", "Input should be", "String should", ".0.", "(check its spelling)"):
        assert library not in err


def test_kb_lang_zh_gives_the_same_messages_in_chinese(tmp_path):
    project, lines = damaged_data(tmp_path)
    err = validate(project, KB_LANG="zh").stderr
    where = f"data/recommendations.yml:{lines['timeframe']}: 记录 'coordinate-monitoring'："
    assert where + "未知字段 'timefrme'。是否想写 'timeframe'？" in err
    assert "partners 引用了 'factories'，但 data/stakeholder_groups.yml 中没有这个 id。可用的值：" in err
    assert "priority：'low' 不是允许的值。可用的值：'high'、'medium'。" in err
    assert "类型为 'law' 的来源需要填写 status" in err
    assert "数据和页面中共有 5 个问题。" in err  # the missing and the unknown field are two
    assert "did you mean" not in err.lower()


def test_an_empty_text_names_its_place_in_words(tmp_path):
    project = content_copy(tmp_path)
    recs = project / "data/recommendations.yml"
    text = recs.read_text(encoding="utf-8")
    start = text.index("  indicators:")
    item = text.index("zh:", start)
    end = text.index("}", item)
    recs.write_text(text[:item] + 'zh: ""' + text[end:], encoding="utf-8")
    err = validate(project).stderr
    assert "indicators, item 1, zh (Chinese): the text is empty" in err
    assert "indicators，第 1 项，zh（中文）：文本为空" in validate(project, KB_LANG="zh").stderr


def test_a_wrong_macro_argument_in_chinese(tmp_path):
    project = content_copy(tmp_path)
    line = replace_in(project / "docs/zh/guides/management-systems.md", 'cite("eicc-code-v2")', 'cite("eicc-code-v3x")')
    err = validate(project, KB_LANG="zh").stderr
    assert f"docs/zh/guides/management-systems.md:{line}: cite：'eicc-code-v3x' 不是有效的 source_id。" in err


def test_message_files_have_the_same_keys_and_placeholders_in_both_languages():
    import string

    import yaml

    from macros.core import messages

    tables = {lang: yaml.safe_load((messages.FOLDER / f"{lang}.yml").read_text(encoding="utf-8")) for lang in LANGS}
    assert set(tables["en"]) == set(tables["zh"])

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, text in tables["en"].items():
        assert fields(text) == fields(tables["zh"][key]), key


def test_the_model_words_no_message_in_python():
    """Validators raise keyed problems (data/messages/<lang>.yml words them), never English text."""
    import re

    for path in (ROOT / "macros/core/model").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"raise ValueError\(", source), path
    from macros.core import messages

    keys = set(re.findall(r'problem\("([a-z_.]+)"', "".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "macros/core/model").glob("*.py"))))
    assert keys
    assert keys <= set(messages.texts("en")), keys - set(messages.texts("en"))
