"""Names the tagger read as a person or an organisation, or left out, placed only where the
article's own places vouch for them."""

from __future__ import annotations

from sitroom.resolve.geo_index import GeoEntry
from sitroom.resolve.place_weak import (
    abbreviated_areas,
    listed_names,
    relabelled_names,
    repeated_names,
    vouched,
)
from sitroom.resolve.places import distance_km, resolve_places
from sitroom.types import Article, DocAnnotations, Mention


def _article(text: str, mentions: list[tuple[str, str]]) -> tuple[Article, DocAnnotations]:
    """An article with one mention per occurrence of each (name, label)."""
    article = Article("a", text, "test", None, None, None, "unknown", None, "en", 0)
    found = []
    for name, label in mentions:
        start = text.find(name)
        while start >= 0:
            found.append(Mention("a", start, start + len(name), name, label, "model"))
            start = text.find(name, start + 1)
    return article, DocAnnotations("a", tuple(found))


def _placed(text: str, mentions: list[tuple[str, str]], *, metonymy: bool = False) -> dict[
    str, list[tuple[float | None, float | None]]
]:
    article, annotations = _article(text, mentions)
    resolution = resolve_places([article], [annotations], metonymy=metonymy)
    placed: dict[str, list[tuple[float | None, float | None]]] = {}
    for m in resolution.mentions:
        placed.setdefault(m.text, []).append((m.lat, m.lon))
    return placed


def test_other_mentions_of_a_placed_name_are_that_place() -> None:
    text = "Lucy was born in Churchill, Man. Her father is a Churchill doctor in town."
    found = repeated_names("a", text, ["Churchill"], [(17, 26)], [])
    assert [(m.start, m.text) for m in found] == [(49, "Churchill")]


def test_a_placed_name_inside_a_longer_name_or_after_a_title_is_not_repeated() -> None:
    text = "Paris is calm. Paris Hilton flew in, and Mr. Paris met Jean-Paris. The Paris police."
    found = repeated_names("a", text, ["Paris"], [(0, 5)], [])
    assert [m.start for m in found] == [text.index("Paris police")]


def test_a_name_covered_by_a_longer_mention_is_not_repeated() -> None:
    text = "Venice is flooded. The Venice Film Festival opened."
    festival = text.index("Venice Film")
    found = repeated_names("a", text, ["Venice"], [(0, 6)], [(festival, festival + 20)])
    assert found == []


def test_relabelled_names_are_whole_mentions_without_the() -> None:
    text = "Crews met at the Pirbright gate; Ford loses; a McDonald's shop; Wilson died."
    orgs = [
        Mention("a", 13, 26, text[13:26], "ORG", "model"),
        Mention("a", text.index("Ford"), text.index("Ford") + 4, "Ford", "PERSON", "model"),
        Mention("a", text.index("McD"), text.index("McD") + 8, "McDonald", "ORG", "model"),
        Mention("a", text.index("Wil"), text.index("Wil") + 6, "Wilson", "ORG", "model"),
    ]
    found = relabelled_names("a", text, orgs, [], lambda key: True)
    # a person's one-word name with no word of place before it stays a person, a firm's
    # name in the possessive stays a firm; a one-word organisation's name is kept only
    # near a town of the article
    assert [(m.start, m.end, m.text, m.source) for m in found] == [
        (17, 26, "Pirbright", "relabelled"),
        (text.index("Wil"), text.index("Wil") + 6, "Wilson", "nearby"),
    ]


def _entry(kind: str, cc: str, admin1: str | None, lat: float, lon: float) -> GeoEntry:
    return GeoEntry(None, f"{kind}-{lat}", lat, lon, cc, 1000, kind, admin1)  # type: ignore[arg-type]


