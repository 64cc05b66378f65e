"""Segment's ``@liquid``: a liquidjs-compatible engine for the subset Segment enables.

>>> render("{{ traits.name | upcase }}!", {"traits": {"name": "ann"}})
'ANN!'
>>> reads("{% assign n = traits.name %}{{ n }}{{ properties['limit'] }}")
[['traits', 'name'], ['properties', 'limit']]

Behaves as liquidjs 10 inside ``@segment/actions-core``: JavaScript values and conversions,
liquidjs's filter set with Segment's disabled filters and tags, its error messages with
``line:L, col:C``, templates of at most 1,000 characters, a render time and memory limit,
dates in UTC. Modules: ``_lexer`` (tokens), ``_scanner`` (expressions), ``_parser`` (tags),
``_context``/``_nodes`` (evaluation), ``_filters*``/``_date`` (filters), ``_analysis``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ._analysis import global_segments
from ._context import Context
from ._errors import FilterError, LiquidFailure
from ._filters import DISABLED_FILTERS, FILTERS
from ._lexer import tokenize
from ._nodes import Node, render_nodes
from ._parser import DISABLED_TAGS, parse_tokens
from ._values import u16_len

__all__ = ["DISABLED_FILTERS", "DISABLED_TAGS", "MAX_TEMPLATE_LENGTH", "LiquidFailure", "reads",
           "render"]  # fmt: skip

MAX_TEMPLATE_LENGTH = 1000


@lru_cache(maxsize=1024)
def _parse(template: str) -> tuple[Node, ...]:
    return tuple(parse_tokens(template, tokenize(template)))


def _checked(template: str) -> tuple[Node, ...]:
    if u16_len(template) > MAX_TEMPLATE_LENGTH:
        raise LiquidFailure("liquid template values are limited to 1000 characters")
    return _parse(template)


def render(template: str, data: Any) -> str:
    """``template`` rendered against ``data`` (the event), or :class:`LiquidFailure`."""
    if template == "":
        return ""
    nodes = _checked(template)
    ctx = Context(data if isinstance(data, dict) else {}, FILTERS, template)
    out: list[str] = []
    try:
        render_nodes(list(nodes), ctx, out)
    except FilterError as err:  # a limit reached between top-level nodes: no position
        raise LiquidFailure(str(err)) from None
    return "".join(out)


def reads(template: str) -> list[list[Any]]:
    """Global variables ``template`` reads (segment lists); :class:`LiquidFailure` if invalid."""
    return global_segments(list(_checked(template)))
