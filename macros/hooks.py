"""MkDocs hooks: build-wide checks and fixes that no plugin offers. Kept thin."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

LANGS = ("en", "zh")


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
    return _HEAD_ALTERNATE.sub("", output)
