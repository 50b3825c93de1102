"""Statements named by a noun: ``Trump's claim that Mexico will pay``, ``her criticism of
Sanders``, ``his vow to repeal the law``.

News reports positions in noun phrases as often as with verbs, and attribution corpora count
them: the possessor is the source, the noun (with the adjectives before it and, for an
object, its preposition) is the cue, and the ``that`` clause, ``to``-infinitive or
prepositional object is the content. Only a noun with a possessor counts: ``the claim that
...`` with nobody's name on it tells no source. The nouns, and what each takes, are listed in
``data/attribution_nouns.tsv``.

The functions here read the dependency parse only; :mod:`.quotes` turns the result into a
statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

#: Prepositions that introduce what a noun of position is about (``criticism of``,
#: ``comments on``, ``support for``, ``objection to``, ``concerns over``).
OBJECT_PREPOSITIONS: frozenset[str] = frozenset(
    {"of", "on", "for", "about", "against", "to", "over"}
)
#: Verbs whose subject owns the statement their object names (``Clinton avoided direct
#: criticism of Sanders``, ``made these allegations against``, ``voiced concerns over``):
#: the verb then opens the cue.
LIGHT_VERBS: frozenset[str] = frozenset(
    {"make", "issue", "voice", "express", "offer", "level", "renew", "repeat", "reiterate",
     "avoid", "deliver", "launch", "mount", "step", "ramp", "soften", "escalate", "intensify",
     "lodge", "file", "raise", "take", "hold", "share", "double", "temper", "tone", "air"}
)
#: Words before the noun that belong to the cue (``controversial proposal``, ``long support``).
_CUE_MODIFIERS = frozenset({"amod", "advmod", "compound", "nummod"})


@dataclass(frozen=True, slots=True)
class NounStatement:
    """Token indices of a statement told by a noun: the possessor heading the source, the
    first and last tokens of the cue, and the content's tokens in order."""

    source: int
    #: The light verb opening the cue (``avoided criticism of``), if any.
    verb: int | None
    cue_first: int
    cue_last: int
    content: tuple[int, ...]


@lru_cache(maxsize=1)
def attribution_nouns() -> dict[str, str]:
    """Noun -> what it takes (``clause``, ``object`` or ``both``), from the data file."""
    path = files("sitroom.data").joinpath("attribution_nouns.tsv")
    nouns: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        noun, takes = line.split("\t")[:2]
        nouns[noun.strip()] = takes.strip()
    return nouns


def noun_statement(noun: Any) -> NounStatement | None:
    """The statement a noun of the lexicon tells, if it has a possessor and a content."""
    if noun.pos_ != "NOUN":
        return None
    takes = attribution_nouns().get(noun.lower_) or attribution_nouns().get(noun.lemma_.lower())
    if takes is None:
        return None
    owners = [c for c in noun.children if c.dep_ == "poss" and c.i < noun.i]
    verb = None
    if owners:
        source = owners[0]
    else:
        verb = _light_verb(noun)
        if verb is None:
            return None
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if not subjects:
            return None
        source = subjects[0]
    cue_first = noun.i
    while cue_first - 1 > (source.i if verb is None else verb.i):
        prev = noun.doc[cue_first - 1]
        if prev.head.i != noun.i or prev.dep_ not in _CUE_MODIFIERS:
            break
        cue_first -= 1
    if verb is not None and any(
        noun.doc[i].pos_ not in {"ADJ", "ADV", "DET", "NUM"} for i in range(verb.i + 1, cue_first)
    ):
        return None  # ``took the plan to the floor``: not the verb's own statement
    verb_i = verb.i if verb is not None else None
    if takes in {"clause", "both"}:
        clause = _clause_of(noun)
        if clause is not None:
            return NounStatement(source.i, verb_i, cue_first, noun.i, clause)
    if takes in {"object", "both"}:
        found = _object_of(noun)
        if found is not None:
            preposition, content = found
            return NounStatement(source.i, verb_i, cue_first, preposition, content)
    return None


def _light_verb(noun: Any) -> Any | None:
    """The light verb whose direct object the noun is (``made allegations``)."""
    head = noun.head
    if noun.dep_ != "dobj" or head.pos_ != "VERB" or head.lemma_.lower() not in LIGHT_VERBS:
        return None
    return head


def _clause_of(noun: Any) -> tuple[int, ...] | None:
    """``claim that ...`` (a clause opened by the complementiser ``that``, not a relative
    clause) or ``plan to ...`` (an infinitive), right after the noun."""
    for child in noun.children:
        if child.i <= noun.i or child.dep_ not in {"acl", "ccomp", "relcl"}:
            continue
        marks = {g.lower_ for g in child.children if g.dep_ in {"mark", "aux"}}
        complementiser = "that" in marks and child.dep_ != "relcl"
        infinitive = "to" in marks and not any(
            g.dep_ in {"nsubj", "nsubjpass"} for g in child.children
        )
        if not (complementiser or infinitive):
            continue
        tokens = sorted(t.i for t in child.subtree)
        if tokens[0] != noun.i + 1:
            continue  # something between the noun and its clause: not its complement
        return tuple(tokens)
    return None


def _object_of(noun: Any) -> tuple[int, tuple[int, ...]] | None:
    """``criticism of X``: the preposition right after the noun and its object's tokens."""
    for child in noun.children:
        if child.dep_ != "prep" or child.i != noun.i + 1 or child.lower_ not in (
            OBJECT_PREPOSITIONS
        ):
            continue
        objects = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
        if not objects:
            continue
        tokens = sorted(t.i for o in objects for t in o.subtree)
        return child.i, tuple(tokens)
    return None
