"""Content is not code: what a page or data file from a pull request must never be able to do.

Pages may call only the site's macros with literal arguments; symlinks are refused; YAML aliases,
deep nesting, control, bidi and zero-width characters and Windows device names are refused with
file:line; messages stay short and printable; CSV headers are guarded; every page carries a
Content-Security-Policy that lets only the theme's own scripts run.
"""

from __future__ import annotations

import csv
import io
import re
import time
from pathlib import Path

import pytest
from helpers import ROOT, build_in_process, copy_project

from macros.core.downloads import csv_text
from macros.core.load import load
from macros.core.page_templates import check_text
from macros.core.yaml_source import MAX_REPORTED, DataError, DataErrors
from macros.plugin.security import with_policy
from macros.render import MACROS

PAYLOAD = "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}"


# -- 1. page templates --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        PAYLOAD,
        "{{ config }}",
        "{{ config.extra }}",
        '{% include "index.md" %}',
        "{{ cite(x) }}",
        "{{ cite('a' ~ 'b') }}",
        "{{ nope() }}",
        "{# note #}",
        "{% if 1 %}x{% endif %}",
        "{{ cite }}",
        "{{ cite('a').__class__ }}",
    ],
)
def test_only_literal_macro_calls_pass_the_template_rule(text):
    problems = list(check_text(f"# Title\n\nSome text.\n{text}\n", "docs/en/x.md", MACROS))
    assert problems, problems
    assert problems[0].line == 4, problems
    assert str(problems[0]).startswith("docs/en/x.md:4: ")


@pytest.mark.parametrize(
    "text",
    [
        '{{ cite("fias-2007-report") }}',
        "{{ cite('a', 'b') }}",
        '{{ "{{" }}',
        '{{ "}}" }}',
        "{% raw %}{{ config }}{% endraw %}",
        "## Heading { #id }",
        "{{ qr('plan-buyers') }}",
    ],
)
def test_the_documented_forms_pass(text):
    assert list(check_text(text, "docs/en/x.md", MACROS)) == []


def test_every_page_follows_the_rule():
    from macros.core.page_templates import check_docs

    assert check_docs(ROOT / "docs", MACROS) == []


@pytest.mark.parametrize("text", [PAYLOAD, "{{ config }}", '{% include "index.md" %}'])
def test_a_page_payload_fails_the_build_with_file_and_line_and_runs_nothing(tmp_path, text):
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "en" / "about" / "index.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(5, text)
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build_in_process(project, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/en/about/index.md:6: " in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert not list(project.rglob("PWNED"))
    assert not (tmp_path / "out" / "about" / "index.html").exists()


# -- 2. symbolic links --------------------------------------------------------------------------
def test_a_symlink_in_the_sources_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "docs" / "en" / "passwd.md").symlink_to("/etc/passwd")
    result = build_in_process(project, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/en/passwd.md" in result.stderr
    assert "Symbolic links are not allowed" in result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").rglob("passwd*"))


# -- 4. and 5. YAML and texts ---------------------------------------------------------------------
def errors(data: Path) -> DataErrors:
    with pytest.raises(DataErrors) as info:
        load(data)
    return info.value


def test_an_alias_bomb_is_refused_quickly_with_file_and_line(data):
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"] + [
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]"
        for p, c in zip("abcdef", "bcdefg", strict=True)
    ]
    (data / "i18n" / "en.yml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    start = time.perf_counter()
    exc = errors(data)
    assert time.perf_counter() - start < 5, "the aliases were expanded"
    lines = exc.lines()
    assert any(re.match(r"data/i18n/en\.yml:1: YAML syntax error: anchors \(&name\) and aliases", e) for e in lines), (
        lines
    )
    assert len(lines) < 50


def test_deep_nesting_is_reported_with_file_and_line(data):
    (data / "themes.yml").write_text("- id: x\n  name: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    exc = errors(data)
    assert any(re.match(r"data/themes\.yml:\d+: .*nested more than", e) for e in exc.lines()), exc.lines()


@pytest.mark.parametrize(
    ("char", "what"),
    [
        ("\x00", "a control character"),
        ("\u202e", "a bidirectional control"),
        ("\u200b", "a zero-width space"),
        ("\x1b", "a control character"),
        ("\u061c", "an Arabic letter mark"),
        ("\u200e", "a left-to-right mark"),
        ("\u200f", "a right-to-left mark"),
        ("\u2066", "a bidirectional control"),
    ],
)
def test_invisible_and_control_characters_are_refused(data, char, what):
    path = data / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("  zh: "))
    path.write_text(text.replace("\n  zh: ", f"\n  zh: 利益相{char}", 1), encoding="utf-8")
    assert any(e.startswith(f"data/glossary.yml:{line}: ") and what in e and "U+" in e for e in errors(data).lines())


def test_a_label_with_a_control_character_is_refused(data):
    path = data / "i18n" / "zh.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  none: 无", "  none: 无\u2066", 1), encoding="utf-8")
    assert any(e.startswith("data/i18n/zh.yml:") and "bidirectional" in e for e in errors(data).lines())


