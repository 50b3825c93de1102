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


def test_gazetteer_kept_per_machine_loads_as_built(
    tmp_path: Any, monkeypatch: Any
) -> None:
    from sitroom.annotate.gazetteer import EnglishWords
    from sitroom.annotate.machine_cache import cache_folder

    monkeypatch.setenv("SITROOM_CACHE_DIR", str(tmp_path))
    words = EnglishWords(frozenset({"reading", "western"}), frozenset({"media"}))
    load_gazetteer.cache_clear()
    built = load_gazetteer(words)
    kept = list(cache_folder().glob("ner-gazetteer-*.marshal"))
    assert len(kept) == 1
    load_gazetteer.cache_clear()
    loaded = load_gazetteer(words)
    assert loaded is not built
    assert list(loaded.entries.items()) == list(built.entries.items())
    assert loaded.first_words == built.first_words
    assert loaded.get("Reading") is None and loaded.get("Aleppo") is not None
    # other dictionary words are another table: "Reading" is a place again
    load_gazetteer.cache_clear()
    other = load_gazetteer(EnglishWords(frozenset(), frozenset()))
    assert len(list(cache_folder().glob("ner-gazetteer-*.marshal"))) == 2
    assert other.get("Reading") is not None
    # a damaged table is built again
    kept[0].write_bytes(b"\x00")
    load_gazetteer.cache_clear()
    assert list(load_gazetteer(words).entries.items()) == list(built.entries.items())
    load_gazetteer.cache_clear()
