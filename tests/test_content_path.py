"""The path for people who do not write Python (issue 34): the quick check, messages, commands,
the preview, the pull-request summary and workflows, each tested as a contributor meets it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ROOT

from macros.core.languages import LANGS, WRITTEN
from macros.core.messages import say


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
    assert "What a page may contain" in say(security.PAGES_HEADING, count=1)
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

    import yaml

    from macros.core import messages

    tables = {lang: yaml.safe_load((messages.FOLDER / f"{lang}.yml").read_text(encoding="utf-8")) for lang in WRITTEN}
    assert set(tables["en"]) == set(tables["zh"])

    def fields(text: str) -> set[str]:  # messages are filled as labels are (labels.fill: {name} only)
        return set(re.findall(r"\{([a-z_]+)\}", text))

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


# Every check a contributor meets words its message from data/messages/<lang>.yml: a sample of each
# module, with KB_LANG=zh, gives the Chinese text at its file and line.
def _at(problems) -> list[str]:
    return [f"{p.file}:{p.line}: {p.message}" if p.line else f"{p.file}: {p.message}" for p in problems]


PAGE = "docs/zh/x.md"


def _sample_yaml(tmp_path, kb):
    from macros.core.yaml_source import DataErrors, load_yaml

    (tmp_path / "a.yml").write_text("a: 1\nb: 2\na: 3\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("a: 1\nb: 'open\n", encoding="utf-8")
    found = []
    for name in ("a.yml", "b.yml"):
        with pytest.raises(DataErrors) as caught:
            load_yaml(tmp_path / name, f"data/{name}")
        found += caught.value.lines()
    return found


def _sample_labels(tmp_path, kb):
    from macros.core.reading import brace_problem, read_strings

    shutil.copytree(ROOT / "data/i18n", tmp_path / "i18n")
    label = tmp_path / "i18n/en.yml"
    label.write_text('zz_label: "{bogus} text"\n' + label.read_text(encoding="utf-8"), encoding="utf-8")
    errors: list = []
    read_strings(tmp_path, errors)
    return [str(e) for e in errors] + [f"x: {brace_problem('{x.y}')}"]


def _sample_raw_html(tmp_path, kb):
    from macros.core import raw_html

    return _at(raw_html.check_text("# T\n\n<script>x</script>\n<p onclick=\"x\">y</p>\n", PAGE))


def _sample_templates(tmp_path, kb):
    from macros.core import page_templates
    from macros.render import MACROS

    return _at(page_templates.check_text("# T\n\n{% if x %}y{% endif %}\n{{ config }}\n", PAGE, MACROS))


def _sample_front_matter(tmp_path, kb):
    from macros.core import front_matter

    return _at(front_matter.check_text("---\ntitle: a <b>\nhide: [everything]\n---\n# T\n", PAGE))


def _sample_characters(tmp_path, kb):
    from macros.core import characters

    (tmp_path / "docs/zh").mkdir(parents=True)
    (tmp_path / "docs/zh/x.md").write_text("# T\n\nab\u200bc\n", encoding="utf-8")
    return _at(characters.check_docs(tmp_path / "docs"))


def _sample_docs_files(tmp_path, kb):
    from macros.core import docs_files

    (tmp_path / "docs/zh").mkdir(parents=True)
    (tmp_path / "docs/zh/Bad_Name.md").write_text("# T\n", encoding="utf-8")
    (tmp_path / "docs/zh/run.js").write_text("x\n", encoding="utf-8")
    return _at(docs_files.check_docs(tmp_path / "docs"))


def _sample_urls(tmp_path, kb):
    from macros.core import urls

    wrong = urls.url_problem("https://www.gov.cn@evil.example/")
    return [*_at(urls.check_page("# T\n\n[www.gov.cn](https://evil.example/)\n", PAGE)), f"x: {wrong}"]


def _sample_limits(tmp_path, kb):
    from macros.core import limits

    return _at(limits.check_text("# T\n" + "x" * (limits.MAX_LINE_CHARS + 1) + "\n", PAGE))


def _sample_bare_figures(tmp_path, kb):
    from macros.core import bare_figures

    return _at(bare_figures.check_text("# T\n\n最低工资为 2,520 元。\n", PAGE, bare_figures.Matcher(kb)))


def _sample_destinations(tmp_path, kb):
    from macros.core import destinations

    written = [("zh/a/index.html", "docs/zh/a.md", True), ("zh/a/index.html", "docs/zh/a/index.md", True),
               ("zh/go/x/index.html", "docs/zh/go/x.md", True)]
    return _at(destinations.clashes(written, "zh/"))


def _sample_sanitize(tmp_path, kb):
    from macros.core import sanitize

    return [r.message for r in sanitize.check('<p><img src="https://evil.example/x.png" alt=""></p>').removed]


def _sample_rule_refs(tmp_path, kb):
    from macros.core import rule_refs

    (tmp_path / "findings.yml").write_text("- id: x\n  text: {rule:nothing}\n", encoding="utf-8")
    return [str(e) for e in rule_refs.check(tmp_path, ["findings"], ["minimum-wage-monthly"])]


def _sample_short_links(tmp_path, kb):
    from macros.core.shortlinks import ShortLinkError, resolve

    with pytest.raises(ShortLinkError) as caught:
        resolve(kb, "nothing-here")
    return [str(caught.value)]


def _sample_security(tmp_path, kb):
    from macros.plugin import i18n, security

    (tmp_path / "docs/en").mkdir(parents=True)
    (tmp_path / "docs/zh").mkdir()
    (tmp_path / "docs/en/only.md").write_text("# T\n", encoding="utf-8")
    (tmp_path / "docs/zh/link.md").symlink_to(tmp_path / "docs/en/only.md")
    return _at(security.symlink_problems(tmp_path) + i18n.parity_problems(tmp_path / "docs"))


CHINESE = {
    _sample_yaml: [
        "data/a.yml:3: YAML 语法错误：键 'a' 在同一组字段中出现了两次（第一次在第 1 行）",
        "data/b.yml:3: YAML 语法错误：文件意外结束，出现在带引号的值中（始于第 2 行）",
    ],
    _sample_labels: [
        "data/i18n/en.yml:1: 标签 'zz_label'：占位符 '{bogus}' 不是网站会填写的占位符",
        "data/i18n/zh.yml: 缺少标签 'zz_label'（其他语言中有）",
        "x: '{x.y}' 不是占位符：",
    ],
    _sample_raw_html: [
        f"{PAGE}:3: 页面中不允许使用 HTML 元素 <script>；允许的元素：",
        f"{PAGE}:4: 页面中不允许在 <p> 上使用属性 'onclick'；",
    ],
    _sample_templates: [
        f"{PAGE}:3: 页面中不允许使用模板语句；此处是 {{% if x %}}",
        f"{PAGE}:4: 页面中只能调用网站的宏，且参数须为字面值；此处是 {{{{ config }}}}",
    ],
    _sample_front_matter: [
        f"{PAGE}:2: 页面元数据 'title' 必须是纯文本，但其中含有 '<'",
        f"{PAGE}:3: 页面元数据 'hide' 必须是由以下值中的若干个组成的列表：navigation, toc",
    ],
    _sample_characters: ["docs/zh/x.md:3: 文本中含有零宽空格（U+200B），位于第 3 列，请删除"],
    _sample_docs_files: [
        "docs/zh/Bad_Name.md: 名称中的 'Bad_Name' 不符合要求",
        "docs/zh/run.js: '.js' 文件不能从 docs/ 发布",
    ],
    _sample_urls: [
        f"{PAGE}:3: 链接文字写的是 www.gov.cn，但链接指向 evil.example；",
        "x: 网址中含有用户名或密码",
    ],
    _sample_limits: [f"{PAGE}:2: 该行有 "],
    _sample_bare_figures: [
        f"{PAGE}:3: '2,520' 是现行规则（data/rules.yml）中的数值，不能直接写成文字：请使用 {{{{ rule("
    ],
    _sample_destinations: [
        "docs/zh/a/index.md: 该页面输出到 zh/a/index.html，而 docs/zh/a.md 也输出到那里；",
        "docs/zh/go/x.md: 该页面输出到 zh/go/x/index.html，而构建程序会在那里生成短链接（macros/plugin/kit_files.py）",
    ],
    _sample_sanitize: ["<img> 上的属性 'src' 含有来自其他网站的图片（图片只能从本站加载）"],
    _sample_rule_refs: ["data/findings.yml:2: {rule:nothing}：只有 data/channels.yml、data/checklist.yml"],
    _sample_short_links: ["'nothing-here' 不是短链接 id"],
    _sample_security: [
        "docs/zh/link.md: 这是一个符号链接；请换成文件本身",
        "docs/zh/only.md: 缺少此页面（docs/en/only.md 已存在）",
    ],
}


@pytest.mark.parametrize("sample", list(CHINESE), ids=lambda f: f.__name__.removeprefix("_sample_"))
def test_kb_lang_zh_words_every_check_in_chinese(sample, tmp_path, monkeypatch, kb):
    monkeypatch.setenv("KB_LANG", "zh")
    found = "\n".join(sample(tmp_path, kb))
    for expected in CHINESE[sample]:
        assert expected in found, found
    monkeypatch.setenv("KB_LANG", "en")  # and the same check in English (the other tests assert its words)
    (tmp_path / "en").mkdir()
    english = "\n".join(sample(tmp_path / "en", kb))
    assert english
    assert not any(expected in english for expected in CHINESE[sample]), english


def test_data_messages_in_chinese_end_to_end(tmp_path):
    """The loader's own texts (YAML syntax, labels, addresses) in Chinese, through `make validate`."""
    project = content_copy(tmp_path)
    url = replace_in(project / "data/sources.yml", "url: https://", "url: https://user@")
    twice = replace_in(project / "data/themes.yml", "  name:", "  id: again\n  name:")
    label = replace_in(project / "data/i18n/zh.yml", "{count}", "{count:>9}")
    err = validate(project, KB_LANG="zh").stderr
    assert f"data/sources.yml:{url}: " in err
    assert "网址中含有用户名或密码（主机部分 @ 之前的内容）" in err
    assert f"data/themes.yml:{twice}: YAML 语法错误：键 'id' 在同一组字段中出现了两次（第一次在第 " in err
    assert f"data/i18n/zh.yml:{label}: 标签 '" in err
    assert "不是占位符：标签中只能有写成 {name} 形式的占位符" in err


