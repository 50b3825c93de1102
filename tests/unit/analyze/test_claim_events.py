from __future__ import annotations

from sitroom.analyze.claim_events import link_claims_to_events
from sitroom.types import Claim, Event, Evidence


def _event(eid: str, article: str, start: int, end: int, happened: bool = True) -> Event:
    evidence = (Evidence(article, start, end, "x"),)
    return Event(eid, "control", None, None, (), (), None, "x", evidence, ("o",), 1,
                 happened=happened)


def _claim(cid: str, *spans: tuple[str, int, int]) -> Claim:
    evidence = tuple(Evidence(a, s, e, "x") for a, s, e in spans)
    return Claim(cid, "x", evidence, ("o",), 1, "single_source")


def test_a_claim_points_at_the_event_its_passages_overlap_most() -> None:
    events = [_event("e1", "a", 0, 50), _event("e2", "a", 60, 120), _event("e2b", "b", 0, 40)]
    claims = [_claim("c1", ("a", 65, 100)), _claim("c2", ("a", 10, 20), ("b", 5, 10)),
              _claim("c3", ("z", 0, 10))]
    linked = {c.id: c.event for c in link_claims_to_events(claims, events)}
    assert linked["c1"] == "e2"
    assert linked["c2"] in {"e1", "e2b"}
    assert linked["c3"] is None


def test_an_event_that_happened_wins_a_tie_over_a_threat() -> None:
    events = [_event("a-threat", "a", 0, 50, happened=False), _event("b-real", "a", 0, 50)]
    (claim,) = link_claims_to_events([_claim("c", ("a", 5, 15))], events)
    assert claim.event == "b-real"
