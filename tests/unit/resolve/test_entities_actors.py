"""One actor, one entity, across a corpus of news articles (issue 9's AllSides failures)."""

from sitroom.resolve.entities import EntityResolution, resolve_entities
from sitroom.types import DocAnnotations, Entity, Mention


def _doc(article: str, *mentions: tuple[str, str] | tuple[str, str, str]) -> DocAnnotations:
    found: list[Mention] = []
    position = 0
    for spec in mentions:
        text, label = spec[0], spec[1]
        source = spec[2] if len(spec) == 3 else "model"
        found.append(Mention(article, position, position + len(text), text, label, source))
        position += len(text) + 10
    return DocAnnotations(article, tuple(found), ())


def _at(docs: list[DocAnnotations], article: str, index: int) -> tuple[str, int, int]:
    mention = next(doc for doc in docs if doc.article == article).mentions[index]
    return mention.article, mention.start, mention.end


def _entity(result: EntityResolution, name: str) -> Entity:
    entity_id = result.lookup(name)
    return next(entity for entity in result.entities if entity.id == entity_id)


def test_the_pronoun_us_is_never_a_name_nor_the_country() -> None:
    docs = [
        _doc("a", ("US", "GPE"), ("us", "GPE"), ("Us", "GPE")),
        _doc("b", ("United States", "GPE"), ("us", "PERSON")),
    ]
    result = resolve_entities(docs)
    assert result.entity_of(*_at(docs, "a", 1)) is None
    assert result.entity_of(*_at(docs, "a", 2)) is None
    assert result.entity_of(*_at(docs, "b", 1)) is None
    country = _entity(result, "United States")
    assert country.aliases == ("US", "United States")
    assert all(entity.name.casefold() != "us" for entity in result.entities)


def test_country_short_forms_acronyms_and_common_names_are_one_country() -> None:
    docs = [
        _doc("a", ("US", "GPE"), ("America", "GPE"), ("UK", "GPE"), ("UAE", "GPE")),
        _doc("b", ("U.S.", "GPE"), ("Britain", "GPE"), ("U.K.", "ORG")),
        _doc("c", ("United States", "GPE"), ("USA", "GPE"), ("United Kingdom", "GPE")),
        _doc("d", ("United Arab Emirates", "GPE"), ("Burma", "GPE"), ("Myanmar", "GPE")),
    ]
    result = resolve_entities(docs)
    for forms in [
        ("US", "U.S.", "United States", "America", "USA"),
        ("UK", "U.K.", "Britain", "United Kingdom"),
        ("UAE", "United Arab Emirates"),
        ("Burma", "Myanmar"),
    ]:
        assert len({result.lookup(form) for form in forms}) == 1, forms
        assert None not in {result.lookup(form) for form in forms}
    assert len({result.lookup(form) for form in ("US", "UK", "UAE", "Burma")}) == 4
    united_states = _entity(result, "America")
    assert united_states.name == "United States" and united_states.type == "GPE"
    assert united_states.mention_count == 5


def test_a_surname_alone_is_the_person_its_article_names_or_else_the_corpus_names_most() -> None:
    docs = [
        _doc("a", ("Donald Trump", "PERSON"), ("Trump", "PERSON")),
        _doc("b", ("President Donald Trump", "PERSON"), ("Trump", "ORG")),
        _doc("c", ("Melania Trump", "PERSON"), ("Trump", "PERSON")),
        _doc("d", ("Trump", "PERSON"), ("Biden", "PERSON"), ("Obama", "PERSON")),
        _doc("e", ("Ivanka Trump", "PERSON"), ("Barack Obama", "PERSON"), ("Obama", "PERSON")),
        _doc("f", ("Donald J. Trump", "PERSON"), ("Joe Biden", "PERSON"), ("Trump", "ORG")),
        _doc("g", ("Hunter Biden", "PERSON"), ("Joe Biden", "PERSON"), ("Biden", "PERSON")),
    ]
    result = resolve_entities(docs)
    donald = result.lookup("Donald Trump")
    assert donald is not None
    for article, index in [("a", 1), ("b", 1), ("d", 0), ("f", 0), ("f", 2)]:
        assert result.entity_of(*_at(docs, article, index)) == donald, (article, index)
    assert result.entity_of(*_at(docs, "c", 1)) == result.lookup("Melania Trump") != donald
    assert result.lookup("Ivanka Trump") not in {donald, None}
    assert result.entity_of(*_at(docs, "d", 1)) == result.lookup("Joe Biden")
    assert result.entity_of(*_at(docs, "g", 2)) == result.lookup("Joe Biden")
    assert result.entity_of(*_at(docs, "d", 2)) == result.lookup("Barack Obama")
    trump = _entity(result, "Donald Trump")
    assert trump.name == "Donald Trump" and trump.type == "PERSON"
    assert trump.articles == ("a", "b", "d", "f")
    assert [e.name for e in result.entities].count("Trump") == 0


