"""The one hooks file mkdocs.yml names: puts the project on sys.path once, then hands each MkDocs
event to the concern modules of macros/plugin, in the order written here.

MkDocs loads hook files by path, outside any package, hence the sys.path line.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from macros.core.languages import lang_of
from macros.plugin import (
    changes,
    dates,
    i18n,
    kit,
    page_scripts,
    record_pages,
    reproducible,
    search_dedup,
    security,
    translation,
)
from macros.plugin.entry import load_model


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    reproducible.patch_clock()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Checks that stop a broken build before any page is rendered."""
    reproducible.patch_clock()
    security.check_symlinks(config)
    security.check_content(config)
    i18n.check_parity(config)
    kit.check_short_links(config)
    search_dedup.install(config)  # the i18n plugin's search de-duplication, linear
    return config


@event_priority(-110)  # after mkdocs-static-i18n has chosen this language's files (see record_pages.py)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return record_pages.add_record_pages(files, config)


@event_priority(100)  # before mkdocs-macros renders the page
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    page_scripts.set_scripts(page)
    translation.mark_outdated(page, config)
    record_pages.set_edit_link(page, config)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return changes.inject_now_notes(html, page, config)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html"):
        output_content = security.with_policy(output_content)
    return i18n.per_language_template(output_content, template_name, config)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    lang = lang_of(page.file.src_uri, getattr(page.file, "locale", None))
    strings = load_model(Path(config.docs_dir)).strings
    output = i18n.localise_theme_strings(output, lang, strings)
    output = dates.respace_dates(output, strings[lang])
    output = i18n.rebase_search(i18n.drop_head_alternates(output), lang)
    return security.with_policy(output, page.content or "")


@event_priority(-200)  # after mkdocs-static-i18n has built every language and written the combined index
def on_post_build(config: MkDocsConfig) -> None:
    i18n.split_search_index(config)
    kit.write_kit(config)
