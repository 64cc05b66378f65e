"""An immutable sequence kept in blocks, so that a longer copy shares all but the last one."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar, overload

__all__ = ["BlockList", "Sealed"]

T = TypeVar("T")
BLOCK = 4096


class BlockList(Sequence[T]):
    """A read-only sequence; :meth:`extended` makes a longer one in time proportional to what
    is added (a million-entry list is never copied, nor its entries' reference counts touched,
    which is what makes appending to a big evaluation cheap).
    """

    __slots__ = ("_blocks", "_length")

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._blocks: tuple[tuple[T, ...], ...] = ()
        self._length = 0
        as_sequence = items if isinstance(items, Sequence) else list(items)
        self._blocks, self._length = self._grown(as_sequence)

    @classmethod
    def of(cls, items: Sequence[T]) -> BlockList[T]:
        return items if isinstance(items, BlockList) else cls(items)

    def extended(self, items: Sequence[T]) -> BlockList[T]:
        """This sequence followed by ``items``; this one is left as it is."""
        out: BlockList[T] = BlockList()
        out._blocks, out._length = self._grown(items)
        return out

    def spliced(self, start: int, stop: int, items: Sequence[T]) -> BlockList[T]:
        """``self[:start] + items + self[stop:]``, sharing the blocks it can: all those outside
        ``start..stop`` when ``items`` is as long as what it replaces, else those before it."""
        start, stop = max(0, min(start, self._length)), max(0, min(stop, self._length))
        stop = max(start, stop)
        if len(items) == stop - start:
            blocks = list(self._blocks)
            for block in range(start // BLOCK, -(-stop // BLOCK)):  # those the stretch overlaps
                base = block * BLOCK
                changed = list(blocks[block])
                low, high = max(start, base), min(stop, base + len(changed))
                changed[low - base : high - base] = items[low - start : high - start]
                blocks[block] = tuple(changed)
            out: BlockList[T] = BlockList()
            out._blocks, out._length = tuple(blocks), self._length
            return out
        keep = start // BLOCK  # whole blocks before ``start``
        head: BlockList[T] = BlockList()
        head._blocks, head._length = self._blocks[:keep], keep * BLOCK
        return head.extended(
            [*self._run(keep * BLOCK, start), *items, *self._run(stop, self._length)]
        )

    def replaced(self, changes: dict[int, T]) -> BlockList[T]:
        """This sequence with ``changes`` (index: new item) made; untouched blocks are shared."""
        blocks = list(self._blocks)
        touched: dict[int, list[T]] = {}
        for index, item in changes.items():
            if not 0 <= index < self._length:
                raise IndexError(index)
            block, offset = divmod(index, BLOCK)
            if block not in touched:
                touched[block] = list(blocks[block])
            touched[block][offset] = item
        for block, items in touched.items():
            blocks[block] = tuple(items)
        out: BlockList[T] = BlockList()
        out._blocks, out._length = tuple(blocks), self._length
        return out

    def _grown(self, items: Sequence[T]) -> tuple[tuple[tuple[T, ...], ...], int]:
        blocks = list(self._blocks)
        start = 0
        if blocks and len(blocks[-1]) < BLOCK:  # fill the partial last block first
            start = BLOCK - len(blocks[-1])
            blocks[-1] += tuple(items[:start])
        # block by block: a worker thread doing this never holds the GIL for long
        blocks.extend(tuple(items[k : k + BLOCK]) for k in range(start, len(items), BLOCK))
        return tuple(blocks), self._length + len(items)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._length)
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            return self._run(start, stop)
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        block, offset = divmod(index, BLOCK)
        return self._blocks[block][offset]

    def _run(self, start: int, stop: int) -> list[T]:
        if start >= stop:
            return []
        first, last = start // BLOCK, (stop - 1) // BLOCK
        items = list(itertools.chain.from_iterable(self._blocks[first : last + 1]))
        return items[start - first * BLOCK : stop - first * BLOCK]

    def __iter__(self) -> Iterator[T]:
        return itertools.chain.from_iterable(self._blocks)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BlockList | list | tuple):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"BlockList({list(self)!r})"


class Sealed:
    """Blocks of lists that only grow, copied into tuples as they fill.

    Turning a million-entry list into a :class:`BlockList` at the end then copies only its last
    block. Made all at once, the blocks are millions of new references, which the next young
    garbage collection walks in one go: tens of milliseconds on the window's GUI thread, and
    longer while it waits for the worker to let go of the GIL.
    """

    __slots__ = ("_blocks",)

    def __init__(self) -> None:
        self._blocks: dict[str, list[tuple[Any, ...]]] = {}

    def add(self, name: str, items: Sequence[Any]) -> None:
        """Seal the blocks of ``items`` filled since the last call."""
        done = self._blocks.setdefault(name, [])
        while (len(done) + 1) * BLOCK <= len(items):
            start = len(done) * BLOCK
            done.append(tuple(items[start : start + BLOCK]))

    def block_list(
        self, name: str, items: Sequence[T], changed: Iterable[int] = ()
    ) -> BlockList[T]:
        """``BlockList(items)``, from the blocks sealed from ``items`` and the rest of it.

        ``changed`` are indices where ``items`` was changed in place after it was sealed there:
        their blocks are copied again.
        """
        done: list[tuple[T, ...]] = list(self._blocks.get(name, ()))
        if len(done) * BLOCK > len(items):  # not sealed from these items
            done = []
        for index in changed:
            block = index // BLOCK
            if 0 <= block < len(done):
                done[block] = tuple(items[block * BLOCK : (block + 1) * BLOCK])
        out: BlockList[T] = BlockList()
        out._blocks, out._length = tuple(done), len(done) * BLOCK
        return out.extended(items[len(done) * BLOCK :])
