"""What a renderer knows about the page it renders for: passed in explicitly, never read from globals."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from macros.core.docs_tree import DocsTree
from macros.core.languages import prefix
from macros.core.pages import page_url, relative_link


class MissingPage(ValueError):
    """A macro links to a page that does not exist in the page's language: the build must stop."""


@dataclass(frozen=True)
class PageContext:
    """The page being rendered: its language, where it sits in the site, how the site is laid out.

    `location` is the page's own URL in the site (e.g. 'zh/plans/buyers/', or 'zh/plans/buyers.html'
    without directory URLs); links are written relative to it, so they work from file:// too.
    """

    lang: str
    location: str
    docs_dir: Path
    directory_urls: bool = True
    site_url: str = ""
    src_path: str = ""  # the page's path in docs/<lang>/, for error messages
    generated: frozenset[str] = frozenset()  # pages generated at build time (record pages), not in docs/

    @property
    def docs(self) -> DocsTree:
        """docs/, for what a renderer needs to know of other pages (their titles, whether they exist)."""
        return DocsTree(self.docs_dir)

    def link(self, path: str, anchor: str | None = None) -> str:
        """The URL of a docs page (path in docs/<lang>/) from this page; the page must exist."""
        if path not in self.generated and not self.docs.has(self.lang, path):
            raise MissingPage(
                f"docs/{self.lang}/{self.src_path}: a macro links to {path}, which does not exist in docs/{self.lang}/"
            )
        url = self.site_link(prefix(self.lang) + page_url(path, self.directory_urls))
        return url + (f"#{anchor}" if anchor else "")

    def site_link(self, target: str) -> str:
        """The URL of any file or folder of the built site (path from the site root) from this page."""
        return relative_link(self.location, target)

    def lang_root(self) -> str:
        """This language's root, from this page, ending in '/' ('' when the page is there)."""
        return _folder(self.site_link(prefix(self.lang) or "./"))

    def site_root(self) -> str:
        """The site's root (where data downloads live), from this page, ending in '/'."""
        return _folder(self.site_link("./"))

    def public_url(self, path: str) -> str:
        """The address printed for readers (QR codes, handouts): site_url + the language's path."""
        base = self.site_url.rstrip("/") + "/" if self.site_url else "/"
        return base + prefix(self.lang) + path


def _folder(url: str) -> str:
    return "" if url in ("./", "") else url
