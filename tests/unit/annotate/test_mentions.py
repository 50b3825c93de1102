from typing import Any

from sitroom.annotate.mentions import extract_mentions, is_pronoun


def _by_text(nlp: Any, text: str) -> dict[str, tuple[str, str]]:
    return {m.text: (m.label, m.source) for m in extract_mentions(nlp(text), "a1")}


def test_offsets_index_the_text_and_spans_are_cleaned(nlp: Any) -> None:
    text = "The Kremlin denounced the offensive. Observers in the Kremlin's halls were calm."
    mentions = extract_mentions(nlp(text), "a1")
    assert mentions, "expected mentions"
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert not mention.text.lower().startswith("the ")
        assert not mention.text.endswith("'s")


def test_capital_acting_is_its_government_but_in_capital_is_a_place(nlp: Any) -> None:
    acting = extract_mentions(nlp("Ankara approved a limited operation."), "a1")
    assert [(m.text, m.label, m.source) for m in acting] == [("Ankara", "ORG", "metonymy")]
    place = extract_mentions(nlp("The talks were held in Ankara on Friday."), "a1")
    assert [(m.text, m.label) for m in place] == [("Ankara", "GPE")]
    said = _by_text(nlp, "Islamabad said on Friday that it was watching closely.")
    assert said["Islamabad"] == ("ORG", "metonymy")


def test_defined_acronyms_are_found_again_even_when_the_model_misses_them(nlp: Any) -> None:
    text = (
        "The assault was led by Hayat Tahrir al-Sham (HTS), an armed group. "
        "Later HTS fighters entered the city, and HTS said it would stay."
    )
    mentions = extract_mentions(nlp(text), "a1")
    shorts = [m for m in mentions if m.text == "HTS"]
    assert len(shorts) == 3
    assert all(m.label == "ORG" for m in shorts)
    long_form = [m for m in mentions if m.text == "Hayat Tahrir al-Sham"]
    assert long_form and long_form[0].label == "ORG"


def test_a_pronoun_is_never_a_mention_but_the_acronym_is(nlp: Any) -> None:
    text = (
        "Us against them. Help us hire more fact-checkers, and tell us what the US and the "
        "U.S. Senate did."
    )
    texts = [m.text for m in extract_mentions(nlp(text), "a1")]
    assert not any(t.casefold() in {"us", "them"} and not t.isupper() for t in texts), texts
    assert "US" in texts
    assert is_pronoun("us") and is_pronoun("Us") and is_pronoun("I")
    assert not is_pronoun("US") and not is_pronoun("Usa")


def _tagged(nlp: Any, text: str, word: str, label: str) -> Any:
    """``text`` parsed, with ``word`` (wherever the model put it) tagged as ``label``."""
    from spacy.tokens import Span

    doc = nlp(text)
    index = next(t.i for t in doc if t.text == word)
    doc.ents = [Span(doc, index, index + 1, label=label)]
    return doc


def test_a_word_in_small_letters_is_no_name_where_the_text_writes_names_in_capitals(
    nlp: Any,
) -> None:
    doc = _tagged(nlp, "Villagers in Sindh repaired the bund overnight.", "bund", "LOC")
    assert extract_mentions(doc, "a1") == []
    # A text in small letters throughout (a transcript, a chat log) keeps what the model found.
    lower = _tagged(nlp, "villagers in sindh repaired the bund overnight.", "sindh", "GPE")
    assert [m.text for m in extract_mentions(lower, "a1")] == ["sindh"]


def test_a_surname_the_model_took_for_a_place_is_the_person_named_before(nlp: Any) -> None:
    from spacy.tokens import Span

    doc = nlp("Ayşe Kılıç visited the camps. Kılıç said the count would rise in Kılıç.")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 6, 7, label="GPE")]
    found = [(m.text, m.label) for m in extract_mentions(doc, "a1")]
    assert found[:2] == [("Ayşe Kılıç", "PERSON"), ("Kılıç", "PERSON")]
    # before the person is named, the same word stays what the model said
    early = nlp("Kılıç lies on the river. Ayşe Kılıç lives there.")
    early.ents = [Span(early, 0, 1, label="GPE"), Span(early, 6, 8, label="PERSON")]
    assert next((m.text, m.label) for m in extract_mentions(early, "a1")) == ("Kılıç", "GPE")
