"""The security boundary for page bodies: the rendered HTML of every page, sanitised by allow-list.

The source checks (raw_html.py and the others) read Markdown with regexes, and Markdown, Python's
HTML parser and browsers each parse differently; so the HTML that Markdown and the macros produce is
parsed again here as a browser parses it (nh3, the bindings of the Rust sanitiser ammonia, built on
html5ever) and re-written with only the elements, attributes and URL schemes listed below.

A page that needs cleaning is refused, not cleaned: `check` sanitises the body twice with the same
parser and serialiser, once with these allow-lists and once allowing every name the body could
contain (every word of it, every scheme-like prefix, every attribute) with nothing removed. Both
outputs are normalised the same way (html5ever's tree, ammonia's serialisation), so they are equal
exactly when the allow-lists removed nothing; then the strict output is the page's body. When they
differ, the permissive pass's record of elements, attributes and URLs names what would be removed.

Why these lists: they are what the site renders today (Markdown with attr_list, md_in_html,
admonition, tables and toc; the macros' tables, forms, details and inline SVG charts), nothing that
runs, loads, styles or redirects. data-* attributes are allowed on any element: browsers never act on
them, and the site's scripts read them as text (the worksheet's formulas through its own expression
parser, never eval or innerHTML); Material's own hooks (data-md-*) are refused. Ids may not start with
"__" (Material's ids, e.g. __config, which a page must not shadow). Pictures load from the site only.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import nh3

from macros.core.messages import say

_GENERIC = frozenset(
    {
        "class",
        "id",
        "title",
        "lang",
        "hidden",
        "role",
        "aria-label",
        "aria-labelledby",
        "aria-describedby",
        "aria-live",
        "aria-hidden",
    }
)
_SVG_SHAPE = frozenset(
    {
        "class",
        "d",
        "x",
        "y",
        "width",
        "height",
        "rx",
        "cx",
        "cy",
        "r",
        "fill",
        "fill-opacity",
        "stroke-width",
        "marker-end",
        "font-size",
        "text-anchor",
        "dy",
    }
)
# Element -> the attributes it may carry besides _GENERIC.
ATTRIBUTES: dict[str, frozenset[str]] = {
    # Markdown (with the extensions in mkdocs.yml) and the macros' text
    **{
        tag: frozenset()
        for tag in (
            "p",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "em",
            "strong",
            "b",
            "i",
            "code",
            "pre",
            "blockquote",
            "ul",
            "ol",
            "li",
            "hr",
            "br",
            "sup",
            "sub",
            "span",
            "div",
            "dl",
            "dt",
            "dd",
            "figure",
            "figcaption",
            "article",
            "section",
            "summary",
            "abbr",
            "kbd",
            "mark",
            "del",
            "ins",
            "small",
            "caption",
            "table",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "legend",
            "fieldset",
        )
    },
    "a": frozenset({"href", "download", "tabindex"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "th": frozenset({"align", "scope", "colspan", "rowspan"}),
    "td": frozenset({"align", "colspan", "rowspan"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
    "div": frozenset({"tabindex"}),
    # the worksheet and the checklist (their scripts are chosen in code, macros/plugin/page_scripts.py)
    "form": frozenset({"novalidate"}),
    "input": frozenset({"type", "name", "value", "accept", "autocomplete", "inputmode", "maxlength", "tabindex"}),
    "label": frozenset({"for"}),
    "output": frozenset({"name", "for"}),
    "select": frozenset({"name"}),
    "option": frozenset({"value"}),
    "button": frozenset({"type"}),
    # the charts' inline SVG (macros/render/svg.py): shapes, text and presentation attributes only
    "svg": frozenset({"xmlns", "viewBox", "width", "height"}),
    "g": _SVG_SHAPE,
    "path": _SVG_SHAPE,
    "rect": _SVG_SHAPE,
    "circle": _SVG_SHAPE,
    "text": _SVG_SHAPE,
    "tspan": _SVG_SHAPE,
    "title": frozenset(),
    "desc": frozenset(),
    "defs": frozenset(),
    "marker": frozenset({"viewBox", "refX", "refY", "markerWidth", "markerHeight", "orient"}),
    "pattern": frozenset({"width", "height", "patternTransform", "patternUnits"}),
}
TAGS = frozenset(ATTRIBUTES)
SVG_TAGS = frozenset(
    {"svg", "g", "path", "rect", "circle", "text", "tspan", "title", "desc", "defs", "marker", "pattern"}
)
# Attributes a page's attr_list ({ … }) may not set are renamed with this prefix, which is allowed nowhere
# (macros/plugin/attr_list_guard.py): they are reported here with their own name.
REFUSED_ATTR_LIST = "attr-list-"
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})  # and relative URLs
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "cite",
        "data",
        "poster",
        "background",
        "xlink:href",
        "srcset",
        "ping",
        "longdesc",
        "codebase",
    }
)
# The SVG names html5ever writes in camelCase, whatever case the page used (so the permissive pass keeps them).
_SVG_CAMEL = frozenset(
    {
        "altGlyph",
        "altGlyphDef",
        "altGlyphItem",
        "animateColor",
        "animateMotion",
        "animateTransform",
        "clipPath",
        "feBlend",
        "feColorMatrix",
        "feComponentTransfer",
        "feComposite",
        "feConvolveMatrix",
        "feDiffuseLighting",
        "feDisplacementMap",
        "feDistantLight",
        "feDropShadow",
        "feFlood",
        "feFuncA",
        "feFuncB",
        "feFuncG",
        "feFuncR",
        "feGaussianBlur",
        "feImage",
        "feMerge",
        "feMergeNode",
        "feMorphology",
        "feOffset",
        "fePointLight",
        "feSpecularLighting",
        "feSpotLight",
        "feTile",
        "feTurbulence",
        "foreignObject",
        "glyphRef",
        "linearGradient",
        "radialGradient",
        "textPath",
    }
)
_WORD = re.compile(r"[^\s\"'<>/=`]+")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_TAG = re.compile(r"<([a-zA-Z][^\s/>]*)")
_CSS_URL = re.compile(r"url\s*\(\s*(?!['\"]?#)", re.IGNORECASE)


@dataclass
class Result:
    """The sanitised body, and what the allow-lists would remove from the page (empty: nothing)."""

    html: str
    removed: list[Removal] = field(default_factory=list)


@dataclass(frozen=True)
class Removal:
    """One thing the sanitiser removes: a message, and patterns that find it in the page's source
    (the most precise first)."""

    message: str
    needles: tuple[str, ...]
    everywhere: bool = False  # True: every place the needle is found is one (an element allowed nowhere)


def _refused_value(tag: str, name: str, value: str) -> str | None:
    """Why an allowed attribute's value is refused, as a message key (None: it is fine)."""
    if name == "id" and value.startswith("__"):
        return "sanitize.theme_id"
    if name.startswith("data-md-"):
        return "sanitize.theme_hook"
    if tag == "img" and name == "src" and (_SCHEME.match(value.strip()) or value.strip().startswith("//")):
        return "sanitize.remote_picture"
    if tag in SVG_TAGS and _CSS_URL.search(value):  # fill="url(…)", marker-end="url(…)": this page's own only
        return "sanitize.css_url"
    return None