def test_a_person_the_model_or_gazetteer_tagged_as_a_place_is_a_person() -> None:
    docs = [
        _doc("a", ("Barack Obama", "PERSON"), ("Obama", "PERSON"), ("Obama", "PERSON")),
        _doc("b", ("Obama", "GPE", "gazetteer"), ("Washington", "GPE"), ("Khashoggi", "GPE")),
        _doc("c", ("Obama", "GPE"), ("Washington", "GPE"), ("Khashoggi", "GPE")),
        _doc("d", ("George Washington", "PERSON"), ("Washington", "GPE"), ("Obama", "PERSON")),
        _doc("e", ("Jamal Khashoggi", "PERSON"), ("Khashoggi", "GPE")),
    ]
    result = resolve_entities(docs)
    obama = result.lookup("Barack Obama")
    khashoggi = result.lookup("Jamal Khashoggi")
    for article in ("b", "c"):
        span = _at(docs, article, 0)
        assert result.entity_of(*span) == obama
        assert result.type_of(*span) == "PERSON"
        # No place is called Khashoggi: the model's place label is no evidence against a person.
        assert result.entity_of(*_at(docs, article, 2)) == khashoggi
    assert _entity(result, "Barack Obama").type == "PERSON"
    assert _entity(result, "Jamal Khashoggi").type == "PERSON"
    # ``Washington`` is a place three times out of three: George Washington does not take it.
    for article in ("b", "c", "d"):
        span = _at(docs, article, 1)
        assert result.type_of(*span) == "GPE"
        assert result.entity_of(*span) != result.lookup("George Washington")


def test_titles_and_prefixes_are_aliases_not_names() -> None:
    docs = [
        _doc("a", ("Speaker Nancy Pelosi", "PERSON"), ("pro-Mitt Romney", "NORP")),
        _doc("b", ("Nancy Pelosi", "PERSON"), ("Mitt Romney", "PERSON")),
        _doc("c", ("Western COVID-19", "NORP"), ("COVID-19", "ORG")),
        _doc("d", ("Sen. Kyrsten Sinema", "PERSON"), ("Former Vice President Joe Biden", "PERSON")),
        _doc("e", ("General Motors", "ORG"), ("Anti-Defamation League", "ORG")),
        _doc("f", ("Western Australia", "GPE"), ("Australia", "GPE")),
    ]
    result = resolve_entities(docs)
    pelosi = _entity(result, "Speaker Nancy Pelosi")
    assert pelosi.name == "Nancy Pelosi" and "Speaker Nancy Pelosi" in pelosi.aliases
    romney = _entity(result, "pro-Mitt Romney")
    assert romney.name == "Mitt Romney" and romney.mention_count == 2
    covid = _entity(result, "Western COVID-19")
    assert covid.name == "COVID-19" and "Western COVID-19" in covid.aliases
    assert _entity(result, "Sen. Kyrsten Sinema").name == "Kyrsten Sinema"
    assert _entity(result, "Joe Biden").name == "Joe Biden"
    # A title or prefix comes off only when what remains is a name.
    assert _entity(result, "General Motors").name == "General Motors"
    assert _entity(result, "Anti-Defamation League").name == "Anti-Defamation League"
    assert result.lookup("Western Australia") != result.lookup("Australia")


