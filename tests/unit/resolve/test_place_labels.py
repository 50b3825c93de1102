"""A town and the admin area named after it get names a reader can tell apart."""

from __future__ import annotations

from collections import Counter

from sitroom.resolve.geo_index import load_index
from sitroom.resolve.place_labels import distinct_names, written_kind_word
from sitroom.types import Place


def _place(ident: str, name: str, geonames_id: int | None = None) -> Place:
    return Place(ident, name, (name,), 1.0, 2.0, "XX", geonames_id, ("a1",), 0.9)


def test_written_kind_word_reads_the_mention_or_the_next_word() -> None:
    assert written_kind_word("Dadu district", " was flooded") == "district"
    assert written_kind_word("Aleppo", " province. The") == "province"
    assert written_kind_word("Aleppo", " countryside") is None
    assert written_kind_word("Aleppo", "\n\nProvince") is None  # a new paragraph says nothing


def test_the_area_takes_the_word_its_articles_use_and_ids_stay() -> None:
    places = [_place("p_town", "Dadu"), _place("p_area", "Dadu"), _place("p_other", "Sukkur")]
    kinds = {"p_town": "city", "p_area": "admin2", "p_other": "admin2"}
    written = {"p_area": Counter({"district": 3, "District": 1})}
    renamed = {p.id: p.name for p in distinct_names(places, kinds, written, load_index())}
    assert renamed == {"p_town": "Dadu", "p_area": "Dadu district", "p_other": "Sukkur"}


def test_without_written_words_the_gazetteer_names_the_area() -> None:
    index = load_index()
    town, area = index.lookup("aleppo")[:2]
    assert (town.kind, area.kind) == ("city", "admin1")
    places = [
        _place("p_town", "Aleppo", town.geonames_id),
        _place("p_area", "Aleppo", area.geonames_id),
    ]
    kinds = {"p_town": town.kind, "p_area": area.kind}
    names = {p.id: p.name for p in distinct_names(places, kinds, {}, index)}
    # GeoNames lists "Aleppo Governorate" among the governorate's names
    assert names == {"p_town": "Aleppo", "p_area": "Aleppo Governorate"}


def test_an_area_unknown_to_the_gazetteer_takes_its_level() -> None:
    places = [_place("p1", "Newtown"), _place("p2", "Newtown"), _place("p3", "Newtown")]
    kinds = {"p1": "city", "p2": "admin1", "p3": "admin2"}
    names = sorted(p.name for p in distinct_names(places, kinds, {}, load_index()))
    assert names == ["Newtown", "Newtown district", "Newtown region"]


def test_places_that_do_not_share_a_name_keep_theirs() -> None:
    places = [_place("p1", "Hama"), _place("p2", "Homs")]
    kinds = {"p1": "admin1", "p2": "city"}
    assert distinct_names(places, kinds, {}, load_index()) == tuple(places)


def test_two_areas_written_alike_take_the_next_word() -> None:
    places = [_place("p_town", "Newtown"), _place("p_1", "Newtown"), _place("p_2", "Newtown")]
    kinds = {"p_town": "city", "p_1": "admin1", "p_2": "admin2"}
    written = {"p_1": Counter({"state": 2}), "p_2": Counter({"state": 1})}
    names = sorted(p.name for p in distinct_names(places, kinds, written, load_index()))
    assert names == ["Newtown", "Newtown district", "Newtown state"]


def test_a_place_is_shown_by_its_own_name_not_by_what_stands_there() -> None:
    from sitroom.resolve.places import resolve_places
    from sitroom.types import Article, DocAnnotations, Mention

    text = (
        "The White House said on Monday that talks would resume. "
        "The White House added that Washington was ready."
    )
    mentions = []
    for name, label in (("White House", "FAC"), ("Washington", "GPE")):
        at = text.find(name)
        while at >= 0:
            mentions.append(Mention("w", at, at + len(name), name, label))
            at = text.find(name, at + 1)
    article = Article("w", text, "test", None, None, None, "unknown", None, "en", 0)
    places = resolve_places([article], [DocAnnotations("w", tuple(mentions))]).places
    assert [(p.name, p.aliases) for p in places] == [("Washington", ("Washington", "White House"))]


def test_an_area_abroad_takes_its_country() -> None:
    country = Place("p_ge", "Georgia", ("Georgia",), 42.0, 43.5, "GE", None, ("a1",), 0.9)
    state = Place("p_us", "Georgia", ("Georgia",), 32.7, -83.5, "US", None, ("a2",), 0.9)
    kinds = {"p_ge": "country", "p_us": "admin1"}
    names = {p.id: p.name for p in distinct_names([country, state], kinds, {}, load_index())}
    assert names == {"p_ge": "Georgia", "p_us": "Georgia (US)"}
