"""The session's controller: ingest, evaluate, filter; publishes changes, knows no Qt."""

from __future__ import annotations

from inspector.core.workbench._filter import SYNC_FILTER_LIMIT, FilterResult
from inspector.core.workbench._runner import AsyncioRunner, Cancellable, Done, Runner
from inspector.core.workbench._signal import Signal
from inspector.core.workbench._workbench import (
    APPEND_INTERVAL,
    DETAIL_REPLAY_LIMIT,
    EVALUATE_DELAY,
    Workbench,
)

__all__ = [
    "Workbench",
    "Runner",
    "AsyncioRunner",
    "Cancellable",
    "Done",
    "Signal",
    "FilterResult",
    "EVALUATE_DELAY",
    "APPEND_INTERVAL",
    "DETAIL_REPLAY_LIMIT",
    "SYNC_FILTER_LIMIT",
]
