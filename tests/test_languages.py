"""Languages are data (macros/core/languages.py): mkdocs.yml builds exactly the registry's languages,
a derived language's texts come from its converter, and a third written language needs no code."""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, copy_project
from mkdocs.utils.yaml import yaml_load
from pydantic import ValidationError

from macros.core import languages
from macros.core.languages import DEFAULT, LANGS, LANGUAGES, SOURCE, TARGETS, WRITTEN, Language
from macros.core.model import Text


def test_mkdocs_builds_exactly_the_registrys_languages(monkeypatch):
    for name in list(os.environ):
        if name.startswith("KB_"):  # `make serve` switches languages off with these; the defaults build all
            monkeypatch.delenv(name)
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    configured = [
        (entry["locale"], bool(entry.get("default", False)), entry["name"], entry.get("build", True))
        for entry in i18n["languages"]
    ]
    assert configured == [(lang.code, lang.default, lang.name, True) for lang in LANGUAGES]
    assert [code for code, default, _, _ in configured if default] == [DEFAULT]
    assert config["theme"]["language"] == DEFAULT


def test_the_registry_tuples_follow_the_entries():
    assert tuple(lang.code for lang in LANGUAGES) == LANGS
    assert SOURCE == DEFAULT
    assert SOURCE in WRITTEN
    assert tuple(code for code in WRITTEN if code != SOURCE) == TARGETS
    assert set(languages.DERIVED) == set(LANGS) - set(WRITTEN)
    assert set(Text.model_fields) == set(WRITTEN)  # the data texts are keyed by the written languages


@pytest.fixture
def toy_language(monkeypatch):
    """A derived language `xx` made from the first target by upper-casing (a stand-in for a real converter)."""
    source = TARGETS[0]
    toy = Language("xx", "Toy", "x-toy", derived_from=source)
    calls: list[str] = []

    def convert(text: str) -> str:
        calls.append(text)
        return text.upper()

    monkeypatch.setattr(languages, "BY_CODE", {**languages.BY_CODE, "xx": toy})
    monkeypatch.setattr(languages, "_CONVERTERS", {})
    languages._derive.cache_clear()
    languages.register_converter("xx", convert)
    yield source, calls
    languages._derive.cache_clear()


def test_a_derived_language_shows_its_sources_text_converted_once(toy_language):
    source, calls = toy_language
    text = Text.model_validate({code: f"text in {code}" for code in WRITTEN})
    assert text("xx") == f"TEXT IN {source.upper()}"
    assert text("xx") == f"TEXT IN {source.upper()}"
    assert calls == [f"text in {source}"]  # cached: pages ask for the same text many times
    assert text(source) == f"text in {source}"  # the written language itself is never converted
    assert languages.written_source("xx") == source
    assert languages.derive(source, "as is") == "as is"


def test_a_derived_language_reads_its_sources_labels_and_messages_converted(toy_language, monkeypatch):
    from macros.core import messages, reading

    source, _ = toy_language
    monkeypatch.setattr(reading, "DERIVED", ("xx",))
    errors: list[object] = []
    strings = reading.read_strings(ROOT / "data", errors)
    assert not errors
    assert strings["xx"] == {key: text.upper() for key, text in strings[source].items()}
    messages.texts.cache_clear()
    try:
        assert messages.texts("xx") == {key: text.upper() for key, text in messages.texts(source).items()}
    finally:
        messages.texts.cache_clear()


def test_a_derived_language_without_a_converter_is_an_error_not_a_copy(monkeypatch):
    toy = Language("xx", "Toy", "x-toy", derived_from=TARGETS[0])
    monkeypatch.setattr(languages, "BY_CODE", {**languages.BY_CODE, "xx": toy})
    monkeypatch.setattr(languages, "_CONVERTERS", {})
    languages._derive.cache_clear()
    with pytest.raises(LookupError, match="xx"):
        languages.derive("xx", "text")
    with pytest.raises(ValueError, match="written"):
        languages.register_converter(SOURCE, str.upper)


def test_a_converter_named_in_the_entry_is_imported_on_first_use(monkeypatch):
    toy = Language("xx", "Toy", "x-toy", derived_from=TARGETS[0], converter="string:capwords")
    monkeypatch.setattr(languages, "BY_CODE", {**languages.BY_CODE, "xx": toy})
    monkeypatch.setattr(languages, "_CONVERTERS", {})
    languages._derive.cache_clear()
    assert languages.derive("xx", "two words") == "Two Words"
    languages._derive.cache_clear()


def test_a_missing_language_is_named():
    with pytest.raises(ValidationError) as caught:
        Text.model_validate({SOURCE: "only one"})
    assert [error["loc"] for error in caught.value.errors()] == [(code,) for code in TARGETS]


# -- a third written language, added as a contributor would: one registry entry plus its texts --------
THIRD = "fr"


