"""Payload validation from action field definitions, as Segment's cloud runtime does it.

- :func:`fields_to_schema` — actions-core ``fieldsToJsonSchema``.
- :func:`default_values` — actions-core ``defaultValues`` (what presets use as mappings).
- :func:`remove_empty_values` — actions-core ``removeEmptyValues``.
- :func:`check_payload` — empty-value removal, Ajv-style coercion, unknown-key removal and
  Segment's error sentences, as a :class:`PayloadCheck`.
"""

from ._check import PayloadCheck, check_payload
from ._empty import remove_empty_values
from ._fields import default_values, fields_to_schema

__all__ = [
    "PayloadCheck",
    "check_payload",
    "default_values",
    "fields_to_schema",
    "remove_empty_values",
]
