from typing import Any


def _ents(nlp: Any, text: str) -> dict[str, str]:
    return {ent.text: ent.label_ for ent in nlp(text).ents}


def test_components_run_after_the_model(nlp: Any) -> None:
    names = nlp.pipe_names
    assert names.index("sitroom_gazetteer") > names.index("ner")
    assert names.index("sitroom_institutions") > names.index("sitroom_gazetteer")


def test_gazetteer_fixes_mislabelled_and_missed_places(nlp: Any) -> None:
    ents = _ents(nlp, "The rebels took Idlib, Hama and Homs before reaching Quneitra.")
    for place in ("Hama", "Homs", "Quneitra"):
        assert ents.get(place) == "GPE", (place, ents)


def test_person_named_after_a_country_stays_a_person(nlp: Any) -> None:
    ents = _ents(nlp, "Jordan Peterson spoke in Amman, the capital of Jordan, on Monday.")
    assert ents.get("Jordan Peterson") == "PERSON"
    assert ents.get("Jordan") == "GPE"


def test_longer_organisation_names_keep_their_country_inside(nlp: Any) -> None:
    ents = _ents(nlp, "Sources at Türkiye’s Ministry of National Defense spoke to reporters.")
    assert "Türkiye’s Ministry of National Defense" in ents


def test_institutions_become_one_organisation(nlp: Any) -> None:
    ents = _ents(nlp, "The Syrian army retreated while the Turkish opposition protested.")
    assert ents.get("Syrian army") == "ORG"
    assert ents.get("Turkish opposition") == "ORG"
    ents = _ents(nlp, "Drones destroyed Syrian military hardware near the border.")
    assert "Syrian military" not in ents


def test_headline_line_is_its_own_sentence(nlp: Any) -> None:
    doc = nlp("Flood toll rises in Dadu\nThe river rose overnight, officials said.")
    assert next(s.text.strip() for s in doc.sents) == "Flood toll rises in Dadu"


def test_hard_wrapped_sentence_is_not_split(nlp: Any) -> None:
    doc = nlp("The river rose near the\ntown, officials said in\nKarachi on Monday.")
    assert len(list(doc.sents)) == 1
