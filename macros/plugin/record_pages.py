"""A page for every recommendation, finding and root cause, in every language, generated from the data.

Adding a record to the YAML adds its pages; there is no Markdown file per record to keep. Each
generated page is one literal macro call, `{{ record_page("<kind>", "<id>") }}`, so it goes through
the same renderer, escaping, template sandbox and CSP as every other page.

mkdocs-static-i18n rebuilds each file from `docs_dir/<src path>` in its on_files (priority -100),
which a virtual file does not survive, and it builds one language per run. So the pages are added
after it (priority -110, see plugin.py), for the language of the current run, with the locale and
the alternates the plugin gives its own files (the language selector and sitemap use them).
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from urllib.parse import urljoin

from macros.core.kinds import data_file
from macros.core.languages import DEFAULT, DERIVED, LANGS, derive, prefix, written_source
from macros.core.load import KnowledgeBase
from macros.core.messages import say
from macros.core.pages import RECORD_PAGES, page_url, record_pages
from macros.plugin import engine
from macros.plugin.engine import File, Files, MkDocsConfig, Page, PluginError
from macros.render.record_page import record_description


def current_language(config: MkDocsConfig) -> str:
    """The language mkdocs-static-i18n is building in this run (the default one without the plugin)."""
    return engine.current_language(config, DEFAULT)


def _yaml_string(text: str) -> str:
    """A YAML double-quoted string that no template engine reads as markup ({ } as \\u escapes)."""
    return json.dumps(text, ensure_ascii=False).replace("{", "\\u007b").replace("}", "\\u007d")


def page_source(kb: KnowledgeBase, lang: str, kind: str, rid: str) -> str:
    """The Markdown of one record page: front matter, a level-1 heading and the record, as macro calls.

    The title is a Markdown heading (escaped by the macro), not a front-matter title: Material
    writes page titles into the header unescaped. The description goes into a <meta> attribute
    that Material does not escape either, so it is HTML-escaped here.
    """
    record = kb.records[kind][rid]
    return (
        "---\n"
        f"description: {_yaml_string(html.escape(record_description(record, lang), quote=True))}\n"
        f"record: {_yaml_string(kind)}\n"
        "---\n\n"
        f'# {{{{ record_title("{kind}", "{rid}") }}}}\n\n'  # no {{ #id }}: MkDocs would keep it in the title
        f'{{{{ record_page("{kind}", "{rid}") }}}}\n'
    )


def _file(config: MkDocsConfig, lang: str, path: str, content: str | None, *, in_nav: bool = False) -> File:
    """A page file at docs/<lang>/<path> written where the i18n plugin writes that language's pages."""
    dest = prefix(lang) + page_url(path, config.use_directory_urls)
    dest += "index.html" if dest.endswith("/") or not dest else ""
    # A record page is reached from tables, plans and short links, never from the nav (as mkdocs.yml's
    # not_in_nav does for the pages in docs/); an alternate (content None) is only read for its URL.
    file = engine.page_file(config, f"{lang}/{path}", dest, content, in_nav=in_nav)
    engine.set_language_file(file, lang, path)  # the attributes mkdocs-static-i18n gives the files it builds
    return file


def add_derived_pages(files: Files, config: MkDocsConfig, lang: str) -> list[File]:
    """A derived language's pages (zh-Hant): every page of the language it comes from, converted.

    Nothing of a derived language is under docs/; its pages are the source language's Markdown
    (front matter included) through `derive`, at the same paths, in the nav and sitemap as written pages.
    The macros on them render with the derived language, so their data texts and labels are derived too.
    """
    source_dir = Path(config.docs_dir) / written_source(lang)
    added = []
    for md in sorted(source_dir.rglob("*.md")):
        path = md.relative_to(source_dir).as_posix()
        in_nav = not engine.kept_out_of_nav(config, f"{lang}/{path}")  # as for the page in docs/
        file = _file(config, lang, path, derive(lang, md.read_text(encoding="utf-8")), in_nav=in_nav)
        alternates = {other: file if other == lang else _file(config, other, path, None) for other in LANGS}
        engine.set_language_file(file, lang, path, alternates)
        engine.dated_as(file, md)  # "last updated": when its Simplified source last changed
        files.append(file)
        added.append(file)
    return added


def link_derived_alternates(files: Files, config: MkDocsConfig) -> None:
    """Give each written page its derived languages' pages as alternates (language switch, sitemap):
    mkdocs-static-i18n only knows the languages that have files under docs/."""
    for file in files.documentation_pages():
        alternates, path = engine.language_alternates(file), engine.language_path(file)
        if alternates is not None and path:
            for lang in DERIVED:
                alternates.setdefault(lang, _file(config, lang, path, None))


def add_record_pages(files: Files, config: MkDocsConfig, kb: KnowledgeBase) -> Files:
    """Add the current language's record pages to the build (after mkdocs-static-i18n's on_files),
    and a derived language's converted pages."""
    lang = current_language(config)
    docs = Path(config.docs_dir)
    if lang in DERIVED:
        added = add_derived_pages(files, config, lang)
    else:
        link_derived_alternates(files, config)
        added = []
    for path, (kind, rid) in record_pages(kb).items():
        if (docs / lang / path).exists() or f"{lang}/{path}" in files.src_uris:
            raise PluginError(
                say("record_page.clash", file=f"data/{data_file(kind)}", id=rid, path=path, lang=lang)
            )
        file = _file(config, lang, path, page_source(kb, lang, kind, rid))
        alternates = {other: file if other == lang else _file(config, other, path, None) for other in LANGS}
        engine.set_language_file(file, lang, path, alternates)
        files.append(file)
        added.append(file)
    engine.add_language_files(config, lang, added)  # the sitemap lists the record pages with their alternates
    return files


def set_edit_link(page: Page, config: MkDocsConfig) -> None:
    """A record page's "edit this page" opens the data file it is generated from; a derived page's, its source page."""
    if not config.edit_uri:
        return
    kind, lang = page.meta.get("record"), engine.page_lang(page.file)
    if getattr(page.file, "generated_by", None) and kind in RECORD_PAGES:
        page.edit_url = urljoin(config.edit_uri, "../data/" + data_file(kind))
    elif lang in DERIVED:
        page.edit_url = urljoin(config.edit_uri, f"{written_source(lang)}/{engine.language_path(page.file)}")
