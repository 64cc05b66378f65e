"""Segment's mapping language (actions-core ``mapping-kit``): resolution, validation, provenance.

>>> r = resolve({"userId": {"@path": "$.userId"}}, {"userId": "u1"})
>>> r.payload, r.provenance["userId"]
({'userId': 'u1'}, (Origin(event_path='userId', directive='@path'),))

Public API:

- :func:`resolve` — ``transform(mapping, event)``: payload (undefined removed, null kept, JS key
  order) plus provenance; raises :class:`MappingError` with Segment's run-time messages.
- :func:`compile_plan` — a plan giving ``resolve``'s payload fast, for mappings made of
  ``@path``, nested objects and literals (None for others).
- :func:`validate_mapping` — Segment's static ``validate``: a list of :class:`MappingIssue`.
"""

from ._plan import LazyProvenance, PathPlan, compile_plan
from ._resolve import resolve
from ._types import MappingError, MappingIssue, Origin, Resolution
from ._validate import validate_mapping

__all__ = [
    "MappingError",
    "MappingIssue",
    "LazyProvenance",
    "Origin",
    "PathPlan",
    "Resolution",
    "compile_plan",
    "resolve",
    "validate_mapping",
]
