"""Languages are data (macros/core/languages.py): mkdocs.yml builds exactly the registry's languages,
a derived language's texts come from its converter, and a third written language needs no code."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load
from pydantic import ValidationError

from macros.core import languages
from macros.core.languages import DEFAULT, LANGS, LANGUAGES, SOURCE, TARGETS, WRITTEN, Language
from macros.core.model import Text

from helpers import ROOT, copy_project


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
    assert LANGS == tuple(lang.code for lang in LANGUAGES)
    assert SOURCE == DEFAULT and SOURCE in WRITTEN
    assert TARGETS == tuple(code for code in WRITTEN if code != SOURCE)
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
