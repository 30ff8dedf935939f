"""mkdocs-macros entry point: registers the renderers of macros/render as the pages' macros.

Each macro gets the page it is called from as an explicit PageContext. Only page bodies are
rendered, in a sandboxed Jinja environment whose only names are the macros (no `config`, `page`,
`navigation`, `files` or Jinja's own globals); titles and other front matter are never rendered.
The template rule, the macro arguments and the rest of the content checks run for the whole docs
tree in the KnowledgeBasePlugin's on_config (macros/plugin/plugin.py, security.py), before any page is rendered.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jinja2.sandbox import SandboxedEnvironment

from macros.core.diagnostics import clean
from macros.core.load import KnowledgeBase
from macros.core.messages import say
from macros.core.pages import record_pages
from macros.plugin import engine
from macros.plugin.engine import PluginError, page_lang
from macros.render import MACROS, MissingPage, Page, PageContext

log = logging.getLogger(engine.LOGGER)


def page_context(env: Any, kb: KnowledgeBase | None = None) -> PageContext:
    """The context of the page mkdocs-macros is rendering now."""
    return context_for(engine.macros_page(env), engine.macros_config(env), kb)


def context_for(page: Any, conf: Any, kb: KnowledgeBase | None = None) -> PageContext:
    """The context of a MkDocs page (for renderers called from plugin events as well as from macros)."""
    file = page.file
    lang = page_lang(file)
    return PageContext(
        lang=lang,
        location=page.url if conf["use_directory_urls"] else file.dest_uri,
        docs_dir=Path(conf["docs_dir"]),
        directory_urls=conf["use_directory_urls"],
        site_url=conf.get("site_url") or "",
        src_path=file.src_uri.removeprefix(f"{lang}/"),
        generated=frozenset(record_pages(kb)) if kb is not None else frozenset(),
    )


def define_env(env: Any) -> None:
    conf = engine.macros_config(env)
    plugin = conf["plugins"].get("kb")
    if plugin is None:  # not listed: the same clear message as when it is turned off (KnowledgeBasePlugin.model)
        raise PluginError(say("build.kb_disabled"))
    kb = plugin.model(conf)  # the model the KnowledgeBasePlugin holds for this build
    for name, render in MACROS.items():
        engine.add_macro(env, name, _macro(env, kb, name, render))
    engine.never_render_titles(env)  # only page bodies are templates


def _macro(env: Any, kb: KnowledgeBase, name: str, render: Any) -> Any:
    """The macro `name` for the pages. A function, not a functools.partial: mkdocs-macros writes the
    repr of every macro into a debug message at each build, even when debug is off, and a partial's
    repr holds the whole model's (seconds per build, growing with the data)."""

    def macro(*args: str) -> str:
        return _call(env, kb, name, render, *args)

    macro.__name__ = macro.__qualname__ = name
    macro.__doc__ = render.__doc__
    return macro


def _call(env: Any, kb: KnowledgeBase, name: str, render: Any, *args: str) -> str:
    """One macro call. Arguments were checked before rendering (macro_args.py); anything still wrong
    is logged as an error (shown by `mkdocs build -q`, unlike mkdocs-macros' own report) and ends the
    build without a traceback."""
    try:
        return str(render(Page(kb, page_context(env, kb)), *args))
    except Exception as exc:  # noqa: BLE001 - every failure becomes one located message
        what = exc if isinstance(exc, MissingPage) else repr(exc)
        message = f"docs/{engine.macros_page(env).file.src_uri}: {name}(): {what}"
        log.error(clean(message, 2000))
        raise PluginError(message) from None


class _BodySandbox(SandboxedEnvironment):
    """A sandbox whose templates see the macros and nothing else: mkdocs-macros passes the config,
    page, navigation and files as render variables, which this environment's templates drop."""

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        template = super().from_string(source)
        return _NoContext(template)


class _NoContext:
    def __init__(self, template: Any):
        self._template = template

    def render(self, *_args: Any, **_variables: Any) -> str:
        return str(self._template.render())


def on_pre_page_macros(env: Any) -> None:
    """Render pages in a sandboxed Jinja environment without a template loader (defence in depth:
    the template rule already allows nothing but literal macro calls). mkdocs-macros creates its
    environment after define_env and offers no option for a sandbox (engine.replace_macros_jinja)."""
    current = engine.macros_jinja(env)
    if isinstance(current, SandboxedEnvironment):
        return
    sandbox = _BodySandbox(
        undefined=current.undefined,
        loader=None,
        block_start_string=current.block_start_string,
        block_end_string=current.block_end_string,
        variable_start_string=current.variable_start_string,
        variable_end_string=current.variable_end_string,
        comment_start_string=current.comment_start_string,
        comment_end_string=current.comment_end_string,
    )
    sandbox.globals.clear()  # no range, dict, cycler, joiner, namespace or lipsum either
    sandbox.globals.update({name: current.globals[name] for name in MACROS})
    engine.replace_macros_jinja(env, sandbox)
