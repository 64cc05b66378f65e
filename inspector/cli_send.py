"""``jimo-inspector send``: deliver events or payloads for real, one NDJSON line per unit."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson

from inspector.core.errors import ConfigError, InspectorError

if TYPE_CHECKING:
    from inspector.core.destinations import DestinationConfig
    from inspector.core.send import Target

__all__ = ["add_parser", "run"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_BLOCK_LINES = 256
_BLOCK_SECONDS = 0.2


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "send",
        help="send events or payloads for real (Jimo Cloud, Segment, a URL)",
        description="Send events to Jimo Cloud (each event x matched subscription), Segment's "
        "HTTP API (batches) or a URL, with retries and a send ledger; one NDJSON line per "
        "delivery. Keys come from the environment or the keyring, never the command line. "
        "Exit 0: all delivered (or skipped, or dry run); 1: something failed or was "
        "cancelled; 2: usage or config error.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="event files; none: NDJSON on stdin")
    p.add_argument("--config", metavar="CONFIG.json", help="destination config")
    p.add_argument(
        "--target", required=True, metavar="jimo-cloud|segment|URL", help="where to send"
    )
    p.add_argument("--base-url", metavar="URL", help="another base URL (Segment: us, eu or a URL)")
    p.add_argument("--body", choices=("event", "payload", "commands"), help="custom URL body")
    p.add_argument(
        "--header",
        action="append",
        default=[],
        metavar="'NAME: VALUE'",
        help="extra header for a custom URL (repeatable)",
    )
    p.add_argument("--key-env", metavar="VAR", help="environment variable holding the key")
    p.add_argument("--dry-run", action="store_true", help="print the requests, send nothing")
    p.add_argument("--concurrency", type=_positive_int, default=8, metavar="N")
    p.add_argument("--rate", type=float, metavar="R", help="at most R requests per second")
    p.add_argument("--retries", type=_natural_int, default=3, metavar="N")
    p.add_argument("--timeout", type=float, default=10.0, metavar="S", help="per attempt")
    p.add_argument("--deadline", type=float, default=60.0, metavar="S", help="per request")
    p.add_argument("--ledger", metavar="FILE", help="send ledger file (default: per user)")
    p.add_argument("--resend", action="store_true", help="send again what was delivered")
    return p


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _natural_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def run(args: argparse.Namespace) -> int:
    """Run ``send``; every problem before sending is one line on stderr and exit 2."""
    try:
        job = _prepare(args)
    except InspectorError as exc:
        print(f"jimo-inspector send: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return _execute(job, args)


@dataclass(frozen=True, slots=True)
class _Job:
    target: Target
    config: DestinationConfig | None
    headers: dict[str, str]
    key: str


def _prepare(args: argparse.Namespace) -> _Job:
    from inspector.core.destinations import load_config
    from inspector.core.secrets import find_key
    from inspector.core.send import parse_target

    target = parse_target(args.target, args.base_url, args.body)
    config = load_config(args.config) if args.config else None
    headers = dict(_header(h) for h in args.header)
    key = ""
    if target.account is not None or args.key_env:
        account = target.account or "custom"
        raw = config.settings.get("apiKey") if config is not None else None
        found = find_key(account, args.key_env, config_value=raw)
        if not found.secret and not args.dry_run:
            var = args.key_env or {"jimo-cloud-api-key": "JIMO_API_KEY"}.get(
                account, "SEGMENT_WRITE_KEY"
            )
            raise ConfigError(
                f"no key for {target.label}: set {var} or store the key in the keyring "
                "(the window's Send panel)"
            )
        key = found.secret or "(no key)"
    files = [f for f in args.files if f != "-"]
    for name in files:
        if not os.path.exists(name):
            raise ConfigError(f"{name}: no such file")
    return _Job(target=target, config=config, headers=headers, key=key)


def _header(text: str) -> tuple[str, str]:
    name, sep, value = text.partition(":")
    if not sep or not name.strip():
        raise ConfigError(f"--header must be 'NAME: VALUE', got {text!r}")
    return name.strip(), value.strip()


def _ledger_path(args: argparse.Namespace) -> str:
    from inspector.core.send import default_ledger_path

    if args.ledger:
        return str(args.ledger)
    sessions = [f for f in args.files if _is_session_file(f)]
    return sessions[0] if sessions else default_ledger_path()


def _is_session_file(path: str) -> bool:
    """A session file is SQLite with the application id "JIMO" (the ledger goes into it)."""
    from inspector.core.sessionfile._schema import APPLICATION_ID

    try:
        with open(path, "rb") as handle:
            head = handle.read(72)
    except OSError:
        return False
    return head[:16] == b"SQLite format 3\x00" and int.from_bytes(head[68:72]) == APPLICATION_ID


class _Output:
    """NDJSON lines written in blocks (every 256 lines or 0.2 s), not one write per line."""

    def __init__(self) -> None:
        self._lines: list[bytes] = []
        self._last = time.monotonic()

    def add(self, line: dict[str, Any]) -> None:
        self._lines.append(orjson.dumps(line))
        now = time.monotonic()
        if len(self._lines) >= _BLOCK_LINES or now - self._last >= _BLOCK_SECONDS:
            self.flush()

    def flush(self) -> None:
        if self._lines:
            sys.stdout.buffer.write(b"\n".join(self._lines) + b"\n")
            sys.stdout.buffer.flush()
            self._lines.clear()
        self._last = time.monotonic()


def _execute(job: _Job, args: argparse.Namespace) -> int:
    from inspector.cli import _records as read_records
    from inspector.core.send import build_requests

    bad: list[str] = []
    out = _Output()
    try:
        requests = build_requests(
            job.target, read_records(args.files, bad), job.config, job.key, job.headers
        )
        if args.dry_run:
            _dry_run(requests, out)
            failed = False
        else:
            import asyncio  # here, not at the top: inspect never needs it (15 ms to import)

            failed = not asyncio.run(_send(requests, args, out))
    except InspectorError as exc:
        out.flush()
        print(f"jimo-inspector send: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        out.flush()
    return EXIT_FAILED if failed or bad else EXIT_OK


def _dry_run(requests: Any, out: _Output) -> None:
    from inspector.core.send import UnitResult

    for request in requests:
        for unit in request.units:
            shown = {"headers": request.shown_headers, "body": unit.shown}
            if request.batch is not None:
                shown["batch"] = request.batch
            outcome = "failed" if unit.problem else "dry-run"
            result = UnitResult(unit, request.method, outcome, reason=unit.problem, request=shown)
            out.add(result.to_json())


async def _send(requests: Any, args: argparse.Namespace, out: _Output) -> bool:
    from inspector.core.send import Ledger, Sender, SendOptions

    options = SendOptions(
        concurrency=args.concurrency,
        rate=args.rate,
        attempts=args.retries + 1,
        timeout=args.timeout,
        deadline=args.deadline,
        resend=args.resend,
    )
    ledger = Ledger(_ledger_path(args))
    sender = Sender(requests, options, ledger=ledger, on_result=lambda r: out.add(r.to_json()))
    _on_signals(sender)
    try:
        summary = await sender.run()
    finally:
        ledger.close()
    counts = ", ".join(f"{k} {v}" for k, v in summary.counts.items())
    extra = f"; possible duplicates {summary.possible_duplicates}"
    stopped = "; cancelled" if summary.cancelled else ""
    out.flush()
    print(f"send: {counts}{extra}{stopped}", file=sys.stderr)
    return summary.ok


def _on_signals(sender: Any) -> None:
    """First Ctrl+C: no new requests; second: abort the ones in flight."""
    import asyncio

    loop = asyncio.get_running_loop()

    def stop() -> None:
        sender.cancel(abort=sender.cancelled)

    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop)
        except (NotImplementedError, RuntimeError):  # Windows, or not the main thread
            pass
