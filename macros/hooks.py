"""MkDocs hooks: build-wide checks and fixes that no plugin offers. Kept thin."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks load by path; make `macros` importable
from macros.model import LANGS
from macros.segment import segment


def on_config(config):
    """Every page exists in both languages; otherwise the build names the missing ones."""
    docs = Path(config["docs_dir"])
    pages = {lang: {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")} for lang in LANGS}
    problems = [f"docs/{lang}/{path} is missing (docs/{other}/{path} exists)"
                for lang in LANGS for other in LANGS if other != lang
                for path in sorted(pages[other] - pages[lang])]
    if problems:
        raise PluginError("Every page must exist in both languages:\n  " + "\n  ".join(problems))
    return config


# mkdocs-static-i18n builds each language into the same site/, so the files written once per
# build (404.html, sitemap.xml) would come from the last language built. Keep the default
# language's at the root and give every other language its own copy under its folder.
_root_404: dict[str, str] = {}


def on_post_template(output, template_name, config):
    if template_name == "404.html":
        output = _HEAD_ALTERNATE.sub("", output)  # see on_post_page
        output = _HEAD_ALTERNATE.sub("", output)
    lang = config.theme.get("language", "en")
    if template_name not in ("404.html", "sitemap.xml") or lang == "en":
        if template_name == "404.html":
            _root_404["en"] = output
        return output
    target = Path(config["site_dir"]) / lang / template_name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _root_404.get("en", output) if template_name == "404.html" else output


_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output, page, config):
    """Drop Material's per-page <link rel=alternate hreflang> tags from <head>.

    With page-specific alternates (mkdocs-static-i18n), Material's script fetches
    "<alternate URL>/sitemap.xml" for each of them: two failing requests on every page.
    The hreflang alternates of every page are published in sitemap.xml instead, and the
    language selector keeps its page-specific links.
    """
    return _rebase_search(_HEAD_ALTERNATE.sub("", output), page)


# One search index per language: readers download only their language's index. The i18n plugin
# writes one combined index at the end of the build; split it, and point each Chinese page's
# search at its own index by giving it the Chinese site root as Material's base URL.
_CONFIG_BASE = re.compile(r'(<script id="__config"[^>]*>[^<]*?"base":\s*")([^"]*)(")')


def _page_lang(page) -> str:
    return getattr(page.file, "locale", None) or "en"


def _rebase_search(output: str, page) -> str:
    if _page_lang(page) == "en":
        return output
    return _CONFIG_BASE.sub(lambda m: f"{m.group(1)}{m.group(2)}/{_page_lang(page)}/{m.group(3)}", output, count=1)


@event_priority(-200)  # after mkdocs-static-i18n has written the combined index
def on_post_build(config):
    site = Path(config["site_dir"])
    index_path = site / "search" / "search_index.json"
    if not index_path.is_file():
        return
    combined = json.loads(index_path.read_text(encoding="utf-8"))
    for lang in LANGS:
        prefix = "" if lang == "en" else f"{lang}/"
        docs = [dict(d, location=d["location"][len(prefix):]) for d in combined["docs"]
                if (d["location"].startswith(prefix) if prefix else not d["location"].startswith(tuple(f"{x}/" for x in LANGS)))]
        if lang == "zh":
            docs = [dict(d, title=segment(d["title"]), text=segment(d["text"])) for d in docs]
        # lunr.zh needs jieba in the browser; the text is already segmented, so use the plain pipeline.
        index = {"config": dict(combined["config"], lang=["en"]), "docs": docs}
        out = site / prefix / "search" / "search_index.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
