"""mkdocs-macros entry point: wires the model and the renderers to the pages."""

from __future__ import annotations

import functools
import logging
import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.load import KnowledgeBase, load_cached
from macros.render import Renderer
from macros.yaml_source import DataErrors

log = logging.getLogger("mkdocs.plugins.kb")


def page_url(path: str, directory_urls: bool) -> str:
    """The site URL (relative to the language root) of a docs page path."""
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        url = stem[: -len("index")]
        return url if directory_urls else url + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


def relative_link(from_url: str, to_url: str) -> str:
    """A link from one site URL to another, as MkDocs writes them (works from file:// too)."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath(to_url or ".", base or ".")
    if to_url.endswith("/") or to_url == "":
        rel = rel.rstrip("/") + "/"
        rel = "./" if rel in ("./", "") else rel
    return rel


def load_model(docs_dir: Path) -> KnowledgeBase:
    """The validated data set; data mistakes end the build with file:line messages, no traceback."""
    try:
        return load_cached(docs_dir.parent / "data")
    except DataErrors as exc:
        for error in exc.errors:
            log.error(str(error))
        raise PluginError(f"{len(exc.errors)} problem(s) in the data files; see the messages above.") from None


def define_env(env) -> None:
    docs_dir = Path(env.conf["docs_dir"])
    directory_urls = env.conf["use_directory_urls"]
    kb = load_model(docs_dir)

    def renderer() -> Renderer:
        page = env.page
        lang = getattr(page.file, "locale", None) or page.file.src_uri.split("/")[0]

        def link(path: str, anchor: str | None) -> str:
            if not (docs_dir / lang / path).is_file():
                raise ValueError(f"{page.file.src_uri}: a macro links to {path}, which does not exist in docs/{lang}/")
            prefix = "" if lang == "en" else f"{lang}/"
            url = relative_link(page.url if directory_urls else page.file.dest_uri, prefix + page_url(path, directory_urls))
            return url + (f"#{anchor}" if anchor else "")

        return Renderer(kb, lang, link)

    env.variables["kb"] = kb
    for name in MACROS:
        env.macro(functools.partial(_call, renderer, name), name)


# Renderer methods that pages may call, e.g. {{ action_plan("government") }}.
MACROS = ("recommendations_table", "action_plan", "group_name", "group_profile", "partners", "glossary", "sources", "cite", "timeline", "label",
          "findings", "root_causes", "costs_benefits", "checklist", "translation_status",
          "qr", "short_links_table", "handouts_table", "handout", "downloads")


def _call(renderer, name: str, *args: str) -> str:
    return getattr(renderer(), name)(*args)
