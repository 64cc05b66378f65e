"""Loading of the recorded actions-core reference cases for payload checks."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "data" / "mapping"


def load_cases(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        cases: list[dict[str, Any]] = json.load(fh)
    return cases


def as_json(value: Any) -> Any:
    """The value as JSON shows it (non-finite numbers become null), for comparisons."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    return value