def test_vouched_needs_a_place_of_the_article_near_or_around_the_reading() -> None:
    town = _entry("city", "GB", "ENG", 51.30, -0.65)
    guildford = _entry("city", "GB", "ENG", 51.24, -0.57)
    glasgow = _entry("city", "GB", "SCT", 55.86, -4.25)
    england = _entry("admin1", "GB", "ENG", 52.5, -1.5)
    assert vouched(town, [guildford], distance_km)
    assert vouched(town, [england], distance_km)
    assert not vouched(town, [glasgow], distance_km)
    assert not vouched(town, [_entry("city", "US", "TX", 51.3, -0.6)], distance_km)
    area = _entry("admin1", "NO", "12", 59.9, 10.9)
    assert vouched(area, [_entry("country", "NO", None, 62.0, 10.0)], distance_km)
    assert not vouched(area, [_entry("country", "SE", None, 62.0, 15.0)], distance_km)


def test_a_town_tagged_as_an_organisation_is_placed_among_the_article_places() -> None:
    text = "Vehicles from Pirbright used a road near Guildford, in Surrey, England."
    placed = _placed(
        text, [("Pirbright", "ORG"), ("Guildford", "GPE"), ("Surrey", "GPE"), ("England", "GPE")]
    )
    ((lat, lon),) = placed["Pirbright"]
    assert lat is not None and lon is not None
    assert distance_km(lat, lon, 51.29, -0.65) < 20


def test_a_name_tagged_as_a_person_far_from_the_article_places_stays_off_the_map() -> None:
    text = "Officials in Sydney said Esperance was not consulted."
    placed = _placed(text, [("Sydney", "GPE"), ("Esperance", "PERSON")])
    assert "Esperance" not in placed  # Esperance, Western Australia, lies 3,000 km away


def test_a_full_name_keeps_its_words_for_the_person() -> None:
    text = "Lynn Fodge lives near Richmond, Indiana. Lynn said the roads were closed."
    placed = _placed(text, [("Lynn Fodge", "PERSON"), ("Lynn", "PERSON"), ("Richmond", "GPE"),
                            ("Indiana", "GPE")])
    assert "Lynn" not in placed


def test_a_spelling_variant_far_from_the_article_places_stays_off_the_map() -> None:
    text = "People were trapped at Penn Park near Whittier, Los Angeles County officials said."
    article, annotations = _article(
        text, [("Whittier", "GPE"), ("Penn Park", "FAC"), ("Los Angeles County", "GPE")]
    )
    resolution = resolve_places([article], [annotations])
    park = next(m for m in resolution.mentions if m.text == "Penn Park")
    # no place called Penn Park lies near Whittier; a similar name elsewhere is no answer
    assert park.lat is None and park.lon is None
    assert park.reason is not None and park.reason.startswith("unlikely")


def _point(text: str, mentions: list[tuple[str, str]], name: str) -> tuple[float, float]:
    article, annotations = _article(text, mentions)
    resolution = resolve_places([article], [annotations])
    mention = next(m for m in resolution.mentions if m.text == name)
    assert mention.lat is not None and mention.lon is not None, mention.reason
    return mention.lat, mention.lon


def test_the_area_after_in_says_which_namesake_is_meant() -> None:
    text = "The family picked a spot in Monroe County in northeast Missouri, near the river."
    lat, lon = _point(text, [("Monroe County", "GPE"), ("Missouri", "GPE")], "Monroe County")
    assert distance_km(lat, lon, 39.63, -92.0) < 60  # Monroe County, Missouri


def test_a_state_after_the_name_is_the_state_not_a_municipality_named_like_it() -> None:
    text = "California state senators voted 21-11 in favour of the bill."
    lat, lon = _point(text, [("California", "GPE")], "California")
    assert lat > 30 and lon < -110  # California, not Califórnia in Paraná


def test_a_town_missing_from_the_gazetteer_is_placed_in_the_state_it_is_said_to_lie_in() -> None:
    text = "The truck skidded two miles south of Holliday, Missouri, said police in Missouri."
    lat, lon = _point(text, [("Holliday", "GPE"), ("Missouri", "GPE")], "Holliday")
    assert distance_km(lat, lon, 38.4, -92.5) < 200  # somewhere in Missouri, not in Texas


def test_a_court_named_after_its_town_places_the_town() -> None:
    text = "A Danbury mason was arraigned in Bantam Superior Court on Tuesday."
    lat, lon = _point(
        text, [("Danbury", "GPE"), ("Bantam Superior Court", "ORG")], "Bantam"
    )
    assert distance_km(lat, lon, 41.72, -73.24) < 20  # Bantam, Connecticut, near Danbury


