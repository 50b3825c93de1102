"""A vote as a stance: ``56 percent would vote for Clinton``, ``voted against the bill``.

The voter is the source, ``vote for`` the cue and what is voted for the content, as
attribution corpora mark it (poll findings are most of them). A statement by a pro-form
(``half said so``) is left out on purpose: ``so`` alone tells a report's reader nothing.

This reads the dependency parse only; :mod:`.quotes` turns the result into a statement.
"""

from __future__ import annotations

from typing import Any

#: Verbs whose prepositional object is the side taken (``vote for``, ``vote against``).
SIDING_VERBS: dict[str, frozenset[str]] = {
    "vote": frozenset({"for", "against"}),
}


def sided_with(verb: Any) -> tuple[Any, Any] | None:
    """For ``vote for X``: the object X and the preposition (which joins the cue)."""
    if verb.pos_ != "VERB":
        return None
    prepositions = SIDING_VERBS.get(verb.lemma_.lower())
    if prepositions is None:
        return None
    for child in verb.children:
        if child.dep_ != "prep" or child.i <= verb.i or child.lower_ not in prepositions:
            continue
        if any(t.dep_ == "dobj" and t.i < child.i for t in verb.children):
            return None  # ``voted the party line for years``: the object is the vote
        objects = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
        if objects:
            return objects[0], child
    return None
