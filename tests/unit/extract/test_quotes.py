"""``sitroom extract quotes`` on hand-built prepared documents: raw-file offsets."""

from __future__ import annotations

import json
from typing import Any

from sitroom.annotate import annotate_doc
from sitroom.clean.offsets import OffsetMap, TextBuilder
from sitroom.extract import PreparedDoc
from sitroom.extract.quotes import extract
from sitroom.types import Article


def prepared(nlp: Any, raw: str, body_from: int, file: str, outlet: str) -> PreparedDoc:
    """Clean by dropping the first ``body_from`` characters (a header), keeping the map."""
    builder = TextBuilder(raw)
    builder.copy(body_from, len(raw))
    text, offsets = builder.build()
    article = Article(file, text, outlet, None, None, None, "unknown", None, "en",
                      len(text.split()))
    annotations = annotate_doc(nlp(text), article.id)
    return PreparedDoc(file, raw, article, offsets, annotations, None)


def test_quotes_and_citations_with_raw_offsets(nlp: Any) -> None:
    raw = (" date 2025-08-15 "
           '"We will not hand aid to any armed group," Ayse Kilic told Indus Wire.\n\n'
           "According to the Karachi Ledger, the cut was ordered at a meeting on Sunday.")
    doc = prepared(nlp, raw, 17, "a.txt", "Daily")
    rows = list(extract([doc]))
    quotes = [r for r in rows if r["kind"] == "quote"]
    cites = [r for r in rows if r["kind"] == "citation"]
    for row in rows:  # every offset indexes the file as read
        assert raw[row["start"]:row["end"]] == row["text"]
    direct = next(r for r in quotes if r["direct"])
    assert direct["text"] == "We will not hand aid to any armed group"
    assert raw[direct["speaker_start"]:direct["speaker_end"]] == "Ayse Kilic"
    assert direct["cue"] == "told" and raw[direct["cue_start"]:direct["cue_end"]] == "told"
    # Nothing is set off after the name, so the corpus-style source is the speaker itself.
    assert raw[direct["source_start"]:direct["source_end"]] == direct["source_text"]
    assert direct["source_text"] == "Ayse Kilic"
    assert direct["speaker"] is not None
    reported = next(r for r in quotes if not r["direct"])
    assert reported["speaker_text"] == "the Karachi Ledger"
    assert reported["cue"] == "According to"
    sources = {c["source_text"]: c for c in cites}
    assert sources["Indus Wire"]["kind_of_source"] == "outlet"
    assert sources["the Karachi Ledger"]["kind_of_source"] == "outlet"


def test_same_statement_in_two_files_is_linked(nlp: Any) -> None:
    one = prepared(nlp, '"Aid goes to the people who need it, directly," Kilic said.', 0,
                   "one.txt", "Wire")
    two = prepared(nlp, "Aid goes to the people who need it, directly, Kilic said.", 0,
                   "two.txt", "Daily")
    rows = [r for r in extract([one, two]) if r["kind"] == "quote"]
    assert {r["file"]: r["also_in"] for r in rows} == {"one.txt": ["two.txt"],
                                                       "two.txt": ["one.txt"]}
    assert {r["direct"] for r in rows} == {True, False}


def test_identity_offsets_when_nothing_was_cleaned(nlp: Any) -> None:
    raw = "The minister said that the embankment failed on its own."
    doc = PreparedDoc("x.txt", raw, Article("x", raw, "D", None, None, None, "unknown", None,
                                            "en", 9), OffsetMap.identity(len(raw)),
                      annotate_doc(nlp(raw), "x"), None)
    (row,) = [r for r in extract([doc]) if r["kind"] == "quote"]
    assert row["text"] == "that the embankment failed on its own"  # the whole reported clause


def test_quote_split_by_its_cue_lists_both_parts(nlp: Any) -> None:
    raw = ' header "We will rebuild the bridge," Kilic said, "and the school after it."'
    doc = prepared(nlp, raw, 8, "s.txt", "Daily")
    rows = [r for r in extract([doc]) if r["kind"] == "quote"]
    assert len(rows) == 2
    expected = [[r["start"], r["end"]] for r in rows]
    assert [raw[s:e] for s, e in expected] == ["We will rebuild the bridge",
                                              "and the school after it."]
    for row in rows:  # each part names the whole statement, in raw offsets
        assert row["content_parts"] == expected


def test_single_part_statement_lists_itself(nlp: Any) -> None:
    raw = '"We will rebuild the bridge," Kilic said.'
    doc = prepared(nlp, raw, 0, "o.txt", "Daily")
    (row,) = [r for r in extract([doc]) if r["kind"] == "quote"]
    assert row["content_parts"] == [[row["start"], row["end"]]]


def test_quote_continuing_the_last_speaker_joins_their_statement(nlp: Any) -> None:
    raw = ('"The river rose overnight," Kilic said. "Two villages are cut off and the road '
           'is gone."\n\nThe ministry sent boats.')
    doc = prepared(nlp, raw, 0, "c.txt", "Daily")
    rows = [r for r in extract([doc]) if r["kind"] == "quote"]
    assert [r["cue"] for r in rows] == ["said", None]
    expected = [[r["start"], r["end"]] for r in rows]
    assert [raw[s:e] for s, e in expected] == [
        "The river rose overnight", "Two villages are cut off and the road is gone."]
    for row in rows:  # the cue-less quote is the rest of Kilic's statement
        assert row["content_parts"] == expected


def test_statements_of_two_speakers_stay_apart(nlp: Any) -> None:
    raw = ('"The river rose overnight," Kilic said. "Two villages are cut off," '
           "Omar Farooq told reporters.")
    doc = prepared(nlp, raw, 0, "d.txt", "Daily")
    rows = [r for r in extract([doc]) if r["kind"] == "quote"]
    assert len(rows) == 2
    for row in rows:
        assert row["content_parts"] == [[row["start"], row["end"]]]


def test_every_object_matches_the_published_schema(nlp: Any) -> None:
    from importlib import resources

    from jsonschema import Draft202012Validator  # type: ignore[import-untyped, unused-ignore]

    schema = json.loads(resources.files("sitroom.extract").joinpath("quotes.schema.json")
                        .read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    raw = ("Farmers who lost their crops said the compensation came too late.\n\n"
           '"We will not hand aid to any armed group," Ayse Kilic told Indus Wire.')
    rows = list(extract([prepared(nlp, raw, 0, "a.txt", "Daily")]))
    assert any(r["kind"] == "quote" for r in rows)
    for row in rows:
        errors = [e.message for e in validator.iter_errors(row)]
        assert not errors, (row, errors)
    farmers = next(r for r in rows if r["kind"] == "quote" and not r["direct"])
    assert farmers["speaker_text"] == "Farmers"
    assert farmers["source_text"] == "Farmers who lost their crops"
