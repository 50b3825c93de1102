"""Place mentions to coordinates with article and corpus context."""

from __future__ import annotations

from sitroom.resolve.places import PlaceResolution, distance_km, resolve_places
from sitroom.types import Article, DocAnnotations, Mention


def _doc(
    article_id: str, text: str, names: list[str], label: str = "GPE", source: str = "model"
) -> tuple[Article, DocAnnotations]:
    """An article and its annotations with one mention per occurrence of each name."""
    article = Article(article_id, text, "test", None, None, None, "unknown", None, "en", 0)
    mentions = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(article_id, start, start + len(name), name, label, source))
            start = text.find(name, start + 1)
    return article, DocAnnotations(article_id, tuple(mentions))


def _resolve(*docs: tuple[Article, DocAnnotations]) -> PlaceResolution:
    return resolve_places([d[0] for d in docs], [d[1] for d in docs])


def _near(res: PlaceResolution, article: str, text: str, lat: float, lon: float, km: float) -> bool:
    mention = next(m for m in res.mentions if m.article == article and m.text == text)
    assert mention.lat is not None and mention.lon is not None, mention.reason
    return distance_km(mention.lat, mention.lon, lat, lon) <= km


def test_same_name_is_placed_by_the_article_country_focus() -> None:
    pk = _doc(
        "pk", "Floods hit Hyderabad and Sukkur in Pakistan.", ["Hyderabad", "Sukkur", "Pakistan"]
    )
    india = _doc(
        "in", "Rain in Hyderabad, India, and Bengaluru.", ["Hyderabad", "India", "Bengaluru"]
    )
    res = _resolve(pk, india)
    assert _near(res, "pk", "Hyderabad", 25.40, 68.36, 30)
    assert _near(res, "in", "Hyderabad", 17.38, 78.46, 30)
    assert res.place_of("pk", 11, 20) != res.place_of("in", 8, 17)


def test_transliteration_variant_is_found_in_the_focus_country() -> None:
    doc = _doc(
        "sy",
        "Fighters from Idlib reached Tal Rifaat, north of Aleppo, in Syria.",
        ["Idlib", "Tal Rifaat", "Aleppo", "Syria"],
    )
    res = _resolve(doc)
    assert _near(res, "sy", "Tal Rifaat", 36.47, 37.10, 30)
    mention = next(m for m in res.mentions if m.text == "Tal Rifaat")
    assert mention.country_code == "SY" and 0 < mention.confidence < 1


def test_unknown_names_are_kept_with_a_reason() -> None:
    doc = _doc("x", "Shelling near Qwxzyville in Syria.", ["Qwxzyville", "Syria"])
    res = _resolve(doc)
    place = next(p for p in res.places if "Qwxzyville" in p.aliases)
    assert place.lat is None and place.lon is None
    assert place.reason == "not in gazetteer"
    mention = next(m for m in res.mentions if m.text == "Qwxzyville")
    assert mention.reason == "not in gazetteer" and mention.confidence == 0.0


def test_metonymy_and_actor_labels_are_not_places() -> None:
    article, ann = _doc("m", "Ankara approved the plan; troops left Ankara.", ["Ankara"])
    metonymy = Mention("m", 0, 6, "Ankara", "ORG", "metonymy")
    org = Mention("m", 0, 6, "Ankara", "GPE", "metonymy")
    res = resolve_places([article], [DocAnnotations("m", (metonymy, org, ann.mentions[1]))])
    assert [(m.start, m.text) for m in res.mentions] == [(38, "Ankara")]


def test_admin_area_word_and_bare_name() -> None:
    doc = _doc(
        "a",
        "Clashes in Aleppo province spread to Aleppo itself.",
        ["Aleppo province", "Aleppo"],
    )
    res = _resolve(doc)
    province = next(m for m in res.mentions if m.text == "Aleppo province")
    city = next(m for m in res.mentions if m.start == 37)
    assert province.place != city.place
    # the bare name is the town; the province's own point lies inside the province
    assert city.lat is not None and city.lon is not None
    assert distance_km(city.lat, city.lon, 36.20, 37.13) <= 30
    assert province.lat is not None and province.lon is not None
    assert distance_km(province.lat, province.lon, 36.20, 37.13) <= 120