def test_a_town_named_with_its_country_is_placed_though_tagged_an_organisation() -> None:
    text = "The two inventors from Christchurch, New Zealand, still back it."
    lat, lon = _point(
        text, [("Christchurch", "ORG"), ("New Zealand", "GPE")], "Christchurch"
    )
    assert distance_km(lat, lon, -43.53, 172.63) < 30


def _hill_beside_a_turkish_corpus(where: str) -> tuple[float | None, str | None]:
    syria, syria_mentions = _article(
        f"HTS took the heights of Gurgencik{where}, as forces left Aleppo, Idlib and Hama "
        "in Syria.",
        [("Gurgencik", "GPE"), ("Aleppo", "GPE"), ("Idlib", "GPE"), ("Syria", "GPE"),
         ("Hama", "GPE")],
    )
    turkey = Article("t", "Ankara, Istanbul and Izmir in Turkey; Turkey and Ankara again.",
                     "test", None, None, None, "unknown", None, "en", 0)
    names = ["Ankara", "Istanbul", "Izmir", "Turkey"]
    turkey_mentions = DocAnnotations("t", tuple(
        Mention("t", i, i + len(n), n, "GPE", "model")
        for n in names
        for i in [j for j in range(len(turkey.text)) if turkey.text.startswith(n, j)]
    ))
    # the corpus is mostly about Turkey, where the gazetteer's only Gurgencik lies, but this
    # article is about Syria and names nothing near that village
    resolution = resolve_places([syria, turkey], [syria_mentions, turkey_mentions])
    hill = next(m for m in resolution.mentions if m.text == "Gurgencik")
    return hill.lat, hill.reason


def test_a_hamlet_abroad_far_from_an_articles_places_stays_off_the_map() -> None:
    lat, reason = _hill_beside_a_turkish_corpus("")
    assert lat is None and reason is not None and "far from" in reason


def test_a_name_the_text_puts_in_an_area_is_placed_there_not_at_a_hamlet_abroad() -> None:
    lat, reason = _hill_beside_a_turkish_corpus(" in the western Aleppo countryside")
    assert lat is not None and 35.5 < lat < 37  # Aleppo province, not the Turkish village
    assert reason is not None and "where the text puts it" in reason


def test_the_area_written_after_a_town_and_a_comma_is_the_state_that_holds_it() -> None:
    text = "A girl from Buffalo, New York, died on Monday."
    lat, lon = _point(text, [("Buffalo", "GPE"), ("New York", "GPE")], "New York")
    assert distance_km(lat, lon, 40.71, -74.0) > 161  # the state's point, not the city's
    assert distance_km(lat, lon, 43.0, -75.5) < 161


def test_a_governor_after_the_name_makes_it_the_state() -> None:
    text = "New York Gov. Andrew Cuomo was sworn in on Monday."
    lat, lon = _point(text, [("New York", "GPE")], "New York")
    assert distance_km(lat, lon, 43.0, -75.5) < 161


def test_the_other_names_of_a_list_that_holds_a_place_are_proposed() -> None:
    text = "Crews from Hornsey, Stoke Newington and Walthamstow came. Smith and Jones left."
    at = text.index("Walthamstow")
    place = [(at, at + len("Walthamstow"))]
    found = listed_names("a", text, place, place, lambda key: key != "jones")
    # Smith and Jones make a list too, but it holds no place
    assert [m.text for m in found] == ["Hornsey", "Stoke Newington"]


def test_area_abbreviations_written_alone_are_proposed_but_not_postal_codes() -> None:
    text = "The B.C. government and NSW officials met IN Ottawa; the NASA team left."
    found = abbreviated_areas("a", text, [], {"B.C.", "NSW", "IN"})
    assert [m.text for m in found] == ["B.C.", "NSW"]


def test_a_state_abbreviation_alone_is_placed_where_the_article_names_its_towns() -> None:
    text = "Horses were moved from Sydney to Parkes in regional NSW this week."
    lat, lon = _point(text, [("Sydney", "GPE"), ("Parkes", "GPE")], "NSW")
    assert distance_km(lat, lon, -32.0, 147.0) < 400  # New South Wales