def _add_third(node: object) -> object:
    """Every per-language mapping of the data ({en: …, zh: …}) with the third language's text (the source's)."""
    if isinstance(node, list):
        return [_add_third(item) for item in node]
    if isinstance(node, dict):
        out = {key: _add_third(value) for key, value in node.items()}
        if all(code in out for code in WRITTEN):
            out[THIRD] = copy.deepcopy(out[SOURCE])
        return out
    return node


def _dump(path: Path, data: object) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None)
    path.write_text(text, encoding="utf-8")  # leaf mappings in flow style, one per line, as the data writes them


@pytest.fixture(scope="module")
def third_language(tmp_path_factory) -> Path:
    """A copy of the project with a third written language: its registry entry, a field in every data text,
    its labels and messages (the source's, with the keys named after each language), its pages (docs/zh's)."""
    project = copy_project(tmp_path_factory.mktemp("third") / "p")
    registry = project / "macros" / "core" / "languages.py"
    text = registry.read_text(encoding="utf-8")
    start = text.index("LANGUAGES: tuple[Language, ...] = (")
    at = text.index("\n)\n", start) + 1  # the tuple's closing line (an entry may span lines)
    registry.write_text(text[:at] + f'    Language("{THIRD}", "Français", "{THIRD}"),\n' + text[at:], encoding="utf-8")
    data = project / "data"
    for path in sorted(data.glob("*.yml")):
        if path.name != "translations.lock.yml":
            _dump(path, _add_third(yaml.safe_load(path.read_text(encoding="utf-8"))))
    shutil.copy(data / "i18n" / f"{SOURCE}.yml", data / "i18n" / f"{THIRD}.yml")
    shutil.copy(data / "messages" / f"{SOURCE}.yml", data / "messages" / f"{THIRD}.yml")
    for code in (*WRITTEN, THIRD):  # the labels and messages named after each language
        labels = yaml.safe_load((data / "i18n" / f"{code}.yml").read_text(encoding="utf-8"))
        labels["summary"][f"lang_{THIRD}"] = "French"
        labels["kit"]["language"][THIRD] = "French"
        labels["col"][f"term_{THIRD}"] = "French term"
        _dump(data / "i18n" / f"{code}.yml", labels)
        messages = data / "messages" / f"{code}.yml"
        messages.write_text(messages.read_text(encoding="utf-8") + f'loc.{THIRD}: "{THIRD} (French)"\n', "utf-8")
    shutil.copytree(project / "docs" / TARGETS[0], project / "docs" / THIRD)  # with the pages' translation_of
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], cwd=project, check=True)
    return project


def _run(project: Path, *args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    """The copy's own code in a fresh interpreter (its macros/ first on the path), as a contributor runs it."""
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "macros", *args]
    env = {"PATH": os.environ["PATH"], "HOME": os.environ["HOME"], "PYTHONPATH": str(project)}
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, timeout=300)


def test_a_third_written_language_is_a_field_of_every_text(third_language):
    check = textwrap.dedent(
        f"""
        from pathlib import Path
        from pydantic import ValidationError
        import macros
        from macros.core.languages import WRITTEN, TARGETS
        from macros.core.load import load
        from macros.core.model import Text
        assert Path(macros.__file__).resolve().is_relative_to(Path.cwd().resolve()), macros.__file__
        assert WRITTEN[-1] == "{THIRD}" and TARGETS[-1] == "{THIRD}", (WRITTEN, TARGETS)
        try:
            Text.model_validate({{"{SOURCE}": "a", "{TARGETS[0]}": "b"}})
        except ValidationError as exc:
            assert [e["loc"] for e in exc.errors()] == [("{THIRD}",)], exc.errors()
        else:
            raise AssertionError("a text without the third language validated")
        kb = load(Path("data"))
        assert all(t.name("{THIRD}") == t.name("{SOURCE}") for t in kb.themes.values())
        print("ok")
        """
    )
    result = _run(third_language, code=check)
    assert result.stdout.strip() == "ok", result.stderr


def test_a_text_without_the_third_language_is_named_with_its_file_and_line(third_language, tmp_path):
    data = shutil.copytree(third_language / "data", tmp_path / "data")
    themes = data / "themes.yml"
    lines = themes.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("name: {"))  # the first theme's name
    lines[at], found = re.subn(rf", {THIRD}: [^,}}]*", "", lines[at])
    assert found == 1, lines[at]
    themes.write_text("".join(lines), encoding="utf-8")
    check = (
        "from pathlib import Path\n"
        "from macros.core.load import load_or_report\n"
        f"load_or_report(Path({str(data)!r}))"
    )
    result = _run(third_language, code=check)
    assert f"data/themes.yml:{at + 1}: record 'working-hours': name: the field '{THIRD}' is missing" in result.stderr


