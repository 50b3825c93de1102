from sitroom.resolve.aliases import AliasRules
from sitroom.resolve.entities import resolve_entities
from sitroom.types import Acronym, DocAnnotations, Mention


def _doc(
    article: str,
    *mentions: tuple[str, str] | tuple[str, str, str],
    acronyms: tuple[tuple[str, str], ...] = (),
) -> DocAnnotations:
    found: list[Mention] = []
    position = 0
    for spec in mentions:
        text, label = spec[0], spec[1]
        source = spec[2] if len(spec) == 3 else "model"
        found.append(Mention(article, position, position + len(text), text, label, source))
        position += len(text) + 10
    defined = tuple(Acronym(article, short, long, 0, len(long)) for short, long in acronyms)
    return DocAnnotations(article, tuple(found), defined)


def _same(resolution: object, *names: str) -> bool:
    ids = {resolution.lookup(name) for name in names}  # type: ignore[attr-defined]
    return len(ids) == 1 and None not in ids


def test_spellings_countries_and_acronyms_join() -> None:
    docs = [
        _doc(
            "a",
            ("Recep Tayyip Erdogan", "PERSON"),
            ("Erdogan", "PERSON"),
            ("Turkey", "GPE"),
            ("Hay'at Tahrir al-Sham", "PERSON"),
            ("HTS", "ORG", "acronym"),
            acronyms=(("HTS", "Hay'at Tahrir al-Sham"),),
        ),
        _doc(
            "b",
            ("Erdoğan", "PERSON"),
            ("Türkiye", "GPE"),
            ("Hayat Tahrir al-Sham", "PERSON"),
            ("HTS", "ORG"),
        ),
    ]
    result = resolve_entities(docs)
    assert _same(result, "Erdogan", "Erdoğan", "Recep Tayyip Erdoğan")
    assert _same(result, "Turkey", "Türkiye", "Republic of Türkiye")
    assert _same(result, "HTS", "Hayat Tahrir al-Sham", "Hay'at Tahrir al-Sham")
    by_id = {e.id: e for e in result.entities}
    hts = by_id[result.lookup("HTS")]  # type: ignore[index]
    assert hts.type == "ORG" and hts.name != "HTS"
    erdogan = by_id[result.lookup("Erdogan")]  # type: ignore[index]
    assert erdogan.name.startswith("Recep Tayyip") and erdogan.type == "PERSON"
    assert erdogan.mention_count == 3 and erdogan.articles == ("a", "b")


def test_things_sharing_words_stay_apart() -> None:
    docs = [
        _doc(
            "a",
            ("Syrian National Army", "ORG"),
            ("Syrian army", "ORG", "pattern"),
            ("Free Syrian Army", "ORG"),
            ("Syrian", "NORP"),
            ("Turkish", "NORP"),
            ("Turkish opposition", "ORG"),
            ("Syrian opposition", "ORG"),
            ("Sindh Police", "ORG"),
            ("Sindh Rangers", "ORG"),
            ("Sindh", "GPE"),
            ("Jordan Peterson", "PERSON"),
            ("Jordan", "GPE"),
            ("Pakistan Army", "ORG"),
            ("Pakistan", "GPE"),
        ),
    ]
    result = resolve_entities(docs)
    for a, b in [
        ("Syrian National Army", "Syrian army"),
        ("Syrian army", "Free Syrian Army"),
        ("Turkish opposition", "Syrian opposition"),
        ("Sindh Police", "Sindh Rangers"),
        ("Sindh Police", "Sindh"),
        ("Jordan Peterson", "Jordan"),
        ("Pakistan Army", "Pakistan"),
        ("Turkish", "Turkey"),
    ]:
        assert result.lookup(a) != result.lookup(b), (a, b)


