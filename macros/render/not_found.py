"""The 404 page's content: what happened and where to go, in every language.

Hosts serve the site root's 404.html for every missing address, /zh/… included, so the page
carries every language's text; overrides/assets/javascripts/not-found.js shows the one the
address asks for (and points search at that language's index). Without the script the page
reads in the language it was built in (and the search button, which needs it, stays hidden).
"""

from __future__ import annotations

from collections.abc import Mapping

from macros.core.languages import LANGS, prefix
from macros.render.html import esc, esc_attr

PLACEHOLDER = '<div class="kb-404" data-kb-404></div>'  # written by overrides/404.html
_TEXTS = {"title": "theme.not_found", "text": "phone.not_found_text", "search": "phone.not_found_search",
          "home": "phone.not_found_home"}


def not_found(strings: Mapping[str, Mapping[str, str]], lang: str, root: str) -> str:
    """The 404 content in `lang`, with every language's text in data- attributes; `root` is the site's path."""

    def texts(key: str) -> str:
        return "".join(f' data-text-{other}="{esc_attr(strings[other][_TEXTS[key]])}"' for other in LANGS)

    hrefs = "".join(f' data-href-{other}="{esc_attr(root + prefix(other))}"' for other in LANGS)
    s = strings[lang]
    return (
        f'<div class="kb-404" data-kb-404 data-root="{esc_attr(root)}" data-lang="{lang}">'
        f'<h1{texts("title")}>{esc(s[_TEXTS["title"]])}</h1>'
        f'<p{texts("text")}>{esc(s[_TEXTS["text"]])}</p>'
        f'<p class="kb-404-ways"><button type="button" class="md-button" data-kb-open-search hidden{texts("search")}>'
        f'{esc(s[_TEXTS["search"]])}</button> '
        f'<a class="md-button md-button--primary" href="{esc_attr(root + prefix(lang))}"{hrefs}{texts("home")}>'
        f"{esc(s[_TEXTS['home']])}</a></p></div>"
    )
