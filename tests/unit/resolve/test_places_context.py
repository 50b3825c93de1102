"""Place failures seen on public news (AllSides, TR-News, GeoVirus), each kept fixed.

Small crafted texts through :func:`resolve_places`, with the mentions the annotator would
give; the assertions are what a reader of the map would check."""

from __future__ import annotations

from dataclasses import replace

from sitroom.resolve.places import PlaceResolution, ResolvedMention, distance_km, resolve_places
from sitroom.types import Article, DocAnnotations, Entity, Mention

from .test_places import _doc


def _resolve(*docs: tuple[Article, DocAnnotations]) -> PlaceResolution:
    return resolve_places([d[0] for d in docs], [d[1] for d in docs])


def _labelled(article_id: str, text: str, names: dict[str, str]) -> tuple[Article, DocAnnotations]:
    """Like ``_doc`` with one label per name."""
    article = Article(article_id, text, "test", None, None, None, "unknown", None, "en", 0)
    mentions = []
    for name, label in names.items():
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(article_id, start, start + len(name), name, label))
            start = text.find(name, start + 1)
    return article, DocAnnotations(article_id, tuple(mentions))


def _mention(res: PlaceResolution, text: str) -> ResolvedMention:
    return next(m for m in res.mentions if m.text == text)


def _within(m: ResolvedMention, lat: float, lon: float, km: float) -> bool:
    assert m.lat is not None and m.lon is not None, m.reason
    return distance_km(m.lat, m.lon, lat, lon) <= km


def test_white_house_is_washington_never_a_namesake_abroad() -> None:
    for label in ("FAC", "GPE"):
        doc = _labelled(
            "w", "The White House said on Monday that talks would go on.", {"White House": label}
        )
        found = [m for m in _resolve(doc).mentions if m.text == "White House"]
        for m in found:  # either not a place, or the capital where the building stands
            assert m.country_code == "US" and _within(m, 38.9, -77.04, 30), m


def test_a_word_the_article_also_writes_in_lower_case_is_not_a_town() -> None:
    text = "Media coverage grew as the media turned to Ohio and Texas."
    doc = _doc("m", text, ["Media", "Ohio", "Texas"])
    media = _mention(_resolve(doc), "Media")
    assert media.lat is None and media.reason == "written as a common word in the corpus"


def test_georgia_in_a_story_about_the_united_states_is_the_state() -> None:
    doc = _doc(
        "g",
        "Voters in Georgia and Arizona lined up; Atlanta saw the longest queues in the US.",
        ["Georgia", "Arizona", "Atlanta", "US"],
    )
    georgia = _mention(_resolve(doc), "Georgia")
    assert georgia.country_code == "US" and georgia.kind == "admin1"
    # and the country when the story is about the Caucasus
    doc = _doc(
        "c",
        "Russia and Georgia traded blame after the clash near Tbilisi.",
        ["Russia", "Georgia", "Tbilisi"],
    )
    assert _mention(_resolve(doc), "Georgia").country_code == "GE"


def test_california_and_florida_are_the_states_not_namesake_towns() -> None:
    doc = _doc("s", "Fires in California and storms in Florida.", ["California", "Florida"])
    res = _resolve(doc)
    california, florida = _mention(res, "California"), _mention(res, "Florida")
    assert california.kind == "admin1" and california.reason is None
    assert florida.kind == "admin1" and florida.name == "Florida"
    assert _within(california, 37.25, -119.75, 161) and _within(florida, 28.75, -82.5, 161)


def test_a_person_is_never_a_place() -> None:
    text = "Barack Obama spoke in Chicago. Obama said the plan would pass."
    doc = _labelled("p", text, {"Barack Obama": "PERSON", "Obama": "GPE", "Chicago": "GPE"})
    # the GPE "Obama" inside "Barack Obama" and the later one are both the person
    res = _resolve(doc)
    assert all(m.text != "Obama" for m in res.mentions)
    assert _mention(res, "Chicago").country_code == "US"


