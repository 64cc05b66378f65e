"""Live send: Jimo Cloud, Segment's HTTP API or a custom URL, with retries and a ledger."""

from __future__ import annotations

from inspector.core.send._ledger import LEDGER_SCHEMA, Ledger, LedgerEntry, default_ledger_path
from inspector.core.send._manual import check_edited_payload, manual_request
from inspector.core.send._model import (
    BODY_LIMIT,
    OUTCOMES,
    Attempt,
    Response,
    SendRequest,
    Unit,
    UnitKey,
    UnitResult,
)
from inspector.core.send._options import SendOptions
from inspector.core.send._plan import KEY_ACCOUNTS, Target, build_requests, parse_target
from inspector.core.send._policy import (
    explain_error,
    explain_status,
    is_retryable_status,
    server_wait,
)
from inspector.core.send._sender import ABORTED, NOT_SENT, Sender, SendSummary
from inspector.core.send._targets import (
    BATCH_EVENTS,
    BATCH_LIMIT,
    BODY_KINDS,
    CUSTOM,
    EVENT_LIMIT,
    JIMO_BASE_URL,
    JIMO_CLOUD,
    SEGMENT,
    SEGMENT_EU,
    SEGMENT_US,
    custom_requests,
    jimo_cloud_requests,
    jimo_verify_request,
    mask_headers,
    message_id_of,
    segment_requests,
)
from inspector.core.send._verify import SEGMENT_CDN, verify_key, verify_write_key

__all__ = [
    "LEDGER_SCHEMA",
    "Ledger",
    "LedgerEntry",
    "default_ledger_path",
    "BODY_LIMIT",
    "OUTCOMES",
    "Attempt",
    "Response",
    "SendRequest",
    "Unit",
    "UnitKey",
    "UnitResult",
    "SendOptions",
    "check_edited_payload",
    "manual_request",
    "KEY_ACCOUNTS",
    "Target",
    "build_requests",
    "parse_target",
    "explain_error",
    "explain_status",
    "is_retryable_status",
    "server_wait",
    "ABORTED",
    "NOT_SENT",
    "Sender",
    "SendSummary",
    "BATCH_EVENTS",
    "BATCH_LIMIT",
    "BODY_KINDS",
    "CUSTOM",
    "EVENT_LIMIT",
    "JIMO_BASE_URL",
    "JIMO_CLOUD",
    "SEGMENT",
    "SEGMENT_EU",
    "SEGMENT_US",
    "custom_requests",
    "jimo_cloud_requests",
    "jimo_verify_request",
    "mask_headers",
    "message_id_of",
    "segment_requests",
    "verify_key",
    "verify_write_key",
    "SEGMENT_CDN",
]
