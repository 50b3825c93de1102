"""The token filter finds exactly the tokens a walk over every token would test true."""

from __future__ import annotations

from typing import Any

import pytest

from sitroom.annotate.token_filter import indices_with

TEXT = (
    "According to officials, the rebels said in a statement that they had attacked Aleppo.\n"
    "IN GENEVA, the envoy was clear: talks resume on Monday, and nobody wanted a delay."
)


@pytest.fixture(scope="module")
def doc(nlp: Any) -> Any:
    return nlp(TEXT)


def test_parts_of_speech_words_and_labels_are_each_enough(doc: Any) -> None:
    found = indices_with(doc, ("VERB", "NOUN"), ("according", "in"), ("nsubj",))
    expected = [t.i for t in doc if t.pos_ in {"VERB", "NOUN"} or t.lower_ in {"according", "in"}
                or t.dep_ == "nsubj"]
    assert found == expected
    assert any(doc[i].text == "IN" for i in found)  # the lower-case form, whatever the case


def test_each_kind_of_test_alone(doc: Any) -> None:
    assert indices_with(doc, ("PROPN",)) == [t.i for t in doc if t.pos_ == "PROPN"]
    assert indices_with(doc, words=("clear",)) == [t.i for t in doc if t.lower_ == "clear"]
    assert indices_with(doc, dependencies=("nsubj", "csubj")) == [
        t.i for t in doc if t.dep_ in {"nsubj", "csubj"}]
    assert indices_with(doc) == []
    assert indices_with(doc, words=("unheard-of-word",)) == []
