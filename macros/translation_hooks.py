"""MkDocs hook: flag a Chinese page whose English page changed since it was translated.

The theme (overrides/partials/translation-notice.html) shows the notice with a link to the
current English page; the text comes from data/i18n/<lang>.yml. Hooks are loaded by file
path, so the project root is put on sys.path before importing macros.*.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.load import load_cached
from macros.pages import page_url
from macros.translations import page_state

SOURCE_LANG = "en"


def on_page_markdown(markdown, page, config, files):
    """Set page.meta.translation_notice on an outdated translation (text, link text, English URL)."""
    lang = getattr(page.file, "locale", None) or page.file.src_uri.split("/")[0]
    prefix = f"{lang}/"
    if lang == SOURCE_LANG or not page.file.src_uri.startswith(prefix):
        return markdown
    docs = Path(config["docs_dir"])
    path = page.file.src_uri[len(prefix):]
    if not (docs / SOURCE_LANG / path).is_file() or page_state(docs, path).state != "outdated":
        return markdown
    strings = load_cached(docs.parent / "data").strings[lang]
    page.meta["translation_notice"] = {
        "text": strings["translation.outdated"],
        "link": strings["translation.read_current"],
        "url": page_url(path, config["use_directory_urls"]),  # the English site is at the root
        "hreflang": SOURCE_LANG,
    }
    return markdown
