"""attr_list, limited to the attributes pages may set: Markdown's own parser decides, not a regex.

`[Official text](https://www.gov.cn/){ x href="https://evil.example/" }` replaces a link's target with
a valid https URL, which no HTML sanitiser can tell from a link the page wrote. So the attr_list
extension named in mkdocs.yml is replaced (same registry name and priority) by one whose every
`{ … }` may set only ids, classes and raw_html.ATTRIBUTES. Any other attribute is kept aside under
`attr-list-<name>`, which the sanitiser (macros/core/sanitize.py) allows nowhere: the build fails
naming the page and line, and the element keeps what Markdown gave it.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListTreeprocessor

from macros.core.raw_html import ATTRIBUTES
from macros.core.sanitize import REFUSED_ATTR_LIST

_ALLOWED = ATTRIBUTES | {"id", "class"}
_UNSET = object()


class _GuardedTreeprocessor(AttrListTreeprocessor):  # type: ignore[misc]  # untyped, as above
    def assign_attrs(self, elem: Element, attrs_string: str, *, strict: bool = False) -> str:
        before = dict(elem.attrib)
        remainder = str(super().assign_attrs(elem, attrs_string, strict=strict))
        for name, value in list(elem.attrib.items()):
            if name in _ALLOWED or before.get(name, _UNSET) == value:
                continue
            if name in before:  # what Markdown gave the element stays (e.g. a link's href)
                elem.set(name, before[name])
            else:
                del elem.attrib[name]
            elem.set(REFUSED_ATTR_LIST + name.lower(), value if value is not None else "")
        return remainder


class AttrListGuard(Extension):  # type: ignore[misc]  # Python-Markdown is untyped here
    """Replaces attr_list's tree processor (register it after attr_list)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_GuardedTreeprocessor(md), "attr_list", 8)


def install(config: Any) -> None:
    """Add the guard after attr_list in the site's Markdown extensions (mkdocs.yml names attr_list)."""
    if "attr_list" in config.markdown_extensions and not any(
        isinstance(e, AttrListGuard) for e in config.markdown_extensions
    ):
        config.markdown_extensions.append(AttrListGuard())