# The style rule: a contributor-facing text is a key of data/messages/<lang>.yml, never an English
# literal in Python (so KB_LANG=zh cannot miss it).
MESSAGE_MAKERS = {"Problem", "DataError", "Removal", "MarkedYAMLError", "PluginError", "ShortLinkError", "_add"}
_WORDS = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}")  # three English words in a row


def _python_strings(path: Path) -> Iterator[tuple[int, str]]:
    """Every string constant in a module (f-strings' literal parts too), docstrings left out."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def _checked_modules() -> list[Path]:
    return sorted(p for folder in ("macros/core", "macros/plugin") for p in (ROOT / folder).rglob("*.py")
                  if p.name != "messages.py")


def test_no_message_text_is_written_in_python():
    """No module keeps a copy of a message's words: each text lives once, in data/messages/<lang>.yml."""
    from macros.core import messages

    fragments = {
        part.strip(): key
        for key, text in messages.texts("en").items()
        if not key.startswith("yaml.lib.")  # PyYAML's own words, which yaml_source recognises to translate
        for part in re.split(r"\{[a-z_]+\}", text)
        if len(part.strip()) >= 20 and _WORDS.search(part)
    }
    assert len(fragments) > 100
    found = [
        f"{path.relative_to(ROOT)}:{line}: {fragments[part]}"
        for path in _checked_modules()
        for line, value in _python_strings(path)
        for part in fragments
        if part in value
    ]
    assert not found, found


