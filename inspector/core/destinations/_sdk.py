"""A simulated browser page running Jimo (Actions): ``initScript`` and the three performs.

The simulation follows the destination's code (jimo.md A.5–A.8): commands are pushed onto the
``window.jimo`` queue, the identify callback is run the way the Jimo SDK runs it (right after its
identify flow, so after ``jimoInit()`` when that is called) and whatever it pushes is marked
``from_callback``. Payloads are used as given: no validation, ``null`` and ``""`` pass through.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from inspector.core._js import UNDEFINED, js_string
from inspector.core.destinations._page import PageSetup
from inspector.core.destinations._sdk_types import (
    ActionRun,
    Callback,
    Command,
    DispatchedEvent,
    SdkState,
)

__all__ = ["JimoPage", "initial_state", "NO_CLIENT_ERROR", "TRACK_EVENT_PREFIX"]

NO_CLIENT_ERROR = "Cannot read properties of undefined (reading 'client')"
TRACK_EVENT_PREFIX = "jimo-segmentio-track:"

_HAZARDS = {
    "page-defines-jimo": (
        "The page already defines window.jimo, so the destination set nothing up "
        "(no window.segmentJimo) and every Jimo action throws: " + NO_CLIENT_ERROR
    ),
    "track-before-identify": (
        "A track reached Jimo before any identify with a user id in this page session: "
        "Jimo does not know who did it"
    ),
    "sdk-not-initialized": (
        "manualInit is on and no identify with a non-empty user id has run yet: the Jimo SDK "
        "is not initialised, queued commands wait and nothing reaches Jimo"
    ),
    "no-jimo-init": (
        "manualInit is on but window.jimoInit is not defined: the SDK is never initialised "
        "(initialized stays false and each identify retries)"
    ),
    "anonymous-profile": (
        "manualInit is off and Jimo received data before any identify with a user id: "
        "the SDK initialised on page load and works on an anonymous profile"
    ),
    "missing-project-id": (
        "The projectId setting is empty: JIMO_PROJECT_ID is undefined and the SDK cannot load "
        "the project"
    ),
}


def initial_state(settings: Mapping[str, Any], page: PageSetup, loaded: bool) -> SdkState:
    """The page right after analytics.js loaded the destination (``initScript`` ran once).

    ``loaded`` is false when no action has an enabled subscription: no plugin, no set-up.
    """
    if not loaded:
        return SdkState()
    if page.defines_jimo:
        return SdkState(page_defined_jimo=True)
    manual = settings.get("manualInit")
    manual = False if manual is None else manual
    return SdkState(
        set_up=True,
        initialized=not manual,
        project_id=settings.get("projectId", UNDEFINED),
        manual_init=bool(manual),
    )


_STATE_SLOTS: tuple[str, ...] = SdkState.__slots__
_REPORTED: dict[frozenset[str], frozenset[str]] = {}
"""Each combination of reported hazard codes once: a million kept page states share them."""
_REPORTED_WITH: dict[tuple[frozenset[str], str], frozenset[str]] = {}
"""A combination and one more code: the combination with it (from ``_REPORTED``)."""


_STATE_VALUES = operator.attrgetter(*_STATE_SLOTS)


def _copy_state(state: SdkState) -> SdkState:
    """A shallow copy (as ``dataclasses.replace`` makes it, a twentieth of the cost)."""
    return SdkState(*_STATE_VALUES(state))


class JimoPage:
    """One page session: ``perform`` mutates a private copy of the state it started from.

    The copy is made by the first ``perform``: a page where nothing runs keeps the state object
    it was given (states are never changed outside a page).
    """

    def __init__(self, settings: Mapping[str, Any], page: PageSetup, state: SdkState) -> None:
        self.settings = settings
        self.page = page
        self.state = state
        self._owned = False

    def perform(self, action: str, payload: Mapping[str, Any]) -> ActionRun:
        """Run one action's ``perform`` with a (raw) payload; effects are recorded, in order."""
        if not self._owned:
            self.state = _copy_state(self.state)
            self._owned = True
        run = ActionRun()
        if not self.state.set_up:
            run.error = NO_CLIENT_ERROR
            self._hazard(run, "page-defines-jimo")
            return run
        self._check_project(run)
        _PERFORMS[action](self, payload, run)
        self._check_initialised(run)
        return run

    # -- queue -------------------------------------------------------------------------------

    def _push(self, run: ActionRun, command: Command) -> None:
        run.commands.append(command)
        state = self.state
        state.queue_length += 1
        _apply_to_profile(state, command)
        if command.name == "identify" and isinstance(command.args[0], str) and command.args[0]:
            state.identified = True
        if not state.identified and not state.manual_init:
            self._hazard(run, "anonymous-profile")
        if command.name == "segmentio:track" and not state.identified:
            self._hazard(run, "track-before-identify")

    def _hazard(self, run: ActionRun, code: str) -> None:
        reported = self.state.reported
        if code in reported:
            return
        step = _REPORTED_WITH.get((reported, code))
        if step is None:  # a few sets, shared: made once each
            union = reported | {code}
            step = _REPORTED_WITH[reported, code] = _REPORTED.setdefault(union, union)
        self.state.reported = step
        run.hazards.append((code, _HAZARDS[code]))

    def _check_project(self, run: ActionRun) -> None:
        if self.state.project_id in (UNDEFINED, None, ""):
            self._hazard(run, "missing-project-id")

    def _check_initialised(self, run: ActionRun) -> None:
        if self.state.initialized or not run.commands:
            return
        code = "sdk-not-initialized" if self.page.jimo_init_available else "no-jimo-init"
        self._hazard(run, code)

    # -- sendUserData ------------------------------------------------------------------------

    def _send_user_data(self, payload: Mapping[str, Any], run: ActionRun) -> None:
        user_id = payload.get("userId")
        if user_id is None:
            self._push_email_and_traits(payload, run, from_callback=False)
            return
        self._push(run, Command("do", "identify", (user_id, Callback())))
        index = len(run.commands) - 1
        self._maybe_init(user_id, run)
        before = len(run.commands)
        self._push_email_and_traits(payload, run, from_callback=True)
        pushed = len(run.commands) - before
        identify = run.commands[index]
        run.commands[index] = replace(identify, args=(user_id, Callback(pushes=pushed)))

    def _push_email_and_traits(
        self, payload: Mapping[str, Any], run: ActionRun, *, from_callback: bool
    ) -> None:
        email = payload.get("email")
        if email is not None:
            self._push(run, Command("set", "user:email", (email,), from_callback))
        traits = payload.get("traits")
        if traits is not None:
            refetch = self.settings.get("refetchExperiencesOnTraitsUpdate")
            refetch = False if refetch is None else refetch
            args = (traits, refetch, True)
            self._push(run, Command("set", "user:attributes", args, from_callback))

    def _maybe_init(self, user_id: Any, run: ActionRun) -> None:
        state = self.state
        if not (self.settings.get("manualInit") and isinstance(user_id, str) and user_id):
            return
        if state.initialized is not False or not self.page.jimo_init_available:
            return
        state.jimo_init_calls += 1
        state.initialized = True
        run.jimo_init_called = True
        run.jimo_init_at = len(run.commands)

    # -- sendTrackEvent ----------------------------------------------------------------------

    def _send_track_event(self, payload: Mapping[str, Any], run: ActionRun) -> None:
        item: dict[str, Any] = {}
        for key, source in _TRACK_KEYS:
            if source in payload:
                item[key] = payload[source]
        self._push(run, Command("do", "segmentio:track", (item,)))
        name = js_string(payload.get("event_name", UNDEFINED))
        run.dispatched.append(DispatchedEvent(TRACK_EVENT_PREFIX + name))

    # -- sendGroupData -----------------------------------------------------------------------

    def _send_group_data(self, payload: Mapping[str, Any], run: ActionRun) -> None:
        group: dict[str, Any] = {}
        if "groupId" in payload:
            group["groupId"] = payload["groupId"]
        traits = payload.get("traits")
        group["traits"] = {} if traits is None else traits
        self._push(run, Command("set", "user:group", (group, {"fromSegment": True})))


_TRACK_KEYS = (
    ("event", "event_name"),
    ("userId", "userId"),
    ("anonymousId", "anonymousId"),
    ("messageId", "messageId"),
    ("timestamp", "timestamp"),
    ("receivedAt", "timestamp"),
    ("properties", "properties"),
)

_PERFORMS: dict[str, Callable[[JimoPage, Mapping[str, Any], ActionRun], None]] = {
    "sendUserData": JimoPage._send_user_data,
    "sendTrackEvent": JimoPage._send_track_event,
    "sendGroupData": JimoPage._send_group_data,
}


def _apply_to_profile(state: SdkState, command: Command) -> None:
    args = command.args
    if command.name == "identify":
        state.user_id = args[0]
    elif command.name == "user:email":
        state.email = args[0]
    elif command.name == "user:attributes" and isinstance(args[0], dict):
        state.attributes = {**(state.attributes or {}), **args[0]}
    elif command.name == "user:group" and isinstance(args[0], dict):
        state.group_id = args[0].get("groupId", UNDEFINED)
        traits = args[0].get("traits")
        state.group_traits = traits if isinstance(traits, dict) else None
    elif command.name == "segmentio:track":
        state.tracks += 1