def test_names_a_tagger_ran_together_are_placed_one_by_one() -> None:
    text = "Horses were held at Cattai and Wilberforce near Sydney."
    article, annotations = _article(
        text, [("Cattai and Wilberforce", "FAC"), ("Sydney", "GPE")]
    )
    resolution = resolve_places([article], [annotations])
    placed = {m.text: m.lat for m in resolution.mentions}
    assert placed.keys() == {"Cattai", "Wilberforce", "Sydney"}
    assert all(lat is not None for lat in placed.values())


def test_a_shared_name_of_a_list_stays_whole() -> None:
    text = "Frogs died in the jungles of Central and South America."
    article, annotations = _article(text, [("Central and South America", "LOC")])
    resolution = resolve_places([article], [annotations])
    assert [m.text for m in resolution.mentions] == ["Central and South America"]


def test_a_name_cut_after_an_abbreviation_is_completed() -> None:
    text = "About 30 homes near Fort St. John, in British Columbia, will be affected."
    at = text.index("Fort St.")
    article = Article("a", text, "test", None, None, None, "unknown", None, "en", 0)
    bc = text.index("British Columbia")
    mentions = (
        Mention("a", at, at + 8, "Fort St.", "GPE", "model"),
        Mention("a", bc, bc + 16, "British Columbia", "GPE", "model"),
    )
    resolution = resolve_places([article], [DocAnnotations("a", mentions)])
    fort = resolution.mentions[0]
    assert fort.text == "Fort St. John" and fort.lat is not None and fort.lon is not None
    assert distance_km(fort.lat, fort.lon, 56.25, -120.85) < 30


def test_a_small_town_placed_by_its_country_after_a_comma_is_kept() -> None:
    text = "Study sites: Pailin, Cambodia; Attapeu, Laos; and Kinshasa."
    lat, lon = _point(
        text,
        [("Pailin", "GPE"), ("Cambodia", "GPE"), ("Attapeu", "GPE"), ("Laos", "GPE"),
         ("Kinshasa", "GPE")],
        "Attapeu",
    )
    assert distance_km(lat, lon, 14.8, 106.8) < 100


def test_a_name_cut_before_its_last_word_is_completed_to_the_left() -> None:
    text = "Children in camps near Goz Beida, in eastern Chad, were malnourished."
    at = text.index("Beida")
    chad = text.index("Chad")
    article = Article("a", text, "test", None, None, None, "unknown", None, "en", 0)
    mentions = (
        Mention("a", at, at + 5, "Beida", "GPE", "model"),
        Mention("a", chad, chad + 4, "Chad", "GPE", "model"),
    )
    resolution = resolve_places([article], [DocAnnotations("a", mentions)])
    town = resolution.mentions[0]
    assert town.text == "Goz Beida" and town.lat is not None and town.lon is not None
    assert distance_km(town.lat, town.lon, 12.2, 21.4) < 50  # not Al Bayda in Libya


def test_no_place_is_read_inside_an_organisation_named_exactly_like_a_town() -> None:
    text = "The virus was confirmed in Ceamurlia de Jos and Maliuc in Romania."
    placed = _placed(
        text, [("Ceamurlia de Jos", "ORG"), ("Maliuc", "GPE"), ("Romania", "GPE")]
    )
    assert "Jos" not in placed  # never Jos, Nigeria


def test_another_name_altogether_counts_only_for_a_big_city_or_near_the_article_places() -> None:
    text = "He planned to use Molotov cocktails in Columbus, Ohio, but met in Léopoldville."
    article, annotations = _article(
        text, [("Molotov", "GPE"), ("Columbus", "GPE"), ("Ohio", "GPE"), ("Léopoldville", "GPE")]
    )
    resolution = resolve_places([article], [annotations])
    found = {m.text: m for m in resolution.mentions}
    assert found["Molotov"].lat is None  # once Perm's name, far from Ohio
    kinshasa = found["Léopoldville"]
    assert kinshasa.lat is not None and kinshasa.lon is not None
    assert distance_km(kinshasa.lat, kinshasa.lon, -4.32, 15.31) < 30


