"""Command line: ``jimo-inspector`` opens the window; ``jimo-inspector inspect`` runs headless."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, BinaryIO, NoReturn, TextIO

from inspector import __version__, cli_diff, cli_export, cli_jobs, cli_snapshot
from inspector.cli_window import add_sdk_session_options, window_problem
from inspector.core.errors import InspectorError, LoadError
from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord, is_bundle_file, read_path, read_stream

if TYPE_CHECKING:
    from inspector.core.export import Bundle
    from inspector.core.inspection import EventInspection

__all__ = ["main"]

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2
_COMMANDS = ("inspect", "diff", "export", "capture", "send")
FAIL_CONDITIONS = ("unmatched", "invalid")


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
    add_sdk_session_options(ins)
    ins.set_defaults(sdk_sessions=None)  # None: browser, or a repro bundle's own mode
    ins.add_argument(
        "--fail-on",
        default="",
        metavar="unmatched,invalid",
        help="conditions that make the exit status 1",
    )
    cli_snapshot.add_options(ins)
    cli_jobs.add_options(ins)
    cli_diff.add_parser(sub)
    cli_export.add_parser(sub)
    from inspector import cli_capture

    cli_capture.add_parser(sub)
    from inspector import cli_send

    cli_send.add_parser(sub)
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


def _fail_on(text: str) -> frozenset[str]:
    wanted = frozenset(part.strip() for part in text.split(",") if part.strip())
    unknown = sorted(wanted - set(FAIL_CONDITIONS))
    if unknown:
        raise UsageError(
            f"--fail-on: unknown condition {unknown[0]!r} "
            f"(choose from {', '.join(FAIL_CONDITIONS)})"
        )
    return wanted


def _verdict(inspection: EventInspection) -> str:
    parts = []
    for result in inspection.results:
        if not result.enabled or not (result.matched or result.trigger_error):
            continue
        if result.trigger_error:
            parts.append(f"{result.subscription}: trigger error")
        elif result.mapping_error or result.errors:
            parts.append(f"{result.subscription}: invalid")
        else:
            parts.append(result.subscription + ("" if result.delivered else " (not delivered)"))
    return "; ".join(parts) or "no mapping matched"


def _write_table(items: Iterator[tuple[EventInspection, EventRecord]], out: TextIO) -> None:
    out.write(f"{'#':>5}  {'type':<9} {'event / name':<28} {'source':<34} mappings\n")
    for inspection, record in items:
        name = (record.name[:25] + "…") if len(record.name) > 26 else record.name
        src = record.source.short_label
        out.write(
            f"{inspection.index:>5}  {record.type or '-':<9} {name or '-':<28} {src:<34} "
            f"{_verdict(inspection)}\n"
        )


_BATCH_LINES = 64
"""Lines written at a time from files: under ``PYTHONUNBUFFERED`` (set in many containers) every
write is a system call."""


def _write_ndjson(
    items: Iterator[tuple[EventInspection, EventRecord]], out: TextIO, *, streaming: bool
) -> None:
    """One line per event; with ``streaming`` (standard input) each as soon as it is made."""
    from inspector.core.inspection import line_bytes

    raw = getattr(out, "buffer", None)  # the bytes under a text stream: no decode, no encode
    if raw is None:
        for inspection, record in items:
            out.write(line_bytes(inspection, record).decode() + "\n")
        return
    out.flush()
    batch = 1 if streaming else _BATCH_LINES
    lines: list[bytes] = []
    try:
        for inspection, record in items:
            lines.append(line_bytes(inspection, record))
            if len(lines) >= batch:
                _write_lines(raw, lines)
    finally:  # the lines made before a file that cannot be read, or Ctrl+C, are written too
        if lines:
            _write_lines(raw, lines)


def _write_lines(raw: BinaryIO, lines: list[bytes]) -> None:
    data = b"\n".join(lines) + b"\n"
    lines.clear()
    raw.write(data)


def _one_bundle(files: Sequence[str]) -> Bundle | None:
    """The repro bundle, when it is the whole input."""
    if len(files) != 1 or files[0] == "-" or not is_bundle_file(files[0]):
        return None
    from inspector.core.export import read_bundle

    return read_bundle(files[0])


def _inspect(args: argparse.Namespace) -> int:
    from inspector.core.destinations import default_config, load_config

    fail_on = _fail_on(args.fail_on)
    if cli_snapshot.wanted(args) and args.format == "table":
        raise UsageError("--format table prints results; a snapshot is written or checked instead")
    config = load_config(args.config) if args.config else default_config()
    sdk_sessions = args.sdk_sessions or "browser"
    bundle = _one_bundle(args.files)
    if bundle is not None:  # reproduce its results: its config and mode, unless told otherwise
        from inspector.core.export import bundle_sdk_sessions, replay_config

        config = config if args.config else replay_config(bundle)
        sdk_sessions = args.sdk_sessions or bundle_sdk_sessions(bundle)
    skipped: list[str] = []
    failed = False
    jobs = None if bundle is not None else cli_jobs.wanted_jobs(args, args.files)
    if jobs is not None:
        done = cli_jobs.inspect_in_parallel(
            args.files, config, sdk_sessions, jobs, fail_on, skipped
        )
        if done is not None:  # else no worker processes here: one process, below
            sys.stdout.flush()
            return EXIT_SKIPPED if skipped or done else EXIT_OK

    from inspector.core.evaluation import inspect

    def paired() -> Iterator[tuple[EventInspection, EventRecord]]:
        nonlocal failed
        records = _records(args.files, skipped)
        for inspection in inspect(records, config, sdk_sessions=sdk_sessions):
            record = inspection.record_or_event
            if ("unmatched" in fail_on and not inspection.matched_any) or (
                "invalid" in fail_on and inspection.invalid
            ):
                failed = True
            yield inspection, record

    if cli_snapshot.wanted(args):
        changed = cli_snapshot.run(args, (inspection for inspection, _ in paired()))
        if args.check_snapshot:  # the status is the comparison's; skipped records are told
            cli_snapshot.tell_skipped(args.check_snapshot, len(skipped))
            return EXIT_SKIPPED if failed or changed else EXIT_OK
        return EXIT_SKIPPED if skipped or failed or changed else EXIT_OK
    if args.format == "table":
        _write_table(paired(), sys.stdout)
    else:
        _write_ndjson(paired(), sys.stdout, streaming=not args.files or "-" in args.files)
    sys.stdout.flush()
    return EXIT_SKIPPED if skipped or failed else EXIT_OK


def _window(args: list[str]) -> int:
    problem = window_problem(args, _COMMANDS)  # before Qt, which would abort without a display
    if problem is not None:
        print(f"jimo-inspector: {problem}", file=sys.stderr)
        return EXIT_USAGE
    from inspector.app import run

    return run(args)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    wants_gui = not args_list or (
        args_list[0] not in _COMMANDS and not args_list[0].startswith("-")
    )
    if wants_gui:
        return _window(args_list)
    try:
        args = _build_parser().parse_args(args_list)
        if args.command is None:
            return _window([])
        if args.command == "capture":
            from inspector import cli_capture

            return cli_capture.run(args)
        if args.command == "send":
            from inspector import cli_send

            return cli_send.run(args)
        commands = {"diff": cli_diff.run, "export": cli_export.run}
        return commands.get(args.command, _inspect)(args)
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
    except OSError as exc:  # a file the command had to write or read: one line, not a traceback
        name = f"{exc.filename}: " if exc.filename else ""
        print(f"jimo-inspector: {name}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
