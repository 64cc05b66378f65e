"""Agreement of ``@liquid`` rendering with the recorded liquidjs answers, per template class.

Renders every recorded template through the mapping engine (``{"v": {"@liquid": template}}``
against the recorded event) and prints, per class, how many outputs or error messages match.

    uv run python tools/conformance/liquid/agreement.py [--show CLASS] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path
from typing import Any

from inspector.core.mapping import MappingError, resolve

DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "liquid"


def answer(template: str, event: dict[str, Any]) -> tuple[str, str]:
    """("out", text) or ("error", message) for one template, as the mapping engine renders it."""
    try:
        result = resolve({"v": {"@liquid": template}}, json.loads(json.dumps(event)))
    except MappingError as err:
        return "error", err.message
    except Exception as err:  # noqa: BLE001 - a crash is a disagreement, counted as such
        return "crash", f"{type(err).__name__}: {err}"
    return "out", str((result.payload or {}).get("v"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="print disagreements of this class")
    parser.add_argument("--limit", type=int, default=40)
    args = parser.parse_args(argv)
    event = json.loads((DATA / "event.json").read_text(encoding="utf-8"))
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("slow")))
    total_ok = total = 0
    for path in sorted(DATA.glob("*.json")):
        if path.stem == "event":
            continue
        cases = json.loads(path.read_text(encoding="utf-8"))
        ok = 0
        shown = 0
        for case in cases:
            expected = ("error", case["error"]) if "error" in case else ("out", case["out"])
            signal.alarm(2)
            try:
                got = answer(case["t"], event)
            except TimeoutError:
                got = ("crash", "timeout")
            signal.alarm(0)
            if got == expected:
                ok += 1
            elif args.show == path.stem and shown < args.limit:
                shown += 1
                print(f"  {case['t']!r}\n    want {expected}\n    got  {got}")
        total_ok += ok
        total += len(cases)
        print(f"{path.stem:12} {ok:6}/{len(cases):<6} {100 * ok / len(cases):5.1f}%")
    print(f"{'all':12} {total_ok:6}/{total:<6} {100 * total_ok / total:5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