def test_no_message_is_built_from_an_english_literal():
    """Problem(…), DataError(…), PluginError(…) and the like get their text from `say`, not from words in Python."""
    import ast

    found = []
    for path in _checked_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in MESSAGE_MAKERS:
                continue
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                parts = [p.value for p in ast.walk(arg) if isinstance(p, ast.Constant) and isinstance(p.value, str)]
                found += [f"{path.relative_to(ROOT)}:{node.lineno}: {p[:60]}" for p in parts if _WORDS.search(p)]
    assert not found, found


# -- 6. a quiet, sturdy preview ------------------------------------------------------------------------
def test_a_taken_port_is_one_line_naming_another_port():
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "macros", "serve", "--port", str(port)], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert f"port {port} is already in use" in lines[0]
    assert "make serve port=" in lines[0]
    assert "Traceback" not in done.stderr


def test_make_serve_takes_a_port_and_runs_the_sturdy_wrapper():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "port ?= 8000" in makefile
    assert "SERVE := $(BIN)/python -m macros serve --port $(port)" in makefile


def test_a_failed_build_waits_for_a_fix_instead_of_ending(monkeypatch, capsys):
    """mkdocs-macros ends the process on a macro error (exit(), which MkDocs' rebuild loop does not catch),
    and a first build with a data mistake ends `mkdocs serve` too: the wrapper says so and starts again
    after the next save. Material's banner is switched off with its own variable."""
    import argparse

    from macros.tools import serve

    calls: list[dict[str, str]] = []
    codes = iter([1, 0])  # the first build fails, the second (after the fix) runs until Ctrl+C

    def fake_call(cmd, env):
        calls.append(env)
        assert cmd[1:4] == ["-m", "mkdocs", "serve"]
        return next(codes)

    waited = []
    monkeypatch.setattr(serve.subprocess, "call", fake_call)
    monkeypatch.setattr(serve, "wait_for_change", waited.append)
    monkeypatch.setattr(serve, "port_taken", lambda host, port: False)
    assert serve.run(argparse.Namespace(host="127.0.0.1", port=8000)) == 0
    assert len(calls) == 2
    assert len(waited) == 1
    assert all(env["NO_MKDOCS_2_WARNING"] == "1" for env in calls)
    err = capsys.readouterr().err
    assert "the build failed" in err
    assert "starts again when you save" in err


