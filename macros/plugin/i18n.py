"""Build-wide language fixes that mkdocs-static-i18n does not make: page parity, one 404 page and
sitemap per language, no per-page hreflang links in <head>, one search index per language."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from macros.core.articles import article_aliases
from macros.core.diagnostics import Problem
from macros.core.languages import (
    DEFAULT,
    DERIVED,
    LANGS,
    SEARCH_PIPELINE,
    WRITTEN,
    derive,
    language,
    prefix,
    strip_prefix,
    written_source,
)
from macros.core.load import KnowledgeBase
from macros.core.messages import say
from macros.core.pages import NO_SYNONYMS, NOT_SEARCHED, SEARCH_BOOST
from macros.core.segment import segment
from macros.core.synonyms import SYNONYM_BOOST, synonym_field, table
from macros.core.traditional_search import article_aliases_traditional, segment_traditional, simplified_aliases
from macros.plugin import engine
from macros.plugin.engine import MkDocsConfig
from macros.plugin.search_terms import glossary_entries
from macros.plugin.security import fail
from macros.render import not_found

_PER_LANGUAGE_TEMPLATES = ("404.html", "sitemap.xml")
ALIAS_BOOST = 1.0
_HAN_WORD = re.compile(r"[\u3400-\u9fff]+")
# (?<!\s): a match starts only where a run of whitespace starts, so a long run is scanned once, not once per space.
_HEAD_ALTERNATE = re.compile(r'(?<!\s)\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
_CONFIG_BASE = re.compile(r'(<script id="__config"[^>]*>[^<]*?"base":\s*")([^"]*)(")')


def parity_problems(docs: Path) -> list[Problem]:
    """A problem for every page that exists in one written language only (a derived language's pages
    are its source's, converted: complete by construction)."""
    pages = {lang: {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")} for lang in WRITTEN}
    return [Problem(f"docs/{lang}/{path}", None, say("pages.missing_translation", other=other, path=path))
            for lang in WRITTEN for other in WRITTEN if other != lang
            for path in sorted(pages[other] - pages[lang])]


def derived_problems(docs: Path) -> list[Problem]:
    """A derived language is generated, never kept: a page under docs/<derived language>/ is an error."""
    return [
        Problem(f"docs/{lang}/{p.relative_to(docs / lang).as_posix()}", None, say("pages.derived_written", lang=lang))
        for lang in DERIVED
        for p in sorted((docs / lang).rglob("*"))
        if p.is_file()
    ]


PARITY_HEADING = "build.parity"  # its message key (data/messages/<lang>.yml)


def check_parity(config: MkDocsConfig) -> None:
    """Every page exists in both languages; otherwise the build names the missing ones."""
    docs = Path(config.docs_dir)
    fail(parity_problems(docs) + derived_problems(docs), PARITY_HEADING)  # names cleaned and escaped


def derive_language_configs(config: MkDocsConfig) -> None:
    """Fill each derived language's site_name, site_description, copyright and nav_translations
    from its source language's entry in mkdocs.yml, converted: they are never kept by hand. Runs in
    the kb plugin's on_config, before the i18n plugin applies the entries (engine.language_configs).
    """
    by_locale = engine.language_configs(config)
    for lang in DERIVED:
        entry, written = by_locale.get(lang), by_locale.get(written_source(lang))
        if entry is None or written is None:
            continue
        for key in ("site_name", "site_description", "copyright"):
            if written[key] is not None:
                entry[key] = derive(lang, written[key])
        if written["nav_translations"]:
            entry["nav_translations"] = {en: derive(lang, text) for en, text in written["nav_translations"].items()}


def per_language_template(
    output: str, template_name: str, config: MkDocsConfig, strings: Mapping[str, Mapping[str, str]]
) -> str:
    """404.html and sitemap.xml: each language's own copy under its folder, the default language's at the root.

    mkdocs-static-i18n builds each language into the same site/, so files written once per build
    would come from the last language built. The default language is built first (the others are
    built inside its on_post_build), so its copy is on disk when another language's is made.
    """
    lang = engine.theme_language(config) or DEFAULT
    if template_name == "404.html":
        output = _HEAD_ALTERNATE.sub("", output)  # see drop_head_alternates
        output = localise_theme_strings(output, lang, strings)
        root = urlparse(config.site_url or "/").path.rstrip("/") + "/"
        output = output.replace(not_found.PLACEHOLDER, not_found.not_found(strings, lang, root))
    if template_name not in _PER_LANGUAGE_TEMPLATES or lang == DEFAULT:
        return output
    site = Path(config.site_dir)
    target = site / prefix(lang) / template_name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    root_copy = site / template_name
    return root_copy.read_text(encoding="utf-8") if root_copy.is_file() else output


# The theme's English strings that Material leaves untranslated, where they appear, by label key.
_THEME_STRINGS = {"theme.permalink": 'title="{}"', "theme.not_found": "<h1>{}</h1>"}
_THEME_LABEL_COLON = re.compile(r'(aria-label="[^":]*[\u3400-\u9fff]): ')


def localise_theme_strings(output: str, lang: str, strings: Mapping[str, Mapping[str, str]]) -> str:
    """Put the page's language into the theme strings Material writes in English (heading links, 404)."""
    if lang == DEFAULT:
        return output
    for key, pattern in _THEME_STRINGS.items():
        output = output.replace(pattern.format(strings[DEFAULT][key]), pattern.format(html.escape(strings[lang][key])))
    # Material joins its own label and a page title with ": " (e.g. the footer's 上一页: 首页).
    colon = html.escape(strings[lang]["punct.colon"])
    return _THEME_LABEL_COLON.sub(lambda m: m.group(1) + colon, output)


def drop_head_alternates(output: str) -> str:
    """Drop Material's per-page <link rel=alternate hreflang> tags from <head>.

    With page-specific alternates (mkdocs-static-i18n), Material's script fetches
    "<alternate URL>/sitemap.xml" for each of them: two failing requests on every page. The
    hreflang alternates of every page are published in sitemap.xml instead, and the language
    selector keeps its page-specific links.
    """
    return _HEAD_ALTERNATE.sub("", output)


def rebase_search(output: str, lang: str) -> str:
    """Point a non-default page's search at its own language's index (its root as Material's base)."""
    if lang == DEFAULT:
        return output
    return _CONFIG_BASE.sub(lambda m: f"{m.group(1)}{m.group(2)}/{lang}/{m.group(3)}", output, count=1)


def _title_stems(title: str) -> list[str]:
    """Each Chinese word of a segmented title, and the whole title, without its last character (管理体系 -> 管理体).

    Material splits a Chinese query at the longest index words it finds before the query's last
    character: 管理体系 becomes 管理* (every word starting with 管理) unless 管理体 is a word of
    the index. With the stem there, a typed title matches that title's word only.
    """
    words = re.split(r"[\s\u200b]+", title)
    if len(words) > 1:  # the title as one word too: 员工\u200b参与 is typed 员工参与
        words.append("".join(words))
    return list(dict.fromkeys(w[:-1] for w in words if len(w) >= 3 and _HAN_WORD.fullmatch(w)))


def split_search_index(config: MkDocsConfig, kb: KnowledgeBase) -> None:
    """One search index per language: readers download only their language's index.

    The i18n plugin writes one combined index at the end of the build; split it by the
    language folder of each location. Chinese (a `segmented` language) is segmented here (see macros/core/segment.py),
    so the browser needs no Chinese tokenizer: every index uses the plain pipeline.
    """
    site = Path(config.site_dir)
    index_path = site / "search" / "search_index.json"
    if not index_path.is_file():
        return
    combined = json.loads(index_path.read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in combined["docs"]}
    combined["docs"] += glossary_entries(kb, config.use_directory_urls, locations)  # one entry per term
    docs: dict[str, list[dict[str, Any]]] = {lang: [] for lang in LANGS}
    synonyms = {lang: table(kb, lang) for lang in LANGS}  # see macros/core/synonyms.py
    for doc in combined["docs"]:
        lang, location = strip_prefix(doc["location"])
        if location.startswith(NOT_SEARCHED):  # printed copies (handouts) would crowd out the pages they copy
            continue
        text = "" if location.startswith(NO_SYNONYMS) else doc["title"] + " " + doc["text"]
        variants = synonym_field(synonyms[lang], text)
        if language(lang).segmented:
            derived = lang in DERIVED  # zh-Hant: cut where its Simplified reading is (core/traditional_search.py)
            split = segment_traditional if derived else segment
            doc = dict(doc, title=split(doc["title"]), text=split(doc["text"]))
            articles = article_aliases_traditional if derived else article_aliases  # 第四十一條 as 第41條, 41条…
            aliases = articles(doc["title"] + " " + doc["text"]) + _title_stems(doc["title"])
            if derived:  # a reader of the Traditional edition typing Simplified (a mainland keyboard) finds it too
                aliases += simplified_aliases(doc["title"] + " " + doc["text"])
            if aliases:
                doc["aliases"] = " ".join(aliases)
        if variants:
            doc["synonyms"] = variants
        boost = next((b for page, b in SEARCH_BOOST.items() if location.startswith(page)), None)
        if boost:
            doc["boost"] = boost
        docs[lang].append(dict(doc, location=location))
    for lang in LANGS:
        # "aliases": other writings of words in the text (article numbers), searched but never shown.
        # "synonyms": how readers type the terms of the text (data/search_synonyms.yml), searched but never shown.
        fields = dict(
            combined["config"].get("fields", {}), aliases={"boost": ALIAS_BOOST}, synonyms={"boost": SYNONYM_BOOST}
        )
        index = {"config": dict(combined["config"], lang=list(SEARCH_PIPELINE), fields=fields), "docs": docs[lang]}
        out = site / prefix(lang) / "search" / "search_index.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
