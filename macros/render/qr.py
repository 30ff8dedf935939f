"""QR codes as SVG, made at build time with segno: scanned from printed handouts and slides.

SVG keeps them sharp at any print size and tiny on disk; the light modules are painted white so
the code still scans on a dark page or a dark-mode screen.
"""

from __future__ import annotations

import functools
import html
import io

import segno


@functools.lru_cache(maxsize=4096)  # the same picture at every rebuild of `mkdocs serve`: made once
def qr_svg(url: str, label: str) -> str:
    """A standalone SVG of the QR code for `url`, with `label` as its accessible name."""
    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(
        buffer,
        kind="svg",
        scale=4,
        border=4,
        dark="#000",
        light="#fff",
        title=label,
        nl=False,
        svgclass="kb-qr-svg",
        lineclass=None,
    )
    svg = buffer.getvalue().decode("utf-8")
    # segno writes <title>; role and aria-label make it a named image for assistive technology.
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label, quote=True)}" ', 1)
