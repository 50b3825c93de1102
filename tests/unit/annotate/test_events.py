"""Event mentions on hand-written sentences, through the real parser."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sitroom.annotate import annotate_doc
from sitroom.annotate.event_lexicon import parse_lexicon
from sitroom.annotate.events import stated_numbers
from sitroom.errors import SitroomError
from sitroom.store.codec import decode_annotations, encode_annotations
from sitroom.types import EventMention


def events(nlp: Any, text: str) -> tuple[EventMention, ...]:
    found = annotate_doc(nlp(text), "art", date(2024, 12, 6)).events
    for e in found:  # every span is exact
        assert text[e.start:e.end] == e.text
        assert e.start <= e.trigger_start < e.trigger_end <= e.end or e.nominal
        for span in (*e.actors, *e.targets, e.place, e.time, e.speaker):
            if span is not None:
                assert text[span.start:span.end] == span.text
        for n in e.numbers:
            assert text[n.start:n.end] == n.text
    return found


def by_trigger(found: tuple[EventMention, ...], trigger: str) -> EventMention:
    return next(e for e in found if e.trigger == trigger)


def test_verb_event_with_actor_target_place_and_time(nlp: Any) -> None:
    text = "Rebels launched an attack on the army in the province of Aleppo on Wednesday."
    attack = by_trigger(events(nlp, text), "attack")
    assert attack.type == "assault" and attack.nominal
    assert [a.text for a in attack.actors] == ["Rebels"]
    assert [t.text for t in attack.targets] == ["the army"]
    assert attack.place is not None and attack.place.text == "Aleppo"
    assert attack.time is not None and attack.time.text == "Wednesday"
    # the light verb is not an event of its own
    assert not any(e.trigger == "launch" for e in events(nlp, text))


def test_control_phrases(nlp: Any) -> None:
    found = events(nlp, "As Aleppo fell to the rebels, the army withdrew.")
    fall = by_trigger(found, "fall to")
    assert fall.type == "control"
    assert [a.text for a in fall.actors] == ["the rebels"]
    assert fall.place is not None and fall.place.text == "Aleppo"
    take = by_trigger(events(nlp, "The militia took control of Kabul."), "take control")
    assert [t.text for t in take.targets] == ["Kabul"]


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("The minister denied ordering the attack.", "order", "negated"),
        ("The army did not attack the town.", "attack", "asserted_not"),
        ("The group threatened to attack the capital.", "attack", "planned"),
        ("The army will attack the town.", "attack", "planned"),
        ("If the talks fail, the army could attack the town.", "attack", "hypothetical"),
        ("Police arrested two men, the ministry said.", "arrest", "reported"),
        ("Police arrested two men.", "arrest", "asserted"),
    ],
)
def test_modality(nlp: Any, text: str, trigger: str, modality: str) -> None:
    found = by_trigger(events(nlp, text), trigger)
    expected = "negated" if modality == "asserted_not" else modality
    assert found.modality == expected


def test_reported_speaker(nlp: Any) -> None:
    found = by_trigger(events(nlp, "Police arrested two men, the ministry said."), "arrest")
    assert found.speaker is not None and found.speaker.text == "the ministry"


def test_pronoun_and_anaphora(nlp: Any) -> None:
    found = events(nlp, "The rebels gathered near the city. They captured the airport. "
                   "The attack surprised everyone.")
    capture = by_trigger(found, "capture")
    assert [a.text for a in capture.actors] == ["The rebels"]
    assert by_trigger(found, "attack").refers_back


def test_numbers_in_and_after_the_event_sentence(nlp: Any) -> None:
    found = events(nlp, "The embankment breach flooded ten villages on Tuesday. "
                   "Officials said 41 people were killed and 2,000 displaced.")
    # the toll sentence names no killer: its figures go to the disaster told before it
    assert not any(e.trigger == "kill" for e in found)
    owners = [e for e in found if e.numbers]
    assert len(owners) == 1 and owners[0].type == "disaster"
    assert {(n.kind, n.value) for n in owners[0].numbers} == {("killed", 41), ("displaced", 2000)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 41 people were killed", [("killed", 41, "people")]),
        ("eleven people were confirmed dead", [("killed", 11, "people")]),
        ("the death toll rose to 63 on Friday", [("killed", 63, "people")]),
        ("police detained 12 protesters", [("arrested", 12, "protesters")]),
        ("1,500 families were displaced", [("displaced", 1500, "families")]),
        ("killing 30 civilians", [("killed", 30, "civilians")]),
        ("the rate rose to 41 percent", []),
    ],
)
def test_stated_numbers(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert [(n.kind, n.value, n.unit) for n in stated_numbers(text)] == expected


def test_annotations_round_trip_through_the_store_codec(nlp: Any) -> None:
    ann = annotate_doc(nlp("Rebels captured Aleppo on Friday, killing 30 civilians, "
                           "the army said."), "art", date(2024, 12, 6))
    assert ann.events
    assert decode_annotations(encode_annotations(ann)) == ann


def test_lexicon_rejects_an_unknown_type() -> None:
    types = "type,happened_default,description\nother,yes,x\n"
    with pytest.raises(SitroomError, match="line 2"):
        parse_lexicon(types, "trigger,type,pos\nraid,raids,verb\n", "")
    lexicon = parse_lexicon(types, "trigger,type,pos\nraid,other,any\nraid,other,verb\n", "be")
    assert lexicon.verbs == {"raid": "other"} and lexicon.nouns == {"raid": "other"}
    assert lexicon.non_events == frozenset({"be"})


def test_a_hyphenated_participle_is_a_state_not_an_event(nlp: Any) -> None:
    found = events(nlp, "Volunteers carried tents to the worst-hit villages.")
    assert not any(e.trigger == "hit" for e in found)
    # the same verb with its own doer and object is one
    assert any(e.trigger == "hit" for e in events(nlp, "The storm hit three villages."))


def test_a_clause_ends_before_the_paragraph_break(nlp: Any) -> None:
    text = "Floodwater poured into a dozen villages on Tuesday\n\nThe army arrived later."
    pour = by_trigger(events(nlp, text), "pour")
    assert pour.text == "Floodwater poured into a dozen villages on Tuesday"
