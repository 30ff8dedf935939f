"""mkdocs-macros entry point: wires the model and the renderers to the pages."""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.core.diagnostics import annotate, located
from macros.load import KnowledgeBase, load_cached
from macros.pages import page_url, relative_link
from macros.render import Renderer
from macros.yaml_source import DataErrors

log = logging.getLogger("mkdocs.plugins.kb")


def load_model(docs_dir: Path) -> KnowledgeBase:
    """The validated data set; data mistakes end the build with file:line messages, no traceback."""
    try:
        return load_cached(docs_dir.parent / "data")
    except DataErrors as exc:
        for error in exc.errors:
            log.error(located(error))  # one clean line: no text from the data can start a workflow command
        annotate(exc.errors)  # on GitHub Actions: the message on the line in the pull request
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
