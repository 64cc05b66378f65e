"""A workbench kept in its session file: what it publishes is written, and read back into it."""

from __future__ import annotations

import json
from pathlib import Path

from inspector.core.destinations import default_config
from inspector.core.events import EventRecord, EventSource
from inspector.core.loaders import BadRecord, read_bytes
from inspector.core.sessionfile import SessionDocument, SessionKeeper, read_meta, read_session
from inspector.core.workbench import Workbench
from tests.core.workbench.conftest import ManualRunner
from tests.factories import make_event
from tests.sessionfiles import cloud_config


def _paste(workbench: Workbench, *names: str) -> None:
    text = "\n".join(json.dumps(make_event(event=n)) for n in names) + "\n{broken\n"
    items = read_bytes(text.encode(), "events.ndjson", kind="file")
    workbench.append(
        [i for i in items if isinstance(i, EventRecord)],
        [i for i in items if isinstance(i, BadRecord)],
    )


def _kept(tmp_path: Path, ui: dict[str, object]) -> tuple[Workbench, SessionDocument]:
    workbench = Workbench(runner=ManualRunner())
    document = SessionDocument(tmp_path / "autosave")
    document.start_unsaved()
    SessionKeeper(workbench, document, lambda: dict(ui))
    return workbench, document


def test_appends_edits_config_and_clear_reach_the_file(tmp_path: Path) -> None:
    ui: dict[str, object] = {"selection": 1, "filter": "", "tab": 0}
    workbench, document = _kept(tmp_path, ui)
    _paste(workbench, "A", "B")
    workbench.edit_event(1, dict(workbench.store[1].data, event="B edited"))
    workbench.edit_event(0, dict(workbench.store[0].data, event="A edited"))
    workbench.revert_event(0)
    workbench.set_config(cloud_config("secret-key"))
    document.flush()
    assert document.autosave is not None
    data = read_session(document.autosave.path)
    assert [r.name for r in data.records] == ["A", "B edited"]
    assert [e.raw is None for e in data.history[0]] == [False, True]
    assert [str(b) for b in data.bad] == [str(b) for b in workbench.store.bad] != []
    assert data.config is not None and data.config.destination == "actions-jimo-cloud"
    assert data.ui_state == ui

    target = tmp_path / "mine.jimo-session"
    document.save_as(target)
    _paste(workbench, "C")
    workbench.clear()  # Close all: a new untitled session; the saved file keeps everything
    assert not document.saved and document.autosave is not None
    document.close()
    assert [r.name for r in read_session(target).records] == ["A", "B edited", "C"]


def test_a_session_read_back_fills_a_workbench_without_writing_anything(tmp_path: Path) -> None:
    workbench, document = _kept(tmp_path, {"selection": 0})
    _paste(workbench, "A", "B", "C")
    workbench.edit_event(2, dict(workbench.store[2].data, event="C edited"))
    workbench.set_fresh_sdk(True)
    target = tmp_path / "mine.jimo-session"
    document.save_as(target)
    document.close()

    again = Workbench(runner=ManualRunner(), config=default_config())
    reopened = SessionDocument(tmp_path / "autosave")
    keeper = SessionKeeper(again, reopened, lambda: {})
    keeper.adopt(reopened.open(target))
    assert [r.name for r in again.store.events()] == ["A", "B", "C edited"]
    assert [again.is_edited(i) for i in range(3)] == [False, False, True]
    assert again.fresh_sdk is True and again.config == workbench.config
    assert len(again.store.bad) == 1
    again.revert_event(2)  # the reopened session goes on being recorded
    reopened.close()
    data = read_session(target)
    assert len(data.records) == 3 and len(data.history[2]) == 2
    assert data.records[2].name == "C"


def test_events_another_writer_stores_are_left_to_it(tmp_path: Path) -> None:
    workbench = Workbench(runner=ManualRunner())
    document = SessionDocument(tmp_path)
    document.start_unsaved()
    keeper = SessionKeeper(workbench, document, lambda: {})
    keeper.leave_to_writer("capture")
    captured = EventRecord.from_dict(make_event(event="Captured"), EventSource("capture"))
    pasted = EventRecord.from_dict(make_event(event="Pasted"), EventSource("paste"))
    workbench.append([captured, pasted])
    document.flush()
    path = document.recording_path
    assert path is not None and document.autosave is not None
    assert path == str(document.autosave.path)
    assert [r.name for r in read_session(path).records] == ["Pasted"]
    document.close()


def test_a_load_is_written_when_it_ends_and_an_edit_during_it_finds_its_event(
    tmp_path: Path,
) -> None:
    import asyncio

    from inspector.core.workbench import AsyncioRunner

    source = tmp_path / "events.ndjson"
    source.write_text("".join(json.dumps(make_event(event=f"E{n}")) + "\n" for n in range(50)))
    document = SessionDocument(tmp_path / "autosave")
    document.start_unsaved()
    seen_during_load: list[int] = []

    async def scenario() -> None:
        workbench = Workbench(runner=AsyncioRunner(asyncio.get_running_loop()))
        SessionKeeper(workbench, document, lambda: {})

        def appended(first: int, last: int) -> None:
            if workbench.loading and document.autosave is not None:
                document.flush()
                seen_during_load.append(len(read_session(document.autosave.path).records))
                if first == 0:
                    workbench.edit_event(0, dict(workbench.store[0].data, event="E0 edited"))

        workbench.events_appended.connect(appended)
        await workbench.load_files([str(source)])
        _paste(workbench, "Pasted")

    asyncio.run(scenario())
    document.flush()
    assert document.autosave is not None
    data = read_session(document.autosave.path)
    assert seen_during_load and seen_during_load[0] == 0  # nothing written while loading
    assert read_meta(document.autosave.path)["title"] == "events.ndjson"
    assert [r.name for r in data.records] == [
        "E0 edited",
        *(f"E{n}" for n in range(1, 50)),
        "Pasted",
    ]
    document.close()


def test_paused_for_a_replacing_session_then_resumed_when_it_failed(tmp_path: Path) -> None:
    workbench = Workbench(runner=ManualRunner())
    document = SessionDocument(tmp_path)
    document.start_unsaved()
    keeper = SessionKeeper(workbench, document, lambda: {})
    _paste(workbench, "Kept")
    keeper.pause()
    _paste(workbench, "While paused")
    workbench.edit_event(0, dict(workbench.store[0].data, event="Edit while paused"))
    document.flush()
    assert document.autosave is not None
    assert [r.name for r in read_session(document.autosave.path).records] == ["Kept"]
    keeper.resume()  # the replacing session could not be read: this one goes on
    _paste(workbench, "After")
    document.flush()
    data = read_session(document.autosave.path)
    assert [r.name for r in data.records] == ["Kept", "While paused", "After"]
    document.close()