def test_full_name_variants_join_but_different_people_stay_apart() -> None:
    docs = [
        _doc("a", ("Joe Biden", "PERSON"), ("Donald J. Trump", "PERSON")),
        _doc("b", ("Joseph Biden", "PERSON"), ("Donald Trump", "PERSON")),
        _doc("c", ("Joseph R. Biden", "PERSON"), ("Donald Trump Jr.", "PERSON")),
        _doc("d", ("George W. Bush", "PERSON"), ("George H.W. Bush", "PERSON")),
        _doc("e", ("Ted Cruz", "PERSON"), ("Bernie Sanders", "PERSON")),
        _doc("f", ("Edward Cruz", "PERSON"), ("Bernard Sanders", "PERSON")),
    ]
    result = resolve_entities(docs)
    assert len({result.lookup(n) for n in ("Joe Biden", "Joseph Biden", "Joseph R. Biden")}) == 1
    assert result.lookup("Donald J. Trump") == result.lookup("Donald Trump")
    assert result.lookup("Donald Trump Jr.") != result.lookup("Donald Trump")
    assert result.lookup("George W. Bush") != result.lookup("George H.W. Bush")
    assert result.lookup("Bernie Sanders") == result.lookup("Bernard Sanders")
    # ``Ted`` is short for Edward and for Theodore: it joins the one the corpus has.
    assert result.lookup("Ted Cruz") == result.lookup("Edward Cruz")


def test_a_short_form_of_two_names_joins_only_the_one_the_corpus_uses() -> None:
    docs = [
        _doc("a", ("Steve Bannon", "PERSON"), ("Ted Smith", "PERSON")),
        _doc("b", ("Stephen Bannon", "PERSON"), ("Edward Smith", "PERSON")),
        _doc("c", ("Theodore Smith", "PERSON")),
    ]
    result = resolve_entities(docs)
    assert result.lookup("Steve Bannon") == result.lookup("Stephen Bannon")
    # ``Ted Smith`` may be Edward or Theodore, and the corpus has both: it joins neither.
    assert result.lookup("Ted Smith") not in {
        result.lookup("Edward Smith"),
        result.lookup("Theodore Smith"),
    }


def test_middle_names_and_longer_spans_join_the_full_name() -> None:
    docs = [
        _doc("a", ("Hillary Rodham Clinton", "PERSON"), ("Michael Flynn", "PERSON")),
        _doc(
            "b",
            ("Hillary Clinton", "PERSON"),
            ("National Security Adviser Michael Flynn", "PERSON"),
        ),
        _doc("c", ("George Walker Bush", "PERSON"), ("George W. Bush", "PERSON")),
        _doc("d", ("Michael Flynn", "PERSON")),
    ]
    result = resolve_entities(docs)
    assert result.lookup("Hillary Rodham Clinton") == result.lookup("Hillary Clinton")
    flynn = _entity(result, "National Security Adviser Michael Flynn")
    assert flynn.name == "Michael Flynn" and flynn.mention_count == 3
    assert result.lookup("George Walker Bush") == result.lookup("George W. Bush")


def test_a_surname_no_one_claims_is_one_entity_across_articles() -> None:
    docs = [
        _doc("a", ("Ghulam Nabi Jatoi", "PERSON"), ("Parveen Jatoi", "PERSON")),
        _doc("b", ("Jatoi", "PERSON")),
        _doc("c", ("Jatoi", "PERSON")),
        _doc("d", ("justice department", "ORG"), ("justice department", "ORG")),
        _doc("e", ("Justice Department", "ORG")),
    ]
    result = resolve_entities(docs)
    lone = result.entity_of(*_at(docs, "b", 0))
    assert lone == result.entity_of(*_at(docs, "c", 0))
    assert lone not in {result.lookup("Parveen Jatoi"), result.lookup("Ghulam Nabi Jatoi")}
    assert _entity(result, "justice department").name == "Justice Department"