def test_a_mention_whose_corpus_entity_is_a_person_is_not_geocoded() -> None:
    from sitroom.resolve.entities import EntityResolution

    text = "Obama arrived on Tuesday."
    article, annotations = _labelled("e", text, {"Obama": "GPE"})
    person = Entity("e1", "Barack Obama", "PERSON", ("Barack Obama", "Obama"), 40, ("e",))
    entities = EntityResolution((person,), {("e", 0, 5): "e1"}, {}, {"e": [(0, 5, "e1")]})
    res = resolve_places([article], [annotations], entities)
    assert res.mentions == ()


def test_demonyms_stand_for_their_country() -> None:
    text = "Syrian officials met as Turkish forces moved; the Syrian army held."
    doc = _labelled(
        "d", text, {"Syrian officials": "NORP", "Turkish": "NORP", "Syrian army": "ORG"}
    )
    res = _resolve(doc)
    syrian = [m for m in res.mentions if m.text == "Syrian"]
    assert len(syrian) == 2 and all(m.country_code == "SY" and m.kind == "country" for m in syrian)
    turkish = _mention(res, "Turkish")
    assert turkish.country_code == "TR" and _within(turkish, 39.0, 35.0, 50)


def test_oceans_seas_and_regions_are_placed() -> None:
    text = "From the Middle East and North Africa to the Atlantic and the Indian Ocean."
    names = ["Middle East", "North Africa", "Atlantic", "Indian Ocean"]
    res = _resolve(_doc("r", text, names))
    for name in names:
        m = _mention(res, name)
        assert m.kind == "region" and m.lat is not None and m.country_code is None, m


def test_washington_is_the_capital_unless_the_article_is_about_the_state() -> None:
    capital = _mention(
        _resolve(_doc("dc", "Officials in Washington met.", ["Washington"])), "Washington"
    )
    assert _within(capital, 38.9, -77.04, 30)
    state = _mention(
        _resolve(
            _doc(
                "wa",
                "Wildfires spread across Washington, from Spokane to Yakima and Wenatchee.",
                ["Washington", "Spokane", "Yakima", "Wenatchee"],
            )
        ),
        "Washington",
    )
    assert state.kind == "admin1" and state.country_code == "US"
    assert state.lon is not None and state.lon < -115


def test_cambridge_follows_the_other_places_of_the_article() -> None:
    uk = _doc("uk", "Scientists in Cambridge and London agreed.", ["Cambridge", "London"])
    us = _doc(
        "us",
        "Students in Cambridge, Massachusetts, and nearby Boston marched.",
        ["Cambridge", "Massachusetts", "Boston"],
    )
    res = _resolve(uk, us)
    by_article = {m.article: m for m in res.mentions if m.text == "Cambridge"}
    assert by_article["uk"].country_code == "GB" and by_article["us"].country_code == "US"


def test_london_always_has_coordinates() -> None:
    for text, names in (
        ("London", ["London"]),
        ("Talks in London and Paris.", ["London", "Paris"]),
        ("Farmers near London, Ontario, and Toronto.", ["London", "Ontario", "Toronto"]),
    ):
        london = _mention(_resolve(_doc("l", text, names)), "London")
        assert london.lat is not None and london.lon is not None, (text, london.reason)


def test_a_fuzzy_match_never_jumps_to_an_unrelated_name() -> None:
    doc = _doc("f", "Flooding in Riverdale and Florida.", ["Riverdale", "Florida"])
    res = _resolve(doc)
    assert "Glendale" not in _mention(res, "Riverdale").name
    assert _mention(res, "Florida").name == "Florida"


def test_every_resolved_place_has_coordinates_or_a_reason() -> None:
    doc = _doc(
        "x",
        "From Qwxzyville to Sindh, Aleppo, the Levant and Manitoba.",
        ["Qwxzyville", "Sindh", "Aleppo", "Levant", "Manitoba"],
    )
    res = _resolve(doc)
    for m in res.mentions:
        assert (m.lat is not None and m.lon is not None) or m.reason, m
    for place in res.places:
        assert (place.lat is not None) or place.reason, place


