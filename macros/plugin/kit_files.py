"""Plugin events for the workshop organisers' kit: short links, QR codes, data downloads, offline search.

Everything here is written into the built site after the pages, for both languages at once.
mkdocs-static-i18n re-runs the whole build for each other language inside the first build's
on_post_build, so this module skips those nested runs and writes once, at the very end.
"""

from __future__ import annotations

from pathlib import Path

from macros.core import downloads
from macros.core.labels import fill
from macros.core.languages import LANGS, SOURCE, prefix, written_source
from macros.core.load import KnowledgeBase
from macros.core.messages import say
from macros.core.pages import page_url, record_pages, relative_link
from macros.core.shortlinks import ShortLink, ShortLinkError, go_path, link_title, short_links
from macros.plugin import engine
from macros.plugin.engine import MkDocsConfig, PluginError
from macros.plugin.security import with_policy
from macros.render.qr import qr_svg
from macros.render.redirects import redirect_page


def _absolute(config: MkDocsConfig, lang: str, path: str) -> str:
    """The public URL of a path under a language root (QR codes and canonicals point online)."""
    base = (config.site_url or "/").rstrip("/") + "/"
    return base + prefix(lang) + path


def _links(kb: KnowledgeBase, docs: Path) -> list[ShortLink]:
    try:
        return short_links(kb, docs / SOURCE)
    except ShortLinkError as exc:
        raise PluginError(str(exc)) from None


def check_short_links(config: MkDocsConfig, kb: KnowledgeBase) -> None:
    """Fail early, before any page is built, when two short links would share an id."""
    _links(kb, Path(config.docs_dir))


def nested_language_build(config: MkDocsConfig) -> bool:
    """True inside the i18n plugin's re-run for another language (the outer run writes everything)."""
    return engine.nested_language_build(config)


def write_short_links(config: MkDocsConfig, kb: KnowledgeBase, site: Path, docs: Path) -> int:
    """go/<id>/index.html (a redirect) and go/<id>/qr.svg for every short link in every language."""
    directory_urls = config.use_directory_urls
    generated = record_pages(kb)  # record pages are generated at build time, not in docs/
    written = 0
    for lang in LANGS:
        strings = kb.strings[lang]
        for link in _links(kb, docs):
            if link.page not in generated and not (docs / written_source(lang) / link.page).is_file():
                raise PluginError(say("shortlink.no_page", id=link.id, page=link.page, lang=lang))
            hash_ = f"#{link.anchor}" if link.anchor else ""
            title = link_title(kb, link, lang, docs / written_source(lang))
            target = relative_link(go_path(link.id, directory_urls), page_url(link.page, directory_urls)) + hash_
            folder = site / prefix(lang) / go_path(link.id)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "index.html").write_text(
                with_policy(
                    redirect_page(
                        lang=lang,
                        target=target,
                        canonical=_absolute(config, lang, page_url(link.page, True)),
                        title=fill(strings["kit.redirect_title"], page=title),
                        heading=strings["kit.redirect_heading"],
                        text=fill(strings["kit.redirect_text"], page=title),
                    )
                ),
                encoding="utf-8",
            )
            url = _absolute(config, lang, go_path(link.id))
            label = fill(strings["kit.qr_label"], url=url, page=title)
            (folder / "qr.svg").write_text(qr_svg(url, label), encoding="utf-8")
            written += 1
    return written


def write_downloads(config: MkDocsConfig, kb: KnowledgeBase, site: Path) -> None:
    """downloads/: a CSV per table and language (UTF-8 with BOM) and one JSON with both languages."""
    folder = site / downloads.DOWNLOADS_DIR
    folder.mkdir(parents=True, exist_ok=True)

    def url(lang: str, page: str, anchor: str | None) -> str:
        return _absolute(config, lang, page_url(page, True)) + (f"#{anchor}" if anchor else "")

    for table in downloads.TABLES:
        for lang in LANGS:
            text = downloads.csv_text(kb, table, lang, url)
            (folder / downloads.csv_name(table, lang)).write_text(text, encoding="utf-8-sig", newline="")
    (folder / downloads.JSON_NAME).write_text(downloads.json_text(kb), encoding="utf-8")


def _offline(config: MkDocsConfig) -> bool:
    """Whether Material's offline plugin is on (the zip built by `python -m macros offline`)."""
    return engine.offline_enabled(config)


def write_offline_search(site: Path) -> None:
    """search/search_index.js per language, for search from file:// (no fetch there).

    Material's offline plugin inlines the one index it finds, before macros/plugin/i18n.py splits it per
    language; each language's pages load the script under their own root, so write both again.
    """
    for lang in LANGS:
        index = site / prefix(lang) / "search" / "search_index.json"
        if index.is_file():
            script = index.with_name("search_index.js")
            script.write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")


def write_kit(config: MkDocsConfig, kb: KnowledgeBase) -> None:
    """Short links, QR codes, downloads (and the offline search scripts), once, after every language is built."""
    if nested_language_build(config):
        return
    site, docs = Path(config.site_dir), Path(config.docs_dir)
    write_short_links(config, kb, site, docs)
    write_downloads(config, kb, site)
    if _offline(config):
        write_offline_search(site)
