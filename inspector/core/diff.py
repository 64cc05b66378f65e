"""What changes for Jimo between two destination configs (or two runs) over the same events.

Compares inspection results as JSON (``SubscriptionResult.to_json()`` plus the event's hazards),
so a live run and a stored snapshot compare the same way. Per event x subscription it reports:

============  ==================================================================
``verdict``   matched / not matched / matched but invalid / not delivered / …
``payload``   field by field (dotted paths, array indices as numbers)
``commands``  the Jimo SDK commands (device mode), DOM events, ``jimoInit()``
``request``   the Jimo Cloud HTTP request (method, url, headers, json body)
``errors``    trigger error, mapping error, validation messages
``hazards``   session hazards revealed by the subscription's action
``added``     a subscription only in the second config that matches the event
``removed``   a subscription only in the first config that matched the event
============  ==================================================================

Subscriptions are paired by name, then by position among those left; a subscription without a
partner changes an event only where it matches it.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from inspector.core.destinations import DestinationConfig
from inspector.core.inspection import EventInspection, event_line, inspect

__all__ = [
    "Change",
    "EventDiff",
    "Pair",
    "DiffSummary",
    "Comparison",
    "pair_subscriptions",
    "verdict",
    "value_changes",
    "diff_lines",
    "diff_configs",
    "inspection_line",
    "config_pairs",
    "describe",
    "show_value",
]

_HazardKey = tuple[str | None, str, str]
_DETAIL_KEYS = (  # (what, result key), in the order changes are listed
    ("payload", "payload"),
    ("commands", "commands"),
    ("commands", "dispatched_events"),
    ("commands", "jimo_init_called"),
    ("request", "request"),
    ("errors", "trigger_error"),
    ("errors", "mapping_error"),
    ("errors", "errors"),
)
_SILENT = ("disabled", "not matched")  # verdicts under which nothing reaches Jimo
_RELATIVE = ("payload", "commands", "request")  # paths inside these start at their root


@dataclass(frozen=True, slots=True)
class Change:
    """One difference: ``path`` is relative to ``what`` (``traits.email`` inside the payload)."""

    subscription: str | None
    what: str
    path: str
    before: Any
    after: Any

    def to_json(self) -> dict[str, Any]:
        return {
            "subscription": self.subscription,
            "what": self.what,
            "path": self.path,
            "before": self.before,
            "after": self.after,
        }


@dataclass(slots=True)
class EventDiff:
    """One event's differences; ``before``/``after`` are its two result lines (for views)."""

    index: int
    message_id: str | None
    changes: list[Change]
    before: dict[str, Any] = field(default_factory=dict, repr=False)
    after: dict[str, Any] = field(default_factory=dict, repr=False)

    def to_json(self) -> dict[str, Any]:
        """The ``diff`` command's NDJSON line."""
        return {
            "index": self.index,
            "messageId": self.message_id,
            "changes": [c.to_json() for c in self.changes],
        }


@dataclass(frozen=True, slots=True)
class Pair:
    """A subscription of the first config and its partner in the second (either may be None)."""

    before: int | None
    after: int | None
    before_name: str | None
    after_name: str | None

    @property
    def label(self) -> str:
        """The name shown: the second config's, ``old → new`` when renamed."""
        if self.before_name is None or self.before_name == self.after_name:
            return str(self.after_name)
        if self.after_name is None:
            return self.before_name
        return f"{self.before_name} → {self.after_name}"


def pair_subscriptions(before: Sequence[str], after: Sequence[str]) -> list[Pair]:
    """Pairs by name (repeated names in order), then by equal position among the rest.

    Returns pairs in the second config's order, then the removed ones in the first's.
    """
    partner: dict[int, int] = {}
    free = list(range(len(after)))
    for i, name in enumerate(before):
        j = next((j for j in free if after[j] == name), None)
        if j is not None:
            partner[i] = j
            free.remove(j)
    for i in range(len(before)):
        if i not in partner and i in free:
            partner[i] = i
            free.remove(i)
    by_after = {j: i for i, j in partner.items()}
    pairs = [
        Pair(by_after.get(j), j, before[by_after[j]] if j in by_after else None, after[j])
        for j in range(len(after))
    ]
    pairs += [Pair(i, None, before[i], None) for i in range(len(before)) if i not in partner]
    return pairs


def verdict(result: Mapping[str, Any]) -> str:
    """One word for a result's outcome, as the Mappings panel names it."""
    if not result.get("enabled", True):
        return "disabled"
    if result.get("trigger_error"):
        return "trigger error"
    if not result.get("matched"):
        return "not matched"
    if result.get("mapping_error") or (result.get("errors") and not result.get("delivered")):
        return "matched but invalid"
    if not result.get("delivered"):
        return "matched but not delivered"
    return "matched"


