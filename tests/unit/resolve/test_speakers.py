"""Speaker resolution: names, pronouns, descriptions and institutions to entity ids."""

from __future__ import annotations

from typing import Any

from sitroom.resolve.speakers import quote_id, resolve_speakers
from sitroom.types import Mention, QuoteMention


class Lookup:
    """A stand-in for EntityResolution: each mention's folded text is its entity."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.by_span = {(m.article, m.start, m.end): "e_" + m.text.lower() for m in mentions}

    def entity_of(self, article: str, start: int, end: int) -> str | None:
        for (art, s, e), eid in self.by_span.items():
            if art == article and s < end and start < e:
                return eid
        return None

    def lookup(self, surface: str) -> str | None:
        return None


def mention(text: str, surface: str, label: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention("a", start, start + len(surface), surface, label)


def quote(text: str, content: str, speaker: str, nth: int = 0) -> QuoteMention:
    start = text.index(content)
    s_start = -1
    for _ in range(nth + 1):
        s_start = text.index(speaker, s_start + 1)
    return QuoteMention(
        "a",
        start,
        start + len(content),
        content,
        False,
        s_start,
        s_start + len(speaker),
        speaker,
        None,
        None,
        None,
    )


def test_named_speaker_and_pronoun_to_the_nearest_person() -> None:
    text = (
        "Nadia Rauf said the money was ready. Kamran Akhtar spoke later. "
        "He said boats were deployed."
    )
    mentions = [mention(text, "Nadia Rauf", "PERSON"), mention(text, "Kamran Akhtar", "PERSON")]
    quotes = [
        quote(text, "the money was ready", "Nadia Rauf"),
        quote(text, "boats were deployed", "He"),
    ]
    resolved = resolve_speakers(text, quotes, mentions, Lookup(mentions))
    assert [q.speaker for q in resolved] == ["e_nadia rauf", "e_kamran akhtar"]
    assert [q.speaker_text for q in resolved] == ["Nadia Rauf", "He"]
    assert resolved[0].id == quote_id("a", quotes[0].start, quotes[0].end)


def test_pronoun_after_a_spokesman_goes_to_his_organisation_not_an_earlier_person() -> None:
    text = (
        "Ayse Kilic said aid was held. A spokesman for the SRL said the group wanted aid. "
        "He said trucks could pass."
    )
    mentions = [mention(text, "Ayse Kilic", "PERSON"), mention(text, "SRL", "ORG")]
    quotes = [
        quote(text, "aid was held", "Ayse Kilic"),
        quote(text, "the group wanted aid", "A spokesman for the SRL"),
        quote(text, "trucks could pass", "He"),
    ]
    resolved = resolve_speakers(text, quotes, mentions, Lookup(mentions))
    assert [q.speaker for q in resolved] == ["e_ayse kilic", "e_srl", "e_srl"]


def test_they_goes_to_a_group() -> None:
    text = "The Crescent Alliance said the toll was 63. They said more would die."
    mentions = [mention(text, "Crescent Alliance", "ORG")]
    quotes = [
        quote(text, "the toll was 63", "The Crescent Alliance"),
        quote(text, "more would die", "They"),
    ]
    resolved = resolve_speakers(text, quotes, mentions, Lookup(mentions))
    assert resolved[1].speaker == "e_crescent alliance"


def test_sources_at_an_institution_resolve_to_the_institution() -> None:
    text = (
        "Sources at the Ministry of Defence met reporters. "
        "The sources stated that troops were safe."
    )
    mentions = [mention(text, "Ministry of Defence", "ORG")]
    quotes = [quote(text, "troops were safe", "The sources")]
    resolved = resolve_speakers(text, quotes, mentions, Lookup(mentions))
    assert resolved[0].speaker == "e_ministry of defence"


def test_description_resolves_to_the_person_described_earlier() -> None:
    text = (
        "Political scientist Maria Ozer studied the war. "
        "The political scientist said the front would hold."
    )
    mentions = [mention(text, "Maria Ozer", "PERSON")]
    quotes = [quote(text, "the front would hold", "The political scientist")]
    resolved = resolve_speakers(text, quotes, mentions, Lookup(mentions))
    assert resolved[0].speaker == "e_maria ozer"


def test_anonymous_speaker_stays_unresolved_but_keeps_its_text() -> None:
    text = "A senior official said options were considered. The official said no more."
    quotes = [
        quote(text, "options were considered", "A senior official"),
        quote(text, "no more", "The official"),
    ]
    resolved = resolve_speakers(text, quotes, [], Lookup([]))
    assert [q.speaker for q in resolved] == [None, None]
    assert resolved[1].speaker_text == "The official"


def test_with_the_real_pipeline_surname_and_pronoun(nlp: Any) -> None:
    from sitroom.annotate import annotate_doc
    from sitroom.resolve.entities import resolve_entities

    text = (
        "Researcher Mahmoud Alloush described the shift. "
        "Alloush said that Turkey had planned the offensive. "
        "He noted that the limits were unpredictable."
    )
    ann = annotate_doc(nlp(text), "a")
    entities = resolve_entities([ann])
    resolved = resolve_speakers(text, ann.quotes, ann.mentions, entities)
    speakers = {q.speaker_text: q.speaker for q in resolved}
    assert speakers["Alloush"] is not None
    assert speakers["He"] == speakers["Alloush"]


def test_first_person_inside_a_quote_is_its_speaker() -> None:
    text = "Nadia Rauf said the river rose fast and I think we were lucky to get out."
    mentions = [mention(text, "Nadia Rauf", "PERSON")]
    outer = quote(text, "the river rose fast and I think we were lucky to get out", "Nadia Rauf")
    inner = quote(text, "we were lucky to get out", "I")
    out = resolve_speakers(text, [outer, inner], mentions, Lookup(mentions))
    assert [q.speaker for q in out] == ["e_nadia rauf", "e_nadia rauf"]


def test_role_description_falls_back_to_the_person_last_named() -> None:
    text = (
        "Kamran Akhtar toured the camps on Monday. "
        "The provincial senator said more boats were coming."
    )
    mentions = [mention(text, "Kamran Akhtar", "PERSON")]
    said = quote(text, "more boats were coming", "The provincial senator")
    (out,) = resolve_speakers(text, [said], mentions, Lookup(mentions))
    assert out.speaker == "e_kamran akhtar"


def test_possessive_reflexive_and_institution_descriptions_resolve() -> None:
    text = (
        "Acme Corp cut jobs in Ohio. The company said the plant would close. "
        "Nadia Rauf spoke later, repeating her view that the plan was wrong. "
        "The minister himself said nothing had changed."
    )
    mentions = [mention(text, "Acme Corp", "ORG"), mention(text, "Ohio", "GPE"),
                mention(text, "Nadia Rauf", "PERSON")]
    quotes = [quote(text, "the plant would close", "The company"),
              quote(text, "that the plan was wrong", "her"),
              quote(text, "nothing had changed", "The minister himself")]
    resolved = resolve_speakers(text, quotes, mentions, Lookup(mentions))
    assert [q.speaker for q in resolved] == ["e_acme corp", "e_nadia rauf", "e_nadia rauf"]


def test_a_statement_speaks_for_whoever_issued_it() -> None:
    text = (
        "Nadia Rauf issued a statement after the vote. Kamran Akhtar left. "
        "The statement said the money was ready. Later, the Flood Authority released "
        "a statement saying that boats were deployed."
    )
    mentions = [mention(text, "Nadia Rauf", "PERSON"), mention(text, "Kamran Akhtar", "PERSON"),
                mention(text, "Flood Authority", "ORG")]
    quotes = [quote(text, "the money was ready", "The statement"),
              quote(text, "that boats were deployed", "a statement", nth=1)]
    resolved = resolve_speakers(text, quotes, mentions, Lookup(mentions))
    assert [q.speaker for q in resolved] == ["e_nadia rauf", "e_flood authority"]


def test_an_organisation_description_goes_to_the_name_holding_its_word() -> None:
    text = (
        "Marta Lindqvist coordinates aid for the Indus Humanitarian Network. Lindqvist spoke. "
        "About 115,000 people are in camps, according to the network."
    )
    mentions = [mention(text, "Marta Lindqvist", "PERSON"),
                mention(text, "Indus Humanitarian Network", "ORG"),
                mention(text, "Lindqvist", "ORG", nth=1)]  # the recogniser's mistake
    quotes = [quote(text, "About 115,000 people are in camps", "the network")]
    resolved = resolve_speakers(text, quotes, mentions, Lookup(mentions))
    assert [q.speaker for q in resolved] == ["e_indus humanitarian network"]


def test_a_place_that_only_locates_the_speaker_does_not_speak() -> None:
    text = (
        "Doctors in Marlow said the wards were full. A police spokesman in Marlow said the "
        "road was shut. Kent's health minister said beds were found. Kent officials said "
        "the school would open. Kent said it would pay."
    )
    mentions = [mention(text, "Marlow", "GPE"), mention(text, "Marlow", "GPE", nth=1),
                mention(text, "Kent", "GPE"), mention(text, "Kent", "GPE", nth=1),
                mention(text, "Kent", "GPE", nth=2)]
    quotes = [
        quote(text, "the wards were full", "Doctors in Marlow"),
        quote(text, "the road was shut", "A police spokesman in Marlow"),
        quote(text, "beds were found", "Kent's health minister"),
        quote(text, "the school would open", "Kent officials"),
        quote(text, "it would pay", "Kent", nth=2),
    ]
    resolved = resolve_speakers(text, quotes, mentions, Lookup(mentions))
    # who is in a place, or a person of it, is not the place; its officials and the place
    # itself speak for it
    assert [q.speaker for q in resolved] == [None, None, None, "e_kent", "e_kent"]


def test_the_alliance_is_the_alliance_the_article_named() -> None:
    text = ("The Northern Relief Alliance counted 63 dead. The alliance said the toll would "
            "rise.")
    mentions = [mention(text, "Northern Relief Alliance", "ORG")]
    quotes = [quote(text, "the toll would rise", "The alliance")]
    resolved = resolve_speakers(text, quotes, mentions, Lookup(mentions))
    assert resolved[0].speaker == "e_northern relief alliance"


def test_we_after_someone_s_words_goes_on_in_their_voice() -> None:
    text = ("Mayor Lena Dahl spoke at the bridge in Kent. The water is falling, she said. "
            "We hope the school opens on Monday.")
    mentions = [mention(text, "Lena Dahl", "PERSON"), mention(text, "Kent", "GPE")]
    quotes = [
        quote(text, "The water is falling", "she"),
        quote(text, "We hope the school opens on Monday", "We"),
    ]
    resolved = resolve_speakers(text, quotes, mentions, Lookup(mentions))
    assert [q.speaker for q in resolved] == ["e_lena dahl", "e_lena dahl"]


def test_who_stands_for_the_noun_right_before_it() -> None:
    text = ("Talking to the Valley Post near Kent, a farmer who gave only his first name said "
            "the barns were lost. Ann Lee, the mayor, who visited, said the road was open. "
            "Rep. Tom Ray (D., Calif.), who opposes the bill, said it would fail.")
    mentions = [mention(text, "Valley Post", "ORG"), mention(text, "Kent", "GPE"),
                mention(text, "Ann Lee", "PERSON"), mention(text, "Tom Ray", "PERSON"),
                mention(text, "Calif.", "GPE")]
    quotes = [quote(text, "the barns were lost", "who"),
              quote(text, "the road was open", "who", nth=1),
              quote(text, "it would fail", "who", nth=2)]
    resolved = resolve_speakers(text, quotes, mentions, Lookup(mentions))
    assert [q.speaker for q in resolved] == [None, "e_ann lee", "e_tom ray"]


def test_a_place_near_an_earlier_use_of_the_word_is_not_what_it_describes() -> None:
    # ``Government`` in the headline stands near Harlow, the town the inquiry is about: the
    # government is the one the article goes on to name (Essex), not the town.
    text = ("Government sets up inquiry into Harlow dam failure. Ministers in Essex met on "
            "Monday. The government said the inquiry would report in May.")
    mentions = [mention(text, "Harlow", "GPE"), mention(text, "Essex", "GPE")]
    quotes = [quote(text, "the inquiry would report in May", "The government")]
    resolved = resolve_speakers(text, quotes, mentions, Lookup(mentions))
    assert resolved[0].speaker == "e_essex"
    joined = ("The Essex government met on Monday. Flood crews reached Harlow. The government "
              "said the inquiry would report in May.")
    mentions = [mention(joined, "Essex", "GPE"), mention(joined, "Harlow", "GPE")]
    quotes = [quote(joined, "the inquiry would report in May", "The government")]
    assert resolve_speakers(joined, quotes, mentions, Lookup(mentions))[0].speaker == "e_essex"