def _strict_filter(tag: str, name: str, value: str) -> str | None:
    return None if _refused_value(tag, name, value) else value


def _strict(text: str) -> str:
    return nh3.clean(
        text,
        tags=set(TAGS),
        clean_content_tags={"script", "style"},
        attributes={"*": set(_GENERIC), **{tag: set(names) for tag, names in ATTRIBUTES.items()}},
        attribute_filter=_strict_filter,
        strip_comments=True,
        link_rel=None,
        generic_attribute_prefixes={"data-"},
        url_schemes=set(URL_SCHEMES),
    )


def _permissive(text: str, seen: Callable[[str, str, str], str | None]) -> str:
    words = set(_WORD.findall(text))
    words |= {w.lower() for w in words} | TAGS | _SVG_CAMEL
    decoded = re.sub(r"[\t\n\r]", "", html_lib.unescape(text))  # as the URL parser reads an attribute's value
    schemes = {m.lower() for m in _SCHEME.findall(decoded)} | set(URL_SCHEMES)
    return nh3.clean(
        text,
        tags=words | {"script", "style"},
        clean_content_tags=set(),
        attributes={},
        attribute_filter=seen,
        strip_comments=True,
        link_rel=None,
        generic_attribute_prefixes={""},  # every attribute
        url_schemes=schemes,
    )


