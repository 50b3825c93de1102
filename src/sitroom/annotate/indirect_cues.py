"""Two reporting constructions the dependency parse hides from the speech-verb rules.

- An indirect question the parser hangs on its verb as an adverbial clause (``asked workers
  if they planned to attend``, ``wondered whether the talks would resume``): the question is
  what was asked.
- A statement made by ``make it clear/plain/known that ...`` (``The ministry made it clear
  that no aid would be sent``): the clause under the adjective is what was stated, and
  ``made it clear`` is the cue.

Both are general English; nothing here depends on any one corpus.
"""

from __future__ import annotations

from typing import Any

#: Verbs whose ``if``/``whether`` clause is the question they report.
QUESTION_VERBS: frozenset[str] = frozenset({"ask", "wonder", "inquire", "enquire", "query"})

#: Adjectives of ``make it X that ...`` that state the clause (``made it clear that``).
STATING_ADJECTIVES: frozenset[str] = frozenset({"clear", "plain", "known", "explicit"})


def indirect_question(cue: Any) -> Any | None:
    """The ``if``/``whether`` clause after a verb of asking, or None."""
    if cue.lemma_.lower() not in QUESTION_VERBS:
        return None
    for child in cue.children:
        if child.dep_ == "advcl" and child.i > cue.i and any(
            g.dep_ == "mark" and g.lower_ in {"if", "whether"} and g.i < child.i
            for g in child.children
        ):
            return child
    return None


def made_clear(verb: Any) -> tuple[Any, Any] | None:
    """For ``make it clear that <clause>``: the clause and the adjective (which ends the
    cue), or None. The parser gives ``it clear`` as a small clause (``it`` its subject)
    whose own clause is the statement."""
    if verb.lemma_.lower() != "make" or verb.pos_ != "VERB":
        return None
    for adjective in verb.children:
        if adjective.i <= verb.i or adjective.lower_ not in STATING_ADJECTIVES:
            continue
        if adjective.dep_ not in {"ccomp", "oprd", "acomp", "xcomp"}:
            continue
        it_before = any(t.lower_ == "it" for t in verb.doc[verb.i + 1:adjective.i])
        if not it_before:
            continue
        for clause in adjective.children:
            if clause.dep_ in {"ccomp", "advcl"} and clause.i > adjective.i and any(
                g.dep_ in {"nsubj", "nsubjpass", "expl"} for g in clause.children
            ):
                return clause, adjective
    return None
