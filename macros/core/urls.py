"""Addresses in data and pages: what a link may lead to, and that its text does not name another host.

Why: `https://www.gov.cn@evil.example/` reads as the government's site and leads to evil.example
(the part before @ is a user name); `//evil.example/` and `javascript:` are not web addresses;
a control character or a backslash is read differently by browsers and by Python. So a URL in
data is http(s), with a plain host name and no user name, password, space, backslash or control
character; and a link whose text names a host (`[www.gov.cn](…)`, a source titled with its site)
must lead to that host.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from macros.core.diagnostics import Problem
from macros.core.limits import MAX_URL_CHARS
from macros.core.messages import say

_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f\\\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]")
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})")
# A host name written in text (www.gov.cn, https://npc.gov.cn/…): starts after a character that
# cannot be part of one, so each run of text is read once.
_NAMED_HOST = re.compile(r"(?<![\w.@/-])(?:https?://)?((?:[a-z0-9-]{1,63}\.)+[a-z]{2,63})(?![\w-])", re.IGNORECASE)


def url_problem(url: str) -> str | None:
    """What is wrong with a URL from data (None when it is a plain http(s) address)."""
    if len(url) > MAX_URL_CHARS:
        return say("url.too_long", length=f"{len(url):,}", limit=f"{MAX_URL_CHARS:,}")
    bad = _UNSAFE.search(url)
    if bad:
        return say("url.unsafe", found=repr(bad.group(0)), code=f"{ord(bad.group(0)):04X}")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not url.startswith(f"{parts.scheme}://"):
        return say("url.scheme")
    if "@" in parts.netloc:
        return say("url.user")
    try:
        port = parts.port
    except ValueError:
        port = -1
    host = parts.hostname or ""
    plain = len(host) <= 253 and _HOST.fullmatch(host) and parts.netloc.lower() in (host, f"{host}:{port}")
    if port == -1 or not plain:
        return say("url.host", host=parts.netloc[:60])
    return None


def named_hosts(text: str) -> list[str]:
    """The host names a link text shows (lower case)."""
    return [m.group(1).lower() for m in _NAMED_HOST.finditer(text)]


def host_mismatch(text: str, url: str) -> str | None:
    """The host a link's text names when the link leads to another host (None when it does not)."""
    target = (urlsplit(url).hostname or "").lower()
    for named in named_hosts(text):
        if named != target and not target.endswith("." + named):  # gov.cn names www.gov.cn's domain
            return named
    return None


# A Markdown link to a web address: [text](https://…). The text is at most a few hundred characters
# and holds no bracket or line break, so each '[' is read a bounded distance (linear).
_MD_LINK = re.compile(r"\[([^\[\]\n]{1,500})\]\(\s*<?(https?://[^)\s>]+)", re.IGNORECASE)


def check_page(text: str, file: str) -> Iterator[Problem]:
    """Every link in one page whose text names a host other than the one it leads to, at its line."""
    for match in _MD_LINK.finditer(text):
        named = host_mismatch(match.group(1), match.group(2))
        if named:
            line = text.count("\n", 0, match.start()) + 1
            yield Problem(
                file, line, say("url.link_host", named=named, host=urlsplit(match.group(2)).hostname or "?")
            )


def check_docs(docs_dir: Path) -> list[Problem]:
    """Every misleading link in every page under docs_dir, named docs/<lang>/<page>.md."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        name = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
        problems += check_page(path.read_text(encoding="utf-8", errors="replace"), name)
    return problems


# The links of a page's rendered, sanitised body (ammonia writes every attribute double-quoted and
# allows no nested <a>), read after Markdown: reference links ([text][id]), link texts over several
# lines or with brackets, entity-encoded addresses and full-width dots are all resolved by then.
_RENDERED_LINK = re.compile(r'<a\s[^>]*?\bhref="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_ALT = re.compile(r'<img\s[^>]*?\balt="([^"]*)"[^>]*>')  # a picture's text is the link's text
# A number as a link text shows it (12333, 0755-8888 1234, +86 755 8888 1234): five digits or more.
_PHONE = re.compile(r"\+?\d[\d-]{0,20}(?: \d[\d-]{0,20}){0,4}")


def rendered_link_problem(href: str, text: str) -> str | None:
    """Why a link of a rendered page misleads (None when it leads where it says): an address that a
    browser reads as another site's (//host, /\\host, http:host), a user name before the host, or a
    text that names another host than the one it leads to (mailto: included)."""
    url = re.sub(r"[\t\n\r]", "", href)  # browsers drop these from an address
    if "\\" in url or url.startswith("//"):
        return say("url.other_site")
    scheme = _SCHEME.match(url)
    if scheme and scheme.group(1).lower() in ("http", "https"):
        problem = url_problem(url)
        if problem:
            return problem
        target = url
    elif scheme and scheme.group(1).lower() == "mailto":
        target = "mailto://" + url.split(":", 1)[1].split("?", 1)[0].rsplit("@", 1)[-1]
    elif scheme and scheme.group(1).lower() == "tel":
        return _number_mismatch(unicodedata.normalize("NFKC", text), url)
    else:
        return None  # a link within the site
    named = host_mismatch(unicodedata.normalize("NFKC", text), target)
    if named:
        return say("url.link_host", named=named, host=urlsplit(target).hostname or "?")
    return None


def _number_mismatch(text: str, url: str) -> str | None:
    """The number a tel: link's text shows when the link dials another (a leading 0 may become a country code)."""
    dialled = re.sub(r"\D", "", url)
    for shown in _PHONE.findall(text):
        digits = re.sub(r"\D", "", shown)
        if len(digits) >= 5 and not dialled.endswith(digits.lstrip("0") or digits):
            return say("url.tel_number", shown=shown, dialled=url.split(":", 1)[1])
    return None


def rendered_link_problems(body: str) -> list[tuple[str, str]]:
    """(message, href as written in the page) for every misleading link of a rendered page body."""
    found = []
    for match in _RENDERED_LINK.finditer(body):
        href = html.unescape(match.group(1))
        problem = rendered_link_problem(href, html.unescape(_TAG.sub("", _ALT.sub(r" \1 ", match.group(2)))))
        if problem:
            found.append((problem, href))
    return found
