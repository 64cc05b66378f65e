"""Fuzzed event files never crash ``inspect``: each record loads or is one skipped record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.cli import main
from inspector.core.errors import LoadError
from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord, read_path
from tests.core.loaders.fuzzing import MUTATIONS, mutated_files

SEED = 20261206
FILES = 400


def _count(path: Path) -> tuple[int, list[BadRecord]]:
    events, bad = 0, []
    previous: object = None
    try:
        for item in read_path(path):
            if isinstance(item, EventRecord):
                events += 1
                assert isinstance(item.data, dict)
            else:
                assert isinstance(item, BadRecord)
                # one broken record, one message: never two in a row for the same place
                assert not (isinstance(previous, BadRecord) and previous.source == item.source)
                bad.append(item)
            previous = item
    except LoadError as exc:
        assert str(exc).startswith(str(path))
    return events, bad


def test_every_mutation_kind_is_exercised() -> None:
    names = [name for name, _ in mutated_files(SEED, FILES)]
    for mutation in MUTATIONS:
        assert sum(mutation in name for name in names) >= 20, mutation


def test_inspect_survives_every_fuzzed_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = []
    for name, data in mutated_files(SEED, FILES):
        path = tmp_path / f"{name}.json"
        path.write_bytes(data)
        paths.append(path)
    expected_events = 0
    for path in paths:
        events, bad = _count(path)
        expected_events += events
        for record in bad:
            assert record.reason and (record.source.line or record.source.entry), record
            assert "\n" not in record.reason, record
    assert main(["inspect", *map(str, paths)]) in (0, 1)
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == expected_events  # the run went through every file
    assert [json.loads(line)["index"] for line in lines] == list(range(expected_events))
    assert "Traceback" not in captured.err
    for line in captured.err.splitlines():
        assert line.startswith(str(tmp_path)), line  # every message says where
