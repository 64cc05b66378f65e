"""Shared loading of the recorded actions-core reference cases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "data" / "mapping"


def load_cases(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        cases: list[dict[str, Any]] = json.load(fh)
    return cases
