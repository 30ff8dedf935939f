"""Content is not code: what a pull request's pages and data may not do to the build or to readers.

- Before any page is rendered, for the whole docs tree, every problem at once with file and line:
  the files under docs/ (macros/core/docs_files.py), each page's front matter (front_matter.py),
  its raw HTML (raw_html.py), the template rule (page_templates.py) and the macros' arguments
  (macros/plugin/macro_args.py), and no figure of a rule in force written as bare text
  (macros/core/bare_figures.py). Each module holds its own allow-list.
- No symbolic links under docs/, data/ or overrides/: a link would publish any file of the
  build machine.
- A Content-Security-Policy on every page: scripts only from the site itself, plus the inline
  scripts the theme writes, allowed by their hashes. The hashed scripts are found in the theme's
  templates (THEME_SCRIPTS, rendered with the page's template context), never in the built page,
  so nothing a page's content holds can ever get a hash (and the sanitiser keeps scripts out of it).
  Styles only from the site's style sheets, without 'unsafe-inline': Material writes no inline
  style with `font: false` (its only <style> block is the web-font one) and sets styles from its
  script through the CSSOM, which CSP allows; tables align with align="" (mkdocs.yml) and the
  charts use SVG presentation attributes, so nothing needs a hash or 'unsafe-hashes'.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment

from macros.core import (
    bare_figures,
    characters,
    destinations,
    docs_files,
    front_matter,
    limits,
    page_templates,
    raw_html,
    sanitize,
    urls,
)
from macros.core.diagnostics import Problem, annotate
from macros.core.load import KnowledgeBase
from macros.core.messages import say
from macros.plugin import engine, macro_args
from macros.plugin.engine import File, Files, MkDocsConfig, Page, PluginError
from macros.render import MACROS

CHECKED_FOLDERS = ("docs", "data", "overrides")
THEME_SCRIPTS = engine.MATERIAL_SCRIPT_PARTIALS  # the theme's partials that write inline scripts (engine.py)
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_NOT_JS = re.compile(r'\btype="(?!text/javascript|module)[^"]*"', re.IGNORECASE)
_CHARSET = re.compile(r'<meta charset="[^"]*">', re.IGNORECASE)
_OLD_POLICY = re.compile(r'(?<!\s)\s*<meta http-equiv="Content-Security-Policy"[^>]*>', re.IGNORECASE)  # linear
POLICY = (
    "default-src 'self'; script-src 'self'{hashes}; style-src 'self'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


def file_problems(docs: Path) -> list[Problem]:
    """The pages' problems that need no data: files, characters, front matter, raw HTML, the template
    rule and URLs."""
    return (
        docs_files.check_docs(docs)
        + characters.check_docs(docs)
        + front_matter.check_docs(docs)
        + raw_html.check_docs(docs)
        + page_templates.check_docs(docs, MACROS)
        + urls.check_docs(docs)
    )


def page_problems(docs: Path, kb: KnowledgeBase | None, *, figures: bool = True) -> list[Problem]:
    """Every content problem under docs/, the macro calls' arguments included when there is a model
    (only literal calls of known macros are bound, so both are checked in one pass). `make validate`
    runs it without an MkDocs build. Sizes first, alone: the other checks are linear only on pages of
    bounded size."""
    too_big = limits.check_docs(docs)
    if too_big or kb is None:
        return too_big or file_problems(docs)
    found = file_problems(docs) + macro_args.check_docs(docs, kb, MACROS)
    # the figures written as text need the rules themselves, not only their ids (`figures=False`)
    return found + (bare_figures.check_docs(docs, kb) if figures else [])


def check_content(config: MkDocsConfig, model: Callable[[], KnowledgeBase]) -> None:
    """Every content problem under docs/, or nothing; runs before any page is read by MkDocs."""
    docs = Path(config.docs_dir)
    # Sizes first, alone: the other checks (and Markdown) are only linear on pages of bounded size.
    fail(limits.check_docs(docs), "build.too_big")
    problems = file_problems(docs)
    if not problems:  # the data is loaded (and its problems reported) only for pages that pass these
        problems = macro_args.check_docs(docs, model(), MACROS)
    if not problems:  # a figure a person acts on has one home: data/rules.yml, shown through the rule macros
        problems = bare_figures.check_docs(docs, model())
    fail(problems, PAGES_HEADING)


# The heading over the pages' problems: most are wrong macro arguments or front matter, which the
# section on what a page may contain explains (not "What is code", which is about the code paths).
PAGES_HEADING = "build.pages"  # message keys (data/messages/<lang>.yml) of the headings `fail` prints


def fail(problems: list[Problem], what: str) -> None:
    """End the build with every problem on its own line (and as annotations on GitHub Actions)."""
    if not problems:
        return
    problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message))
    annotate(problems)  # on GitHub Actions: each on its line in the pull request
    raise PluginError(
        say(what, count=len(problems))
        + "\n  "
        + "\n  ".join(str(p) for p in problems[:200])
        + ("\n  " + say("build.more", count=len(problems) - 200) if len(problems) > 200 else "")
    )


def symlink_problems(root: Path) -> list[Problem]:
    """Every symbolic link under docs/, data/ or overrides/ of the project at `root`."""
    return [
        Problem(path.relative_to(root).as_posix(), None, say("security.symlink"))
        for folder in CHECKED_FOLDERS
        if (root / folder).is_dir()
        for path in sorted((root / folder).rglob("*"))
        if path.is_symlink()
    ]


def check_symlinks(config: MkDocsConfig) -> None:
    fail(symlink_problems(Path(config.config_file_path).parent), SYMLINKS_HEADING)


SYMLINKS_HEADING = "build.symlinks"


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def theme_scripts(env: Environment, context: Mapping[str, Any], config: MkDocsConfig) -> tuple[str, ...]:
    """The inline scripts the theme writes on a page (or template) with this template context: each
    partial of THEME_SCRIPTS rendered alone, as base.html includes it (with its `features`)."""
    features = config.theme.get("features") or []
    scripts: list[str] = []
    for name in THEME_SCRIPTS:
        text = env.get_template(name).render({**context, "features": features})
        scripts += [
            m.group("body")
            for m in _INLINE_SCRIPT.finditer(text)
            if "src=" not in m.group("attrs") and not _NOT_JS.search(m.group("attrs"))
        ]
    return tuple(dict.fromkeys(scripts))


def policy_for(scripts: Iterable[str]) -> str:
    """The policy allowing these inline scripts (the theme's, from theme_scripts) by their hashes."""
    hashes = sorted({_hash(script) for script in scripts})
    return POLICY.format(hashes="".join(" " + h for h in hashes))


def with_policy(html: str, scripts: Iterable[str] = ()) -> str:
    """The page with its Content-Security-Policy meta tag right after <meta charset>, before any script;
    `scripts` are the inline scripts allowed (theme_scripts), none by default."""
    html = _OLD_POLICY.sub("", html)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(scripts)}">'
    html, found = _CHARSET.subn(lambda m: m.group(0) + tag, html, count=1)
    return html if found else html.replace("<head>", "<head>" + tag, 1)


