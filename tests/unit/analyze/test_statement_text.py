"""A claim's text is what its clause asserts: no purpose clause is a claim, and the word that
ties an adverbial clause to its sentence is no part of the claim."""

from __future__ import annotations

from typing import Any

from sitroom.analyze.statements import find_statements
from sitroom.annotate import annotate_doc
from sitroom.types import Article


def _statement_texts(nlp: Any, text: str) -> list[str]:
    annotations = annotate_doc(nlp(text), "a1")
    article = Article(id="a1", outlet="Valley Post", title="", url=None, published="2025-08-14",
                      text=text, language="en", words=len(text.split()), date_basis="metadata",
                      date_range=None)
    # every named thing in the text counts as an entity, so each clause has one to be about
    entity_spans = {("a1", m.start, m.end): "e_" + m.text.lower() for m in annotations.mentions}
    found = find_statements([article], [annotations], [], [], entity_spans, {})
    return [s.text for s in found]


def test_a_purpose_is_no_claim_and_the_tying_word_is_no_part_of_one(nlp: Any) -> None:
    text = ("Engineers breached the Harlow embankment to protect Marlow town. Thousands fled "
            "after the Harlow embankment gave way.")
    texts = _statement_texts(nlp, text)
    assert not [t for t in texts if t.lower().startswith("to ")]
    assert not [t for t in texts if t.lower().startswith("after ")]
    assert any(t.startswith("the Harlow embankment gave way") for t in texts)


def test_a_clause_without_its_own_subject_is_no_claim_and_a_measure_goes_with_after(
        nlp: Any) -> None:
    text = ("Fearing more floods in Port Ellery, thousands of residents left the Marlow valley. "
            "The council met in Harlow two days after the Marlow embankment failed.")
    texts = _statement_texts(nlp, text)
    # ``Fearing more floods`` is a claim only inside its whole sentence, never alone.
    assert all("residents left" in t for t in texts if t.startswith("Fearing"))
    assert not [t for t in texts if t.lower().startswith("two days")]
    assert any(t.startswith("the Marlow embankment failed") for t in texts)