def test_the_outlets_country_leans_an_ambiguous_name_its_way() -> None:
    from sitroom.resolve.places import outlet_country

    assert outlet_country("https://www.cbc.ca/news/x") == "CA"
    assert outlet_country("https://www.bbc.co.uk/news") == "GB"
    assert outlet_country("https://example.com/a") is None and outlet_country(None) is None
    text = "Flooding closed roads around Hyderabad on Tuesday."
    for url, country in (("https://news.example.pk/1", "PK"), ("https://example.co.in/1", "IN")):
        article = Article("o", text, "test", None, url, None, "unknown", None, "en", 0)
        start = text.find("Hyderabad")
        mention = Mention("o", start, start + 9, "Hyderabad", "GPE")
        res = resolve_places([article], [DocAnnotations("o", (mention,))])
        assert res.mentions[0].country_code == country, url


def test_a_surname_the_corpus_names_is_not_a_small_town_elsewhere() -> None:
    first = _labelled("p1", "Barack Obama visited Ohio.", {"Barack Obama": "PERSON", "Ohio": "GPE"})
    second = _labelled("p2", "Obama praised the new law.", {"Obama": "GPE"})
    res = _resolve(first, second)
    assert all(m.text != "Obama" for m in res.mentions)


def test_a_word_the_corpus_writes_in_lower_case_is_not_a_small_town() -> None:
    first = _doc("c1", "The media covered Ohio.", ["Ohio"])
    second = _doc("c2", "Media reports from Texas.", ["Media", "Texas"])
    media = _mention(_resolve(first, second), "Media")
    assert media.lat is None and media.reason == "written as a common word in the corpus"


def test_an_abbreviation_before_an_admin_word_is_still_the_country() -> None:
    text = "The US Department of State and the US State Department agreed."
    doc = _doc("u", text, ["US"])
    assert {m.country_code for m in _resolve(doc).mentions if m.text == "US"} == {"US"}


def test_a_demonym_shared_with_a_state_follows_the_story() -> None:
    text = "Georgians voted in Atlanta and Savannah; Georgia counts its ballots."
    doc = _labelled(
        "gs", text, {"Georgians": "NORP", "Atlanta": "GPE", "Savannah": "GPE", "Georgia": "GPE"}
    )
    res = _resolve(doc)
    assert {m.country_code for m in res.mentions if m.text in {"Georgia", "Georgians"}} == {"US"}
    text = "Georgians and Armenians met in Tbilisi."
    doc = _labelled("gc", text, {"Georgians": "NORP", "Tbilisi": "GPE"})
    assert _mention(_resolve(doc), "Georgians").country_code == "GE"


def test_place_names_inside_organisation_names() -> None:
    text = "Montreal police and Environment Canada joined St. Mark's Church volunteers."
    doc = _labelled(
        "o",
        text,
        {"Montreal police": "ORG", "Environment Canada": "ORG", "St. Mark's Church": "ORG"},
    )
    found = {m.text: m.country_code for m in _resolve(doc).mentions}
    assert found == {"Montreal": "CA", "Canada": "CA"}


def test_the_area_after_a_comma_says_which_town() -> None:
    """``Paris, Illinois`` and ``London, Ark.`` are those towns, not the capitals."""
    paris = _doc(
        "il", "A similar theft was reported in Paris, Illinois, on Tuesday.", ["Paris", "Illinois"]
    )
    london = _doc("ar", "The driver, 22, of London, Ark. died at the scene.", ["London"])
    ontario = _doc("on", "Crowds gathered in London, Ont. on Saturday.", ["London"])
    res = _resolve(paris, london, ontario)
    assert _near_in(res, "il", "Paris", 39.61, -87.70)
    assert _near_in(res, "ar", "London", 35.33, -93.25)
    assert _near_in(res, "on", "London", 42.98, -81.23)


def test_a_list_of_places_is_not_a_qualifier() -> None:
    """Commas between peers (``London, Paris and Berlin``) say nothing about location."""
    res = _resolve(
        _doc("eu", "Talks moved between London, Paris and Berlin.", ["London", "Paris", "Berlin"])
    )
    assert _near_in(res, "eu", "London", 51.51, -0.13)
    assert _near_in(res, "eu", "Paris", 48.85, 2.35)
    states = _resolve(
        _doc(
            "us",
            "Storms crossed Texas, Oklahoma and Kansas overnight.",
            ["Texas", "Oklahoma", "Kansas"],
        )
    )
    assert _near_in(states, "us", "Texas", 31.25, -99.25, km=161)  # not Texas County, OK


