"""Verdicts of events repeating an earlier messageId: matched, but not delivered."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from inspector.core.evaluation._blocks import BlockList
from inspector.core.evaluation._model import Evaluation, Verdict

__all__ = ["demote_duplicates"]

_DEMOTE = bytes.maketrans(bytes([Verdict.DELIVERED]), bytes([Verdict.NOT_DELIVERED]))


def demote_duplicates(
    evaluation: Evaluation, duplicates: Mapping[int, int] | Iterable[int]
) -> None:
    """Turn "delivered" verdicts of the given events into "not delivered".

    Called before the evaluation's totals are counted. The plain list a pass wrote is changed in
    place; block lists (an evaluation spliced after an edit) are replaced by one that shares the
    blocks with nothing to demote.
    """
    verdicts = evaluation.verdicts
    if isinstance(verdicts, BlockList):
        changes = {}
        for index in duplicates:
            if 0 <= index < len(verdicts):
                demoted = verdicts[index].translate(_DEMOTE)
                if demoted != verdicts[index]:
                    changes[index] = demoted
        if changes:
            evaluation.verdicts = verdicts.replaced(changes)
        return
    for index in duplicates:
        if not 0 <= index < len(verdicts):
            continue
        assert isinstance(verdicts, list), "a list or a block list"
        verdicts[index] = verdicts[index].translate(_DEMOTE)
