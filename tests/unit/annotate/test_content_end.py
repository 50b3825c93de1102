"""A reported content ends before a second act of speech joined to it (``says A and says B``,
``insisted A, claiming B``); a nested act with no join stays inside the outer content."""

from __future__ import annotations

from typing import Any

from sitroom.annotate.content_end import Act, content_ends
from sitroom.annotate.quotes import extract_quotes


def by_cue(nlp: Any, text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for q in extract_quotes(nlp(text), "art"):
        found.setdefault(q.cue or "", []).append(q.text)
    return found


def test_content_stops_before_a_joined_speech_verb(nlp: Any) -> None:
    found = by_cue(nlp, "The mayor says she trusts the engineers and says the levee will "
                        "hold through the spring.")
    assert found["says"][0] == "she trusts the engineers"


def test_joined_verb_shares_the_first_speaker(nlp: Any) -> None:
    found = extract_quotes(nlp("Kasich says he would sit Putin down and tells the crowd he "
                               "was the first one to say the group must be destroyed."), "a")
    tells = [q for q in found if q.cue == "tells"]
    assert tells and tells[0].speaker_text == "Kasich"


def test_content_stops_before_a_joined_clause_with_its_own_speaker(nlp: Any) -> None:
    found = by_cue(nlp, "Most residents said they felt safe, and more than half said the "
                        "council should build a second dam.")
    assert found["said"] == ["they felt safe", "the council should build a second dam"]


def test_content_stops_before_a_participle_after_a_comma(nlp: Any) -> None:
    found = by_cue(nlp, 'The minister insisted that the roads had "never been better," '
                        "claiming that traffic deaths had fallen by a third.")
    assert found["insisted"] == ['that the roads had "never been better']
    assert found["claiming"] == ["that traffic deaths had fallen by a third"]


def test_nested_act_without_a_join_stays_inside(nlp: Any) -> None:
    found = by_cue(nlp, "He told reporters that they told him the bridge would close.")
    assert "that they told him the bridge would close" in found["told"]


def test_join_is_read_from_the_text_before_the_second_act() -> None:
    text = "X said A holds and Y said B holds."
    first = Act(7, 32, (2, 6), (0, 1))
    second = Act(25, 32, (20, 24), (18, 19))
    (end, joined), _ = content_ends(text, [first, second])
    assert (text[first.start:end], joined) == ("A holds", 1)
    nested = Act(25, 32, (20, 24), None)
    plain = "X said A holds so Y said B holds."
    assert content_ends(plain, [first, nested])[0] == (first.end, None)