def _near_in(
    res: PlaceResolution, article: str, text: str, lat: float, lon: float, km: float = 50
) -> bool:
    mention = next(m for m in res.mentions if m.article == article and m.text == text)
    assert mention.lat is not None and mention.lon is not None, mention.reason
    return distance_km(mention.lat, mention.lon, lat, lon) <= km


def test_a_country_is_not_its_capital_because_the_article_names_the_capital() -> None:
    text = (
        "The outbreak started in Mexico. Officials in Mexico City closed schools, and "
        "visitors who travelled to Mexico were told to stay home."
    )
    res = _resolve(_doc("mx", text, ["Mexico", "Mexico City"]))
    for m in res.mentions:
        if m.text == "Mexico":
            assert m.kind == "country" and m.country_code == "MX", m
    assert _mention(res, "Mexico City").kind == "city"


def test_the_area_after_a_comma_is_a_place_too() -> None:
    """``Barrie, Ont.``: annotators count ``Ont.`` as a place even when the tagger left it out."""
    text = "A home in Barrie, Ont. burned down; a man from Melville, Sask., was hurt."
    res = _resolve(_doc("ca", text, ["Barrie", "Melville"]))
    ont = _mention(res, "Ont.")
    assert ont.kind == "admin1" and ont.country_code == "CA" and ont.name == "Ontario"
    sask = _mention(res, "Sask.")
    assert sask.kind == "admin1" and sask.name == "Saskatchewan"
    assert text[ont.start : ont.end] == "Ont." and text[sask.start : sask.end] == "Sask."
    # a mislabelled piece of the abbreviation does not stop it; a longer name does
    text = "A home in Barrie, Ont., and a girl in Athens, Georgia Stevens, were seen."
    article = Article("p", text, "test", None, None, None, "unknown", None, "en", 0)
    spans = [("Barrie", "GPE"), ("Ont", "PERSON"), ("Athens", "GPE"), ("Georgia Stevens", "PERSON")]
    tagged = tuple(
        Mention("p", text.find(n), text.find(n) + len(n), n, label) for n, label in spans
    )
    res = _resolve((article, DocAnnotations("p", tagged)))
    assert sorted(m.text for m in res.mentions) == ["Athens", "Barrie", "Ont."]
    # only areas: a town after a comma is a peer, not where the place lies
    peers = _resolve(_doc("eu", "Talks moved between London, Paris and Berlin.", ["London"]))
    assert [m.text for m in peers.mentions] == ["London"]
    # an area the tagger found is not found twice
    states = _resolve(_doc("us", "Storms crossed Texas, Oklahoma.", ["Texas", "Oklahoma"]))
    assert [m.text for m in states.mentions] == ["Texas", "Oklahoma"]


def test_a_press_abbreviation_on_its_own_is_its_state() -> None:
    res = _resolve(_doc("ar", "Police in Ark. said the road was closed.", ["Ark."]))
    ark = _mention(res, "Ark.")
    assert ark.country_code == "US" and ark.name == "Arkansas"


def test_a_part_of_a_place_is_placed_at_the_whole() -> None:
    text = (
        "Fires burned across Western Canada and Far North Queensland, and in "
        "Eastern China; the City of Montreal sent help."
    )
    names = ["Western Canada", "Far North Queensland", "Eastern China", "City of Montreal"]
    res = _resolve(_doc("parts", text, names))
    assert _mention(res, "Western Canada").country_code == "CA"
    assert _mention(res, "Western Canada").kind == "country"
    assert _mention(res, "Far North Queensland").kind == "admin1"
    assert _mention(res, "Eastern China").country_code == "CN"
    assert _within(_mention(res, "City of Montreal"), 45.5, -73.6, 30)
    # a name the gazetteer has whole stays itself; a small town is no whole
    south = _mention(
        _resolve(_doc("za", "Rain fell on South Africa.", ["South Africa"])), "South Africa"
    )
    assert south.country_code == "ZA"
    for name in ("Central Parkview", "Southern Parkview"):
        park = _mention(_resolve(_doc("p", f"They met in {name}.", [name])), name)
        assert park.lat is None, park


