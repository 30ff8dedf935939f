"""The site's languages, in one place: a language is its entry in LANGUAGES plus its texts.

A WRITTEN language has texts people write: its field in every data text (`{en: …, zh: …}`), its
pages under docs/<code>/, its labels data/i18n/<code>.yml and its messages data/messages/<code>.yml.
A DERIVED language has none of these: each of its texts is made from the language it derives from
by the converter registered for it (`derive`), so it can never fall behind or be edited by hand.
The default language is served at the site root; every other language under `<code>/`, as
mkdocs-static-i18n's folder layout does with `docs/<code>/`. mkdocs.yml's i18n languages must
name the same built languages (tests/test_languages.py checks).
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """One language of the site, and the properties the code asks of it."""

    code: str  # mkdocs-static-i18n's locale, the built folder, the data texts' field, the docs/ folder
    name: str  # as the language switch shows it (mkdocs.yml's `name`)
    html: str  # the HTML lang attribute of text in this language shown on another language's page
    default: bool = False  # served at the site root; pages and data texts are written in it first
    derived_from: str | None = None  # None: written by people; else converted from this language
    converter: str | None = None  # "module:function" that derives it, imported on first use (see `derive`)
    segmented: bool = False  # its search index goes through the Chinese word segmenter
    han: bool = False  # written in Han script: the Chinese typography check reads its built pages
    chinese_originals: bool = False  # its readers read Chinese law in the original: no English translation cited
    script: str = "Latn"  # ISO 15924: which of a character's forms its text uses (Hans, Hant), e.g. in PDFs' text

    @property
    def written(self) -> bool:
        return self.derived_from is None


LANGUAGES: tuple[Language, ...] = (
    Language("en", "English", "en", default=True),
    Language("zh", "简体中文", "zh-CN", segmented=True, han=True, chinese_originals=True, script="Hans"),
    # Traditional Chinese: generated from zh at build time, never kept (no docs/zh-Hant/, no data field).
    Language(
        "zh-Hant", "繁體中文", "zh-Hant", derived_from="zh", converter="macros.core.traditional:to_traditional",
        segmented=True, han=True, chinese_originals=True, script="Hant",
    ),
)

# The lunr pipeline of every search index: Material's plain one, since segmented languages are split
# into words before they reach the browser (macros/plugin/i18n.py split_search_index).
SEARCH_PIPELINE: tuple[str, ...] = ("en",)

BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}
LANGS: tuple[str, ...] = tuple(language.code for language in LANGUAGES)  # every built language
DEFAULT: str = next(language.code for language in LANGUAGES if language.default)
SOURCE: str = DEFAULT  # pages and data texts are written in this language first
WRITTEN: tuple[str, ...] = tuple(language.code for language in LANGUAGES if language.written)
TARGETS: tuple[str, ...] = tuple(code for code in WRITTEN if code != SOURCE)  # translations the tracker follows
DERIVED: tuple[str, ...] = tuple(code for code in LANGS if code not in WRITTEN)


def language(code: str) -> Language:
    """The entry of a language by its code (KeyError for a code the site does not have)."""
    return BY_CODE[code]


def written_source(code: str) -> str:
    """The written language whose texts stand for `code`'s: itself when written, else what it derives from."""
    entry = BY_CODE[code]
    while entry.derived_from is not None:
        entry = BY_CODE[entry.derived_from]
    return entry.code


def with_property(flag: str) -> tuple[str, ...]:
    """The built languages whose entry has `flag` set, e.g. with_property("han")."""
    return tuple(language.code for language in LANGUAGES if getattr(language, flag))


_CONVERTERS: dict[str, Callable[[str], str]] = {}


def register_converter(code: str, convert: Callable[[str], str]) -> None:
    """Make `convert` the converter of the derived language `code` (replacing any before it)."""
    if BY_CODE[code].written:
        raise ValueError(f"{code} is written by people; only a derived language has a converter")
    _CONVERTERS[code] = convert
    _derive.cache_clear()


def _converter(code: str) -> Callable[[str], str]:
    if code not in _CONVERTERS:
        named = BY_CODE[code].converter
        if named is None:
            raise LookupError(f"no converter registered for the derived language {code}")
        module, _, function = named.partition(":")
        _CONVERTERS[code] = getattr(importlib.import_module(module), function)
    return _CONVERTERS[code]


@functools.lru_cache(maxsize=1 << 16)  # a text is derived once per process, however often pages ask for it
def _derive(code: str, text: str) -> str:
    entry = BY_CODE[code]
    assert entry.derived_from is not None
    return _converter(code)(derive(entry.derived_from, text))


def derive(code: str, text: str) -> str:
    """`text`, written in the written source of `code`, as language `code` shows it (as is for a written language)."""
    return text if BY_CODE[code].written else _derive(code, text)


def prefix(lang: str) -> str:
    """A language's folder in the built site: '' for the default language, 'zh/' for Chinese."""
    return "" if lang == DEFAULT else f"{lang}/"


def lang_of(src_uri: str, locale: str | None = None) -> str:
    """A page's language: the i18n plugin's locale when it set one, else the docs folder it lives in."""
    if locale in LANGS:
        return locale
    first = src_uri.split("/", 1)[0]
    return first if first in LANGS else DEFAULT


def strip_prefix(location: str) -> tuple[str, str]:
    """(language, location within that language) of a site-relative location such as 'zh/plans/'."""
    for lang in LANGS:
        if lang != DEFAULT and (location == lang or location.startswith(f"{lang}/")):
            return lang, location[len(lang) + 1 :]
    return DEFAULT, location
