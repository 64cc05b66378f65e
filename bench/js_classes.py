"""Agreement with Segment's packages per JavaScript-semantics class (tests/data/js_classes).

    uv run python bench/js_classes.py [--engine DIR] [--show N]

``--engine DIR`` measures another checkout's ``inspector`` package (an older commit exported with
``git archive``) against the same recorded cases.
"""

from __future__ import annotations

import os
import sys

_BENCH = os.path.dirname(os.path.abspath(__file__))
if sys.path and os.path.abspath(sys.path[0]) == _BENCH:
    del sys.path[0]  # bench/inspect.py would shadow the standard library's inspect
sys.path.insert(0, os.path.dirname(_BENCH))

import argparse  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", help="directory holding the inspector package to measure")
    parser.add_argument("--show", type=int, default=0, help="print N disagreements per class")
    parser.add_argument("--only", type=int, nargs="*", help="class numbers")
    args = parser.parse_args()
    if args.engine:
        sys.path.insert(0, os.path.abspath(args.engine))
    from tests.core.mapping.js_classes import CLASSES, cases, disagreement

    total = agreed = 0
    for number in args.only or CLASSES:
        found = [(c, disagreement(c)) for c in cases(number)]
        bad = [(c, d) for c, d in found if d is not None]
        total += len(found)
        agreed += len(found) - len(bad)
        share = 100 * (len(found) - len(bad)) / len(found)
        ok = len(found) - len(bad)
        print(f"class {number:>2}: {ok:>4} / {len(found):<4} agree ({share:5.1f} %)")
        for case, why in bad[: args.show]:
            what = case.get("trigger") or case.get("mapping_text")
            given = case.get("event_text") or repr(case.get("text"))
            print(f"    {case['kind']} {what} | {given[:90]}\n      {why[:300]}")
    print(f"all     : {agreed:>4} / {total:<4} agree ({100 * agreed / max(total, 1):5.1f} %)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
