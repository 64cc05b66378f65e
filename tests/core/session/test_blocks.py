"""Block lists: read like lists, grow by sharing blocks."""

from __future__ import annotations

import pytest

from inspector.core.evaluation._blocks import BLOCK, BlockList, Sealed


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


@pytest.mark.parametrize("length", [0, 5, BLOCK, 2 * BLOCK + 7])
def test_sealed_blocks_make_the_same_block_list_and_share_their_blocks(length: int) -> None:
    items: list[int] = []
    sealed = Sealed()
    for i in range(length):  # sealed now and then, as a pass does
        items.append(i)
        if i % 64 == 0:
            sealed.add("n", items)
    made = sealed.block_list("n", items)
    assert made == items and list(made) == items and len(made) == length
    sealed_blocks = sealed._blocks.get("n", [])
    assert all(x is y for x, y in zip(sealed_blocks, made._blocks, strict=False))


def test_sealed_blocks_changed_afterwards_are_copied_again() -> None:
    items = list(range(3 * BLOCK + 10))
    sealed = Sealed()
    sealed.add("n", items)
    items[5] = -5
    items[2 * BLOCK + 1] = -1
    made = sealed.block_list("n", items, changed=[5, 2 * BLOCK + 1, 3 * BLOCK + 2, 10**9])
    assert list(made) == items
    assert sealed.block_list("n", items[:10]) == items[:10]  # not the list it sealed


@pytest.mark.parametrize("length", [0, 1, BLOCK - 1, BLOCK, 3 * BLOCK + 5])
def test_a_spliced_block_list_reads_like_the_spliced_list(length: int) -> None:
    import random

    rng = random.Random(length)
    items = list(range(length))
    made = BlockList(items)
    for _ in range(40):
        start = rng.randrange(length + 1)
        stop = rng.randrange(start, length + 1)
        same = rng.random() < 0.5
        new = [-k for k in range(stop - start if same else rng.randrange(2 * BLOCK))]
        spliced = made.spliced(start, stop, new)
        expected = items[:start] + new + items[stop:]
        assert list(spliced) == expected and len(spliced) == len(expected)
        assert [spliced[i] for i in range(0, len(expected), 97)] == expected[::97]
        assert list(made) == items  # left as it was
        before = start // BLOCK
        assert all(x is y for x, y in zip(made._blocks[:before], spliced._blocks, strict=False))
        if same and stop > start:  # the blocks after the replaced stretch are shared too
            after = (stop - 1) // BLOCK + 1
            assert all(
                x is y for x, y in zip(made._blocks[after:], spliced._blocks[after:], strict=True)
            )


def test_replaced_copies_only_the_blocks_it_changes() -> None:
    made = BlockList(range(3 * BLOCK))
    changed = made.replaced({BLOCK + 2: -1, BLOCK + 3: -2})
    assert changed[BLOCK + 2] == -1 and changed[BLOCK + 3] == -2 and made[BLOCK + 2] == BLOCK + 2
    assert changed._blocks[0] is made._blocks[0] and changed._blocks[2] is made._blocks[2]
    assert changed._blocks[1] is not made._blocks[1]
    with pytest.raises(IndexError):
        made.replaced({3 * BLOCK: 0})
