"""Terminal views: the only package that imports Rich, and only inside the functions that draw.

base.py holds what every view is drawn with; claims.py the claim views; pages.py the others.
"""

from cstofacts.output.layout import year_groups
from cstofacts.output.views.base import draw, line_spans, make_console
from cstofacts.output.views.claims import claim_details, claims_table
from cstofacts.output.views.pages import paragraphs_view, source_view, stats_chart, timeline

__all__ = [
    "claim_details",
    "claims_table",
    "draw",
    "line_spans",
    "make_console",
    "paragraphs_view",
    "source_view",
    "stats_chart",
    "timeline",
    "year_groups",
]
