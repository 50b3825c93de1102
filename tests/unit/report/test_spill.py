"""Records kept on disk give back what was put in, in order, however they are read."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from sitroom.report.spill import BLOCK, RecordShelf, SpilledRecords, spill_sorted
from sitroom.report.write import write_report
from sitroom.types import Event, Evidence, Report


def _event(number: int) -> Event:
    return Event(
        id=f"e{number}", type="attack", date=None, date_precision=None, date_basis="unknown",
        trigger="struck", actors=(), targets=(), place=None, modality="asserted",
        happened=True, speakers=(), text=f"passage {number} é",
        evidence=(Evidence(f"a{number % 7}", number, number + 10, f"passage {number} é"),),
        outlets=("outlet",), independent_sources=1,
    )


@pytest.mark.parametrize("count", [0, 1, BLOCK - 1, BLOCK, 2 * BLOCK + 3])
def test_the_same_records_in_the_same_order(count: int) -> None:
    records = [_event(i) for i in range(count)]
    spilled = SpilledRecords(records)
    assert len(spilled) == count
    assert list(spilled) == records
    assert list(spilled) == records  # a second pass reads the file again
    if count:
        assert spilled[0] == records[0]
        assert spilled[-1] == records[-1]
        assert spilled[count // 2] == records[count // 2]
        assert list(spilled[1:count:2]) == records[1:count:2]
    with pytest.raises(IndexError):
        spilled[count]
    spilled.close()


def test_a_generator_is_read_once_and_kept() -> None:
    spilled = SpilledRecords(_event(i) for i in range(BLOCK + 5))
    assert [e.id for e in spilled] == [f"e{i}" for i in range(BLOCK + 5)]


def test_a_report_with_spilled_events_is_written_like_one_with_a_tuple(tmp_path: Path) -> None:
    events = tuple(_event(i) for i in range(BLOCK + 2))
    plain = Report(schema_version=1, generated_by="t", as_of=None, articles=(), events=events)
    spilled = Report(schema_version=1, generated_by="t", as_of=None, articles=(),
                     events=SpilledRecords(events))
    write_report(plain, tmp_path / "plain", validate=False)
    write_report(spilled, tmp_path / "spilled", validate=False)
    for name in ("report.json", "report.html"):
        written = (tmp_path / "spilled" / name).read_bytes()
        assert written == (tmp_path / "plain" / name).read_bytes()


def test_records_round_trip_through_pickle() -> None:
    # Frozen slotted dataclasses must survive the file, or nothing else here would work.
    event = _event(3)
    assert pickle.loads(pickle.dumps(event, protocol=pickle.HIGHEST_PROTOCOL)) == event


@pytest.mark.parametrize("count", [0, 1, 2 * BLOCK + 3])
def test_spilled_sorted_is_what_sorted_gives(count: int) -> None:
    # Keys repeat (number % 5), so the order of equal keys shows whether the sort is stable.
    records = [_event((i * 7919) % (count + 1)) for i in range(count)]

    def key(event: Event) -> int:
        return int(event.id[1:]) % 5

    spilled = spill_sorted(iter(records), key)
    assert list(spilled) == sorted(records, key=key)
    assert len(spilled) == count


def test_a_shelf_gives_back_the_records_of_any_numbers_in_the_order_asked() -> None:
    records = [(_event(i), f"note {i}", i) for i in range(40)]
    shelf: RecordShelf[tuple[Event, str, int]] = RecordShelf()
    for record in records[:25]:
        shelf.add(record)
    assert shelf.get([24, 0, 7, 7]) == [records[24], records[0], records[7], records[7]]
    for record in records[25:]:  # adding after reading: the new ones are read too
        shelf.add(record)
    assert len(shelf) == len(records)
    assert shelf.get(range(len(records) - 1, -1, -1)) == records[::-1]
    assert shelf.get([]) == []
    for number in (len(records), -1):
        with pytest.raises(IndexError):
            shelf.get([number])
    shelf.close()