def test_surname_joins_the_full_name_of_its_article_first() -> None:
    docs = [
        _doc("a", ("Ghulam Nabi Jatoi", "PERSON"), ("Jatoi", "PERSON")),
        _doc("b", ("Parveen Jatoi", "PERSON"), ("Jatoi", "PERSON")),
        _doc("c", ("Jatoi", "PERSON")),  # ambiguous in the corpus: stays on its own
        _doc("d", ("Ayşe Kılıç", "PERSON")),
        _doc("e", ("Kilic", "PERSON")),  # unambiguous in the corpus
    ]
    result = resolve_entities(docs)
    assert result.entity_of("a", 27, 32) == result.lookup("Ghulam Nabi Jatoi")
    assert result.entity_of("b", 23, 28) == result.lookup("Parveen Jatoi")
    lone = result.entity_of("c", 0, 5)
    assert lone not in {result.lookup("Parveen Jatoi"), result.lookup("Ghulam Nabi Jatoi")}
    assert result.entity_of("e", 0, 5) == result.lookup("Ayse Kilic")


def test_capital_as_actor_is_the_government_not_the_city() -> None:
    docs = [_doc("a", ("Ankara", "ORG", "metonymy"), ("Ankara", "GPE"), ("Turkey", "GPE"))]
    result = resolve_entities(docs)
    government = result.entity_of("a", 0, 6)
    city = result.entity_of("a", 16, 22)
    assert government and city and government != city
    assert government != result.lookup("Turkey")
    entity = next(e for e in result.entities if e.id == government)
    assert entity.type == "ORG" and entity.name == "Turkey government"


def test_user_rules_force_and_forbid_merges() -> None:
    docs = [
        _doc(
            "a",
            ("Sher Sindhi", "PERSON"),
            ("the Lashkar", "ORG"),
            ("Sindhu Rakhwala Lashkar", "ORG"),
            ("Rakhwala Lashkar", "ORG"),
        )
    ]
    automatic = resolve_entities(docs)
    assert _same(automatic, "Rakhwala Lashkar", "Sindhu Rakhwala Lashkar")
    rules = AliasRules(
        merges=(("Lashkar", "Sindhu Rakhwala Lashkar"),),
        separate=(("Rakhwala Lashkar", "Sindhu Rakhwala Lashkar"),),
    )
    result = resolve_entities(docs, rules)
    assert _same(result, "the Lashkar", "Sindhu Rakhwala Lashkar")
    assert result.lookup("Rakhwala Lashkar") != result.lookup("Sindhu Rakhwala Lashkar")


def test_ids_are_stable_and_independent_of_order() -> None:
    docs = [_doc("a", ("Assad", "PERSON")), _doc("b", ("Bashar al-Assad", "PERSON"))]
    first = resolve_entities(docs)
    second = resolve_entities(list(reversed(docs)))
    assert {e.id for e in first.entities} == {e.id for e in second.entities}
    assert _same(first, "Assad", "Bashar al-Assad")


def test_a_cited_outlet_is_an_organisation_whatever_its_label() -> None:
    from dataclasses import replace

    from sitroom.types import CitationMention

    doc = _doc("a", ("Middle East Eye", "LOC"), ("Hurriyet", "PERSON"), ("Aleppo", "GPE"))
    cited = tuple(
        CitationMention("a", m.start, m.end, m.text, "outlet", "told")
        for m in doc.mentions
        if m.text != "Aleppo"
    )
    resolution = resolve_entities([replace(doc, citations=cited)])
    types = {e.name: e.type for e in resolution.entities}
    assert types == {"Middle East Eye": "ORG", "Hurriyet": "ORG", "Aleppo": "GPE"}
    uncited = {e.name: e.type for e in resolve_entities([doc]).entities}
    assert uncited["Middle East Eye"] == "LOC"  # the label stands when nothing says otherwise


def _letters(k: int) -> str:
    """A distinct made-up word for each ``k`` (``Baa``, ``Bab``, ...)."""
    word = ""
    for _ in range(3):
        k, digit = divmod(k, 26)
        word = chr(ord("a") + digit) + word
    return "B" + word


def test_each_of_hundreds_of_surnames_in_one_article_joins_its_own_full_name() -> None:
    # One article naming 600 people, each then by surname alone: every surname once read
    # every full name of the article (the square of its names); now only those it ends.
    people = [(f"Ana {_letters(k)}", _letters(k)) for k in range(600)]
    mentions = [(text, "PERSON") for full, surname in people for text in (full, surname)]
    result = resolve_entities([_doc("a", *mentions)])
    position = 0
    for full, surname in people:
        surname_at = position + len(full) + 10
        assert result.entity_of("a", surname_at, surname_at + len(surname)) == result.lookup(full)
        position = surname_at + len(surname) + 10