def test_admin_area_without_position_is_placed_from_context() -> None:
    doc = _doc(
        "s",
        "In Sindh, the rivers rose at Sukkur, Larkana and Dadu.",
        ["Sindh", "Sukkur", "Larkana", "Dadu"],
    )
    res = _resolve(doc)
    sindh = next(m for m in res.mentions if m.text == "Sindh")
    assert sindh.country_code == "PK"
    assert _near(res, "s", "Sindh", 26.13, 68.77, 161)


def test_places_group_surfaces_and_ids_are_stable() -> None:
    a = _doc("a1", "Water reached Dadu on Tuesday.", ["Dadu"])
    b = _doc("a2", "In Daadu, near Sukkur, families fled.", ["Daadu", "Sukkur"])
    first, second = _resolve(a, b), _resolve(a, b)
    dadu = [p for p in first.places if "Dadu" in p.aliases]
    assert len(dadu) == 1 and set(dadu[0].aliases) == {"Dadu", "Daadu"}
    assert dadu[0].articles == ("a1", "a2") and dadu[0].country_code == "PK"
    assert [p.id for p in first.places] == [p.id for p in second.places]
    assert first.place_of("a2", 3, 8) == dadu[0].id
    assert first.place_of("a2", 0, 2) is None


def test_nothing_to_resolve() -> None:
    res = resolve_places([], [])
    assert res.places == () and res.mentions == ()


def test_equal_candidates_far_apart_are_ambiguous_until_context_decides() -> None:
    from sitroom.resolve.geo_index import GeoEntry
    from sitroom.resolve.places import _Candidate, _choose, _Query

    east = _Candidate(0, GeoEntry(1, "Springfield", 10.0, 10.0, "AA", 800, "city"), 1.0)
    west = _Candidate(1, GeoEntry(2, "Springfield", 10.0, 40.0, "BB", 800, "city"), 1.0)
    query = _Query("springfield", admin_hint=False)
    unsure = _choose([east, west], query, {}, {}, ())
    assert unsure.candidate is None and unsure.lat is None
    assert unsure.reason is not None and unsure.reason.startswith("ambiguous: Springfield (AA)")
    decided = _choose([east, west], query, {"BB": 1.0}, {}, ())
    assert decided.candidate is west and decided.reason is None and decided.confidence > 0.5
    town = GeoEntry(3, "Nearby", 10.5, 40.5, "BB", 100, "city")
    near = _choose([east, west], query, {}, {}, [town])
    assert near.candidate is west


def test_a_region_is_not_a_hamlet_of_the_same_name() -> None:
    # "Levant" is also a hamlet in the United States; in a text about Syria it is the region.
    doc = _doc(
        "l", "Fighters from across the Levant reached Aleppo, Syria.", ["Levant", "Aleppo", "Syria"]
    )
    res = _resolve(doc)
    levant = next(m for m in res.mentions if m.text == "Levant")
    assert levant.country_code != "US"
    assert levant.kind == "region" and _near(res, "l", "Levant", 33.5, 36.0, 300)
    assert _near(res, "l", "Aleppo", 36.20, 37.13, 30)


def test_a_name_the_text_calls_a_town_is_read_as_one() -> None:
    doc = _doc("t", "Storms flooded the city of Lebanon on Tuesday.", ["Lebanon"])
    mention = next(m for m in _resolve(doc).mentions if m.text == "Lebanon")
    # the country of that name is what the name alone reads as
    alone = _doc("c", "Storms flooded Lebanon on Tuesday.", ["Lebanon"])
    assert next(m for m in _resolve(alone).mentions if m.text == "Lebanon").kind == "country"
    # a town: several Lebanons in the United States, none of them the country
    assert mention.country_code != "LB" and mention.kind != "country"
    assert mention.kind == "city" or (mention.reason or "").startswith("ambiguous: Lebanon (US)")