def test_places_a_tagger_ran_together_across_a_dash_are_split() -> None:
    text = "Outbreaks may spread to Central Africa - Nigeria, Cameroon and Chad - soon."
    article, annotations = _article(
        text, [("Central Africa - Nigeria", "GPE"), ("Cameroon", "GPE"), ("Chad", "GPE")]
    )
    resolution = resolve_places([article], [annotations])
    assert {m.text for m in resolution.mentions} == {
        "Central Africa", "Nigeria", "Cameroon", "Chad"
    }


def test_a_country_acronym_tagged_an_organisation_is_the_country_in_extraction() -> None:
    text = "An agreement between the DRC and Angola may end the expulsions."
    placed = _placed(text, [("DRC", "ORG"), ("Angola", "GPE")], metonymy=True)
    ((lat, lon),) = placed["DRC"]
    assert lat is not None and lon is not None and distance_km(lat, lon, -2.5, 23.5) < 500
    assert "DRC" not in _placed(text, [("DRC", "ORG"), ("Angola", "GPE")])  # build: an actor


def test_a_name_vouched_for_once_is_that_place_where_the_tagger_missed_it() -> None:
    text = (
        "Birds died near Esperance on the coast of Western Australia. The Nature Reserves. "
        "Esperance recorded 457mm of rain."
    )
    article, annotations = _article(text, [("Western Australia", "GPE")])
    at = text.index("Esperance")
    person = Mention("a", at, at + 9, "Esperance", "PERSON", "model")
    annotations = DocAnnotations("a", (person, *annotations.mentions))
    resolution = resolve_places([article], [annotations])
    starts = sorted(m.start for m in resolution.mentions if m.text == "Esperance")
    assert starts == [at, text.rindex("Esperance")]


def test_a_place_written_after_a_town_in_the_possessive_lies_in_that_town() -> None:
    text = "Crew members work out of London's Heathrow, one of the busiest hubs."
    lat, lon = _point(text, [("London", "GPE"), ("Heathrow", "FAC")], "Heathrow")
    assert distance_km(lat, lon, 51.47, -0.45) < 50  # not Heathrow, Florida
    park = "Several people were trapped at Whittier's Penn Park, officials said."
    lat, lon = _point(park, [("Whittier", "GPE"), ("Penn Park", "FAC")], "Penn Park")
    assert distance_km(lat, lon, 33.97, -118.03) < 20  # at Whittier, not Aspen Park


def test_a_possessive_town_does_not_hold_a_province() -> None:
    text = "In Ontario, donors are few. Just 21 per cent of Toronto's Ontario card holders sign."
    article, annotations = _article(text, [("Ontario", "GPE"), ("Toronto", "GPE")])
    resolution = resolve_places([article], [annotations])
    province = [m for m in resolution.mentions if m.text == "Ontario"]
    assert all(m.lat is not None and m.lon is not None for m in province)
    assert all(
        distance_km(m.lat, m.lon, 43.65, -79.38) > 161  # type: ignore[arg-type]
        for m in province
    )


def test_a_building_written_before_in_and_a_town_is_placed_in_that_town() -> None:
    text = "The faithful gathered at St. Takla Church in Alexandria, Egypt, on Sunday."
    lat, lon = _point(
        text,
        [("St. Takla Church", "FAC"), ("Alexandria", "GPE"), ("Egypt", "GPE")],
        "St. Takla Church",
    )
    assert distance_km(lat, lon, 31.2, 29.9) < 50


def test_a_small_town_before_an_office_title_is_placed_where_vouched_for() -> None:
    text = "Montreal-area mayors met. Beaconsfield Mayor Georges Bourelle spoke in Montreal."
    lat, lon = _point(text, [("Montreal", "GPE")], "Beaconsfield")
    assert distance_km(lat, lon, 45.43, -73.86) < 30  # Beaconsfield, Quebec, not England
    energy = "An aide to the US Energy Secretary fell ill in Washington, D.C."
    assert "Energy" not in _placed(energy, [("US", "GPE"), ("Washington", "GPE")])