def check_destinations(files: Files, config: MkDocsConfig, lang_prefix: str) -> None:
    """End the build if a page is written where another page, a record page or a generator writes."""
    docs = Path(config.docs_dir).resolve()

    def writer(file: File) -> tuple[str, str, bool]:
        if file.generated_by:
            return file.dest_uri, say("dest.generated_page", page=file.src_uri, by=file.generated_by), True
        if file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(docs):
            return file.dest_uri, f"docs/{file.src_uri}", True
        return file.dest_uri, say("dest.theme_file", file=file.src_uri), False

    # theme files, then generated pages, then docs pages: the later of two writers is the one named
    written = sorted((writer(f) for f in files), key=lambda w: (w[1].startswith("docs/"), w[2], w[1]))
    fail(destinations.clashes(written, lang_prefix), "build.destinations")


def sanitized_body(html: str, page: Page, problems: list[Problem]) -> str:
    """The page's body through the sanitiser (macros/core/sanitize.py); what it would remove is added to
    `problems`, at the line of the page's source that holds it where one does (a macro's output has none)."""
    if len(html) > limits.MAX_RENDERED_CHARS:  # what macros wrote: the source's size does not bound it
        problems.append(Problem(f"docs/{page.file.src_uri}", None, say(
            "limits.rendered", length=len(html), limit=limits.MAX_RENDERED_CHARS)))
        return ""
    result = sanitize.check(html)
    misleading = urls.rendered_link_problems(result.html)
    if result.removed or misleading:
        name = f"docs/{page.file.src_uri}"
        try:
            source = Path(page.file.abs_src_path).read_text(encoding="utf-8") if page.file.abs_src_path else ""
        except OSError:
            source = ""
        source = raw_html.visible_source(source or page.markdown or "")
        problems += [
            Problem(name, line, say("sanitize.would_remove", message=r.message))
            for r in result.removed
            for line in sanitize.lines_of(source, r)
        ]
        # Links are read once rendered too: reference links, link texts with brackets or line breaks and
        # encoded addresses pass the source check (urls.check_docs) but not this one.
        problems += [Problem(name, _line_of(source, href), message) for message, href in misleading]
    return result.html


def _line_of(source: str, text: str) -> int | None:
    """The line of `source` where `text` is first written (None: not written there as such)."""
    at = source.find(text)
    return source.count("\n", 0, at) + 1 if at >= 0 else None
