"""The report's records pickled as their fields come back equal, nested records included."""

from __future__ import annotations

import pickle

from sitroom.report.record_pickle import dumps
from sitroom.types import (
    Assertion,
    Claim,
    Event,
    EventValue,
    Evidence,
    Quote,
)


def test_records_come_back_equal_and_of_their_type() -> None:
    evidence = Evidence("a1", 3, 40, "Officials said «12» died.\n", 10, 14)
    value = EventValue(field="killed", value="12", outlets=("Ledger",), independent_sources=1,
                       evidence=(evidence,), preferred=True, unit="people")
    event = Event(
        id="e1", type="attack", date="2024-12-01", date_precision="day", date_basis="stated",
        trigger="struck", actors=("ent-1",), targets=(), place="pl-1", modality="asserted",
        happened=True, speakers=(), text="struck", evidence=(evidence, evidence),
        outlets=("Ledger", "Courier"), independent_sources=2, numbers=(value,), conflicts=(),
    )
    claim = Claim(
        id="c1", text="12 died", evidence=(evidence,), outlets=("Ledger",),
        independent_sources=1, status="single-source", contradicts=(),
        asserted_by=(Assertion(article="a1", outlet="Ledger", speaker="ent-2",
                               speaker_text="the minister", via=None),),
    )
    quote = Quote(id="q1", article="a1", speaker=None, speaker_text=None, text="we will stay",
                  direct=True, cue="said", start=5, end=17, also_in=("a2",))
    records = [event, claim, quote, [event, (claim, {"k": quote})]]
    back = pickle.loads(dumps(records))
    assert back == records
    assert [type(r) for r in back[:3]] == [Event, Claim, Quote]
    assert type(back[0].numbers[0].evidence[0]) is Evidence


def test_it_pickles_each_record_without_dataclasses_state_functions() -> None:
    # The dataclass state functions name every field; the reduced form calls the class.
    text = dumps(Evidence("a1", 0, 5, "hello"))
    assert b"__setstate__" not in text
    assert pickle.loads(text) == Evidence("a1", 0, 5, "hello")
