"""``jimo-inspector diff``: what changes for Jimo between two destination configs."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

import orjson

if TYPE_CHECKING:
    from inspector.core.diff import DiffSummary, EventDiff, Pair

__all__ = ["add_parser", "run"]

EXIT_SAME, EXIT_DIFFERENT = 0, 1


def add_parser(subparsers: Any) -> None:
    """Register ``diff`` on the main parser's subparsers."""
    parser = subparsers.add_parser(
        "diff",
        help="compare two destination configs over the same events",
        description="Inspect the events under --config and under --against and print every "
        "event whose outcome differs: verdict, payload field by field, SDK commands, request, "
        "errors, hazards. Subscriptions are paired by name, then position. "
        "Exit 0: nothing differs; 1: something differs; 2: usage or config error.",
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="event files; '-' or none: NDJSON on stdin"
    )
    parser.add_argument("--config", required=True, metavar="A.json", help="the config before")
    parser.add_argument("--against", required=True, metavar="B.json", help="the config after")
    parser.add_argument("--format", choices=("ndjson", "table"), default="ndjson")
    parser.add_argument(
        "--fresh-sdk", action="store_true", help="each event sees a newly initialised SDK"
    )


def run(args: argparse.Namespace) -> int:
    """Print the differing events (NDJSON or a table with a per-subscription summary)."""
    from inspector.cli import _records
    from inspector.core.destinations import load_config
    from inspector.core.diff import DiffSummary, config_pairs, diff_configs

    before, after = load_config(args.config), load_config(args.against)
    skipped: list[str] = []
    summary = DiffSummary()
    diffs = diff_configs(_records(args.files, skipped), before, after, fresh_sdk=args.fresh_sdk)
    out = sys.stdout
    if args.format == "table":
        _write_pairs(config_pairs(before, after), out)
    for diff in diffs:
        summary.add(diff)
        if not diff.changes:
            continue
        if args.format == "table":
            _write_event(diff, out)
        else:
            out.write(orjson.dumps(diff.to_json()).decode() + "\n")
    if args.format == "table":
        _write_summary(summary, out)
    out.flush()
    return EXIT_DIFFERENT if summary.differing else EXIT_SAME


def _write_pairs(pairs: Iterable[Pair], out: TextIO) -> None:
    added = [p.after_name for p in pairs if p.before is None]
    removed = [p.before_name for p in pairs if p.after is None]
    renamed = [p.label for p in pairs if p.before is not None and p.after is not None]
    renamed = [label for label in renamed if " → " in label]
    for title, names in (("added", added), ("removed", removed), ("renamed", renamed)):
        if names:
            out.write(f"Subscriptions {title}: {', '.join(str(n) for n in names)}\n")


def _write_event(diff: EventDiff, out: TextIO) -> None:
    from inspector.core.diff import describe

    out.write(f"\n#{diff.index}  {diff.message_id or '(no messageId)'}\n")
    for change in diff.changes:
        out.write(f"    {change.subscription or '(session)'}  {describe(change)}\n")


def _write_summary(summary: DiffSummary, out: TextIO) -> None:
    out.write(f"\n{summary.differing} of {summary.events} events differ\n")
    for line in summary.lines():
        out.write(f"  {line}\n")
