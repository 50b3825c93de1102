from typing import Any

from sitroom.annotate.gazetteer import english_words, load_countries, load_gazetteer


def test_countries_know_new_and_official_forms() -> None:
    countries = load_countries()
    assert countries.country_code("Turkey") == "TR"
    assert countries.country_code("Türkiye") == "TR"
    assert countries.country_code("Republic of Türkiye") == "TR"
    assert countries.country_code("Aleppo") is None


def test_capitals_and_seats_of_government_name_a_country() -> None:
    countries = load_countries()
    assert countries.government_of("Ankara") == "TR"
    assert countries.government_of("Islamabad") == "PK"
    assert countries.government_of("Kremlin") == "RU"
    assert countries.government_of("Aleppo") is None


def test_gazetteer_keeps_places_and_drops_common_words(nlp: Any) -> None:
    gazetteer = load_gazetteer(english_words(nlp))
    for place in ("Aleppo", "Homs", "Hama", "Larkana", "Sindh", "Türkiye"):
        assert gazetteer.get(place) is not None, place
    # English words, stop words and given names that are also towns somewhere
    for word in ("Reading", "Since", "Media", "Western", "Mohammed"):
        assert gazetteer.get(word) is None, word


def test_matches_need_capitals(nlp: Any) -> None:
    gazetteer = load_gazetteer(english_words(nlp))
    doc = nlp.make_doc("Fighting near homs spread to Homs and Hama.")
    found = [doc[start:end].text for start, end, _ in gazetteer.matches(doc)]
    assert found == ["Homs", "Hama"]
