"""The one module that knows the build engine: MkDocs and the plugins and theme the site builds with.

Every use of MkDocs, Material for MkDocs, mkdocs-static-i18n, mkdocs-macros and
mkdocs-git-revision-date-localized beyond the plugin API goes through here, each with a comment on
what it relies on and in which version (mkdocs 1.6.1, mkdocs-material 9.8.1, mkdocs-static-i18n
1.3.1, mkdocs-macros-plugin 1.5.0, mkdocs-git-revision-date-localized-plugin 1.6.3). Only this
module, the plugin (plugin.py: the MkDocs plugin class and its events) and its options (config.py)
import the engine; tests/test_engine.py holds that. Other modules take the engine's types and
functions from here. A move to another engine replaces this module first (CONTRIBUTING.md, "What
depends on the engine").

Not code, so not here: overrides/ extends Material's base.html, copies three of its partials
(partials/search.html and partials/nav-item.html, from 9.8.1, each with one change its first line names,
and partials/languages/zh-Hant.html with three characters corrected; copy them again when upgrading
Material) and reads `config.extra.alternate`,
which mkdocs-static-i18n fills (reconfigure_material); macros/plugin/i18n.py rewrites Material's
output (the `__config` script's "base", the <link rel="alternate"> tags, its untranslated English
strings) and its search index (search/search_index.json: config.fields, docs[].location/title/text).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

# -- MkDocs 1.6.1: the types and errors the plugin's modules pass around ------------------------------
# The configuration of one build: `docs_dir`, `site_dir`, `use_directory_urls`, `site_url`, `edit_uri`,
# `extra`, `theme`, `plugins`, `markdown_extensions`, `config_file_path` (mkdocs.config.defaults).
from mkdocs.config.defaults import MkDocsConfig

# A build error: MkDocs prints its message without a traceback and exits 1 (mkdocs.exceptions).
from mkdocs.exceptions import PluginError

# A source file (`src_uri`, `dest_uri`, `abs_src_path`, `generated_by`, `File.generated(config, path,
# content=...)`, `inclusion`) and the build's set of them (`src_uris`, `append`); InclusionLevel.NOT_IN_NAV
# marks a page that no navigation lists (mkdocs.structure.files; `File.generated` and NOT_IN_NAV as of 1.6).
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation  # on_page_context's `nav`

# A page: `file`, `meta`, `url`, `edit_url`, `markdown` (mkdocs.structure.pages, 1.6).
from mkdocs.structure.pages import Page

# The context a template is rendered with (on_page_context, on_template_context).
from mkdocs.utils.templates import TemplateContext

from macros.core.languages import lang_of

if TYPE_CHECKING:
    from jinja2 import Environment

__all__ = [
    "ENGINE_ENV",
    "ENGINE_LOGGER",
    "LOGGER",
    "MATERIAL_SCRIPT_PARTIALS",
    "File",
    "Files",
    "InclusionLevel",
    "MkDocsConfig",
    "Navigation",
    "Page",
    "PluginError",
    "TemplateContext",
    "add_language_files",
    "add_macro",
    "build_command",
    "build_in_process",
    "build_languages",
    "built_alone",
    "current_language",
    "dated_as",
    "file_locale",
    "kept_out_of_nav",
    "language_alternates",
    "language_configs",
    "language_path",
    "macros_config",
    "macros_jinja",
    "macros_page",
    "nested_language_build",
    "never_render_titles",
    "offline_enabled",
    "page_file",
    "page_lang",
    "replace_macros_jinja",
    "replace_search_dedup",
    "serve_command",
    "set_git_dates_clock",
    "set_in_nav",
    "set_language_file",
    "theme_env",
    "theme_language",
]

# MkDocs' --strict counts the warnings of loggers under "mkdocs" (mkdocs.commands.build's counting handler
# on the "mkdocs" logger), and the CLI prints them: the plugin logs under LOGGER.
ENGINE_LOGGER = "mkdocs"
LOGGER = "mkdocs.plugins.kb"

# Environment for a build or preview process: Material 9.7+ prints a notice about MkDocs 2.0 at every
# build unless NO_MKDOCS_2_WARNING is set (material/templates/__init__.py, 9.8.1).
ENGINE_ENV = {"NO_MKDOCS_2_WARNING": "1"}

_ENGINE = (sys.executable, "-m", "mkdocs")  # the MkDocs 1.6 command line (ProperDocs: `-m properdocs`)


# -- the command line and the Python API: how the tools run a build or a preview ------------------------
def build_command(site_dir: Path, config: Path | None = None) -> list[str]:
    """A strict, quiet build into `site_dir` (`mkdocs build --strict -q [-f config] -d site_dir`, MkDocs 1.6)."""
    return [*_ENGINE, "build", "--strict", "-q", *(["-f", str(config)] if config else []), "-d", str(site_dir)]


def serve_command(address: str, *extra: str) -> list[str]:
    """The live preview at host:port, strict, also watching data/ and macros/ (`mkdocs serve -a -w`, 1.6)."""
    return [*_ENGINE, "serve", "--strict", "-a", address, "-w", "data", "-w", "macros", *extra]


def build_in_process(config: Path, site_dir: Path) -> Callable[[], None]:
    """A strict build of `config` into `site_dir` in this process, ready to run (for the benchmark's timers).

    Relies on mkdocs.config.load_config(path, site_dir=, strict=) and mkdocs.commands.build.build(config)
    (MkDocs 1.6: the CLI's own two steps, without on_startup/on_shutdown, which no plugin here uses)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    loaded = load_config(str(config), site_dir=str(site_dir), strict=True)
    return lambda: build(loaded)


# -- MkDocs 1.6.1 and Material 9.8.1: a build's configuration and theme -----------------------------------
def theme_env(config: MkDocsConfig) -> Environment:
    """The theme's Jinja environment (Theme.get_env(), MkDocs 1.6), for rendering Material's partials."""
    return config.theme.get_env()


def theme_language(config: MkDocsConfig) -> str | None:
    """Material's `theme.language`, which mkdocs-static-i18n (reconfigure_material: true) sets for each run."""
    language = config.theme.get("language")
    return str(language) if language else None


# The partials of Material 9.8.1 that write inline scripts on this site's pages (its base.html and header.html
# include them), which the Content-Security-Policy allows by hash (security.theme_scripts). Its announce.html,
# outdated.html and consent.html write one only with an announcement bar, versioning or a cookie consent, which
# this site has none of; our overrides write none (test_security.py checks both).
MATERIAL_SCRIPT_PARTIALS = (
    "partials/javascripts/base.html",
    "partials/javascripts/palette.html",
    "partials/javascripts/content.html",
)


def offline_enabled(config: MkDocsConfig) -> bool:
    """Whether Material's offline plugin is on: OfflinePlugin and its `enabled` option (Material 9.8.1,
    material.plugins.offline.plugin; the zip built by `python -m macros offline`)."""
    from material.plugins.offline.plugin import OfflinePlugin

    return any(isinstance(p, OfflinePlugin) and p.config.enabled for p in config.plugins.values())


# -- mkdocs-static-i18n 1.3.1: undocumented attributes of its plugin (`i18n` under plugins:) and files ----
def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")  # the plugin instance, by its entry-point name


def current_language(config: MkDocsConfig, default: str) -> str:
    """The language of this run: `I18n.current_language`, set in its on_config (priority -100) and changed
    before each nested build; `default` without the plugin."""
    return getattr(_i18n(config), "current_language", None) or default


def nested_language_build(config: MkDocsConfig) -> bool:
    """True inside the plugin's re-run for another language: `I18n.building`, True while its on_post_build
    (priority -100) calls mkdocs.commands.build.build(config) for each other language."""
    return bool(getattr(_i18n(config), "building", False))


def built_alone(config: MkDocsConfig) -> str | None:
    """The language built on its own at the site root: the plugin's `build_only_locale` option."""
    only = getattr(getattr(_i18n(config), "config", None), "build_only_locale", None)
    return str(only) if only else None


def page_file(config: MkDocsConfig, src_uri: str, dest_uri: str, content: str | None, *, in_nav: bool) -> File:
    """A page that is in no folder: `File.generated(config, src_uri, content=...)` (MkDocs 1.6) written to
    `dest_uri`; without content, a File that is only read for its URL (an alternate in the switch)."""
    if content is None:
        return File(src_uri, None, config.site_dir, config.use_directory_urls, dest_uri=dest_uri)
    file = File.generated(config, src_uri, content=content)
    file.dest_uri = dest_uri
    set_in_nav(file, in_nav)
    return file


def set_in_nav(file: File, in_nav: bool) -> None:
    """Whether the navigation may list the page: `File.inclusion` (NOT_IN_NAV: built, never listed)."""
    file.inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV


def kept_out_of_nav(config: MkDocsConfig, src_uri: str) -> bool:
    """Whether mkdocs.yml's `not_in_nav` patterns name the page (`config.not_in_nav`, a pathspec in 1.6)."""
    patterns = config.not_in_nav
    return bool(patterns and patterns.match_file(src_uri))


def language_configs(config: MkDocsConfig) -> dict[str, Any]:
    """The i18n plugin's per-language settings by locale, to be filled before it applies them.

    Relies on `config.plugins["i18n"].config.languages`: a list of I18nPluginLanguage configs (each with
    `locale`, `site_name`, `site_description`, `copyright`, `nav_translations`, item-assignable), which
    its on_config (priority -100) applies to each language's build; the kb plugin's on_config (priority
    0) runs before it in every language's run.
    """
    plugin = config.plugins.get("i18n")
    languages = getattr(getattr(plugin, "config", None), "languages", None) or []
    return {entry.locale: entry for entry in languages}


def build_languages(plugin: Any) -> list[str]:
    """The locales the plugin builds: `I18n.build_languages` (a property of its ExtendedPlugin)."""
    return list(plugin.build_languages)


def replace_search_dedup(config: MkDocsConfig, method: Callable[[Any, list[dict[str, Any]]], None]) -> None:
    """Replace `I18n.reconfigure_search_duplicates(search_entries)` on this build's instance (called from
    its reconfigure_search_index at the end of the build); another version without it is left alone."""
    plugin = _i18n(config)
    if plugin is not None and hasattr(plugin, "reconfigure_search_duplicates"):
        plugin.reconfigure_search_duplicates = method.__get__(plugin)


def add_language_files(config: MkDocsConfig, lang: str, files: Iterable[File]) -> None:
    """List generated files with the plugin's own: `I18n.i18n_files_per_language[lang]`, filled in its
    on_files and read for the sitemap's alternates (custom_i18n_sitemap/sitemap.xml)."""
    per_language = getattr(_i18n(config), "i18n_files_per_language", None)
    if isinstance(per_language, dict) and isinstance(per_language.get(lang), list):
        per_language[lang].extend(files)


def set_language_file(file: File, lang: str, path: str, alternates: dict[str, File] | None = None) -> None:
    """Give a generated file the attributes the plugin gives the files it builds (folder.py's
    reconfigure_files): `locale`, `locale_alternate_of`, `localization`, `norm_src_uri` (the path within
    the language folder) and `alternates` (language -> File, read by the language selector and sitemap)."""
    file.locale = file.locale_alternate_of = file.localization = lang  # type: ignore[attr-defined]
    file.norm_src_uri = path  # type: ignore[attr-defined]
    if alternates is not None:
        file.alternates = alternates  # type: ignore[attr-defined]


def language_alternates(file: File) -> dict[str, File] | None:
    """The `alternates` the plugin gave a file it built (language -> File), None for another file."""
    alternates = getattr(file, "alternates", None)
    return alternates if isinstance(alternates, dict) else None


def language_path(file: File) -> str | None:
    """A built file's path within its language folder: the plugin's `norm_src_uri`."""
    path = getattr(file, "norm_src_uri", None)
    return str(path) if path else None


def file_locale(file: Any) -> str | None:
    """The language the plugin gave a page's file (`File.locale`), None for a file it did not build."""
    return getattr(file, "locale", None)


def page_lang(file: Any) -> str:
    """The language of a page's file: its `locale` (above), else the docs folder it lives in."""
    return lang_of(file.src_uri, file_locale(file))


# -- mkdocs-macros 1.5.0: the object it passes to define_env and on_pre_page_macros (its MacrosPlugin) ------
def macros_page(env: Any) -> Any:
    """The page being rendered: MacrosPlugin.page (set in its on_page_markdown)."""
    return env.page


def macros_config(env: Any) -> MkDocsConfig:
    """The build's configuration: MacrosPlugin.conf."""
    return env.conf  # type: ignore[no-any-return]


def add_macro(env: Any, name: str, function: Callable[..., str]) -> None:
    """Make `function` the pages' macro `name`: MacrosPlugin.macro(function, name)."""
    env.macro(function, name)


def never_render_titles(env: Any) -> None:
    """mkdocs-macros renders a page title that holds "{{" (MacrosPlugin.has_j2(title), with no option to
    turn it off; 1.5.0 calls it on page.title in on_page_markdown): a title is never a template here."""
    env.has_j2 = lambda text: False


def macros_jinja(env: Any) -> Environment:
    """The Jinja environment mkdocs-macros renders pages with: MacrosPlugin.env (made in its on_config,
    after define_env)."""
    return env.env  # type: ignore[no-any-return]


def replace_macros_jinja(env: Any, jinja: Environment) -> None:
    """Render pages with `jinja` instead: MacrosPlugin's private `_env`, behind its read-only `env`
    property (mkdocs-macros offers no option for a sandboxed environment)."""
    env._env = jinja


# -- mkdocs-git-revision-date-localized-plugin 1.6.3: its fallback clock ------------------------------------
def dated_as(file: File, source: Path) -> None:
    """Give a converted page its source file's "last updated" date: the git-date plugin (1.6.3,
    `_get_commit`) dates a page by `file.abs_src_path` unless `generated_by` is set (then by the clock).
    The page's content stays the converted text: File.content_string reads `_content` first (MkDocs 1.6)."""
    file.generated_by = None
    file.abs_src_path = str(source)


def set_git_dates_clock(clock: ModuleType) -> None:
    """Make the plugin's fallback dates read `clock.time()` instead of the wall clock (idempotent).

    Relies on its modules `plugin` and `util` doing `import time` and calling time.time() where git gives
    no date (uncommitted and generated files, no git): each module's `time` is replaced by `clock`."""
    try:
        from mkdocs_git_revision_date_localized_plugin import plugin, util
    except ImportError:  # the plugin is not installed: nothing to make reproducible
        return
    for module in (plugin, util):
        if getattr(module, "time", None) is time:
            module.time = clock  # type: ignore[attr-defined]  # the plugin's own `import time`
