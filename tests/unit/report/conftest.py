"""A small but complete, fictional report shared by the report tests."""

from __future__ import annotations

import pytest

from sitroom.types import (
    Article,
    Citation,
    Claim,
    Entity,
    Event,
    Evidence,
    Framing,
    FramingTerm,
    Place,
    Quote,
    Rejected,
    Report,
    Story,
    SummaryItem,
)

TEXT_A = (
    "Flood waters breached the Norbridge embankment on Tuesday, the river authority said. "
    '"We evacuated 4,000 people overnight," said Mara Velen, the authority\'s director.'
)
TEXT_B = (
    "According to the Valley Courier, the embankment failed after weeks of rain. "
    "Officials in Ostrava denied that repairs had been delayed."
)
TEXT_C = "The embankment was cut deliberately to save the city, residents told reporters."


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def make_report() -> Report:
    a = Article(
        id="a1111111111111111",
        text=TEXT_A,
        outlet="River Wire",
        title="Embankment breached",
        url="https://riverwire.example/embankment",
        published="2031-04-08",
        date_basis="header",
        date_range=None,
        language="en",
        words=len(TEXT_A.split()),
        files=("in/river_wire.txt",),
        author="Ilse Brandt",
    )
    dup = Article(
        id="a2222222222222222",
        text=TEXT_A + " Updated.",
        outlet="Syndicate Daily",
        title="Embankment breached (update)",
        url=None,
        published="2031-04-09",
        date_basis="metadata",
        date_range=None,
        language="en",
        words=len(TEXT_A.split()) + 1,
        files=("in/feed.xml#2", "in/copy.html"),
        duplicate_of="a1111111111111111",
    )
    b = Article(
        id="b3333333333333333",
        text=TEXT_B,
        outlet="Ostrava Ledger",
        title="Repairs were not delayed, officials say",
        url="http://ledger.example/2031/repairs",
        published=None,
        date_basis="inferred",
        date_range=("2031-04-07", "2031-04-12"),
        language="en",
        words=len(TEXT_B.split()),
        files=("in/table.csv#row=3",),
    )
    c = Article(
        id="c4444444444444444",
        text=TEXT_C,
        outlet="unknown",
        title=None,
        url=None,
        published=None,
        date_basis="unknown",
        date_range=None,
        language="en",
        words=len(TEXT_C.split()),
        files=("in/notes.txt",),
    )
    quote_start, quote_end = _span(TEXT_A, "We evacuated 4,000 people overnight,")
    cite_start, cite_end = _span(TEXT_B, "According to the Valley Courier")
    claim_a = _span(TEXT_A, "Flood waters breached the Norbridge embankment on Tuesday")
    claim_c = _span(TEXT_C, "The embankment was cut deliberately to save the city")
    return Report(
        schema_version=1,
        generated_by="sitroom 0.1.0",
        as_of="2031-04-12",
        articles=(a, dup, b, c),
        rejected=(
            Rejected("in/empty.txt", "the file is empty"),
            Rejected("in/broken.json", "truncated JSON at line 3"),
        ),
        entities=(
            Entity("e_mara", "Mara Velen", "PERSON", ("Mara Velen", "Velen"), 3, (a.id, dup.id)),
            Entity("e_courier", "Valley Courier", "ORG", ("Valley Courier",), 1, (b.id,)),
        ),
        places=(
            Place(
                "p_ostrava", "Ostrava", ("Ostrava",), 49.8347, 18.282, "CZ", 3068799, (b.id,), 0.9
            ),
            Place(
                "p_norbridge",
                "Norbridge",
                ("Norbridge",),
                None,
                None,
                None,
                None,
                (a.id,),
                0.0,
                "no gazetteer entry matches",
            ),
        ),
        events=(
            Event(
                "ev1",
                "infrastructure_failure",
                "2031-04-08",
                "day",
                (),
                (),
                "p_norbridge",
                "Embankment breached",
                (Evidence(a.id, claim_a[0], claim_a[1], TEXT_A[claim_a[0] : claim_a[1]]),),
                ("River Wire",),
                1,
            ),
        ),
        quotes=(
            Quote(
                "q1",
                a.id,
                "e_mara",
                "Mara Velen",
                TEXT_A[quote_start:quote_end],
                True,
                "said",
                quote_start,
                quote_end,
            ),
        ),
        citations=(Citation(b.id, "e_courier", "Valley Courier", "outlet", cite_start, cite_end),),
        claims=(
            Claim(
                "k1",
                TEXT_A[claim_a[0] : claim_a[1]],
                (Evidence(a.id, claim_a[0], claim_a[1], TEXT_A[claim_a[0] : claim_a[1]]),),
                ("River Wire",),
                1,
                "contested",
                ("k2",),
            ),
            Claim(
                "k2",
                TEXT_C[claim_c[0] : claim_c[1]],
                (Evidence(c.id, claim_c[0], claim_c[1], TEXT_C[claim_c[0] : claim_c[1]]),),
                ("unknown",),
                1,
                "contested",
                ("k1",),
            ),
        ),
        stories=(Story("s1", "Embankment breached", (a.id, dup.id, b.id)),),
        framing=(Framing("River Wire", (FramingTerm("evacuated", 2.5),)),),
        summary=(
            SummaryItem(
                TEXT_A[claim_a[0] : claim_a[1]],
                (Evidence(a.id, claim_a[0], claim_a[1], TEXT_A[claim_a[0] : claim_a[1]]),),
            ),
        ),
    )


@pytest.fixture
def report() -> Report:
    return make_report()


@pytest.fixture
def texts(report: Report) -> dict[str, str]:
    return {article.id: article.text for article in report.articles}
