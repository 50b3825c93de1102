from typing import Any

import pytest

from sitroom.annotate.nlp import MODEL_PACKAGE, split_glued_quote_marks
from sitroom.annotate.rule_components import CachedLemmatizer, FastAttributeRuler

#: Words the model's attribute rules single out (contractions, two-word rules, spaces,
#: ``there is``), plain prose, and an empty text.
TEXTS = (
    "Y'all gonna c'mon, let's go! Ain't it grand? He gets it; she got it.\n\n"
    "There is a cat and there were dogs.  Gotta wanna  \t y all y'all",
    "Officials said on Tuesday that the floods had displaced 41,000 people in Sindh, and "
    "the army's engineers were rebuilding the bridges faster than expected.",
    "“We will not leave,” said Ahmed Khan, 54, whose houses were destroyed.",
    "",
    "   \n ",
)


@pytest.fixture(scope="module")
def plain() -> Any:
    """The model with spaCy's own components (and the same tokenizer as sitroom's)."""
    import spacy

    model = spacy.load(MODEL_PACKAGE)
    split_glued_quote_marks(model)
    return model


def _attributes(doc: Any) -> list[tuple[str, str, str, str, str, str]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_the_pipeline_uses_the_faster_components_under_the_models_names(nlp: Any) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)


@pytest.mark.parametrize("text", TEXTS)
def test_tags_lemmas_and_morphology_are_spacys(nlp: Any, plain: Any, text: str) -> None:
    assert _attributes(nlp(text)) == _attributes(plain(text))


def test_the_same_words_again_give_the_same_answers(nlp: Any, plain: Any) -> None:
    # The second pass is answered from what the first remembered.
    for _ in range(2):
        for text in TEXTS:
            assert _attributes(nlp(text)) == _attributes(plain(text))


def test_matches_are_the_rulers_own(nlp: Any) -> None:
    fast = nlp.get_pipe("attribute_ruler")
    for text in TEXTS:
        doc = nlp.make_doc(text)
        for name, component in nlp.pipeline:
            if name == "attribute_ruler":
                break
            doc = component(doc)
        assert fast.match(doc) == fast.ruler.match(doc)


def test_the_gazetteer_still_reads_the_lemmatizers_word_lists(nlp: Any) -> None:
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert "city" in table.get("noun", ())


def test_answers_stay_spacys_when_the_memos_start_afresh(
    nlp: Any, plain: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sitroom.annotate.rule_components as rule_components

    monkeypatch.setattr(rule_components, "MEMO_LIMIT", 3)
    for text in TEXTS:
        assert _attributes(nlp(text)) == _attributes(plain(text))


def test_a_ruler_with_patterns_it_cannot_read_keeps_spacys_component() -> None:
    import spacy

    from sitroom.annotate.rule_components import speed_up_rule_components

    model = spacy.blank("en")
    ruler = model.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    speed_up_rule_components(model)
    assert model.get_pipe("attribute_ruler") is ruler
