"""The knowledge base's MkDocs plugin (`kb` in mkdocs.yml, entry point in pyproject.toml).

It holds the validated model for one build and hands each MkDocs event to the concern modules of
macros/plugin, in the order written here. mkdocs-static-i18n re-runs the build for each other
language with the same plugin instances, so the model is read once per build; `mkdocs serve`
makes a new instance for every rebuild (the plugin has no on_startup), so an edit is always seen.

Listed last under `plugins:`, after i18n and git-revision-date-localized: events of equal
priority run in that order, so this plugin sees each page after their changes.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from jinja2 import Environment
from mkdocs.plugins import BasePlugin, event_priority

from macros.core.diagnostics import Problem, annotate, located
from macros.core.languages import prefix
from macros.core.load import KnowledgeBase, load
from macros.core.messages import say
from macros.core.yaml_source import DataErrors
from macros.plugin import (
    attr_list_guard,
    change_notes,
    dates,
    engine,
    i18n,
    kit_files,
    outdated_notice,
    page_scripts,
    record_pages,
    reproducible,
    search_dedup,
    security,
    tables,
)
from macros.plugin.config import KnowledgeBaseConfig
from macros.plugin.engine import (
    Files,
    MkDocsConfig,
    Navigation,
    Page,
    PluginError,
    TemplateContext,
    page_lang,
)

log = logging.getLogger(engine.LOGGER)


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):  # type: ignore[no-untyped-call]  # as above
    """Loads the data once per build and runs the site's checks, generated pages and post-processing."""

    def __init__(self) -> None:
        self._model: KnowledgeBase | None = None
        self._unsafe: list[Problem] = []  # what the sanitiser would remove from this language's pages
        self._env: Environment | None = None  # the theme's templates, for the scripts the policy allows
        self._scripts: tuple[str, ...] = ()  # the theme's inline scripts on the page being rendered
        self._checked = False  # the whole-docs checks ran in this build (see on_config)

    def model(self, config: MkDocsConfig) -> KnowledgeBase:
        """The validated data set, read on first use in this build (mkdocs-macros' define_env asks first);
        data mistakes end the build with file:line messages, no traceback."""
        if not self.config.enabled:  # the macros ask for it (entry.py): they cannot run without the plugin
            raise PluginError(say("build.kb_disabled"))
        if self._model is None:
            try:
                self._model = load(Path(self.config.data_dir), Path(config.docs_dir))
            except DataErrors as exc:
                for error in exc.errors:
                    log.error(located(error))  # one clean line: no text from the data can start a workflow command
                if exc.omitted:
                    log.error(exc.lines()[-1])
                annotate(exc.errors)  # on GitHub Actions: the message on the line in the pull request
                raise PluginError(say("build.data_problems", count=len(exc.errors))) from None
        return self._model

    def _strings(self, config: MkDocsConfig) -> Mapping[str, Mapping[str, str]]:
        return self.model(config).strings

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Checks that stop a broken build before any page is rendered, once per build.

        mkdocs-static-i18n calls on_config again, on this instance, for each other language it builds;
        the docs tree and data are the same, so the whole-docs checks run on the first call only (a
        `mkdocs serve` rebuild makes a new instance, so each rebuild checks again).
        """
        if not self.config.enabled:
            return config
        reproducible.patch_clock()
        if not self._checked:
            self._checked = True
            self.check_docs(config)  # loads the model: a data mistake (the term table too) ends the build here
        i18n.derive_language_configs(config)  # before mkdocs-static-i18n's on_config (-100) applies them
        search_dedup.install(config)  # the i18n plugin's search de-duplication, in linear time
        attr_list_guard.install(config)  # { … } may set only the attributes pages may use
        return config

    def check_docs(self, config: MkDocsConfig) -> None:
        """The checks of the whole docs tree and data: symlinks, content, page parity, short links."""
        security.check_symlinks(config)
        security.check_content(config, lambda: self.model(config))
        i18n.check_parity(config)
        kit_files.check_short_links(config, self.model(config))

    @event_priority(-110)  # after mkdocs-static-i18n has chosen this language's files (see record_pages.py)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        files = record_pages.add_record_pages(files, config, self.model(config))
        security.check_destinations(files, config, prefix(record_pages.current_language(config)))
        return files

    @event_priority(100)  # before mkdocs-macros renders the page
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.config.enabled:
            return markdown
        page_scripts.set_scripts(page)
        outdated_notice.mark_outdated(page, config, self._strings(config))
        record_pages.set_edit_link(page, config)
        outdated_notice.mark_derived(page, config, self._strings(config))  # links to the edit link set above
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.config.enabled:
            return html
        html = change_notes.inject_now_notes(html, page, config, self.model(config))
        html = tables.label_tables(html, self._strings(config)[page_lang(page.file)]["phone.scroll_hint"])
        return security.sanitized_body(html, page, self._unsafe)

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """Every page body is converted by now and none is written yet: a body that needs cleaning ends the build."""
        if not self.config.enabled:
            return env
        unsafe, self._unsafe = self._unsafe, []
        security.fail(unsafe, "build.rendered")
        self._env = env
        return env

    def _theme_scripts(self, context: TemplateContext, config: MkDocsConfig) -> None:
        if self.config.enabled and not self.config.preview:
            self._scripts = security.theme_scripts(self._env or engine.theme_env(config), context, config)

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        self._theme_scripts(context, config)
        return context

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        self._theme_scripts(context, config)
        return context

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        if not self.config.enabled:
            return output_content
        if template_name.endswith(".html") and not self.config.preview:
            output_content = security.with_policy(output_content, self._scripts)
        return i18n.per_language_template(output_content, template_name, config, self._strings(config))

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if not self.config.enabled:
            return output
        lang = page_lang(page.file)
        strings = self._strings(config)
        output = i18n.localise_theme_strings(output, lang, strings)
        output = dates.respace_dates(output, strings[lang])
        output = i18n.rebase_search(i18n.drop_head_alternates(output), lang)
        return output if self.config.preview else security.with_policy(output, self._scripts)

    @event_priority(-200)  # after mkdocs-static-i18n has built every language and written the combined index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        i18n.split_search_index(config, self.model(config))
        kit_files.write_kit(config, self.model(config))
