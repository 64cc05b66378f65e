"""What the simulated page looks like before analytics.js loads the Jimo destination."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["PageSetup"]


@dataclass(frozen=True, slots=True)
class PageSetup:
    """The page around the destination.

    ``defines_jimo``: the page installed Jimo's own snippet (``window.jimo`` exists before
    analytics.js), so the destination sets nothing up and every action throws.
    ``jimo_init_available``: the SDK script defines ``window.jimoInit`` (it normally does once it
    has loaded); without it manual initialisation never happens.
    """

    defines_jimo: bool = False
    jimo_init_available: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"definesJimo": self.defines_jimo, "jimoInitAvailable": self.jimo_init_available}

    @property
    def is_default(self) -> bool:
        return self == PageSetup()
