"""Local news naming a town that shares its name with a bigger town or a capital elsewhere:
the article's other places decide (TR-News, GeoVirus failures, each kept fixed)."""

from __future__ import annotations

from sitroom.resolve.places import PlaceResolution, ResolvedMention, distance_km, resolve_places
from sitroom.types import Article, DocAnnotations, Mention


def _labelled(text: str, names: dict[str, str]) -> tuple[Article, DocAnnotations]:
    article = Article("a", text, "test", None, None, None, "unknown", None, "en", 0)
    mentions = []
    for name, label in names.items():
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention("a", start, start + len(name), name, label))
            start = text.find(name, start + 1)
    return article, DocAnnotations("a", tuple(mentions))


def _resolve(text: str, names: dict[str, str]) -> PlaceResolution:
    article, doc = _labelled(text, names)
    return resolve_places([article], [doc])


def _near(res: PlaceResolution, text: str, lat: float, lon: float, km: float = 50) -> bool:
    m: ResolvedMention = next(m for m in res.mentions if m.text == text)
    assert m.lat is not None and m.lon is not None, m.reason
    return distance_km(m.lat, m.lon, lat, lon) <= km


def test_london_beside_kentucky_is_london_kentucky_not_the_capital() -> None:
    res = _resolve(
        "LAUREL COUNTY, Ky. - Deputies said the driver, 63, lived in London.",
        {"LAUREL COUNTY": "GPE", "Ky.": "GPE", "London": "GPE"},
    )
    assert _near(res, "London", 37.13, -84.08)


def test_paris_in_a_us_story_that_names_france_stays_the_capital() -> None:
    res = _resolve(
        "Texas lawmakers flew to Paris for talks with France on trade.",
        {"Texas": "GPE", "Paris": "GPE", "France": "GPE"},
    )
    assert _near(res, "Paris", 48.86, 2.35)


def test_london_among_european_capitals_stays_the_capital() -> None:
    res = _resolve(
        "Leaders met in London after talks in Paris and Berlin.",
        {"London": "GPE", "Paris": "GPE", "Berlin": "GPE"},
    )
    assert _near(res, "London", 51.51, -0.13)


def test_two_namesakes_that_lie_together_are_read_together() -> None:
    # Edmonton, Alberta, is the bigger town and Enfield a town in four countries; only in
    # north London do the two lie side by side. Enfield is read from the council's name.
    res = _resolve(
        "Pupils from an Edmonton school planted a garden. Enfield Council paid for the bulbs.",
        {"Edmonton": "GPE", "Enfield Council": "ORG"},
    )
    assert _near(res, "Edmonton", 51.63, -0.06)
    assert _near(res, "Enfield", 51.65, -0.08)


def test_a_town_before_a_local_body_is_placed_with_the_towns_near_it() -> None:
    res = _resolve(
        "St. Thomas police confirmed an overdose; in London, advocates asked for beds.",
        {"St. Thomas police": "ORG", "London": "GPE"},
    )
    assert _near(res, "St. Thomas", 42.78, -81.19)
    assert _near(res, "London", 42.98, -81.23)


def test_uk_votes_for_the_united_kingdom_though_short_codes_of_areas_match_it() -> None:
    res = _resolve(
        "The virus escaped from a laboratory in Surrey, UK, officials said.",
        {"Surrey": "GPE", "UK": "GPE"},
    )
    assert _near(res, "Surrey", 51.27, -0.42, km=60)


def test_a_town_the_text_calls_a_city_is_not_the_country_of_its_name() -> None:
    # Lebanon, Ohio: "a city in" says which Lebanon, whatever the country's size
    res = _resolve(
        "Lebanon is a city in Warren County, Ohio, near Cincinnati.",
        {"Lebanon": "GPE", "Warren County": "GPE", "Ohio": "GPE", "Cincinnati": "GPE"},
    )
    assert _near(res, "Lebanon", 39.44, -84.21)


def test_a_state_after_a_country_named_town_places_the_town() -> None:
    # "Lebanon, Ohio": a country and a US state are no peers in a list
    res = _resolve(
        "Police in Lebanon, Ohio, arrested two men. Lebanon police said the fire was set.",
        {"Lebanon": "GPE", "Ohio": "GPE"},
    )
    assert all(
        m.lat is not None and m.lon is not None and distance_km(m.lat, m.lon, 39.44, -84.21) < 50
        for m in res.mentions
        if m.text == "Lebanon"
    )


