"""``jimo-inspector export``: events as NDJSON, a HAR of captured requests, curl, repro bundles."""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from typing import Any, BinaryIO

import orjson

__all__ = ["add_parser", "run"]

FORMATS = ("ndjson", "har", "curl", "bundle")


def add_parser(subparsers: Any) -> None:
    """Register ``export`` on the main parser's subparsers."""
    parser = subparsers.add_parser(
        "export",
        help="export events, captured requests, curl commands or a redacted repro bundle",
        description="ndjson: the events, one per line. har: the requests a session file's "
        "capture received, as HAR 1.2 (FILE is the session file). curl: the Jimo Cloud "
        "requests, key masked. bundle: one zip of events, config and results with secrets "
        "removed and personal data masked (--mask adds paths); it opens in the app.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="event files ('-': stdin)")
    parser.add_argument("--format", choices=FORMATS, required=True)
    parser.add_argument("--config", metavar="CONFIG.json", help="destination config")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")
    parser.add_argument(
        "--mask", action="append", default=[], metavar="PATH", help="another path to mask"
    )
    parser.add_argument(
        "--reveal-key", action="store_true", help="curl: put the real API key in the commands"
    )


def run(args: argparse.Namespace) -> int:
    """Write the export; exit 0, or 1 when records were skipped."""
    from inspector import __version__
    from inspector.cli import UsageError, _records
    from inspector.core.destinations import default_config, load_config
    from inspector.core.export import DEFAULT_PII_PATHS, captured_requests_har, write_bundle

    if args.format == "bundle" and not args.output:
        raise UsageError("--format bundle needs --output FILE.zip")
    if args.format == "har":
        if len(args.files) != 1:
            raise UsageError("--format har takes one session file")
        _write(args.output, orjson.dumps(captured_requests_har(args.files[0], __version__)))
        return 0
    config = load_config(args.config) if args.config else default_config()
    skipped: list[str] = []
    records = _records(args.files, skipped)
    if args.format == "bundle":
        paths = [*DEFAULT_PII_PATHS, *args.mask]
        write_bundle(args.output, list(records), config, app_version=__version__, pii_paths=paths)
    elif args.format == "ndjson":
        with _open(args.output) as out:
            _ndjson(records, out)
    else:
        _curl(records, config, args)
    return 1 if skipped else 0


def _ndjson(records: Any, out: BinaryIO) -> None:
    from inspector.core.export import write_ndjson

    write_ndjson(records, out)


def _curl(records: Any, config: Any, args: argparse.Namespace) -> None:
    from inspector.core.export import curl_commands
    from inspector.core.inspection import inspect

    commands = curl_commands(inspect(records, config), config.settings, reveal_key=args.reveal_key)
    _write(args.output, "".join(f"{c}\n\n" for c in commands).encode())


def _open(output: str | None) -> Any:
    from inspector.core.export import ExportError

    if not output:
        return nullcontext(sys.stdout.buffer)
    try:
        return open(output, "wb")
    except OSError as exc:
        raise ExportError(f"{output}: cannot write the export ({exc.strerror or exc})") from exc


def _write(output: str | None, data: bytes) -> None:
    with _open(output) as out:
        out.write(data)
