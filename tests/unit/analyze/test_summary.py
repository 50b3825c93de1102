from __future__ import annotations

from sitroom.analyze.summary import summarize
from sitroom.types import Assertion, Claim, Contradiction, ContradictionSide, Evidence


def _claim(ident: str, article: str, start: int, sources: int, date: str,
           contradicts: tuple[str, ...] = ()) -> Claim:
    text = f"Sentence {ident}."
    return Claim(
        id=ident, text=text, evidence=(Evidence(article, start, start + len(text), text),),
        outlets=(f"outlet {article}",), independent_sources=sources,
        status="contested" if contradicts else "corroborated" if sources > 1 else
        "single_source", contradicts=contradicts,
        asserted_by=(Assertion(article, f"outlet {article}"),), date=date,
    )


def test_best_corroborated_points_in_time_order_then_the_contested() -> None:
    claims = [
        _claim("late", "a1", 0, 3, "2024-12-05"),
        _claim("early", "a2", 0, 2, "2024-11-27"),
        _claim("weak", "a3", 0, 1, "2024-11-01"),
        _claim("x", "a1", 50, 1, "2024-12-01", contradicts=("y",)),
        _claim("y", "a2", 50, 1, "2024-12-01", contradicts=("x",)),
        _claim("elsewhere", "b9", 0, 5, "2024-11-02"),
    ]
    side = ContradictionSide("x", "Sentence x.", "approve", claims[3].evidence, ("outlet a1",))
    other = ContradictionSide("y", "Sentence y.", "block", claims[4].evidence, ("outlet a2",))
    contradiction = Contradiction("x_1", "opposite", "A approved vs blocked", (side, other))
    items = summarize(["a1", "a2", "a3"], claims, [contradiction], max_points=2)
    points = [i for i in items if i.kind == "point"]
    assert [p.claim for p in points] == ["early", "late"]  # the two best, in time order
    assert all(p.evidence for p in items)
    contested = [i for i in items if i.kind == "contested"]
    assert len(contested) == 1
    assert contested[0].counter_text == "Sentence y." and contested[0].counter_evidence
