"""Command line: ``jimo-inspector`` opens the window; ``jimo-inspector inspect`` runs headless."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn, TextIO

import orjson

from inspector import __version__
from inspector.core.errors import InspectorError, LoadError
from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord, read_path, read_stream

__all__ = ["main"]

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2
_COMMANDS = ("inspect",)


class UsageError(InspectorError):
    """Bad command-line use: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="jimo-inspector",
        description="Inspect Segment events against Jimo mappings. "
        "With no command, opens the window (on FILEs, or on the demo session).",
    )
    parser.add_argument("--version", action="version", version=f"jimo-inspector {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    ins = sub.add_parser(
        "inspect",
        help="print every event with its per-mapping results",
        description="Load events (JSON, NDJSON, Segment batches, HAR; gzip too) and print one "
        "line per event. Exit 0: all loaded; 1: records skipped or a --fail-on condition held; "
        "2: usage or config error.",
    )
    ins.add_argument(
        "files", nargs="*", metavar="FILE", help="event files; '-' or none: NDJSON on stdin"
    )
    ins.add_argument(
        "--config", metavar="CONFIG.json", help="destination config (default: Jimo presets)"
    )
    ins.add_argument("--format", choices=("ndjson", "table"), default="ndjson")
    ins.add_argument(
        "--fresh-sdk", action="store_true", help="each event sees a newly initialised SDK"
    )
    ins.add_argument(
        "--fail-on",
        default="",
        metavar="unmatched,invalid",
        help="conditions that make the exit status 1",
    )
    return parser


def _records(files: Sequence[str], skipped: list[str]) -> Iterator[EventRecord]:
    for name in files or ["-"]:
        try:
            items = read_stream(sys.stdin.buffer) if name == "-" else read_path(name)
            for item in items:
                if isinstance(item, BadRecord):
                    skipped.append(str(item))
                    print(str(item), file=sys.stderr)
                else:
                    yield item
        except LoadError as exc:
            if name != "-" and not os.path.exists(name):
                raise UsageError(f"{name}: no such file") from exc
            skipped.append(str(exc))
            print(str(exc), file=sys.stderr)


def _base_line(index: int, record: EventRecord) -> dict[str, Any]:
    return {
        "index": index,
        "source": record.source.label,
        "type": record.type or None,
        "messageId": record.message_id or None,
    }


def _write_table(lines: Iterator[dict[str, Any]], out: TextIO) -> None:
    out.write(f"{'#':>5}  {'type':<9} {'messageId':<38} source\n")
    for line in lines:
        out.write(
            f"{line['index']:>5}  {line['type'] or '-':<9} {line['messageId'] or '-':<38} {line['source']}\n"
        )


def _write_ndjson(lines: Iterator[dict[str, Any]], out: TextIO) -> None:
    for line in lines:
        out.write(orjson.dumps(line).decode())
        out.write("\n")


def _inspect(args: argparse.Namespace) -> int:
    skipped: list[str] = []
    records = _records(args.files, skipped)
    lines = (_base_line(i, record) for i, record in enumerate(records))
    (_write_table if args.format == "table" else _write_ndjson)(lines, sys.stdout)
    sys.stdout.flush()
    return EXIT_SKIPPED if skipped else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    wants_gui = not args_list or (
        args_list[0] not in _COMMANDS and not args_list[0].startswith("-")
    )
    if wants_gui:
        from inspector.app import run

        return run(args_list)
    try:
        args = _build_parser().parse_args(args_list)
        if args.command is None:
            from inspector.app import run

            return run([])
        return _inspect(args)
    except UsageError as exc:
        print(f"jimo-inspector: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except InspectorError as exc:
        print(f"jimo-inspector: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # `jimo-inspector inspect big.ndjson | head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
