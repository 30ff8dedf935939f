"""The static HTML page behind a short link: it sends the reader on to the page it stands for.

No server rules are needed (GitHub Pages has none): a meta refresh moves browsers on at once,
the canonical link tells search engines where the content lives, `noindex` keeps the redirect
itself out of results, and a visible link serves readers whose browser does not follow it.
"""

from __future__ import annotations

from macros.render.html import esc, esc_attr


def redirect_page(*, lang: str, target: str, canonical: str, title: str, heading: str, text: str) -> str:
    """The redirect page; `title`, `heading` and `text` are plain text, `target` a relative URL."""
    return (
        "<!doctype html>\n"
        f'<html lang="{esc_attr(lang)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>{esc(title)}</title>\n"
        '<meta name="robots" content="noindex">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="refresh" content="0; url={esc_attr(target)}">\n'
        f'<link rel="canonical" href="{esc_attr(canonical)}">\n'
        "</head>\n"
        "<body>\n"
        f"<h1>{esc(heading)}</h1>\n"
        f'<p><a href="{esc_attr(target)}">{esc(text)}</a></p>\n'
        "</body>\n"
        "</html>\n"
    )
