"""Addresses in data and pages: what a link may lead to, and that its text does not name another host.

Why: `https://www.gov.cn@evil.example/` reads as the government's site and leads to evil.example
(the part before @ is a user name); `//evil.example/` and `javascript:` are not web addresses;
a control character or a backslash is read differently by browsers and by Python. So a URL in
data is http(s), with a plain host name and no user name, password, space, backslash or control
character; and a link whose text names a host (`[www.gov.cn](…)`, a source titled with its site)
must lead to that host.
"""

from __future__ import annotations

import re
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