def test_a_save_is_noticed(tmp_path):
    from macros.tools import serve

    (tmp_path / "docs").mkdir()
    page = tmp_path / "docs" / "a.md"
    page.write_text("# A\n", encoding="utf-8")
    before = serve.stamp(tmp_path)
    os.utime(page, (1, before[1] + 5))
    assert serve.stamp(tmp_path) != before
    (tmp_path / "docs" / "b.md").write_text("# B\n", encoding="utf-8")
    assert serve.stamp(tmp_path)[0] == 2


def test_pages_kept_out_of_the_nav_on_purpose_are_listed_and_nav_pages_are_not():
    """`not_in_nav` silences MkDocs' 80-line list for the record pages, handouts and workshop pack; any other
    page missing from the nav is still reported."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    spec = config.not_in_nav
    assert spec is not None

    def nav_pages(items: object) -> set[str]:
        if isinstance(items, str):
            return {items}
        if isinstance(items, dict):
            return set().union(*(nav_pages(v) for v in items.values()))
        if isinstance(items, list):
            return set().union(*(nav_pages(v) for v in items)) if items else set()
        return set()

    in_nav = nav_pages(config.nav)
    pages = {p.relative_to(ROOT / "docs/en").as_posix() for p in (ROOT / "docs/en").rglob("*.md")}
    for lang in LANGS:
        for page in pages:
            if page in in_nav:
                assert not spec.match_file(f"{lang}/{page}"), page
            else:
                assert spec.match_file(f"{lang}/{page}"), f"{page} is neither in the nav nor in not_in_nav"


def test_generated_record_pages_are_marked_not_in_nav():
    from mkdocs.config import load_config
    from mkdocs.structure.files import InclusionLevel

    from macros.plugin import record_pages

    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins._current_plugin = "kb"  # as during the kb plugin's on_files event
    file = record_pages._file(config, "en", "recommendations/x.md", "# x\n")
    assert file.inclusion is InclusionLevel.NOT_IN_NAV


def test_the_chinese_preview_links_the_notice_to_the_published_english_page(monkeypatch):
    from types import SimpleNamespace

    from macros.plugin import outdated_notice

    monkeypatch.setattr(outdated_notice, "page_state", lambda docs, path, lang: SimpleNamespace(state="outdated"))
    strings = {"zh": {"translation.outdated": "旧", "translation.read_current": "英文", "punct.cite_gap": ""}}

    def notice(only: str | None) -> str:
        i18n = SimpleNamespace(config=SimpleNamespace(build_only_locale=only))
        config = SimpleNamespace(docs_dir=str(ROOT / "docs"), use_directory_urls=True, plugins={"i18n": i18n},
                                 extra={"public_url": "https://kb.example.org/base/"})
        page = SimpleNamespace(file=SimpleNamespace(src_uri="zh/about/index.md", locale="zh"), meta={})
        outdated_notice.mark_outdated(page, config, strings)
        return page.meta["translation_notice"]["url"]

    assert notice("zh") == "https://kb.example.org/base/about/"  # make serve lang=zh: the English is not here
    assert notice(None) == "about/"  # both languages built: the English page of this site


# -- 7. a complete pull-request summary ------------------------------------------------------------------
def test_the_summary_lists_a_new_records_page_short_link_and_plan_pages_apart_from_a_changed_one(tmp_path):
    from helpers import copy_project
    from test_pr_summary import GIT, commit, summary

    from macros.core.load import load

    project = copy_project(tmp_path / "p")
    subprocess.run([*GIT, "init", "-q", str(project)], check=True)
    base = commit(project, "base")
    recs = project / "data/recommendations.yml"
    text = recs.read_text(encoding="utf-8")
    first = text[text.index("- id: coordinate-monitoring"):text.index("- id: invest-in-management-systems")]
    new = first.replace("- id: coordinate-monitoring", "- id: share-inspection-calendars", 1).replace(
        "{en: Coordinate public inspection and private audits,", "{en: Share inspection calendars,", 1)
    text = text.replace("{en: \"Invest in suppliers' capabilities, not only in audits\",",
                        "{en: \"Invest in suppliers' capabilities, not in audits alone\",", 1)
    recs.write_text(text + new, encoding="utf-8")
    load(project / "data")  # the change is valid data
    commit(project, "a new recommendation and a changed one")

    out = summary(project, base, "HEAD", tmp=tmp_path)
    en, zh = out.split("## 本拉取请求修改了什么")
    row = next(r for r in en.splitlines() if "`share-inspection-calendars`" in r and r.startswith("| `data/"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[:4] == ["`data/recommendations.yml`", "`share-inspection-calendars`", "added",
                         "`/go/share-inspection-calendars/`"]
    for page in ("/recommendations/share-inspection-calendars/", "/recommendations/", "/plans/government/",
                 "/plans/buyers/", "/plans/suppliers/", "/handouts/buyers/", "/findings/public-private-coordination/",
                 "/findings/root-causes/enforcement-capacity/"):
        assert f"`{page}`" in cells[4], page
    changed = next(r for r in en.splitlines() if "`invest-in-management-systems`" in r and r.startswith("| `data/"))
    assert "| changed |" in changed
    assert "`/go/invest-in-management-systems/`" in changed
    zh_row = next(r for r in zh.splitlines() if "`share-inspection-calendars`" in r and r.startswith("| `data/"))
    assert "| 新增 |" in zh_row
    assert "`/zh/go/share-inspection-calendars/`" in zh_row
    assert "`/zh/plans/government/`" in zh_row


def test_a_changed_source_lists_the_pages_that_cite_it(tmp_path):
    from macros.core.load import load
    from macros.tools.pr_summary import appears_on, macro_index

    kb = load(ROOT / "data")
    pages = appears_on(kb, "sources", "eicc-code-v2", macro_index(ROOT / "docs"))
    assert "guides/management-systems.md" in pages  # {{ cite("eicc-code-v2") }}
    assert "resources/sources.md" in pages  # the list of sources
    assert any(p.startswith("findings/") for p in pages)  # the record pages of findings citing it


# -- 1. a quick start and a template for content contributors --------------------------------------------
@pytest.mark.parametrize(("name", "words"), [
    ("CONTRIBUTING.md", ("pencil", "pull request", "Files changed", "Summary", "previews/pr-", "/accept-translation",
                         "make validate")),
    ("CONTRIBUTING.zh.md", ("铅笔", "拉取请求", "Files changed", "Summary", "previews/pr-", "/accept-translation",
                            "make validate")),
])
def test_contributing_opens_with_a_quick_start_in_the_browser(name, words):
    text = (ROOT / name).read_text(encoding="utf-8")
    first_section = text.split("\n## ", 2)[1]  # the first section after the title and the introduction
    heading = first_section.splitlines()[0]
    assert "Quick start" in heading or "快速入门" in heading, heading
    for word in words:
        assert word in first_section, word
    assert "`make test`" in first_section  # ... and says it is not needed before a pull request


def test_the_pull_request_template_asks_for_both_languages_sources_and_the_law():
    text = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    english, chinese = text.split("\n---\n")
    for needle in ("Both languages", "Sources", "law", "checked", "preview"):
        assert needle in english, needle
    for needle in ("中英文一致", "注明出处", "法律", "checked", "预览"):
        assert needle in chinese, needle


@pytest.mark.parametrize("name", ["CONTRIBUTING.md", "CONTRIBUTING.zh.md"])
def test_the_source_example_in_contributing_is_complete_and_true(name):
    """Copying the example works: it validates as a source, and it is the real entry's form and facts."""
    import re

    from macros.core.load import load
    from macros.core.model import Source
    from macros.core.yaml_source import parse_yaml

    text = (ROOT / name).read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL) if "kind: law" in b)
    (entry,) = parse_yaml(block, name)  # as the loader reads data files (dates stay text)
    source = Source.model_validate(entry)
    assert source.status is not None
    assert source.checked is not None
    real = load(ROOT / "data").sources[source.id]
    for field in ("kind", "status", "checked", "title", "publisher", "date", "document_number"):
        assert getattr(source, field) == getattr(real, field), field