def test_a_name_written_before_virus_or_fever_is_the_illness_not_the_place() -> None:
    text = (
        "Cases of West Nile virus rose in Texas. In Uganda Marburg virus killed two; "
        "West Nile cases and Marburg deaths were reported near Kampala."
    )
    res = _resolve(_doc("v", text, ["West Nile", "Texas", "Uganda", "Marburg", "Kampala"]))
    assert {m.text for m in res.mentions} == {"Texas", "Uganda", "Kampala"}


def test_a_body_named_after_its_place_is_placed_there() -> None:
    text = (
        "The Santa Ana City Council met; the Metcalfe County Sheriff's Office and the "
        "Texas Medical Center said little. Abu Shokra camp was quiet."
    )
    names = [
        "Santa Ana City Council",
        "Metcalfe County Sheriff's Office",
        "Texas Medical Center",
        "Abu Shokra",
    ]
    res = _resolve(_doc("b", text, names))
    assert _within(_mention(res, "Santa Ana City Council"), 33.75, -117.87, 30)
    county = _mention(res, "Metcalfe County Sheriff's Office")
    assert county.kind == "admin2" and county.country_code == "US"
    assert _mention(res, "Texas Medical Center").kind == "admin1"
    assert _mention(res, "Abu Shokra").lat is None  # "Abu" alone is no place to fall back on


def test_a_capital_abroad_gives_way_to_a_big_namesake_in_the_storys_country() -> None:
    text = (
        "Organizers of a London rally thanked Canada for its help. Canada's stand was "
        "praised, and Canada will do more, said the imam of the centre in London."
    )
    canada = _resolve(_doc("on", text, ["London", "Canada"]))
    assert all(m.country_code == "CA" for m in canada.mentions), canada.mentions
    # a small namesake does not outweigh the capital, nor does a story about nowhere
    paris = "Officials in Canada and Canada's provinces watched Paris closely."
    res = _resolve(_doc("fr", paris, ["Canada", "Paris"]))
    assert _mention(res, "Paris").country_code == "FR"
    alone = _resolve(_doc("uk", "Crowds gathered in London.", ["London"]))
    assert _mention(alone, "London").country_code == "GB"


def test_generic_words_are_not_places_alone_or_inside_names() -> None:
    text = (
        "She spent a year in the South of France; Trillium Health Centre staff read the "
        "Winnipeg Free Press."
    )
    article = Article("g", text, "test", None, None, None, "unknown", None, "en", 0)
    mentions = (
        Mention("g", text.find("South"), text.find("South") + 5, "South", "LOC"),
        Mention("g", text.find("France"), text.find("France") + 6, "France", "GPE"),
        Mention("g", text.find("Trillium"), text.find(" staff"), "Trillium Health Centre", "ORG"),
        Mention(
            "g",
            text.find("Winnipeg"),
            text.find(".", text.find("Winnipeg")),
            "Winnipeg Free Press",
            "ORG",
        ),
    )
    doc = DocAnnotations("g", mentions)
    # toponym gold counts the town inside the newspaper's name (``sitroom extract places``)
    res = resolve_places([article], [doc], places_in_outlet_names=True)
    assert sorted(m.text for m in res.mentions) == ["France", "Winnipeg"]
    # a report leaves it out: the paper is no scene of the story
    assert sorted(m.text for m in _resolve((article, doc)).mentions) == ["France"]


def test_a_county_follows_the_state_or_towns_the_article_names() -> None:
    michigan = _doc(
        "mi",
        "Flooding closed roads in Monroe County, and Michigan sent help.",
        ["Monroe County", "Michigan"],
    )
    iowa = _doc(
        "ia",
        "Deputies in Plymouth County said Le Mars and Sioux City were spared.",
        ["Plymouth County", "Le Mars", "Sioux City"],
    )
    res = _resolve(michigan, iowa)
    assert _near_in(res, "mi", "Monroe County", 41.93, -83.5, km=60)
    assert _near_in(res, "ia", "Plymouth County", 42.74, -96.2, km=60)