@pytest.mark.parametrize("name", ["con", "aux", "nul", "com1", "lpt9"])
def test_windows_device_names_are_refused_as_ids(data, name):
    path = data / "themes.yml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r"^- id: (\S+)$", text, re.MULTILINE).group(1)
    path.write_text(text.replace(f"- id: {first}\n", f"- id: {name}\n", 1), encoding="utf-8")
    assert any("reserved file name on Windows" in e for e in errors(data).lines())


def test_errors_are_capped_and_counted():
    many = [DataError("data/x.yml", n, "problem") for n in range(MAX_REPORTED + 50)]
    exc = DataErrors(many)
    assert len(exc.errors) == MAX_REPORTED
    assert exc.omitted == 50
    assert exc.lines()[-1] == "… and 50 more problem(s)"


def test_messages_are_short_and_cannot_start_a_line():
    error = DataError("data/x.yml", 3, "record '" + "x" * 1_000_000 + "\n::error file=a,line=1::forged': bad")
    text = str(error)
    assert len(text) < 400
    assert "\n" not in text
    assert "\r" not in text


# -- 7. CSV headers -----------------------------------------------------------------------------
def test_csv_header_cells_get_the_formula_guard(data):
    for lang in ("en", "zh"):
        path = data / "i18n" / f"{lang}.yml"
        text = path.read_text(encoding="utf-8")
        path.write_text(
            re.sub(r"^(download:\n(?:  .*\n)*?  id: ).*$", r'\1"=HYPERLINK(1)"', text, count=1, flags=re.MULTILINE),
            encoding="utf-8",
        )
    kb = load(data)
    header = next(csv.reader(io.StringIO(csv_text(kb, "recommendations", "en", lambda *a: ""))))
    assert header[0] == "'=HYPERLINK(1)"


# -- 8. Content-Security-Policy -------------------------------------------------------------------
THEME = (
    '<html><head><meta charset="utf-8"><script>var theme = 1</script>'
    '<script id="__config" type="application/json">{}</script></head>'
)


def test_the_policy_hashes_the_scripts_it_is_given_and_nothing_of_the_page():
    content = "<p>text</p><script>alert(1)</script><img src=x onerror=alert(2)>"
    html = with_policy(THEME + f"<body><article>{content}</article></body></html>", ["var theme = 1"])
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    hashes = re.findall(r"'sha256-[^']+'", policy)
    assert len(hashes) == 1, "only the theme's one JavaScript block is allowed"
    assert "script-src 'self' 'sha256-" in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert html.index("Content-Security-Policy") < html.index("<script>")
    bare = with_policy(THEME + f"<body>{content}</body></html>")
    assert "sha256-" not in bare, "a script in the page never gets a hash"


def test_every_built_page_has_a_policy(site):
    pages = list(site.rglob("*.html"))
    missing = [
        p.relative_to(site).as_posix()
        for p in pages
        if 'http-equiv="Content-Security-Policy"' not in p.read_text(encoding="utf-8")
    ]
    assert pages, missing[:10]
    assert not missing, missing[:10]


def test_no_built_page_needs_inline_style(site):
    """style-src has no 'unsafe-inline', so no page may carry a <style> block or a style="" attribute."""
    offenders = []
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
        if policy and "'unsafe-inline'" in policy.group(1).split("style-src", 1)[1].split(";", 1)[0]:
            offenders.append(f"{path.relative_to(site)}: 'unsafe-inline' in style-src")
        if re.search(r"<style[\s>]|\sstyle=", html):
            offenders.append(f"{path.relative_to(site)}: inline style")
    assert not offenders, offenders[:10]


PAGE_TYPES = [
    "",
    "recommendations/",
    "plans/suppliers/",
    "findings/root-causes/",
    "guides/self-assessment/",
    "guides/cost-benefit-worksheet/",
    "workshop/kit/",
    "resources/glossary/",
    "handouts/buyers/",
    "go/plan-buyers/",
    "no-such-page/",
]


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_no_policy_violation_on_any_page_type(page, server, lang):
    for path in PAGE_TYPES:
        page.console_errors.clear()
        response = page.goto(f"{server}/{lang}{path}")
        assert response.status == (404 if path == "no-such-page/" else 200), f"{lang}{path}"
        page.wait_for_load_state("load")
        page.wait_for_timeout(200)
        violations = [e for e in page.console_errors if "Content Security Policy" in e]
        assert not violations, f"{lang}{path}: {violations}"
    page.goto(f"{server}/{lang}guides/self-assessment/")
    page.locator(".kb-check-answers label").first.click()
    assert not [e for e in page.console_errors if "Content Security Policy" in e]


