"""Evaluating a session: the one public API over the inspection engine.

- :func:`inspect` streams one :class:`~inspector.core.inspection.EventInspection` per event and
  keeps nothing (the ``inspect`` command);
- :func:`evaluate` is the long pass for the window (run it off the GUI thread: it takes a cancel
  token and reports progress); it keeps one byte per event and subscription, the SDK state every
  ``CHECKPOINT_EVERY`` events (per browser: about one per browser's worth of events, at most
  2,048), and a timeline entry wherever the simulated Jimo profile changed;
- :func:`extend` evaluates only the events appended since, from the last SDK state;
- :func:`reevaluate` recomputes only the stretch an edited event affects;
- :func:`inspect_event` gives the full detail of one event quickly, replaying the events since
  the nearest checkpoint.
"""

from __future__ import annotations

from inspector.core.evaluation._model import (
    TIMELINE_FIELDS,
    Evaluation,
    TimelineEntry,
    Verdict,
    verdict_of,
)
from inspector.core.evaluation._pass import CHECKPOINT_EVERY, Progress
from inspector.core.evaluation._run import evaluate, extend, inspect_event, reevaluate
from inspector.core.inspection import inspect

__all__ = [
    "Verdict",
    "verdict_of",
    "TimelineEntry",
    "Evaluation",
    "Progress",
    "inspect",
    "evaluate",
    "extend",
    "reevaluate",
    "inspect_event",
    "CHECKPOINT_EVERY",
    "TIMELINE_FIELDS",
]