def test_a_town_the_tagger_mostly_took_for_a_person_is_a_place() -> None:
    from sitroom.resolve.entities import resolve_entities

    text = (
        "Cairns police said a Cairns man was hurt. Storms hit Cairns overnight, and Cairns "
        "council met. Michael Jackson sang; Jackson was in Cairns."
    )
    article = Article("c", text, "test", None, None, None, "unknown", None, "en", 0)
    mentions = []
    for name, label in (("Cairns", "PERSON"), ("Michael Jackson", "PERSON"), ("Jackson", "PERSON")):
        start = text.find(name)
        while start >= 0:
            if not (name == "Jackson" and text[start - 8 : start] == "Michael "):
                mentions.append(Mention("c", start, start + len(name), name, label))
            start = text.find(name, start + 1)
    hit = text.find("Cairns overnight")
    mentions = [m if m.start != hit else replace(m, label="GPE") for m in mentions]
    annotations = [DocAnnotations("c", tuple(mentions))]
    entities = resolve_entities(annotations)
    res = resolve_places([article], annotations, entities, metonymy=True)
    cairns = [m for m in res.mentions if m.text == "Cairns"]
    assert len(cairns) == 5 and all(m.country_code == "AU" for m in cairns)
    assert not [m for m in res.mentions if m.text == "Jackson"]  # named in full: a person


def test_an_organisation_named_exactly_like_an_area_is_that_area_in_extraction() -> None:
    text = "The NSW government and the UN said Canada would help."
    article = Article("o", text, "test", None, None, None, "unknown", None, "en", 0)
    tagged = tuple(
        Mention("o", text.find(n), text.find(n) + len(n), n, "ORG") for n in ("NSW", "UN", "Canada")
    )
    doc = (article, DocAnnotations("o", tagged))
    extracted = resolve_places([article], [doc[1]], metonymy=True)
    found = {m.text: m for m in extracted.mentions}
    assert set(found) == {"NSW", "Canada"}
    assert found["NSW"].name == "New South Wales" and found["NSW"].actor
    assert found["Canada"].country_code == "CA"
    assert not _resolve(doc).mentions  # a build keeps them as actors


def test_a_name_the_tagger_cut_short_is_completed() -> None:
    text = (
        "Cholera hit Guinea, Guinea-Bissau and the Democratic Republic of the Congo, "
        "said the Republic of Ireland."
    )
    article = Article("k", text, "test", None, None, None, "unknown", None, "en", 0)
    cuts = [("Guinea", 0), ("Guinea", 1), ("Democratic Republic", 0), ("Republic", 1)]
    tagged = []
    for name, nth in cuts:
        start = text.find(name)
        for _ in range(nth):
            start = text.find(name, start + 1)
        tagged.append(Mention("k", start, start + len(name), name, "GPE"))
    res = _resolve((article, DocAnnotations("k", tuple(tagged))))
    texts = [m.text for m in res.mentions]
    assert texts == ["Guinea", "Guinea-Bissau", "Democratic Republic of the Congo", "Republic"]
    assert {m.country_code for m in res.mentions if m.text != "Republic"} == {"GN", "GW", "CD"}


def test_a_state_listed_among_states_or_after_state_of_is_the_state() -> None:
    listed = _doc(
        "l",
        "Cases were found in Oregon, Utah, Washington and Wisconsin.",
        ["Oregon", "Utah", "Washington", "Wisconsin"],
    )
    named = _doc("n", "The virus was found in the state of Washington last year.", ["Washington"])
    capital = _doc(
        "c",
        "Officials in Washington said Texas and Florida would get help.",
        ["Washington", "Texas", "Florida"],
    )
    res = _resolve(listed, named, capital)
    for article in ("l", "n"):
        state = next(m for m in res.mentions if m.article == article and m.text == "Washington")
        assert state.kind == "admin1" and state.country_code == "US", state
    assert _near_in(res, "c", "Washington", 38.9, -77.04)
    victoria = _resolve(_doc("v", "Bushfires spread in the state of Victoria.", ["Victoria"]))
    state = _mention(victoria, "Victoria")
    assert state.kind == "admin1" and state.country_code == "AU", state


def test_an_unknown_capitalised_common_word_is_said_to_be_a_word() -> None:
    doc = _doc("h", "Turkey's Approach to Syria\n\nTheir approach changed in Idlib.", ["Approach"])
    approach = _mention(_resolve(doc), "Approach")
    assert approach.lat is None and approach.reason == "written as a common word in the corpus"
