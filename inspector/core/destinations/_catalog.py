"""The known destinations, by slug."""

from __future__ import annotations

from inspector.core.destinations._jimo import JIMO
from inspector.core.destinations._jimo_cloud import JIMO_CLOUD
from inspector.core.destinations._model import DestinationDef
from inspector.core.errors import ConfigError

__all__ = ["DESTINATIONS", "get_destination"]

DESTINATIONS: dict[str, DestinationDef] = {d.slug: d for d in (JIMO, JIMO_CLOUD)}


def get_destination(slug: str) -> DestinationDef:
    """The destination with this slug.

    Raises:
        ConfigError: for an unknown slug (path ``destination``).
    """
    try:
        return DESTINATIONS[slug]
    except (KeyError, TypeError):
        known = ", ".join(f'"{s}"' for s in DESTINATIONS)
        raise ConfigError(
            f"unknown destination {slug!r}; expected one of {known}", "destination"
        ) from None
