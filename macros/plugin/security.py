"""Content is not code: what a pull request's pages and data may not do to the build or to readers.

- Before any page is rendered, for the whole docs tree, every problem at once with file and line:
  the files under docs/ (macros/core/docs_files.py), each page's front matter (front_matter.py),
  its raw HTML (raw_html.py), the template rule (page_templates.py) and the macros' arguments
  (macros/plugin/macro_args.py). Each module holds its own allow-list.
- No symbolic links under docs/, data/ or overrides/: a link would publish any file of the
  build machine.
- A Content-Security-Policy on every page: scripts only from the site itself, plus the inline
  scripts the theme writes around the page's content, allowed by their hashes (computed from each
  built page without its Markdown content, so raw <script> or onerror= in Markdown never runs).
  Styles only from the site's style sheets, without 'unsafe-inline': Material writes no inline
  style with `font: false` (its only <style> block is the web-font one) and sets styles from its
  script through the CSSOM, which CSP allows; tables align with align="" (mkdocs.yml) and the
  charts use SVG presentation attributes, so nothing needs a hash or 'unsafe-hashes'.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from macros.core import docs_files, front_matter, page_templates, raw_html
from macros.core.diagnostics import Problem, annotate
from macros.core.load import KnowledgeBase
from macros.plugin import macro_args
from macros.render import MACROS

CHECKED_FOLDERS = ("docs", "data", "overrides")
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_NOT_JS = re.compile(r'\btype="(?!text/javascript|module)[^"]*"', re.IGNORECASE)
_CHARSET = re.compile(r'<meta charset="[^"]*">', re.IGNORECASE)
_OLD_POLICY = re.compile(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', re.IGNORECASE)
POLICY = (
    "default-src 'self'; script-src 'self'{hashes}; style-src 'self'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


def file_problems(docs: Path) -> list[Problem]:
    """The pages' problems that need no data: files, front matter, raw HTML and the template rule."""
    return (
        docs_files.check_docs(docs)
        + front_matter.check_docs(docs)
        + raw_html.check_docs(docs)
        + page_templates.check_docs(docs, MACROS)
    )


def page_problems(docs: Path, kb: KnowledgeBase | None) -> list[Problem]:
    """Every content problem under docs/, the macro calls' arguments included when there is a model
    (only literal calls of known macros are bound, so both are checked in one pass). `make validate`
    runs it without an MkDocs build."""
    return file_problems(docs) + (macro_args.check_docs(docs, kb, MACROS) if kb is not None else [])


def check_content(config: MkDocsConfig, model: Callable[[], KnowledgeBase]) -> None:
    """Every content problem under docs/, or nothing; runs before any page is read by MkDocs."""
    docs = Path(config.docs_dir)
    problems = file_problems(docs)
    if not problems:  # the data is loaded (and its problems reported) only for pages that pass these
        problems = macro_args.check_docs(docs, model(), MACROS)
    fail(problems, PAGES_HEADING)


# The heading over the pages' problems: most are wrong macro arguments or front matter, which the
# section on what a page may contain explains (not "What is code", which is about the code paths).
PAGES_HEADING = "problem(s) in the pages (see CONTRIBUTING.md, 'What a page may contain: text, not code')"


def fail(problems: list[Problem], what: str) -> None:
    """End the build with every problem on its own line (and as annotations on GitHub Actions)."""
    if not problems:
        return
    problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message))
    annotate(problems)  # on GitHub Actions: each on its line in the pull request
    raise PluginError(
        f"{len(problems)} {what}:\n  "
        + "\n  ".join(str(p) for p in problems[:200])
        + (f"\n  … and {len(problems) - 200} more" if len(problems) > 200 else "")
    )


def symlink_problems(root: Path) -> list[Problem]:
    """Every symbolic link under docs/, data/ or overrides/ of the project at `root`."""
    return [
        Problem(path.relative_to(root).as_posix(), None, "a symbolic link; replace it with the file itself")
        for folder in CHECKED_FOLDERS
        if (root / folder).is_dir()
        for path in sorted((root / folder).rglob("*"))
        if path.is_symlink()
    ]


def check_symlinks(config: MkDocsConfig) -> None:
    fail(symlink_problems(Path(config.config_file_path).parent), SYMLINKS_HEADING)


SYMLINKS_HEADING = (
    "Symbolic links are not allowed in the site's sources (a link can publish any file of the build machine)"
)


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def policy_for(theme_html: str) -> str:
    """The policy for a page whose theme (not its content) holds these inline scripts, allowed by hash.

    JSON data blocks (type="application/json") are not scripts and need no hash.
    """
    hashes = sorted(
        {
            _hash(m.group("body"))
            for m in _INLINE_SCRIPT.finditer(theme_html)
            if "src=" not in m.group("attrs") and not _NOT_JS.search(m.group("attrs"))
        }
    )
    return POLICY.format(hashes="".join(" " + h for h in hashes))


def with_policy(html: str, content: str = "") -> str:
    """The page with its Content-Security-Policy meta tag right after <meta charset>, before any script.

    `content` is the HTML converted from the page's Markdown, as it stands in `html`: its scripts are
    not the theme's, so they get no hash and do not run.
    """
    html = _OLD_POLICY.sub("", html)
    theme = html.replace(content, "") if content else html
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(theme)}">'
    html, found = _CHARSET.subn(lambda m: m.group(0) + tag, html, count=1)
    return html if found else html.replace("<head>", "<head>" + tag, 1)