@pytest.mark.parametrize("lang", WRITTEN)
def test_the_sites_contributing_page_says_what_make_serve_shows_and_needs_no_make_test(lang):
    text = (ROOT / f"docs/{lang}/contributing/index.md").read_text(encoding="utf-8")
    assert "make serve lang=zh" in text
    assert "make serve-all" in text
    assert "`make validate`" in text
    assert "both languages" not in text.split("`make serve`")[1].split("\n")[0]
    assert "Run it before opening a pull request" not in text
    assert "提交拉取请求前请先运行" not in text
    assert "/accept-translation" in text
    assert ".venv/bin/python -m macros translation-status --accept" in text


# -- 5. commands that work as printed -------------------------------------------------------------------
def test_translation_status_prints_a_command_that_runs_as_printed(tmp_path):
    project = content_copy(tmp_path)
    page = project / "docs/en/about/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "macros", "--data", str(project / "data"), "translation-status", "--no-diff"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    last = done.stdout.strip().splitlines()[-1]
    assert "`.venv/bin/python -m macros translation-status --accept <page or kind/id>`" in last
    assert "/accept-translation" in last
    assert (ROOT / ".venv/bin/python").exists() or os.environ.get("CI")  # the printed interpreter is make's


def test_no_tool_tells_a_contributor_to_run_a_bare_python():
    """Every command a tool prints is a make target or .venv/bin/python: a bare `python -m macros` ends in
    ModuleNotFoundError outside the virtual environment. (Docstrings and argparse's own texts aside.)"""
    import ast

    def docstrings(tree: ast.AST) -> set[int]:
        found = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body:
                first = node.body[0]
                if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                    found.add(id(first.value))
        return found

    def argparse_texts(tree: ast.AST) -> set[int]:
        return {id(k.value) for node in ast.walk(tree) if isinstance(node, ast.Call)
                for k in node.keywords if k.arg in ("prog", "help", "description", "usage")}

    bare = []
    for path in sorted((ROOT / "macros").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = docstrings(tree) | argparse_texts(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                text = node.value
                if "python -m macros" in text and ".venv/bin/python -m macros" not in text:
                    bare.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text[:80]}")
    assert bare == []


def test_a_message_whose_placeholder_is_named_lang_is_filled(tmp_path):
    """`say`'s own language option is keyword-only and named apart, so a message may use {lang}."""
    from macros.core.messages import say

    assert say("kb.synonyms_pair", lang="en") == "terms.en and variants.en go together: give both or neither"
    assert say("kb.synonyms_pair", lang="zh", in_language="zh").startswith("terms.zh 和 variants.zh")
    assert "docs/zh/" in say("sections.no_page", page="x", lang="zh")


@pytest.mark.slow  # two builds of the English pages under the real wrapper
def test_make_serve_survives_a_broken_first_build_and_serves_after_the_fix(tmp_path):
    import socket
    import time
    import urllib.request

    from helpers import copy_project

    project = copy_project(tmp_path / "p")
    page = project / "docs/en/guides/management-systems.md"
    replace_in(page, 'cite("eicc-code-v2")', 'cite("eicc-code-v3x")')
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {"PATH": "/usr/bin:/bin", "HOME": os.environ["HOME"], "PYTHONDONTWRITEBYTECODE": "1",
           "KB_PREVIEW": "true", "KB_GIT_DATES": "false", "KB_BUILD_ZH": "false"}
    log = tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as out:
        serve = subprocess.Popen([sys.executable, "-m", "macros", "serve", "--port", str(port)], cwd=project,
                                 stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        def wait_for(predicate, seconds: float = 240) -> None:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                if predicate():
                    return
                assert serve.poll() is None, log.read_text(encoding="utf-8")
                time.sleep(0.2)
            raise AssertionError(log.read_text(encoding="utf-8")[-3000:])

        wait_for(lambda: "the preview starts again when you save it" in log.read_text(encoding="utf-8"))
        assert "eicc-code-v3x" in log.read_text(encoding="utf-8")
        assert "end of life" not in log.read_text(encoding="utf-8")  # Material's banner is silenced
        replace_in(page, 'cite("eicc-code-v3x")', 'cite("eicc-code-v2")')

        def served() -> bool:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/knowledge-base/", timeout=5) as response:
                    return response.status == 200
            except OSError:
                return False

        wait_for(served)
        text = log.read_text(encoding="utf-8")
        assert "not included in the \"nav\"" not in text  # not_in_nav and the record pages' marks
    finally:
        serve.terminate()
        serve.wait(timeout=30)
    from macros.tools.serve import port_taken

    freed = time.monotonic() + 2  # MkDocs may take a moment to let go of the port: at most 2 s
    while port_taken("127.0.0.1", port) and time.monotonic() < freed:
        time.sleep(0.1)
    assert not port_taken("127.0.0.1", port), "MkDocs outlived the wrapper"
