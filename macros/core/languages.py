"""The site's languages, in one place: which there are, which is the default, where each lives.

The default language is served at the site root; every other language under `<lang>/`, as
mkdocs-static-i18n's folder layout does with `docs/<lang>/`.
"""

from __future__ import annotations

LANGS: tuple[str, ...] = ("en", "zh")
DEFAULT: str = LANGS[0]
SOURCE: str = DEFAULT  # pages and data texts are written in this language first
TARGET: str = LANGS[1]  # the translation the tracker follows (macros/core/translations.py)


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
