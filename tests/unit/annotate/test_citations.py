"""Citations: which outlets and sources an article cites, found from their cues."""

from __future__ import annotations

from typing import Any

from sitroom.annotate.citations import extract_citations
from sitroom.types import CitationMention


def cites(nlp: Any, text: str) -> dict[str, CitationMention]:
    found = extract_citations(nlp(text), "art")
    for c in found:
        assert text[c.start:c.end] == c.source_text
    return {c.source_text: c for c in found}


def test_told_an_outlet(nlp: Any) -> None:
    found = cites(nlp, "Turkish security sources told Middle East Eye that Ankara had approved it.")
    assert found["Middle East Eye"].kind == "outlet"
    assert found["Middle East Eye"].cue == "told"
    anonymous = found["Turkish security sources"]
    assert anonymous.kind == "anonymous" and anonymous.affiliation == "Turkish security"


def test_told_reporters_cites_nobody(nlp: Any) -> None:
    assert cites(nlp, "The minister told reporters the river was stronger.") == {}


def test_according_to_an_organisation_and_an_anonymous_official(nlp: Any) -> None:
    found = cites(nlp, "The assault was led by HTS, according to the Syrian Observatory for "
                       "Human Rights.")
    assert found["the Syrian Observatory for Human Rights"].kind == "organisation"
    found = cites(nlp, "Russia talked to Ankara, according to a Western security official.")
    official = found["a Western security official"]
    assert official.kind == "anonymous" and official.affiliation == "Western security"


def test_outlet_reported(nlp: Any) -> None:
    found = cites(nlp, "The intelligence agency had prepared for months, Hurriyet newspaper "
                       "reported.")
    assert found["Hurriyet newspaper"].kind == "outlet"


def test_reports_via_foreign_media_and_domain_names(nlp: Any) -> None:
    found = cites(nlp, "Ankara tried to persuade Moscow. News.Az reports via foreign media.")
    assert any(c.kind == "outlet" and "Az" in name for name, c in found.items())


def test_citing_a_report_by(nlp: Any) -> None:
    found = cites(nlp, "Agencies warned on Sunday, citing a report by the Crescent Relief "
                       "Alliance, that the toll was higher.")
    assert found["the Crescent Relief Alliance"].cue == "citing"


def test_reported_by_and_wire_agency(nlp: Any) -> None:
    found = cites(nlp, "The attack, first reported by Reuters, killed three people.")
    assert found["Reuters"].kind == "agency"


def test_speaking_to_and_interview_with(nlp: Any) -> None:
    found = cites(nlp, "Speaking to Arabi21, the researcher described a reversal.")
    assert found["Arabi21"].kind == "outlet"
    found = cites(nlp, "In an interview with the Daily Star, the mayor defended the plan.")
    assert found["the Daily Star"].kind == "outlet"
