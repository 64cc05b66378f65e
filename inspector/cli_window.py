"""Command-line pieces beside ``cli``: what stops the window from opening, SDK session options."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence

from inspector.core.sdk_sessions import SDK_SESSION_MODES

__all__ = ["window_problem", "unknown_command", "no_display", "add_sdk_session_options"]


def add_sdk_session_options(parser: argparse.ArgumentParser) -> None:
    """``--sdk-sessions page|browser|event`` (default browser) and ``--fresh-sdk`` (= event),
    one or the other."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--sdk-sessions",
        choices=SDK_SESSION_MODES,
        default="browser",
        help="which simulated Jimo SDK page each event meets: one per browser (anonymousId; "
        "a one-browser file is one page session), one for the whole input, or a fresh one per "
        "event (default: browser)",
    )
    group.add_argument(
        "--fresh-sdk",
        dest="sdk_sessions",
        action="store_const",
        const="event",
        help="the same as --sdk-sessions event",
    )


def unknown_command(args: Sequence[str], commands: Sequence[str]) -> str | None:
    """A first word that is neither a command nor an existing file: a mistyped command."""
    if not args or args[0].startswith("-") or args[0] in commands or os.path.exists(args[0]):
        return None
    return (
        f"unknown command {args[0]!r} and no such file (commands: {', '.join(commands)}; "
        "to open files in the window, give existing paths)"
    )


def no_display(environ: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """On Linux without X11 or Wayland (and no Qt platform chosen), the window cannot open."""
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set): "
        "run it headless with 'jimo-inspector inspect FILE…'"
    )


def window_problem(
    args: Sequence[str], commands: Sequence[str], environ: Mapping[str, str] | None = None
) -> str | None:
    """Why ``jimo-inspector ARGS`` should not start the window, as one sentence (or None)."""
    return unknown_command(args, commands) or no_display(os.environ if environ is None else environ)
