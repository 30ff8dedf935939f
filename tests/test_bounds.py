"""Content is not code, part 3: every input is bounded (issue 31, items 3, 4, 7 and 8).

Each bomb of the issue fails the build at once, naming the file and line, or is bounded: pages
too big for Markdown's quadratic link parsing, label format specs, synonyms that multiply the
search index, URLs that name one host and lead to another, numbers Python cannot read and
nesting that would end in a RecursionError. No assertion here is timed: `python -m macros bombs`
measures the builds (see the report in macros/tools/bombs.py).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from helpers import build_in_process, copy_project, errors_for

from macros.core import limits, page_templates, urls
from macros.core.labels import fill
from macros.core.load import load
from macros.core.reading import brace_problem
from macros.core.synonyms import synonym_field
from macros.core.yaml_source import DataErrors, parse_yaml
from macros.plugin import macro_args
from macros.plugin.i18n import drop_head_alternates
from macros.plugin.security import with_policy
from macros.render import MACROS

PAGE = "docs/en/about/index.md"


def line_with(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


# -- pages: size, line length, unclosed brackets; the build stops before Markdown --------------------
UNCLOSED = r"too many unclosed '\[' or '\]\(' \(Markdown would scan "
PAGE_BOMBS = [
    ("300 KB of spaces on one line", "x" + " " * 300_000 + "x", None, r"the page has 30\d,\d{3} characters"),
    ("200 KB of {", "{" * 200_000, None, r"the page has 20\d,\d{3} characters"),
    ("a line too long", "word " * 700, "last", r"the line has 3,500 characters; a line may have at most 3,000"),
    ("40 KB of [a on one line", "[a" * 20_000, "last", r"the line has 40,000 characters"),
    ("40 KB of [a in lines", "\n".join(["[a" * 250] * 80), "first", UNCLOSED),
    ("[a]( without )", "\n".join(["[a](" * 125] * 20), "first", UNCLOSED),
    ("a list nested 600 deep", "- " * 600 + "x", "last", r"the blocks are nested 600 levels deep"),
    ("quotes nested 600 deep", "> " * 600 + "x", "last", r"the blocks are nested 600 levels deep"),
    ("15 KB of <a", "\n".join(["<a" * 1400] * 5), "first", r"too many unclosed '<' \(the HTML parser would scan "),
]


@pytest.mark.parametrize(("what", "bomb", "line", "message"), PAGE_BOMBS, ids=[b[0] for b in PAGE_BOMBS])
def test_a_page_bomb_fails_the_build_at_once_naming_file_and_line(tmp_path, what, bomb, line, message):
    project = copy_project(tmp_path / "p")
    page = project / PAGE
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + bomb + "\n"
    page.write_text(text, encoding="utf-8")
    result = build_in_process(project, tmp_path / "out")
    lines = text.splitlines()
    first = next((n for n, row in enumerate(lines, 1) if row.startswith(bomb[:4])), None)
    where = {None: f"{PAGE}: ", "last": f"{PAGE}:{len(lines)}: ", "first": f"{PAGE}:{first}: "}[line]
    assert result.returncode != 0
    assert re.search(re.escape(where) + message, result.stderr), result.stderr[-1500:]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "about" / "index.html").exists()


def test_a_page_that_cannot_be_read_is_named(tmp_path):
    docs = tmp_path / "docs"
    (docs / "en" / "x.md").mkdir(parents=True)
    (docs / "en" / "y.md").write_bytes(b"# T\n\n\xff\xfe\n")
    assert [str(p) for p in limits.check_docs(docs)] == [
        "docs/en/x.md: a folder may not be named like a page (.md)",
        "docs/en/y.md:3: the page is not valid UTF-8 text",
    ]


def test_the_pages_are_within_the_limits():
    assert limits.check_docs(Path("docs")) == []


def test_the_bracket_scan_counts_what_markdown_scans():
    assert limits.bracket_scan("[a](b) and [c]")[0] == 6  # from each [ to its ], from ]( to its )
    assert limits.bracket_scan("[a" * 100)[0] == sum(200 - 2 * i for i in range(100))  # unclosed: to the end
    assert limits.bracket_scan("\\[" * 1000)[0] == 0  # escaped brackets are text
    assert limits.bracket_scan("x\n\ny\n\n[[[")[1] == 5  # the line of the costliest paragraph


def test_whitespace_runs_cost_one_pass_in_the_output_regexes():
    """A `\\s*<tag>` regex restarts at every space (300 KB of spaces would take minutes): these are
    linear, and still remove the tags with the whitespace before them."""
    spaces = "x" + " " * 300_000 + "x"
    assert drop_head_alternates(spaces) == spaces
    assert drop_head_alternates('a \n <link rel="alternate" href="/zh/" hreflang="zh">b') == "ab"
    page = with_policy("<head><meta charset=\"utf-8\"></head>" + spaces)
    assert with_policy(page) == page  # the old policy is replaced, not repeated


def test_the_raw_html_regexes_do_not_restart_on_unclosed_constructs():
    from macros.core import raw_html

    for text in ("{{" * 50_000, "{%" * 50_000, "[\n" * 50_000):
        assert list(raw_html.check_text(text, "f")) == []
    assert raw_html.visible_source("{{ x }} <b>\n{{ y").startswith("        <b>")  # unclosed: blanked to the end


# -- labels: only {name} placeholders the site fills --------------------------------------------------
@pytest.mark.parametrize(
    "label",
    ["{day:>20000} {month} {year}", "{day:x>1000000} {month} {year}", "{day.__class__} {month} {year}",
     "{day[0]} {month} {year}", "{0} {month} {year}", "{day} {month} {year} }", "{{day}} {month} {year}",
     "{weekday} {day} {month} {year}"],
)
def test_a_label_with_a_format_spec_or_an_unknown_field_fails_at_its_line(data, label):
    en = data / "i18n" / "en.yml"
    en.write_text(en.read_text(encoding="utf-8").replace('day: "{day} {month} {year}"', f'day: "{label}"', 1),
                  encoding="utf-8")
    line = line_with(en, label)
    errors = errors_for(data)
    assert any(e.startswith(f"data/i18n/en.yml:{line}: the label 'date.day': ") for e in errors), errors


def test_a_label_bomb_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "p")
    en = project / "data" / "i18n" / "en.yml"
    en.write_text(en.read_text(encoding="utf-8").replace('"{day} {month} {year}"', '"{day:x>1000000} {month} {year}"'),
                  encoding="utf-8")
    result = build_in_process(project, tmp_path / "out")
    assert result.returncode != 0
    assert f"data/i18n/en.yml:{line_with(en, '{day:x>')}: the label 'date.day': '{{day:x>1000000}}'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_fill_never_formats():
    assert fill("{day:>5}|{day}|{x.y}", day="1") == "{day:>5}|1|{x.y}"
    assert brace_problem("{count} of {total}") is None


def test_a_long_label_is_refused(data):
    en = data / "i18n" / "en.yml"
    en.write_text(en.read_text(encoding="utf-8").replace("  no_pages: No page changed.", "  no_pages: " + "x" * 1001),
                  encoding="utf-8")
    assert any(re.match(r"data/i18n/en.yml:\d+: the label 'summary.no_pages': is too long \(1,001", e)
               for e in errors_for(data))


# -- search synonyms: bounded entries, bounded growth of the index -------------------------------------
def test_a_10kb_synonym_is_refused_at_its_line(data):
    path = data / "search_synonyms.yml"
    path.write_text(path.read_text(encoding="utf-8") + "- id: bomb\n  terms: {en: [a], zh: [的]}\n"
                    "  variants: {en: [" + "w" * 10_000 + "], zh: [x]}\n", encoding="utf-8")
    line = len(path.read_text(encoding="utf-8").splitlines())
    assert any(e.startswith(f"data/search_synonyms.yml:{line}: record 'bomb': variants, en (English), item 1: the "
                            "text is too long (10000 characters; at most 300)") for e in errors_for(data))


def test_too_many_synonyms_are_refused(data):
    path = data / "search_synonyms.yml"
    words = ", ".join(f"w{i}" for i in range(21))
    path.write_text(path.read_text(encoding="utf-8") + f"- id: bomb\n  terms: {{en: [{words}]}}\n"
                    "  variants: {en: [x]}\n", encoding="utf-8")
    assert any(re.match(r"data/search_synonyms.yml:\d+: record 'bomb': terms, en \(English\): "
                        r"give at most 20 items \(found 21\)", e)
               for e in errors_for(data))


def test_a_sections_synonyms_grow_the_index_at_most_by_its_text():
    pairs = [(tuple("abcdefghijklmnopqrst"), tuple("v" + "x" * 298 + str(i) for i in range(20)))]
    text = "a b c d e f g h i j k l m n o p q r s t " * 500  # every term, 500 times
    field = synonym_field(pairs, text)
    assert 0 < len(field) <= max(limits.MAX_SYNONYM_FIELD, len(text))
    assert len(synonym_field(pairs, "a")) <= limits.MAX_SYNONYM_FIELD


# -- URLs in data and pages ----------------------------------------------------------------------------
BAD_URLS = [
    ("https://www.gov.cn@evil.example/", "holds a user name or password"),
    ("https://user:pw@www.gov.cn/", "holds a user name or password"),
    ("https://evil.example\\\\@www.gov.cn/", "holds '\\\\\\\\'"),
    ("https://www.gov.cn:99999/", "is not a host name"),
    ("https://127.0.0.1/", "is not a host name"),
    ("//evil.example/", "is not a web address: it starts with http:// or https://"),
    ("javascript:alert(1)", "is not a web address: it starts with http:// or https://"),
    ("https://www.gov.cn/\\u0007x", "U\\+0007"),
]


@pytest.mark.parametrize(("url", "message"), BAD_URLS, ids=[u for u, _ in BAD_URLS])
@pytest.mark.parametrize("field", ["url", "translation_url"])
def test_a_url_in_data_is_a_plain_web_address(data, url, message, field):
    path = data / "sources.yml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r"^  url: .*$", text, re.MULTILINE)
    assert first
    path.write_text(text[: first.start()] + f'  {field}: "{url}"  # BADX' + text[first.end():], encoding="utf-8")
    line = line_with(path, "BADX")
    errors = errors_for(data)
    assert any(e.startswith(f"data/sources.yml:{line}: ") and re.search(message, e) for e in errors), errors


def test_a_source_title_naming_a_host_leads_to_it(data):
    path = data / "sources.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('    en: "FIAS: building', '    en: "www.gov.cn: FIAS building', 1), encoding="utf-8")
    assert any(re.match(r"data/sources.yml:\d+: record 'bsr-case-study': title.en names www.gov.cn but url leads "
                        r"to another host", e)
               for e in errors_for(data))


def test_a_page_link_naming_a_host_leads_to_it(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / PAGE
    text = page.read_text(encoding="utf-8") + "\nSee [www.gov.cn](https://evil.example/law).\n"
    page.write_text(text, encoding="utf-8")
    result = build_in_process(project, tmp_path / "out")
    assert result.returncode != 0
    assert (f"{PAGE}:{len(text.splitlines())}: the link text names www.gov.cn but the link leads to evil.example"
            in result.stderr)
    assert list(urls.check_page("[gov.cn](https://www.gov.cn/x) [the law](https://evil.example/)", "f")) == []


# -- no traceback: numbers Python cannot read, deep nesting --------------------------------------------
def test_a_5000_digit_number_in_data_is_a_located_error(data):
    path = data / "minimum_wage.yml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^(  (?:inside_zone|citywide): )\d+", r"\g<1>" + "9" * 5000, text, count=1, flags=re.MULTILINE)
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "9" * 100 in row)
    assert f"data/minimum_wage.yml:{line}: YAML syntax error: a number may have at most 12 digits (found 5,000); " \
           "quote it if it is text" in errors_for(data)


@pytest.mark.parametrize(
    ("what", "front", "body", "line", "message"),
    [
        ("number in a macro argument", "", "{{ cite(" + "1" * 5000 + ") }}", "last",
         "the line has 5,012 characters"),  # the line limit comes first: see the next test for the check itself
        ("nesting 600 deep in a macro argument", "", "{{ cite(" + "(" * 600 + "'x'" + ")" * 600 + ") }}", "last",
         "only the site's macros with literal arguments may be used in a page"),
        ("number in front matter", "search: " + "1" * 2900 + "\n", "", 2,
         "front matter: YAML syntax error: a number may have at most 12 digits (found 2,900)"),
        ("list nested 600 deep in front matter", "hide:\n  " + "- " * 600 + "x\n", "", 3,
         "the blocks are nested 600 levels deep"),  # the page's own limit first; front matter's: next test
    ],
)
def test_no_traceback_for_numbers_and_nesting_in_pages(tmp_path, what, front, body, line, message):
    project = copy_project(tmp_path / "p")
    page = project / PAGE
    text = page.read_text(encoding="utf-8")
    text = text.replace("---\n", "---\n" + front, 1) if front else text.rstrip("\n") + "\n\n" + body + "\n"
    page.write_text(text, encoding="utf-8")
    line = len(text.splitlines()) if line == "last" else line
    result = build_in_process(project, tmp_path / "out")
    assert result.returncode != 0
    assert f"{PAGE}:{line}: {message}" in result.stderr, result.stderr[-1500:]
    assert "Traceback" not in result.stderr


def test_a_number_python_cannot_read_in_a_macro_argument_is_named():
    page = "# T\n\n{{ cite(" + "1" * 5000 + ") }}\n{{ cite('a\x00b') }}\n"
    problems = list(page_templates.check_text(page, "docs/en/x.md", MACROS))
    assert [(p.line, p.message[:45]) for p in problems] == [
        (3, "a number in a macro call may have at most 12 "),
        (4, "only the site's macros with literal arguments"),
    ]
    assert list(page_templates.macro_calls(page, MACROS)) == []


def test_a_list_nested_600_deep_in_front_matter_is_a_located_error():
    from macros.core import front_matter

    page = "---\nhide: " + "[" * 600 + "]" * 600 + "\n---\n# T\n"
    assert [str(p) for p in front_matter.check_text(page, "docs/en/x.md")] == [
        "docs/en/x.md:2: front matter: YAML syntax error: the data is nested more than 40 levels deep"
    ]


def test_a_list_nested_600_deep_in_data_is_a_located_error(data):
    path = data / "themes.yml"
    path.write_text(path.read_text(encoding="utf-8") + "- id: deep\n  name: " + "[" * 600 + "]" * 600 + "\n",
                    encoding="utf-8")
    line = len(path.read_text(encoding="utf-8").splitlines())
    assert f"data/themes.yml:{line}: YAML syntax error: the data is nested more than 40 levels deep" in errors_for(data)


# -- a little fuzzing: the loader and the macro-argument checker, bounded, seeded ----------------------
_PIECES = ["[", "]", "{", "}", "{{", "}}", "(", ")", ",", ":", "- ", "\n", "  ", "'", '"', "&a", "*a", "!!int ",
           "!!python/object ", "1" * 20, "1" * 5000, "-1e999", "0x1F", "~", "null", "<<: ", "%YAML 1.1\n", "---\n",
           "\t", "\x00", "\ufeff", "é", "职工", "\\", "#", "|", ">", "?", "@", "`", "cite", "glossary_term", "%",
           "\u202e", "key: ", "[" * 60, "]" * 60]


def _fuzz_text(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40)))


def test_the_yaml_loader_never_raises_anything_but_located_errors():
    rng = random.Random(31)
    files: set[str] = set()
    for _ in range(1500):
        text = _fuzz_text(rng)
        try:
            parse_yaml(text, "data/x.yml")
        except DataErrors as exc:  # anything else fails the test with its traceback
            files.update(e.file for e in exc.errors)
    assert files == {"data/x.yml"}


def test_the_macro_argument_checker_never_raises(kb):
    rng = random.Random(8)
    names = sorted(MACROS)
    for _ in range(800):
        args = ", ".join(_fuzz_text(rng) if rng.random() < 0.3 else repr(rng.choice(["x", 1, "sources", "1" * 13, ""]))
                         for _ in range(rng.randint(0, 4)))
        page = f"# T\n\n{{{{ {rng.choice(names)}({args}) }}}}\n"
        list(page_templates.check_text(page, "docs/en/x.md", MACROS))
        for _line, name, call_args in page_templates.macro_calls(page, MACROS):
            list(macro_args.check_call(kb, Path("docs/en"), name, MACROS[name], call_args))


def test_a_copy_of_the_real_data_loads():
    assert load(Path("data")).sources


def test_a_tag_that_markdown_does_not_read_as_an_autolink_is_checked_as_html():
    """<mailto:z/hidden> is no autolink for Python-Markdown (no @), so it reaches the browser as an
    element with the `hidden` attribute, hiding the rest of the paragraph: refused like any element."""
    from macros.core import raw_html

    problems = list(raw_html.check_text("# T\n\nSee <mailto:z/hidden> the rest.\n", "docs/en/x.md"))
    assert [(p.line, p.message[:38]) for p in problems] == [(3, "the HTML element <mailto:z> is not all")]
    assert list(raw_html.check_text("<https://www.gov.cn/> <mailto:office@example.org>\n", "f")) == []


def test_the_page_checks_never_raise():
    """Every check that reads a page, on random pages made of the pieces above (seeded, bounded)."""
    from macros.core import front_matter, raw_html

    rng = random.Random(600)
    for _ in range(400):
        page = ("---\n" + _fuzz_text(rng) + "\n---\n" if rng.random() < 0.5 else "") + _fuzz_text(rng) * 3
        list(limits.check_text(page, "docs/en/x.md"))
        list(front_matter.check_text(page, "docs/en/x.md"))
        list(raw_html.check_text(page, "docs/en/x.md"))
        list(page_templates.check_text(page, "docs/en/x.md", MACROS))
        list(urls.check_page(page, "docs/en/x.md"))


def test_many_calls_of_a_table_macro_fail_at_the_first_call_over_the_limit(tmp_path):
    """300 calls of a table macro in 6 KB of page made a 16 MB page: the calls are counted, not only the size."""
    project = copy_project(tmp_path / "p")
    page = project / PAGE
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + '{{ root_causes() }}\n' * 300
    page.write_text(text, encoding="utf-8")
    calls = [n for n, row in enumerate(text.splitlines(), 1) if row == "{{ root_causes() }}"]
    fourth = calls[limits.MAX_BLOCK_MACRO_CALLS]
    result = build_in_process(project, tmp_path / "out")
    assert result.returncode != 0
    message = f"{PAGE}:{fourth}: root_causes is called more than 3 times in this page"
    assert message in result.stderr, result.stderr[-800:]
    assert not (tmp_path / "out" / "about" / "index.html").exists()


def test_a_rendered_body_over_the_limit_is_refused_naming_its_page(monkeypatch):
    from types import SimpleNamespace

    from macros.plugin import security

    monkeypatch.setattr(limits, "MAX_RENDERED_CHARS", 100)
    page = SimpleNamespace(file=SimpleNamespace(src_uri="en/about/index.md", abs_src_path=None), markdown="")
    problems: list = []
    assert security.sanitized_body("<p>" + "x" * 200 + "</p>", page, problems) == ""
    assert [(p.file, p.line) for p in problems] == [("docs/en/about/index.md", None)]
    assert "at most 100 once rendered" in problems[0].message
