"""Verbs that introduce attributed content in a given frame, learned from an attribution corpus.

The hand-made lists of :mod:`.cues` name the speech, belief and intention verbs; news also
attributes positions with verbs no list foresees (``X backed the bill``, ``X is touting his
plan``, ``X talked about the economy``). ``data/attribution_cues.tsv`` lists the (lemma,
frame) pairs that were a cue in at least half of their uses in the PolNeAR training split
(``bench/learn_attribution_cues.py`` rebuilds it; see the README for the corpus's terms).

A *frame* is how the verb takes its complement, from the dependency parse:

- ``ccomp``: a clause (``argued that ...``);
- ``xcomp``: a ``to``-infinitive (``vowed to ...``);
- ``dobj``: a direct object (``touted his plan``);
- ``prep:WORD``: a prepositional object (``talked about ...``, ``warned of ...``), or a
  ``for``-``to`` clause, which the parser hangs on the verb as an adverbial clause marked by
  the preposition (``called for the US to act``: the clause is what was called for);
- ``none``: nothing of these.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Any

#: Prepositions whose object can be what is attributed (``warned of``, ``called for``).
CONTENT_PREPOSITIONS: frozenset[str] = frozenset(
    {"about", "of", "for", "on", "to", "against", "with", "over"}
)


def frame_of(verb: Any) -> tuple[str, Any | None]:
    """The verb's frame and the token heading its complement (None for ``none``)."""
    after = [c for c in verb.children if c.i > verb.i]
    for child in after:
        if child.dep_ == "ccomp":
            return "ccomp", child
    for child in after:
        if child.dep_ == "xcomp" and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in child.children
        ):
            return "xcomp", child
    for child in after:
        if child.dep_ == "dobj":
            return "dobj", child
    for child in after:
        if child.dep_ == "prep" and child.lower_ in CONTENT_PREPOSITIONS and any(
            g.dep_ in {"pobj", "pcomp"} for g in child.children
        ):
            return f"prep:{child.lower_}", child
    for child in after:
        if child.dep_ == "advcl" and _for_to_clause(child) is not None:
            return f"prep:{_for_to_clause(child)}", child
    return "none", None


def _for_to_clause(clause: Any) -> str | None:
    """The preposition that opens an infinitive clause with its own subject (``for them to
    act``), or None when ``clause`` is not one."""
    children = list(clause.children)
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return None
    if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in children):
        return None
    marks = [c for c in children if c.dep_ == "mark" and c.i < clause.i]
    if marks and marks[0].lower_ in CONTENT_PREPOSITIONS:
        return str(marks[0].lower_)
    return None


#: Pairs the corpus counts but that report no words of anyone: an act (``ordered the cut``,
#: ``declined to comment``, ``refused to answer``, ``hired X to``, ``filed a suit``,
#: ``took to Twitter``, ``did not respond to questions``) or a narration (``described a
#: frantic night``, ``defended river communities``). A situation report must not list them
#: as statements.
NOT_STATEMENTS: frozenset[tuple[str, str]] = frozenset(
    {("decline", "xcomp"), ("refuse", "xcomp"), ("order", "dobj"), ("describe", "dobj"),
     ("defend", "dobj"), ("experience", "dobj"), ("hire", "xcomp"), ("file", "dobj"),
     ("devote", "dobj"), ("anger", "dobj"), ("negotiate", "dobj"), ("take", "prep:to"),
     ("look", "xcomp"), ("respond", "prep:to")}
)

#: The writer's hedge: ``X appears to win`` has no source, and X is not one. (A speech verb
#: under a hedge, ``appeared to imply that ...``, still speaks.)
HEDGES: frozenset[tuple[str, str]] = frozenset(
    {("seem", "xcomp"), ("seem", "ccomp"), ("appear", "xcomp")}
)


@lru_cache(maxsize=1)
def learned_frames() -> frozenset[tuple[str, str]]:
    """(lemma, frame) pairs read from ``data/attribution_cues.tsv``."""
    path = files("sitroom.data").joinpath("attribution_cues.tsv")
    pairs: set[tuple[str, str]] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, frame = line.split("\t")[:2]
        pairs.add((lemma, frame))
    return frozenset(pairs) - NOT_STATEMENTS - HEDGES


@lru_cache(maxsize=1)
def learned_lemmas() -> frozenset[str]:
    """The lemmas of :func:`learned_frames`."""
    return frozenset(lemma for lemma, _ in learned_frames())


def is_learned_cue(verb: Any) -> bool:
    """Whether ``verb`` in its frame is listed as a cue."""
    if verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    # Most verbs are listed in no frame: their children need not be read for one.
    if lemma not in learned_lemmas():
        return False
    frame, _ = frame_of(verb)
    return (lemma, frame) in learned_frames()
