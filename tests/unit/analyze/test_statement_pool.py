"""Statements keep one object for equal sets and words, and compare as before."""

from __future__ import annotations

from sitroom.analyze.statements import Statement, StatementPool
from sitroom.types import Evidence


def _statement(article: str, start: int, text: str, evidence_text: str) -> Statement:
    return Statement(
        key=(article, start, start + len(text)), article=article, outlet="Outlet",
        published="2024-12-01", text=text,
        evidence=Evidence(article, start, start + len(evidence_text), evidence_text),
        subject="e_" + "x" * 3, subject_text="Rebels", object_key="p_" + "y" * 3,
        object_text="the city", object_head="".join(["ci", "ty"]),
        entities=frozenset({"e_a", "e_b"}), places=frozenset({"p_c"}),
        classes=frozenset({"capture"}), predicate="".join(["ca", "pture"]), negated=False,
        attempted=False, quantities=(), dates=(), speaker=None, speaker_text=None, via=None,
        context=frozenset({"e_a", "e_b", "p_c"}),
    )


def test_pooled_statements_equal_the_originals_and_share_equal_parts() -> None:
    pool = StatementPool()
    # Sets and words made separately, as each article's clauses make them.
    first = _statement("a1", 0, "Rebels captured the city", "Rebels captured the city")
    second = _statement("a2", 10, "Rebels took the city", "Rebels took the city, they said")
    one, two = pool.shared(first), pool.shared(second)
    assert (one, two) == (first, second)
    assert two.entities is one.entities and two.places is one.places
    assert two.classes is one.classes and two.context is one.context
    assert two.predicate is one.predicate and two.object_head is one.object_head
    assert one.evidence.text is one.text  # the same span: one string
    assert two.evidence.text == "Rebels took the city, they said"
