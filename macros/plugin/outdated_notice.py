"""Flag a Chinese page whose English page changed since it was translated.

The theme (overrides/partials/translation-notice.html) shows the notice with a link to the
current English page; the text comes from data/i18n/<lang>.yml. In a preview of the Chinese pages
alone (`make serve lang=zh`, served at the root) there is no English page beside it, so the link
goes to the published English page (mkdocs.yml `extra.public_url`), never to the page itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from macros.core.languages import DEFAULT, DERIVED, SOURCE, prefix, written_source
from macros.core.pages import page_url
from macros.core.translation_state import page_state
from macros.plugin import engine
from macros.plugin.engine import MkDocsConfig, Page, page_lang


def mark_outdated(page: Page, config: MkDocsConfig, strings: Mapping[str, Mapping[str, str]]) -> None:
    """Set page.meta.translation_notice on an outdated translation (text, link text, English URL)."""
    lang = page_lang(page.file)
    translated = written_source(lang)  # a derived language is as far behind as the language it derives from
    if translated == SOURCE or not page.file.src_uri.startswith(f"{lang}/"):
        return
    docs = Path(config.docs_dir)
    path = page.file.src_uri[len(lang) + 1 :]
    if not (docs / SOURCE / path).is_file() or page_state(docs, path, translated).state != "outdated":
        return
    url = page_url(path, config.use_directory_urls)  # the default language is at the site root
    if built_alone(config) == lang:  # `make serve lang=zh`: no English here; the published English page
        url = str(config.extra.get("public_url") or "/").rstrip("/") + "/" + url
    page.meta["translation_notice"] = {
        "text": strings[lang]["translation.outdated"],
        "link": strings[lang]["translation.read_current"],
        "gap": strings[lang]["punct.cite_gap"],  # a space in English, none after a Chinese 。
        "url": url,
        "hreflang": DEFAULT,
    }


def built_alone(config: MkDocsConfig) -> str | None:
    """The language built on its own at the site root (mkdocs-static-i18n's build_only_locale), if any."""
    return engine.built_alone(config)


def mark_derived(page: Page, config: MkDocsConfig, strings: Mapping[str, Mapping[str, str]]) -> None:
    """Set page.meta.derived_notice on a derived language's page (zh-Hant): it was converted
    automatically, with links to its source page and to where a conversion error is reported
    (the source page's edit link, set by record_pages.set_edit_link)."""
    lang = page_lang(page.file)
    if lang not in DERIVED:
        return
    path = page.file.src_uri[len(lang) + 1 :]
    labels = strings[lang]
    page.meta["derived_notice"] = {
        "text": labels["derived.notice"],
        "source": labels["derived.source"],
        "source_url": prefix(written_source(lang)) + page_url(path, config.use_directory_urls),
        "source_lang": written_source(lang),  # hreflang only: the link's own text is in the page's language
        "report": labels["derived.report"],
        "report_url": page.edit_url,
        "sep": labels["punct.list"],
        "end": labels["punct.sentence_end"],
    }
