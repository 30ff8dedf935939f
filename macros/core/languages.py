"""The site's languages, in one place: which there are, which is the default, where each lives.

The default language is served at the site root; every other language under `<lang>/`, as
mkdocs-static-i18n's folder layout does with `docs/<lang>/`.
"""

from __future__ import annotations

from typing import Any

LANGS: tuple[str, ...] = ("en", "zh", "zh-Hant")
DEFAULT: str = LANGS[0]
SOURCE: str = DEFAULT  # pages and data texts are written in this language first
TARGET: str = LANGS[1]  # the translation the tracker follows (macros/core/translations.py)
# A derived language has no pages or texts of its own: each is generated at build time from the
# written language named here (nothing of it under docs/ or in the data's texts).
DERIVED_FROM: dict[str, str] = {"zh-Hant": "zh"}
WRITTEN: tuple[str, ...] = tuple(lang for lang in LANGS if lang not in DERIVED_FROM)


def written_source(lang: str) -> str:
    """The written language a language's texts come from: itself, or the one it is derived from."""
    return DERIVED_FROM.get(lang, lang)


def derive(lang: str, text: str) -> str:
    """A text of a derived language from its written source's text (the text itself for a written language)."""
    if lang not in DERIVED_FROM:
        return text
    from macros.core.hant_convert import to_traditional  # only a derived build needs OpenCC

    return to_traditional(text)


def prefix(lang: str) -> str:
    """A language's folder in the built site: '' for the default language, 'zh/' for Chinese."""
    return "" if lang == DEFAULT else f"{lang}/"


def lang_of(src_uri: str, locale: str | None = None) -> str:
    """A page's language: the i18n plugin's locale when it set one, else the docs folder it lives in."""
    if locale in LANGS:
        return locale
    first = src_uri.split("/", 1)[0]
    return first if first in LANGS else DEFAULT


def page_lang(file: Any) -> str:
    """The language of a MkDocs page's file (a mkdocs.structure.files.File): the one place it is worked out."""
    return lang_of(file.src_uri, getattr(file, "locale", None))


def strip_prefix(location: str) -> tuple[str, str]:
    """(language, location within that language) of a site-relative location such as 'zh/plans/'."""
    for lang in LANGS:
        if lang != DEFAULT and (location == lang or location.startswith(f"{lang}/")):
            return lang, location[len(lang) + 1 :]
    return DEFAULT, location