def test_the_tracker_and_the_pr_summary_follow_every_target_language(third_language, tmp_path):
    project = tmp_path / "p"
    shutil.copytree(third_language, project)
    listed = _run(project, "translation-status", "--no-diff")
    assert listed.returncode == 0, listed.stderr
    assert f"Data texts in {THIRD}" in listed.stdout  # never confirmed in the new language
    assert f"Data texts in {TARGETS[0]}" not in listed.stdout  # the lock's existing section still holds
    accepted = _run(project, "translation-status", "--accept", "--lang", THIRD)
    assert accepted.returncode == 0, accepted.stderr
    lock = yaml.safe_load((project / "data" / "translations.lock.yml").read_text(encoding="utf-8"))
    before = yaml.safe_load((ROOT / "data" / "translations.lock.yml").read_text(encoding="utf-8"))
    assert lock[TARGETS[0]] == before[TARGETS[0]]
    assert lock[THIRD] == before[TARGETS[0]]  # the same source texts, now confirmed in the third language too

    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "commit", "-q", "-am", "accepted"], cwd=project, check=True)
    about = project / "docs" / SOURCE / "about" / "index.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nA new sentence.\n", encoding="utf-8")
    subprocess.run([*git, "commit", "-q", "-am", "change"], cwd=project, check=True)
    summary = _run(project, "pr-summary", "HEAD~1", "HEAD")
    assert summary.returncode == 0, summary.stderr
    assert summary.stdout.count("\n## ") + summary.stdout.startswith("## ") == len(WRITTEN) + 1  # one per language
    for target in (*TARGETS, THIRD):
        assert f"- `docs/{target}/about/index.md`" in summary.stdout
        assert f"translation-status --accept docs/{target}/about/index.md\n" in summary.stdout


# -- the properties the code reads from an entry ------------------------------------------------------
def _entry(code: str, **changes: object) -> Language:
    import dataclasses

    return dataclasses.replace(languages.BY_CODE[code], **changes)


def test_only_segmented_languages_go_through_the_chinese_segmenter(kb, tmp_path, monkeypatch):
    import json
    from types import SimpleNamespace

    from macros.plugin import i18n

    segmented = [code for code in LANGS if languages.BY_CODE[code].segmented]
    assert segmented, "no language is segmented: the test has nothing to check"

    def split(site: Path) -> dict[str, str]:
        docs = [{"location": languages.prefix(code) + "a/", "title": "员工参与", "text": "管理体系"} for code in LANGS]
        (site / "search").mkdir(parents=True, exist_ok=True)
        (site / "search" / "search_index.json").write_text(json.dumps({"config": {}, "docs": docs}), "utf-8")
        i18n.split_search_index(SimpleNamespace(site_dir=str(site), use_directory_urls=True), kb)
        index = {code: site / languages.prefix(code) / "search" / "search_index.json" for code in LANGS}
        return {code: json.loads(path.read_text("utf-8"))["docs"][0]["title"] for code, path in index.items()}

    titles = split(tmp_path / "a")
    assert all(("\u200b" in titles[code]) == (code in segmented) for code in LANGS), titles
    plain = {code: _entry(code, segmented=False) for code in segmented}
    monkeypatch.setattr(i18n, "language", lambda code: plain.get(code) or languages.BY_CODE[code])
    assert all("\u200b" not in title for title in split(tmp_path / "b").values())


def test_the_typography_check_reads_every_han_language(tmp_path, monkeypatch):
    from macros.tools import typography

    han = [code for code in LANGS if languages.BY_CODE[code].han]
    assert han == list(typography.HAN_LANGS)
    toy = "xx"  # a second Han-script language, served under xx/
    for code in (*LANGS, toy):
        page = tmp_path / languages.prefix(code) / "a" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("<p>依据: 文本</p>", encoding="utf-8")  # a Latin colon beside Chinese
    checked = {p.page.split("/", 1)[0] for p in typography.check_site(tmp_path)}
    assert checked == {languages.prefix(code).rstrip("/") or "a" for code in han}
    monkeypatch.setattr(typography, "LANGS", (*LANGS, toy))
    monkeypatch.setattr(typography, "HAN_LANGS", (*han, toy))
    checked = {p.page.split("/", 1)[0] for p in typography.check_site(tmp_path)}
    assert checked == {languages.prefix(code).rstrip("/") or "a" for code in (*han, toy)}


def test_only_languages_whose_readers_read_chinese_originals_skip_the_english_translation(kb, monkeypatch):
    from macros.core.pages import record_pages
    from macros.render import Page, PageContext, changes
    from macros.render.html import esc_attr

    source = next(src for src in kb.sources.values() if src.translation_url)

    def cites_translation(code: str) -> bool:
        context = PageContext(lang=code, location=languages.prefix(code), docs_dir=ROOT / "docs",
                              generated=frozenset(record_pages(kb)))
        return f'href="{esc_attr(source.translation_url)}"' in changes.source_status(Page(kb, context), source)

    readers = {code: languages.BY_CODE[code].chinese_originals for code in LANGS}
    assert set(readers.values()) == {True, False}, readers  # both kinds of reader, or the test checks nothing
    assert {code: cites_translation(code) for code in LANGS} == {code: not read for code, read in readers.items()}
    flipped = {code: _entry(code, chinese_originals=not read) for code, read in readers.items()}
    monkeypatch.setattr(changes, "language", flipped.__getitem__)
    assert {code: cites_translation(code) for code in LANGS} == readers
