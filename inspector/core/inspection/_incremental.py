"""Incremental inspection for live editing: recompute only what a change can affect.

Two layers. The pure layer caches, per subscription column and event, the trigger verdict, the
mapping output and the checked payload; an event edit drops that event's entries, a subscription
edit drops its column's verdicts only if the trigger changed and its payloads only if the action
or mapping changed. The stateful layer is the device-mode page session: the SDK state after each
event forms a chain. In one-session mode an event edit invalidates the chain from that event
onwards; replay then stops recomputing as soon as an event's state comes out unchanged. With
``fresh_sdk`` or in cloud mode events are independent. Finished ``EventInspection``s are kept in
a bounded LRU cache. Not thread-safe: use one ``Inspector`` from one thread.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import orjson

from inspector.core.destinations import DestinationConfig, SdkState, Subscription, get_destination
from inspector.core.inspection._compiled import (
    Checked,
    CompiledSubscription,
    Resolved,
    check_resolved,
    compile_subscription,
    match_event,
    resolve_event,
)
from inspector.core.inspection._engine import Engine, event_data
from inspector.core.inspection._results import EventInspection

__all__ = ["Inspector"]

Stamp = tuple[int, int]


class _Column:
    """The pure-step caches of one subscription, keyed by event index.

    Verdicts depend only on the trigger text and mapping outputs only on the action and mapping,
    so columns with equal ones share (and keep, across edits) the same cache dicts.
    """

    __slots__ = ("compiled", "matched", "resolved", "checked")

    def __init__(self, compiled: CompiledSubscription, pool: _CachePool) -> None:
        self.compiled = compiled
        self.matched = pool.matched.setdefault(compiled.sub.trigger, {})
        self.resolved, self.checked = pool.outputs.setdefault(_mapping_key(compiled), ({}, {}))

    def forget(self, i: int) -> None:
        self.matched.pop(i, None)
        self.resolved.pop(i, None)
        self.checked.pop(i, None)


@dataclass(slots=True)
class _CachePool:
    matched: dict[str, dict[int, bool]]
    outputs: dict[tuple[str, bytes], tuple[dict[int, Resolved], dict[int, Checked]]]

    @classmethod
    def of(cls, columns: list[_Column]) -> _CachePool:
        pool = cls({}, {})
        for c in columns:
            pool.matched[c.compiled.sub.trigger] = c.matched
            pool.outputs[_mapping_key(c.compiled)] = (c.resolved, c.checked)
        return pool


def _mapping_key(compiled: CompiledSubscription) -> tuple[str, bytes]:
    return compiled.sub.action, orjson.dumps(compiled.sub.mapping)


class _CachedEval:
    __slots__ = ("event", "columns", "i", "stats")

    def __init__(
        self, event: dict[str, Any], columns: list[_Column], i: int, stats: Counter[str]
    ) -> None:
        self.event, self.columns, self.i, self.stats = event, columns, i, stats

    def matched(self, j: int) -> bool:
        cache = self.columns[j].matched
        if self.i not in cache:
            self.stats["matched"] += 1
            cache[self.i] = match_event(self.columns[j].compiled, self.event)
        return cache[self.i]

    def resolved(self, j: int) -> Resolved:
        cache = self.columns[j].resolved
        if self.i not in cache:
            self.stats["resolved"] += 1
            cache[self.i] = resolve_event(self.columns[j].compiled, self.event)
        return cache[self.i]

    def checked(self, j: int) -> Checked:
        cache = self.columns[j].checked
        if self.i not in cache:
            self.stats["checked"] += 1
            cache[self.i] = check_resolved(self.columns[j].compiled, self.resolved(j))
        return cache[self.i]


@dataclass(slots=True)
class _Link:
    stamp: Stamp
    before: SdkState | None
    after: SdkState | None


class Inspector:
    """Inspection results for a list of events, kept up to date across edits.

    ``stats`` counts the work done (``matched``, ``resolved``, ``checked``, ``events``), which is
    how tests and the GUI can see what an edit cost.
    """

    def __init__(
        self, config: DestinationConfig, fresh_sdk: bool = False, cache_size: int = 4096
    ) -> None:
        self.fresh_sdk = fresh_sdk
        self.stats: Counter[str] = Counter()
        self._cache_size = cache_size
        self._items: list[Any] = []
        self._versions: list[int] = []
        self._chain: list[_Link | None] = []
        self._valid = 0
        self._finals: OrderedDict[int, tuple[Stamp, SdkState | None, EventInspection]] = (
            OrderedDict()
        )
        self._config_version = 0
        self._columns: list[_Column] = []
        self._install(config)

    # -- configuration -----------------------------------------------------------------------

    @property
    def config(self) -> DestinationConfig:
        return self._engine.config

    def set_config(self, config: DestinationConfig) -> None:
        """Replace the config; caches of unchanged triggers and mappings are kept."""
        self._install(config)

    def update_subscription(self, j: int, sub: Subscription) -> None:
        """Replace subscription ``j`` (``j == len(subscriptions)`` appends one)."""
        self._install(self.config.with_subscription(j, sub))

    def _install(self, config: DestinationConfig) -> None:
        actions = get_destination(config.destination).actions
        pool = _CachePool.of(self._reusable_columns(config))
        self._columns = [
            _Column(compile_subscription(j, sub, actions), pool)
            for j, sub in enumerate(config.subscriptions)
        ]
        self._engine = Engine(config, [c.compiled for c in self._columns])
        self._config_version += 1
        self._valid = 0

    def _reusable_columns(self, config: DestinationConfig) -> list[_Column]:
        if not self._columns or self._engine.config.destination != config.destination:
            return []
        return self._columns

    # -- events ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._items)

    def set_events(self, items: Iterable[Any]) -> None:
        """Replace every event (``EventRecord``s or dicts); all caches are dropped."""
        self._items = list(items)
        self._versions = [0] * len(self._items)
        self._chain = [None] * len(self._items)
        self._finals.clear()
        self._valid = 0
        pool = _CachePool({}, {})
        self._columns = [_Column(c.compiled, pool) for c in self._columns]

    def append_events(self, items: Iterable[Any]) -> None:
        """Add events at the end (a live capture); nothing computed so far is invalidated."""
        new = list(items)
        self._items.extend(new)
        self._versions.extend([0] * len(new))
        self._chain.extend([None] * len(new))

    def update_event(self, i: int, data: Any) -> None:
        """Replace event ``i``; in one-session device mode later SDK states are re-checked."""
        self._items[i] = data
        self._versions[i] += 1
        for column in self._columns:
            column.forget(i)
        self._valid = min(self._valid, i)

    # -- results -----------------------------------------------------------------------------

    def result(self, i: int) -> EventInspection:
        """The inspection of event ``i`` (computed now, or from the cache)."""
        if not 0 <= i < len(self._items):
            raise IndexError(i)
        if self._chained:
            self._ensure_chain(i)
        before = self._before(i)
        stamp = self._stamp(i)
        hit = self._finals.get(i)
        if hit is not None and hit[0] == stamp and hit[1] is before:
            self._finals.move_to_end(i)
            return hit[2]
        inspection = self._compute(i, before)
        self._remember(i, stamp, before, inspection)
        return inspection

    def results(self, start: int = 0, stop: int | None = None) -> Iterator[EventInspection]:
        for i in range(start, len(self._items) if stop is None else stop):
            yield self.result(i)

    def _stamp(self, i: int) -> Stamp:
        return self._versions[i], self._config_version

    @property
    def _chained(self) -> bool:
        """Device mode with one page session: each event depends on the ones before it."""
        return self._engine.start is not None and not self.fresh_sdk

    def _before(self, i: int) -> SdkState | None:
        start = self._engine.start
        if not self._chained or i == 0:
            return start
        link = self._chain[i - 1]
        assert link is not None
        return link.after

    def _ensure_chain(self, upto: int) -> None:
        for k in range(self._valid, upto + 1):
            before = self._engine.start if k == 0 else self._chain[k - 1].after  # type: ignore[union-attr]
            link, stamp = self._chain[k], self._stamp(k)
            if link is not None and link.stamp == stamp and link.before is before:
                continue
            inspection = self._compute(k, before)
            after = inspection.state
            if link is not None and link.after == after:
                after = link.after  # unchanged: later links stay valid
            self._chain[k] = _Link(stamp, before, after)
            self._remember(k, stamp, before, inspection)
        self._valid = max(self._valid, upto + 1)

    def _compute(self, i: int, before: SdkState | None) -> EventInspection:
        self.stats["events"] += 1
        item = self._items[i]
        event = event_data(item)
        ev = _CachedEval(event, self._columns, i, self.stats)
        return self._engine.evaluate(i, item, event, ev, before)

    def _remember(
        self, i: int, stamp: Stamp, before: SdkState | None, inspection: EventInspection
    ) -> None:
        self._finals[i] = (stamp, before, inspection)
        self._finals.move_to_end(i)
        while len(self._finals) > self._cache_size:
            self._finals.popitem(last=False)
