"""``inspect`` over worker processes: the same lines, in the same order, in a fraction of the time.

An event's output line depends on the event alone except through the SDK page it meets, and of
that page the line reads one thing: whether the Jimo SDK is initialised (``manualInit`` and
``jimoInit()`` decide when). So worker processes read whole lines of NDJSON files and write each
event's line for every initialised value it may meet (one, or two with ``manualInit``), with what
that leaves the page in. The main process keeps the only sequential part: which browser each
event meets and that browser's initialised flag, the event numbers, and the messageIds seen. A
repeated messageId, which never runs in the page, is redone in the main process from its line.

Workers are forked, so they share the compiled config; where ``fork`` does not exist (Windows),
:func:`parallel_available` says no. With one job there is no pool: this process works the same
chunks out in turn, which reads NDJSON faster than the record-by-record reader (each line is
decoded once).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from multiprocessing.pool import AsyncResult, Pool
from typing import Any, NamedTuple

from inspector.core.destinations import DestinationConfig, SdkState
from inspector.core.errors import LoadError
from inspector.core.events import EventRecord
from inspector.core.inspection._compiled import DirectEval
from inspector.core.inspection._duplicates import mark_dropped, mark_duplicate, not_run
from inspector.core.inspection._engine import Engine
from inspector.core.inspection._results import EventInspection, line_bytes
from inspector.core.loaders import (
    BadRecord,
    FirstValue,
    fold_skipped,
    line_chunks,
    lines_records,
    open_input,
    open_lines,
)
from inspector.core.message_ids import message_hash
from inspector.core.sdk_sessions import browser_key

__all__ = ["OutputBlock", "parallel_available", "inspect_lines", "lines_inputs", "default_jobs"]

_PREFIX = b'{"index":0'
_CHUNK_MIN, _CHUNK_MAX = 64 << 10, 1 << 20


class OutputBlock(NamedTuple):
    """NDJSON lines in a row (each with its newline), and what ``--fail-on`` asks of them:
    whether some event matched no enabled subscription, whether some result is invalid."""

    data: bytes
    unmatched: bool
    invalid: bool


def parallel_available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def lines_inputs(files: Sequence[str]) -> int | None:
    """The total size of ``files`` when every one is a line-based (NDJSON) file; else None."""
    total = 0
    for name in files:
        if name == "-":
            return None
        inp = open_lines(name)
        if inp is None:
            return None
        inp.close()
        total += os.path.getsize(name)
    return total


@dataclass(frozen=True, slots=True)
class _Context:
    """What every worker needs, made before forking: the engine and the states to try."""

    engine: Engine
    starts: tuple[SdkState | None, ...]
    """The page states an event is worked out for: one per initialised value it may meet."""


_CONTEXT: _Context | None = None


def _context(config: DestinationConfig) -> _Context:
    engine = Engine(config)
    start = engine.start
    if start is None:
        return _Context(engine, (None,))
    starts = [start]
    if start.set_up and not start.initialized:  # manualInit: jimoInit() may happen on the way
        starts.append(replace(start, initialized=True))
    return _Context(engine, tuple(starts))


class _Run:
    """Events in a row as a worker gives them, one list per field (cheap to pass between
    processes): messageId hashes (0: none), each event's line tails (one per start state, or
    one when they are all the same), the initialised flag each leaves, matched_any, invalid,
    and where each is (line number, position among the line's events) so that a repeat can be
    redone. ``keys`` (browsers) and ``afters`` are kept only when the chain reads them."""

    __slots__ = ("hashes", "keys", "tails", "afters", "matched", "invalid", "numbers", "ordinals")

    def __init__(self, flags: bool) -> None:
        self.hashes: list[int] = []
        self.keys: list[str | None] | None = [] if flags else None
        self.tails: list[Any] = []
        """Per event: its tail (bytes), or with ``flags`` a tuple of one tail per start state."""
        self.afters: list[tuple[Any, ...]] | None = [] if flags else None
        self.matched: list[bool] = []
        self.invalid: list[bool] = []
        self.numbers: list[int] = []
        self.ordinals: list[int] = []

    def __getstate__(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for name, value in zip(self.__slots__, state, strict=True):
            setattr(self, name, value)


_Item = BadRecord | FirstValue | _Run


def _work(name: str, first_line: int, data: bytes, flags: bool) -> list[_Item]:
    """A chunk's items in order: skipped records, the first-value marker, runs of events."""
    assert _CONTEXT is not None, "workers are forked after the context is set"
    engine, starts = _CONTEXT.engine, _CONTEXT.starts
    items: list[_Item] = []
    run: _Run | None = None
    line, ordinal = -1, 0
    for number, item, event in lines_records(data, name, first_line):
        if not isinstance(item, EventRecord):
            items.append(item)
            run = None
            continue
        if run is None:
            run = _Run(flags)
            items.append(run)
        ordinal = ordinal + 1 if number == line else 0
        line = number
        _event(engine, starts, item, item.data if event is None else event, run)
        run.numbers.append(number)
        run.ordinals.append(ordinal)
    return items


def _event(
    engine: Engine,
    starts: tuple[SdkState | None, ...],
    record: EventRecord,
    event: dict[str, Any],
    run: _Run,
) -> None:
    """Work out one event for each start state (the first alone when the chain reads no flag)."""
    ev = DirectEval(event, engine.compiled)
    if run.afters is None:
        starts = starts[:1]
    tails: list[bytes] = []
    afters: list[Any] = []
    inspection: EventInspection | None = None
    for start in starts:
        inspection = engine.evaluate(0, record, event, ev, start)
        if not engine.device:
            mark_dropped(inspection, event)
        text = line_bytes(inspection, record)
        assert text.startswith(_PREFIX)
        tails.append(text[len(_PREFIX) :])
        state = inspection.state
        afters.append(None if state is None else state.initialized)
    assert inspection is not None
    if len(tails) > 1 and all(tail == tails[0] for tail in tails):
        tails = tails[:1]
    run.hashes.append(message_hash(event.get("messageId")))
    if run.keys is not None and run.afters is not None:
        run.tails.append(tuple(tails))
        run.keys.append(browser_key(event))
        run.afters.append(tuple(afters))
    else:
        run.tails.append(tails[0])
    run.matched.append(inspection.matched_any)
    run.invalid.append(inspection.invalid)


class _Chain:
    """The sequential part: browsers, their initialised flags, event numbers, messageIds."""

    def __init__(self, context: _Context, sdk_sessions: str, fresh: bool) -> None:
        self.context = context
        starts = context.starts
        self.values = {(s.initialized if s is not None else None): i for i, s in enumerate(starts)}
        self.start = None if starts[0] is None else starts[0].initialized
        self.fresh = fresh or sdk_sessions == "event" or starts[0] is None
        self.browsers = sdk_sessions == "browser" and not self.fresh
        self.flags_needed = len(starts) > 1 and not self.fresh
        """Whether an event's line depends on the flag it meets (else every event meets the
        first start state's, and browsers and flags need no following)."""
        self.flags: dict[str | None, Any] = {}
        self.current: str | None = None
        self.flag = self.start
        self.index = 0
        self.first_of: dict[int, int] = {}
        self.parsed = False
        """Whether a line of the current file parsed (its first value has been met)."""

    def before(self, key: str | None) -> tuple[Any, str | None]:
        """The flag the event meets (its browser's), and that browser."""
        if self.fresh:
            return self.start, None
        if not self.browsers:
            return self.flag, None
        if key is None:
            key = self.current
        elif len(self.flags) == 1 and None in self.flags:  # events before the first anonymousId
            self.flags[key] = self.flags.pop(None)
        return self.flags.get(key, self.start), key

    def after(self, key: str | None, flag: Any) -> None:
        if self.fresh:
            return
        if self.browsers:
            self.flags[key] = flag
            self.current = key
        else:
            self.flag = flag


def inspect_lines(
    files: Sequence[str],
    config: DestinationConfig,
    *,
    sdk_sessions: str = "page",
    fresh_sdk: bool = False,
    jobs: int = 2,
    chunk_bytes: int | None = None,
) -> Iterator[OutputBlock | str]:
    """``inspect``'s NDJSON lines for line-based files (see :func:`lines_inputs`), in order and
    in blocks, with the messages of skipped records (``str``) where the one-process reading
    gives them.

    The lines are byte for byte those of ``output_json(event_line(...))`` over
    :func:`~inspector.core.inspection.inspect` of the files' records. Workers get about
    ``chunk_bytes`` of lines at a time (default: a quarter of each one's share, 64 KB to 1 MB).
    With ``jobs=1`` there are no worker processes: this process works the chunks out in turn.
    """
    global _CONTEXT
    _CONTEXT = context = _context(config)
    chain = _Chain(context, sdk_sessions, fresh_sdk)
    total = sum(os.path.getsize(name) for name in files)
    size = chunk_bytes or max(_CHUNK_MIN, min(_CHUNK_MAX, total // max(1, jobs * 4)))
    try:
        pool: Pool | _InProcess = _start(jobs) if jobs > 1 else _InProcess()
    except BaseException:
        _CONTEXT = None
        raise
    try:
        for name in files:
            chain.parsed = False
            try:
                yield from _one_file(pool, chain, name, size, jobs)
            except LoadError as exc:  # as one process tells it, then on to the next file
                yield str(exc)
    finally:
        pool.terminate()  # done, or stopped early: nothing a worker still does is wanted
        pool.join()
        _CONTEXT = None


class _InProcess:
    """A pool without worker processes: each chunk is worked out here, when its turn comes."""

    def apply_async(self, func: Callable[..., list[_Item]], args: tuple[Any, ...]) -> _Later:
        return _Later(func, args)

    def terminate(self) -> None:
        pass

    def join(self) -> None:
        pass


class _Later:
    def __init__(self, func: Callable[..., list[_Item]], args: tuple[Any, ...]) -> None:
        self.func, self.args = func, args

    def get(self) -> list[_Item]:
        return self.func(*self.args)


def _start(jobs: int) -> Pool:
    """The workers, forked with Ctrl+C held back: it reaches the whole process group, and the
    main process alone stops (then it stops the workers)."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    gc.freeze()  # what the workers inherit is never collected there, so its pages stay shared
    try:
        return multiprocessing.get_context("fork").Pool(jobs, initializer=_ignore_interrupts)
    finally:
        gc.unfreeze()
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _one_file(
    pool: Pool | _InProcess, chain: _Chain, name: str, size: int, jobs: int
) -> Iterator[OutputBlock | str]:
    for item in fold_skipped(_file_items(pool, chain, name, size, jobs)):
        yield str(item) if isinstance(item, BadRecord) else item


def _file_items(
    pool: Pool | _InProcess, chain: _Chain, name: str, size: int, jobs: int
) -> Iterator[OutputBlock | BadRecord]:
    try:  # lines_inputs() sniffed it already
        inp = open_input(name)
    except OSError as exc:
        raise LoadError(name, exc.strerror or str(exc)) from exc
    label = inp.name
    chunks = line_chunks(inp, size)
    waiting: deque[tuple[AsyncResult[list[_Item]] | _Later, int, bytes]] = deque()
    error: LoadError | None = None
    try:
        while True:
            while error is None and len(waiting) < 2 * jobs:
                try:
                    first_line, data = next(chunks)
                except StopIteration:
                    break
                except LoadError as exc:  # reading stopped: what was read is still inspected
                    error = exc
                    break
                task = pool.apply_async(_work, (label, first_line, data, chain.flags_needed))
                waiting.append((task, first_line, data))
            if not waiting:
                break
            task, first_line, data = waiting.popleft()
            yield from _Block(chain, label, _Lines(first_line, data)).items(task.get())
    finally:
        chunks.close()
    if error is not None:
        raise error


class _Block:
    """A chunk's results in order: blocks of lines, split where a skipped record is told."""

    def __init__(self, chain: _Chain, name: str, lines: _Lines) -> None:
        self.chain, self.name, self.lines = chain, name, lines

    def items(self, results: list[_Item]) -> Iterator[OutputBlock | BadRecord]:
        chain = self.chain
        for item in results:
            if isinstance(item, FirstValue):
                if not chain.parsed and item.reason is not None:
                    raise LoadError(self.name, item.reason)  # the file's first value: refused
                chain.parsed = True
            elif isinstance(item, BadRecord):
                yield item
            else:
                yield self._quick(item) or self._run(item)

    def _quick(self, run: _Run) -> OutputBlock | None:
        """A run's lines at once: when the chain reads no flag and no messageId repeats."""
        chain = self.chain
        if chain.flags_needed:
            return None
        start = chain.index
        stop = start + len(run.hashes)
        firsts = dict(zip(reversed(run.hashes), range(stop - 1, start - 1, -1), strict=True))
        firsts.pop(0, None)  # events without a messageId
        if len(firsts) != len(run.hashes) - run.hashes.count(0):
            return None  # a repeat within the run
        if not chain.first_of.keys().isdisjoint(firsts):
            return None  # a repeat of an earlier event
        chain.first_of.update(firsts)
        chain.index = stop
        data = b"".join(
            [b'{"index":%d%s\n' % pair for pair in zip(range(start, stop), run.tails, strict=True)]
        )
        return OutputBlock(data, not all(run.matched), any(run.invalid))

    def _run(self, run: _Run) -> OutputBlock:
        """A run's lines event by event: flags followed, repeats redone."""
        parts: list[bytes] = []
        unmatched = invalid = False
        for i, hashed in enumerate(run.hashes):
            matched_any, bad = self._event(run, i, hashed, parts)
            unmatched = unmatched or not matched_any
            invalid = invalid or bad
        return OutputBlock(b"".join(parts), unmatched, invalid)

    def _event(self, run: _Run, i: int, hashed: int, parts: list[bytes]) -> tuple[bool, bool]:
        chain = self.chain
        index = chain.index
        chain.index = index + 1
        flags = run.keys is not None and run.afters is not None
        flag, browser = chain.before(run.keys[i] if run.keys is not None else None)
        variant = chain.values.get(flag, 0) if flags else 0
        first = chain.first_of.setdefault(hashed, index) if hashed else index
        if first != index:  # a repeat: dropped by Segment, never run in the page
            chain.after(browser, flag)
            number = run.numbers[i]
            text = self.lines.line(number)
            line, matched_any, invalid = _repeat(
                chain, index, first, variant, self.name, text, number, run.ordinals[i]
            )
            parts.append(line)
            return matched_any, invalid
        tail = run.tails[i]
        if run.afters is not None:
            chain.after(browser, run.afters[i][variant])
            tail = tail[variant] if len(tail) > 1 else tail[0]
        parts.append(b'{"index":%d%s\n' % (index, tail))
        return run.matched[i], run.invalid[i]


class _Lines:
    """A chunk's lines, split only when a repeat needs one."""

    def __init__(self, first_line: int, data: bytes) -> None:
        self.first_line, self.data = first_line, data
        self._lines: list[bytes] | None = None

    def line(self, number: int) -> bytes:
        if self._lines is None:
            self._lines = self.data.splitlines()
        return self._lines[number - self.first_line]


def _repeat(
    chain: _Chain,
    index: int,
    first: int,
    variant: int,
    name: str,
    text: bytes,
    number: int,
    ordinal: int,
) -> tuple[bytes, bool, bool]:
    """A repeated messageId's line (with its newline), worked out here from the event's line."""
    records = [r for _, r, _ in lines_records(text, name, number) if isinstance(r, EventRecord)]
    record = records[ordinal]
    engine = chain.context.engine
    state = chain.context.starts[variant]
    event = record.data
    inspection = engine.evaluate(index, record, event, DirectEval(event, engine.compiled), state)
    if not engine.device:
        mark_dropped(inspection, event)
    not_run(inspection, state)
    mark_duplicate(inspection, first)
    line = line_bytes(inspection, record) + b"\n"
    return line, inspection.matched_any, inspection.invalid
