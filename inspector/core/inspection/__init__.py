"""Events x subscriptions: trigger verdicts, payloads, errors, SDK commands and requests."""

from __future__ import annotations

from inspector.core.inspection._compiled import DirectEval
from inspector.core.inspection._duplicates import (
    duplicate_note,
    mark_duplicate,
    not_run,
    numbered_from_one,
)
from inspector.core.inspection._engine import Engine, event_data
from inspector.core.inspection._parallel import (
    OutputBlock,
    default_jobs,
    inspect_lines,
    lines_inputs,
    parallel_available,
)
from inspector.core.inspection._pipeline import inspect, step
from inspector.core.inspection._results import (
    RESULT_KEYS,
    EventInspection,
    Hazard,
    SubscriptionResult,
    event_line,
    line_bytes,
    output_json,
)

__all__ = [
    "inspect",
    "step",
    "EventInspection",
    "SubscriptionResult",
    "Hazard",
    "event_line",
    "line_bytes",
    "output_json",
    "RESULT_KEYS",
    "Engine",
    "DirectEval",
    "event_data",
    "mark_duplicate",
    "not_run",
    "duplicate_note",
    "numbered_from_one",
    "OutputBlock",
    "default_jobs",
    "inspect_lines",
    "lines_inputs",
    "parallel_available",
]
