"""``jimo-inspector capture``: listen like Segment's tracking API and print each event's results.

The first stdout line is ``{"url": ..., "session": ...}``, flushed as soon as the server
listens; then one ``inspect``-format NDJSON line per stored event, so ``capture | jq`` is a live
view. SIGINT/SIGTERM stop it cleanly (exit 0); a port in use is one sentence and exit 2.
"""

from __future__ import annotations

import argparse
import queue
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO

import orjson

from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord

if TYPE_CHECKING:
    from inspector.core.capture import CaptureServer

__all__ = ["add_parser", "run"]

EXIT_OK, EXIT_USAGE = 0, 2
DEFAULT_PORT = 8765  # the capture server's; not imported so that other commands skip aiohttp
_Batch = tuple[Sequence[EventRecord], Sequence[BadRecord]]


def add_parser(subparsers: Any) -> None:
    """Register ``capture`` on the CLI's subparsers."""
    cap = subparsers.add_parser(
        "capture",
        help="receive events from Segment clients and print each one's per-mapping results",
        description="Listen like Segment's tracking API (point analytics.js's cdnURL, or "
        "analytics-python/-node's host, here), store every event in a session file, and print "
        "one line per event as 'inspect' does. Ctrl+C stops.",
    )
    cap.add_argument("--host", default="127.0.0.1", help="address to listen on (default local)")
    cap.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}; 0: any free port"
    )
    cap.add_argument(
        "--session", metavar="FILE", help="session file to append to (default: a new one)"
    )
    cap.add_argument("--write-key", metavar="KEY", help="refuse (401) requests with another key")
    cap.add_argument(
        "--config", metavar="CONFIG.json", help="destination config (default: Jimo presets)"
    )


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0 to 65535)")
    return int(text)


def _events(
    inbox: queue.SimpleQueue[_Batch], stop: threading.Event, server: CaptureServer
) -> Iterator[EventRecord]:
    """Captured events in storage order until ``stop``; then the ones already stored."""
    while not stop.is_set():
        try:
            records, bad = inbox.get(timeout=0.2)
        except queue.Empty:
            continue
        _report(bad)
        yield from records
    server.stop()
    while not inbox.empty():
        records, bad = inbox.get_nowait()
        _report(bad)
        yield from records


def _report(bad: Sequence[BadRecord]) -> None:
    for item in bad:
        print(f"jimo-inspector: skipped {item}", file=sys.stderr, flush=True)


def _print_lines(events: Iterator[EventRecord], config: Any, out: TextIO, inbox: Any) -> None:
    from inspector.core.inspection import event_line, inspect, output_json

    for inspection in inspect(events, config):
        out.write(output_json(event_line(inspection, inspection.record_or_event)).decode())
        out.write("\n")
        if inbox.empty():
            out.flush()
    out.flush()


def run(args: argparse.Namespace) -> int:
    """Capture until SIGINT/SIGTERM; exit 0, or 2 when the server cannot start."""
    from inspector.core.capture import CaptureError, CaptureServer, CaptureSettings
    from inspector.core.destinations import default_config, load_config

    config = load_config(args.config) if args.config else default_config()
    inbox: queue.SimpleQueue[_Batch] = queue.SimpleQueue()
    settings = CaptureSettings(args.host, args.port, args.session or "", args.write_key)
    server = CaptureServer(
        settings,
        sink=lambda records, bad: inbox.put((records, bad)),
        on_storage_error=lambda message: print(f"jimo-inspector: {message}", file=sys.stderr),
    )
    stop = threading.Event()
    # the server's threads hand the GIL to each other after each commit: keep that wait short
    sys.setswitchinterval(0.001)

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {s: signal.signal(s, request_stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        try:
            url = server.start()
        except CaptureError as exc:
            print(f"jimo-inspector: {exc}", file=sys.stderr)
            return EXIT_USAGE
        if not settings.loopback:
            print(
                f"jimo-inspector: listening on {args.host}: anyone who can reach this machine "
                "can send events to it",
                file=sys.stderr,
            )
        first = {"url": url, "session": server.session_path}
        sys.stdout.write(orjson.dumps(first).decode() + "\n")
        sys.stdout.flush()
        _print_lines(_events(inbox, stop, server), config, sys.stdout, inbox)
    finally:
        server.stop()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return EXIT_OK