def test_a_template_problem_is_annotated_on_its_line_on_github(tmp_path, monkeypatch, capsys):
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    from macros.plugin.security import check_content

    page = tmp_path / "docs" / "zh" / "about.md"
    page.parent.mkdir(parents=True)
    page.write_text("# 关于\n\n正文。\n{{ config }}\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    with pytest.raises(PluginError, match=r"docs/zh/about\.md:4: "):
        check_content(SimpleNamespace(docs_dir=str(tmp_path / "docs")), lambda: pytest.fail("no model needed"))
    out = capsys.readouterr()
    assert "::error file=docs/zh/about.md,line=4::" in out.out + out.err


# The inline scripts the policy allows, from Material's templates (a theme upgrade that changes one
# changes its hash here: check the new script, then update the hash).
THEME_SCRIPT_HASHES = {
    "palette": "'sha256-DrEMJJ29sL7vIloQzly+VUGMxKcBTMII+OfW7Y8AkG4='",
    "content": "'sha256-/8wPdzX9q0NNJXyA5lzsLojXFpkeaXVxhbfkUOQaWy8='",
}
# Material's templates with an inline script that this site's pages never include, and why.
UNUSED_SCRIPT_TEMPLATES = {
    "partials/javascripts/announce.html": "no announcement bar (no `announce` block in overrides/)",
    "partials/javascripts/outdated.html": "no versioning (extra.version)",
    "partials/javascripts/consent.html": "no cookie consent (extra.consent)",
    "partials/integrations/analytics.html": "no analytics (extra.analytics)",
    "partials/integrations/analytics/google.html": "no analytics (extra.analytics)",
    "redirect.html": "not used (the short links are written by macros/render/redirects.py)",
}


def _inline_scripts(text: str) -> list[str]:
    return [
        m.group(0)
        for m in re.finditer(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", text)
    ]


@pytest.fixture(scope="module")
def mkdocs_config():
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))


def test_the_policy_allows_exactly_the_themes_three_inline_scripts(mkdocs_config):
    from macros.plugin.security import THEME_SCRIPTS, _hash, theme_scripts

    env = mkdocs_config.theme.get_env()
    scripts = theme_scripts(env, {"config": mkdocs_config, "base_url": "../.."}, mkdocs_config)
    assert len(THEME_SCRIPTS) == 3
    assert len(scripts) == 3, scripts
    base, palette, content = scripts
    assert base.startswith('__md_scope=new URL("../..",location),__md_hash=')  # the only one that varies
    assert _hash(palette) == THEME_SCRIPT_HASHES["palette"], palette
    assert _hash(content) == THEME_SCRIPT_HASHES["content"], content
    other = theme_scripts(env, {"config": mkdocs_config, "base_url": "."}, mkdocs_config)
    assert other[1:] == scripts[1:]
    assert other[0] != base


def test_every_inline_script_of_the_theme_is_hashed_or_never_included(mkdocs_config):
    """A theme upgrade that adds an inline script fails here (else the policy would block it)."""
    import material as material_theme

    from macros.plugin.security import THEME_SCRIPTS

    material = Path(material_theme.__file__).parent / "templates"
    with_scripts = {
        path.relative_to(material).as_posix()
        for path in material.rglob("*.html")
        if _inline_scripts(path.read_text(encoding="utf-8"))
    }
    assert with_scripts == set(THEME_SCRIPTS) | set(UNUSED_SCRIPT_TEMPLATES), with_scripts
    extra = mkdocs_config.extra
    assert not {"version", "consent", "analytics"} & set(extra), "a theme script this site does not hash"
    for path in (ROOT / "overrides").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not _inline_scripts(text), f"{path}: an inline script (move it into overrides/assets/javascripts/)"
        assert "block announce" not in text


def test_a_built_pages_policy_hashes_only_the_themes_scripts(site):
    """Every inline script of every built page is one of the theme's, and its hash is in the policy."""
    import base64
    import hashlib

    pages = ["index.html", "zh/index.html", "zh/guides/self-assessment/index.html", "404.html"]
    for path in [site / page for page in pages]:
        html = path.read_text(encoding="utf-8")
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
        hashes = set(re.findall(r"'sha256-[^']+'", policy))
        assert len(hashes) == 3, (path, hashes)
        assert set(THEME_SCRIPT_HASHES.values()) <= hashes
        bodies = [
            m.group(1)
            for m in re.finditer(r"<script(?![^>]*\bsrc=)(?![^>]*/json)[^>]*>(.*?)</script>", html, re.DOTALL)
        ]
        found = {"'sha256-" + base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() + "'" for b in bodies}
        assert found == hashes, path