def test_countries_and_states_listed_together_stay_peers() -> None:
    res = _resolve(
        "Refugees fled Syria, Lebanon and Jordan. Storms hit Texas, Oklahoma and Kansas.",
        {n: "GPE" for n in ("Syria", "Lebanon", "Jordan", "Texas", "Oklahoma", "Kansas")},
    )
    assert _near(res, "Lebanon", 33.9, 35.8, 100)
    assert _near(res, "Texas", 31.3, -99.5, 161)


def test_a_state_after_its_country_stays_the_state() -> None:
    res = _resolve(
        "Victoria, Australia, closed its border.", {"Victoria": "GPE", "Australia": "GPE"}
    )
    assert _near(res, "Victoria", -37.0, 144.5, 161)


def test_a_surname_after_a_presidents_title_is_no_county() -> None:
    res = _resolve(
        "President Ford signed the bill in Washington.", {"Ford": "GPE", "Washington": "GPE"}
    )
    assert [m.text for m in res.mentions] == ["Washington"]


def test_a_town_the_gazetteer_lacks_is_placed_in_the_county_the_text_names() -> None:
    # an encyclopaedia's first sentence: no town called Georgia in Vermont is listed, and
    # neither the country nor the US state is what the sentence means
    res = _resolve(
        "Georgia is a town in Franklin County, Vermont, United States.",
        {"Georgia": "GPE", "Franklin County": "GPE", "Vermont": "GPE", "United States": "GPE"},
    )
    assert _near(res, "Georgia", 44.75, -73.05, 80)


def test_a_town_said_to_lie_in_a_county_and_state_is_the_one_there() -> None:
    res = _resolve(
        "Moscow is a city in and the county seat of Latah County, Idaho.",
        {"Moscow": "GPE", "Latah County": "GPE", "Idaho": "GPE"},
    )
    assert _near(res, "Moscow", 46.73, -117.0)


def test_a_country_listed_before_a_name_that_is_also_a_state_stays_the_country() -> None:
    # Niger is a country and a Nigerian state: in a list of countries it is no qualifier
    res = _resolve(
        "Campaigns reach Ghana, Guinea-Bissau, Niger, Nigeria and Togo.",
        {n: "GPE" for n in ("Ghana", "Guinea-Bissau", "Niger", "Nigeria", "Togo")},
    )
    assert _near(res, "Guinea-Bissau", 12.0, -15.0, 161)


def test_a_district_gazetteered_with_its_local_kind_word_is_found_by_its_bare_name() -> None:
    # GeoNames lists Karo Regency as "Kabupaten Karo"; the text writes "the district of Karo"
    res = _resolve(
        "Patients from North Sumatra province in the district of Karo were hospitalised.",
        {"North Sumatra": "GPE", "Karo": "GPE"},
    )
    assert _near(res, "Karo", 3.1, 98.3, 161)


def test_a_press_abbreviation_without_its_dot_after_a_dateline_town_is_the_state() -> None:
    res = _resolve(
        "EDMONTON, Ky (WBKO) -- A fire broke out in Metcalfe County.",
        {"EDMONTON": "GPE", "Metcalfe County": "GPE"},
    )
    assert _near(res, "Ky", 37.5, -85.3, 161)
    assert _near(res, "EDMONTON", 36.98, -85.61)


def test_a_town_and_its_area_run_into_one_organisation_still_give_the_area() -> None:
    res = _resolve(
        "The cat was found in Wainwright, Alta., by a train conductor.",
        {"Wainwright, Alta": "ORG", "Wainwright": "GPE"},
    )
    assert _near(res, "Alta.", 54.5, -114.6, 161)


def test_a_person_named_like_a_state_after_a_comma_is_no_qualifier() -> None:
    res = _resolve(
        "Officers met in Atlanta, Georgia Stevens said.",
        {"Atlanta": "GPE", "Georgia Stevens": "PERSON"},
    )
    assert [m.text for m in res.mentions] == ["Atlanta"]


def test_a_suburb_the_gazetteer_lacks_is_placed_by_its_city() -> None:
    # West Chester, Ohio is no town of cities500; West Chester, Pennsylvania is
    res = _resolve(
        "A man from the Cincinnati suburb of West Chester pleaded guilty.",
        {"Cincinnati": "GPE", "West Chester": "GPE"},
    )
    assert _near(res, "West Chester", 39.33, -84.41, 60)
