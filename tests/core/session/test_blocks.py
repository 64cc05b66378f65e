"""Block lists: read like lists, grow by sharing blocks."""

from __future__ import annotations

import pytest

from inspector.core.evaluation._blocks import BLOCK, BlockList


@pytest.mark.parametrize("sizes", [(0, 5), (3, BLOCK), (BLOCK, 1), (BLOCK - 1, 2 * BLOCK + 3)])
def test_an_extended_block_list_reads_like_the_concatenated_list(sizes: tuple[int, int]) -> None:
    first, more = sizes
    a = BlockList(range(first))
    b = a.extended(list(range(first, first + more)))
    expected = list(range(first + more))
    assert list(b) == expected and len(b) == len(expected) and b == expected
    assert list(a) == list(range(first))  # left as it was
    for i in (0, first - 1, first, len(expected) - 1, -1):
        if -len(expected) <= i < len(expected):
            assert b[i] == expected[i]
    assert b[first // 2 : first + more // 2] == expected[first // 2 : first + more // 2]
    assert b[::3] == expected[::3]
    with pytest.raises(IndexError):
        b[len(expected)]


def test_growing_shares_the_full_blocks() -> None:
    a = BlockList(range(3 * BLOCK))
    b = a.extended([1, 2, 3])
    assert all(x is y for x, y in zip(a._blocks, b._blocks, strict=False))