def value_changes(before: Any, after: Any, path: str = "") -> Iterator[tuple[str, Any, Any]]:
    """``(path, before, after)`` for every leaf that differs; a missing side is None.

    Objects are compared key by key and arrays item by item; anything else (or a change of
    kind) is one change at ``path``. Paths are dotted, array indices as numbers.
    """
    if isinstance(before, dict) and isinstance(after, dict):
        for key in _merged_keys(before, after):
            sub = f"{path}.{key}" if path else str(key)
            yield from value_changes(before.get(key), after.get(key), sub)
    elif isinstance(before, list) and isinstance(after, list):
        for i, (b, a) in enumerate(itertools.zip_longest(before, after)):
            yield from value_changes(b, a, f"{path}.{i}" if path else str(i))
    elif before != after or type(before) is not type(after):
        yield path, before, after


def _merged_keys(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return list(before) + [k for k in after if k not in before]


def _result_changes(name: str, before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    old, new = verdict(before), verdict(after)
    if old in _SILENT and new in _SILENT:
        return []  # nothing reaches Jimo on either side
    changes = [Change(name, "verdict", "", old, new)] if old != new else []
    for what, key in _DETAIL_KEYS:
        b, a = before.get(key), after.get(key)
        if b == a or not (a or b):  # empty and missing are alike (a snapshot omits empties)
            continue
        prefix = "" if key in _RELATIVE else key
        if not b or not a:  # one side has none: one change for the whole value
            changes.append(Change(name, what, prefix, b, a))
            continue
        changes += [
            Change(name, what, f"{prefix}.{p}" if prefix and p else prefix or p, vb, va)
            for p, vb, va in value_changes(b, a)
        ]
    return changes


def _hazard_set(line: Mapping[str, Any], labels: dict[int, str]) -> set[_HazardKey]:
    return {
        (labels.get(h.get("subscription")), h["code"], h["message"])
        for h in line.get("hazards") or ()
    }


def _hazard_changes(
    pairs: list[Pair], before: Mapping[str, Any], after: Mapping[str, Any]
) -> list[Change]:
    old = _hazard_set(before, {p.before: p.label for p in pairs if p.before is not None})
    new = _hazard_set(after, {p.after: p.label for p in pairs if p.after is not None})
    changes = [
        Change(s, "hazards", code, msg, None) for s, code, msg in sorted(old - new, key=_key)
    ]
    changes += [
        Change(s, "hazards", code, None, msg) for s, code, msg in sorted(new - old, key=_key)
    ]
    return changes


def _key(item: _HazardKey) -> tuple[str, str, str]:
    return (item[0] or "", item[1], item[2])


def _unpaired_change(pair: Pair, result: dict[str, Any], added: bool) -> Change | None:
    if verdict(result) in _SILENT:
        return None
    if added:
        return Change(pair.label, "added", "", None, verdict(result))
    return Change(pair.label, "removed", "", verdict(result), None)


def diff_lines(
    before: Mapping[str, Any], after: Mapping[str, Any], pairs: list[Pair] | None = None
) -> list[Change]:
    """Every change between two result lines of the same event (``results`` [+ ``hazards``])."""
    old, new = list(before.get("results") or ()), list(after.get("results") or ())
    if pairs is None:
        pairs = pair_subscriptions(
            [r["subscription"] for r in old], [r["subscription"] for r in new]
        )
    changes: list[Change] = []
    for pair in pairs:
        if pair.before is not None and pair.after is not None:
            changes += _result_changes(pair.label, old[pair.before], new[pair.after])
        elif pair.after is not None:
            change = _unpaired_change(pair, new[pair.after], added=True)
            changes += [change] if change else []
        elif pair.before is not None:
            change = _unpaired_change(pair, old[pair.before], added=False)
            changes += [change] if change else []
    return changes + _hazard_changes(pairs, before, after)


def describe(change: Change) -> str:
    """A change as one readable line: ``payload traits.email: "a@x.io" → missing``."""
    where = f"{change.what} {change.path}" if change.path else change.what
    return f"{where}: {show_value(change.before)} → {show_value(change.after)}"


def show_value(value: Any, width: int = 80) -> str:
    """A value for a one-line display: compact JSON, ``missing`` for None, cut at ``width``."""
    if value is None:
        return "missing"
    text = orjson.dumps(value).decode()
    return text if len(text) <= width else text[: width - 1] + "…"


def config_pairs(before: DestinationConfig, after: DestinationConfig) -> list[Pair]:
    """The subscription pairing of two configs (see ``pair_subscriptions``)."""
    return pair_subscriptions(
        [s.name for s in before.subscriptions], [s.name for s in after.subscriptions]
    )


def inspection_line(inspection: EventInspection) -> dict[str, Any]:
    """``event_line`` plus the event's hazards (``code``, ``message``, ``subscription``)."""
    line = event_line(inspection)
    line["hazards"] = [
        {"code": h.code, "message": h.message, "subscription": h.subscription}
        for h in inspection.hazards
    ]
    return line


def diff_configs(
    events: Iterable[Any],
    before: DestinationConfig,
    after: DestinationConfig,
    *,
    fresh_sdk: bool = False,
) -> Iterator[EventDiff]:
    """Inspect the events under both configs in step; one ``EventDiff`` per event, in order.

    Streams: only the current event's two inspections are held.
    """
    first, second = itertools.tee(events)
    pairs = config_pairs(before, after)
    runs = zip(
        inspect(first, before, fresh_sdk=fresh_sdk),
        inspect(second, after, fresh_sdk=fresh_sdk),
        strict=True,
    )
    for old, new in runs:
        a, b = inspection_line(old), inspection_line(new)
        yield EventDiff(a["index"], a["messageId"], diff_lines(a, b, pairs), a, b)


class Comparison:
    """A config diff computed in steps, so a window can show progress and cancel between them.

    Keeps the differing events only (with both result lines, for side-by-side views).
    """

    def __init__(
        self,
        events: Sequence[Any],
        before: DestinationConfig,
        after: DestinationConfig,
        *,
        fresh_sdk: bool = False,
    ) -> None:
        self.total = len(events)
        self.pairs = config_pairs(before, after)
        self.summary = DiffSummary()
        self.diffs: list[EventDiff] = []
        self._runs = diff_configs(events, before, after, fresh_sdk=fresh_sdk)
        self.finished = self.total == 0

    @property
    def done(self) -> int:
        return self.summary.events

    def step(self, seconds: float = 0.03) -> bool:
        """Compare events for about ``seconds``; True once every event is compared."""
        deadline = time.perf_counter() + seconds
        while not self.finished:  # at least one event per step
            diff = next(self._runs, None)
            if diff is None:
                self.finished = True
                break
            self.summary.add(diff)
            if diff.changes:
                self.diffs.append(diff)
            if time.perf_counter() >= deadline:
                break
        return self.finished


class DiffSummary:
    """Counts per subscription over many events ("Send Track Event: 37 payloads change")."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}
        self.events = 0
        self.differing = 0

    def add(self, diff: EventDiff) -> None:
        self.events += 1
        self.differing += bool(diff.changes)
        seen: dict[str, set[str]] = {}
        for change in diff.changes:
            seen.setdefault(change.subscription or "(session)", set()).add(_category(change))
        for name, categories in seen.items():
            if categories & {"now match", "no longer match"}:  # the rest follows from that
                categories &= {"now match", "no longer match", "hazards"}
            self.counts.setdefault(name, Counter()).update(categories)

    def lines(self) -> list[str]:
        """One sentence per subscription with changes, in first-seen order."""
        return [
            f"{name}: "
            + ", ".join(
                _phrase(cat, counter[cat]) for cat in sorted(counter, key=_ORDER.__getitem__)
            )
            for name, counter in self.counts.items()
        ]


_PHRASES = {  # category: (singular, plural), in the order sentences list them
    "added": ("matches {n} event (added)", "matches {n} events (added)"),
    "removed": ("matched {n} event (removed)", "matched {n} events (removed)"),
    "now match": ("{n} event now matches", "{n} events now match"),
    "no longer match": ("{n} event no longer matches", "{n} events no longer match"),
    "verdict": ("{n} verdict changes", "{n} verdicts change"),
    "payload": ("{n} payload changes", "{n} payloads change"),
    "commands": ("{n} SDK command list changes", "{n} SDK command lists change"),
    "request": ("{n} request changes", "{n} requests change"),
    "errors": ("{n} error list changes", "{n} error lists change"),
    "hazards": ("{n} hazard list changes", "{n} hazard lists change"),
}
_ORDER = {category: i for i, category in enumerate(_PHRASES)}


def _category(change: Change) -> str:
    if change.what != "verdict":
        return change.what
    if change.after in _SILENT:
        return "no longer match"
    return "now match" if change.before in _SILENT else "verdict"


def _phrase(category: str, n: int) -> str:
    singular, plural = _PHRASES[category]
    return (singular if n == 1 else plural).format(n=n)