def _allowed(tag: str, name: str) -> bool:
    return name in _GENERIC or name.startswith("data-") or name in ATTRIBUTES.get(tag, ())


def _scheme_refused(name: str, value: str) -> str | None:
    if name not in URL_ATTRIBUTES:
        return None
    match = _SCHEME.match(re.sub(r"[\x00-\x20]", "", value))
    return match.group(1).lower() if match and match.group(1).lower() not in URL_SCHEMES else None


def check(text: str) -> Result:
    """The body sanitised by the allow-lists, with everything they removed (see the module's docstring)."""
    attributes: list[tuple[str, str, str]] = []

    def seen(tag: str, name: str, value: str) -> str:
        attributes.append((tag, name, value))
        return value

    strict, permissive = _strict(text), _permissive(text, seen)
    if strict == permissive:
        return Result(strict)
    allowed_tags = {t.lower() for t in TAGS}
    removed = [
        Removal(say("sanitize.element", tag=tag), _element(tag), everywhere=True)
        for tag in dict.fromkeys(t.lower() for t in _TAG.findall(permissive))
        if tag not in allowed_tags
    ]
    for tag, name, value in attributes:
        if tag.lower() not in TAGS:
            continue  # reported with its element
        if name.startswith(REFUSED_ATTR_LIST):
            real = name.removeprefix(REFUSED_ATTR_LIST)
            removed.append(
                Removal(
                    say("sanitize.attr_list", name=real, tag=tag),
                    _attribute(real, value),
                )
            )
        elif not _allowed(tag, name):
            removed.append(
                Removal(say("sanitize.attribute", name=name, tag=tag), _attribute(name, value))
            )
        elif scheme := _scheme_refused(name, value):
            removed.append(
                Removal(
                    say("sanitize.scheme", name=name, tag=tag, scheme=scheme, allowed=", ".join(sorted(URL_SCHEMES))),
                    _attribute(name, value),
                )
            )
        elif why := _refused_value(tag, name, value):
            removed.append(Removal(say("sanitize.refused", name=name, tag=tag, why=say(why)), _attribute(name, value)))
    if not removed:
        at = next(
            (i for i, (a, b) in enumerate(zip(strict, permissive, strict=False)) if a != b),
            min(len(strict), len(permissive)),
        )
        snippet = permissive[max(0, at - 30) : at + 50]
        removed.append(Removal(say("sanitize.changes", snippet=repr(snippet)), ()))
    return Result(strict, list(dict.fromkeys(removed)))


def _element(tag: str) -> tuple[str, ...]:
    return (rf"<{re.escape(tag)}(?![\w:-])",)


def _attribute(name: str, value: str) -> tuple[str, ...]:
    """An attribute written in a tag (name=…) or an attr_list ({ … name … }): with its value's start, then alone."""
    name_ = re.escape(name)
    with_value = [rf"(?<![\w:-]){name_}\s*=\s*[\"']?{re.escape(value[:12])}"] if value else []
    return (*with_value, rf"<[a-zA-Z][^<>\n]*\s{name_}(?=[\s=/>])|\{{[^{{}}\n]*[\s:]{name_}(?=[\s=}}])")


def lines_of(source: str, removal: Removal) -> list[int | None]:
    """The lines of `source` (with code, comments and macro calls blanked: raw_html.visible_source) that
    hold what `removal` names: every line its pattern finds for an element allowed nowhere; otherwise the
    line of the first pattern that finds anything, if all it finds is on one line. [None]: not known
    (a macro wrote it, or the page has the attribute on several lines)."""
    for pattern in removal.needles:
        lines = sorted({source.count("\n", 0, m.start()) + 1 for m in re.finditer(pattern, source, re.IGNORECASE)})
        if lines:
            return list(lines) if removal.everywhere or len(lines) == 1 else [None]
    return [None]
