"""Replaying the recorded JavaScript-semantics classes (tests/data/js_classes) against the engine.

``disagreement(case)`` is ``None`` when the engine answers what Segment's packages answered, else a
short description; the tests and ``bench/js_classes.py`` (agreement per class) both use it.
"""

from __future__ import annotations

import json
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import orjson

__all__ = ["CLASSES", "cases", "disagreement", "parse_event"]

DATA = Path(__file__).parents[2] / "data" / "js_classes"
CLASSES = tuple(sorted(int(p.stem.split("-")[1]) for p in DATA.glob("class-*.json")))


@cache
def cases(number: int) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((DATA / f"class-{number}.json").read_text())["cases"]
    return data


def parse_event(text: str) -> Any:
    """An event's JSON text as the loaders read it."""
    try:
        from inspector.core.loaders._parse import parse_record
    except ImportError:  # an older engine: orjson as it was
        return orjson.loads(text)
    return parse_record(text.encode("utf-8", "surrogatepass"))[0]


def parse_mapping(text: str) -> Any:
    """A mapping's JSON text as a config file is read."""
    try:
        from inspector.core._jsjson import parse
    except ImportError:
        return orjson.loads(text)
    return parse(text)


def _output(value: Any) -> str:
    """What ``inspect`` prints for a payload."""
    try:
        from inspector.core.inspection import output_json
    except ImportError:
        return orjson.dumps(value).decode()
    return output_json(value).decode()


def disagreement(case: dict[str, Any]) -> str | None:
    try:
        if case["kind"] == "transform":
            return _transform(case)
        if case["kind"] == "cloud":
            return _cloud(case)
        if case["kind"] == "file":
            return _file(case)
        return _trigger(case)
    except Exception as exc:  # noqa: BLE001 - a crash is a disagreement to report
        return f"crash: {type(exc).__name__}: {exc}"


def _transform(case: dict[str, Any]) -> str | None:
    from inspector.core.mapping import MappingError, resolve

    mapping = parse_mapping(case["mapping_text"])
    try:
        resolution = resolve(mapping, parse_event(case["event_text"]))
    except MappingError as exc:
        got = {"error": str(exc)}
    else:
        payload = resolution.payload
        undefined = getattr(resolution, "undefined", payload is None)  # older: None for both
        undefined = undefined or type(payload).__name__ == "JsFunction"  # JSON writes nothing
        got = {"undefined": True} if undefined else {"json": _output(payload)}
    want = {k: case[k] for k in ("error", "undefined", "json") if k in case}
    return None if got == want else f"got {got}, want {want}"


def _cloud(case: dict[str, Any]) -> str | None:
    from inspector.core.destinations import DestinationConfig
    from inspector.core.inspection import DirectEval, Engine

    sub: dict[str, Any] = {"name": "Users", "actionSlug": "sendUserdata", "trigger": "type = 'x'"}
    sub["trigger"] = 'type = "identify"'
    if case["mapping_text"] is not None:
        sub["mapping"] = parse_mapping(case["mapping_text"])
    config = DestinationConfig.from_json(
        {"destination": "actions-jimo-cloud", "settings": {"apiKey": "k"}, "subscriptions": [sub]}
    )
    # the action's own outcome: Segment's servers dropping events without ids is not recorded here
    engine, event = Engine(config), parse_event(case["event_text"])
    inspection = engine.evaluate(0, event, event, DirectEval(event, engine.compiled), None)
    result = inspection.results[0]
    if case["delivered"]:
        got = {"delivered": result.delivered, "payload": _output(result.payload)}
        want = {"delivered": True, "payload": case["payload"]}
    else:
        error = result.mapping_error or " ".join(result.errors)
        got = {"delivered": result.delivered, "error": error}
        want = {"delivered": False, "error": case["error"]}
    return None if got == want else f"got {got}, want {want}"


def _trigger(case: dict[str, Any]) -> str | None:
    from inspector.core.fql import TriggerSyntaxError, parse

    try:
        trigger = parse(case["trigger"])
    except TriggerSyntaxError as exc:
        return None if "parse_error" in case else f"parse error {exc}"
    if "parse_error" in case:
        return None if not trigger.ok else "parsed, want a parse error"
    event = parse_event(case["event_text"])
    got = trigger.matches(event)
    want = case["matched"] is True
    if got is not want:
        return f"matched {got}, want {case['matched']}"
    if not isinstance(event.get("type"), str):
        return _no_device_action(event)
    return None


def _no_device_action(event: dict[str, Any]) -> str | None:
    """analytics.js runs device-mode actions only for the type strings it knows."""
    from inspector.core.destinations import default_config
    from inspector.core.inspection import event_line, inspect

    [inspection] = inspect([event], default_config())
    _output(event_line(inspection))
    ran = [r.subscription for r in inspection.results if r.delivered or r.commands]
    return f"device actions ran: {ran}" if ran else None


MAX_DEPTH = 254
"""The inspector reads records nested up to this depth and refuses deeper ones with a reason
(JavaScript reads deeper ones; the JSON writer and every later stage stop here)."""


def _file(case: dict[str, Any]) -> str | None:
    """Every record JSON.parse yields loads with the same value; each refused one is skipped."""
    from inspector.core.events import EventRecord
    from inspector.core.loaders import read_path

    text = case["text"]
    if case.get("pad"):
        text = text.replace('"@PAD@"', '"' + "x" * case["pad"] + '"')
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.json"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            items: list[Any] = list(read_path(path))
        except Exception as exc:  # noqa: BLE001 - a LoadError or a crash: the file did not load
            items = [exc]
    got = []
    for item in items:
        if isinstance(item, EventRecord):
            got.append(_stringify(item.data))
        else:
            got.append("bad")
    want = []
    for record in case["records"]:
        deep = record.get("depth", 0) > MAX_DEPTH
        want.append("bad" if "bad" in record or deep else record["json"])
    if got == want:
        return None
    return f"got {[g[:60] for g in got]}, want {[w[:60] for w in want]}"


def _stringify(value: Any) -> str:
    from inspector.core._js import js_stringify

    return js_stringify(value)
