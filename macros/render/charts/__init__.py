"""The site's pictures, drawn at build time from data/ (no script, no third-party host).

Each macro returns a <figure>: an inline SVG (role="img", <title> and <desc> in the page's
language), a caption citing the sources the picture is drawn from, and the same figures as a
table in a <details> element, for screen readers and print. Wide pictures scroll inside their own
keyboard-focusable region on phones. Every label comes from the `chart.*` label tables; geometry
comes from macros/render/svg.py.
"""

from __future__ import annotations

from macros.render.charts.answers import checklist_chart
from macros.render.charts.dated import minimum_wage_chart, timeline_chart
from macros.render.charts.graphs import root_cause_graph, stakeholder_map
from macros.render.charts.matrix import recommendation_matrix

__all__ = [
    "checklist_chart",
    "minimum_wage_chart",
    "recommendation_matrix",
    "root_cause_graph",
    "stakeholder_map",
    "timeline_chart",
]
