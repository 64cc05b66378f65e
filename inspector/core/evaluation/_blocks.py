"""An immutable sequence kept in blocks, so that a longer copy shares all but the last one."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar, overload

__all__ = ["BlockList"]

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
