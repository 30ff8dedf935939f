"""The real build: strict, both languages for every page, right <html lang>; bad data fails cleanly."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import PAYLOAD, ROOT, build_in_process, copy_project, hostile_markers

from macros.core.languages import strip_prefix

DOCS = ROOT / "docs"


def pages(lang: str) -> set[str]:
    return {p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md")}


def html_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if p.name != "404.html"]


class TextAndScripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text, self.scripts, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


def test_every_page_exists_in_both_languages():
    assert pages("en") == pages("zh")
    assert len(pages("en")) >= 10


def test_strict_build_writes_both_languages(site):
    for rel in pages("en"):
        url = rel[: -len(".md")]
        url = url[: -len("index")] if url.endswith("index") else url + "/"
        assert (site / url / "index.html").is_file(), url
        assert (site / "zh" / url / "index.html").is_file(), url


def test_html_lang_matches_the_language(site):
    for page in html_pages(site):
        lang = strip_prefix(page.relative_to(site).as_posix())[0]
        head = page.read_text(encoding="utf-8")[:300]
        assert f'<html lang="{lang}"' in head, page


def test_a_page_in_one_language_only_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "docs" / "en" / "orphan.md").write_text("# Orphan\n", encoding="utf-8")
    result = build_in_process(project, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/zh/orphan.md: missing" in result.stderr


def test_data_mistake_fails_build_with_file_and_line_and_no_traceback(tmp_path):
    project = copy_project(tmp_path / "p")
    themes = project / "data" / "themes.yml"
    text = themes.read_text(encoding="utf-8")
    themes.write_text(text.replace("zh: 工作时间}", "zh: ''}", 1), encoding="utf-8")
    line = next(i for i, row in enumerate(themes.read_text(encoding="utf-8").splitlines(), 1) if "zh: ''}" in row)
    result = build_in_process(project, tmp_path / "out")
    assert result.returncode != 0
    assert f"data/themes.yml:{line}: record 'working-hours': name, zh (Chinese): the text is empty" in result.stderr
    assert "Traceback" not in result.stderr


def test_yaml_syntax_error_fails_build_cleanly(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "data" / "timeline.yml").write_text("- id: x\n  date: [2007\n", encoding="utf-8")
    result = build_in_process(project, tmp_path / "out")
    assert result.returncode != 0
    assert re.search(r"data/timeline\.yml:\d+: YAML syntax error", result.stderr), result.stderr
    assert "Traceback" not in result.stderr


def _first_title(lang: str) -> str:
    """The hostile corpus's first recommendation title, as the `lang` pages show it (marker and payload)."""
    marker = next(m for m, field in hostile_markers()[lang].items() if field == "recommendations.title")
    return f"{marker} {PAYLOAD}"


def _text_and_scripts(page: Path) -> tuple[str, list[str]]:
    parser = TextAndScripts()
    parser.feed(page.read_text(encoding="utf-8"))
    return "".join(parser.text), parser.scripts


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hostile_text_in_data_appears_literally(lang, hostile_site):
    text, scripts = _text_and_scripts(hostile_site / ("" if lang == "en" else "zh") / "recommendations" / "index.html")
    assert _first_title(lang) in text
    assert not any("alert(" in s for s in scripts)
    assert "49" not in text.split(_first_title(lang))[1][:80]  # Jinja did not run {{ 7*7 }}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hostile_text_on_its_record_page_appears_literally(lang, hostile_site):
    """The generated record page (front matter title, <title>, <h1>) escapes data like every page."""
    rid = re.search(
        r"^- id: (\S+)", (ROOT / "data" / "recommendations.yml").read_text(encoding="utf-8"), re.MULTILINE
    ).group(1)
    page = hostile_site / ("" if lang == "en" else "zh") / "recommendations" / rid / "index.html"
    text, scripts = _text_and_scripts(page)
    assert text.count(_first_title(lang)) >= 2  # <title> and <h1>
    assert not any("alert(" in s for s in scripts)
