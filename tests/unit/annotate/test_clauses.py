"""A clause's modality comes from the cue words of its own sentence, not of its neighbours."""

from __future__ import annotations

from typing import Any

from sitroom.annotate.clauses import extract_clauses

TEXT = (
    "The army captured the town and the rebels fled to the hills. "
    "The rebels fled to the hills if the army captured the town. "
    "We captured the town after a long siege. "
    "Unfortunately, the army captured the town."
)


def test_each_sentence_reads_its_own_cues(nlp: Any) -> None:
    found = [(c.predicate, c.modality, c.modality_cue) for c in extract_clauses(nlp(TEXT), "a")]
    assert found == [
        ("capture", "asserted", None), ("flee", "asserted", None),
        ("flee", "asserted", None), ("capture", "conditional", "if"),
        ("capture", "opinion", "first person"),
        ("capture", "opinion", "Unfortunately"),
    ]
