"""The tense governing a time expression, read from spaCy's parse.

Under-specified dates (a bare weekday, ``November 27``, ``the weekend``) point backwards in a
past-tense clause and forwards in a future one. We climb from the expression to the verb that
governs it and read its tag and auxiliaries; infinitives inherit the tense of the verb they
complete, except after verbs that look ahead (``expected to``, ``plans to``, ``forecast``).
"""

from __future__ import annotations

from typing import Any

from .timex_calendar import Tense

#: Auxiliaries that put the verb they attach to in the future (or a hypothetical future).
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "should", "must", "may", "might", "can",
                        "would"})
#: Verbs whose complements lie ahead of the moment of speaking, whatever their own tense.
FUTURE_LEMMAS = frozenset({"expect", "forecast", "schedule", "plan", "intend", "predict",
                           "anticipate", "prepare", "due", "aim", "vow", "pledge", "promise"})
#: Participles that look ahead only with an infinitive after them: "is set to launch talks
#: Friday", "is poised to vote Monday" (but "bail was set Friday" was done then).
_AHEAD_WITH_INFINITIVE = frozenset({"set", "poise", "slate"})
_MAX_CLIMB = 8


def tense_at(doc: Any, start: int, end: int) -> Tense | None:
    """The tense of the clause holding the characters ``start:end`` of ``doc`` (None when no
    verb governs it, as in headlines)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(_MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX") and token.tag_ != "MD":
            tense = _verb_tense(token, 0)
            if tense == "present" and _scheduled_weekday(span, token):
                return "future"
            return tense
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _verb_tense(verb: Any, depth: int) -> Tense | None:
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    aux_words = {child.lower_ for child in auxes}
    if verb.lemma_.lower() in FUTURE_LEMMAS and verb.tag_ != "VBD" and not _pluperfect(verb):
        # "is expected Friday", "plans to": ahead; but "predicted Wednesday" was said then.
        return "future"
    if aux_words & FUTURE_AUX:
        # "would have left", "could have been" look back, not ahead.
        if "have" in aux_words and verb.tag_ == "VBN":
            return "past"
        return "future"
    if "going" in aux_words:
        return "future"
    if verb.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxes):
        return "past"
    if verb.tag_ == "VBN" and _passive_infinitive(auxes):
        # "to be released Friday", "getting hit in the spring": a passive infinitive or
        # gerund, which has no tense of its own; read it as the active one would be.
        if "to" in aux_words and verb.head.lemma_ == "be" and verb.dep_ != "csubj":
            return "future"  # "is to be sentenced Thursday"
        if _finite_be(auxes) and aux_words & {"to", "being"}:
            # "are to be freed Saturday" (parsed with "are" as an auxiliary); "is being held
            # Friday", the news present progressive in the passive
            return "future"
        return _inherit(verb, depth, default=None)
    if verb.tag_ == "VBN" and _finite_be(auxes) and not _has_have(auxes):
        return "present"  # "when the case is heard in May": the present passive
    if verb.tag_ == "VBN":
        # With or without an auxiliary ("has fallen", "the decision, announced Wednesday"),
        # a participle tells what was done; a bare one does not take its head's tense.
        return "past"
    if verb.tag_ == "VB" and "to" in aux_words and verb.head.lemma_ == "be" and (
            verb.dep_ != "csubj"):
        # "is to resume trading Tuesday"; but in "among the countries to accede on Friday
        # were ...", the infinitive is the subject of "were" and takes its tense.
        return "future"
    if verb.tag_ in ("VB", "VBG") and ("to" in aux_words or verb.dep_ in ("xcomp", "advcl")):
        return _inherit(verb, depth, default=None)
    if verb.tag_ == "VBG" and aux_words & {"is", "are", "am", "'s", "'re"}:
        return "future"  # "ministers are meeting on Friday": news present progressive
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return _inherit(verb, depth, default=None)


def _inherit(verb: Any, depth: int, default: Tense | None) -> Tense | None:
    head = verb.head
    if depth < 3 and head.pos_ == "ADJ" and head.lemma_.lower() in FUTURE_LEMMAS and (
            head.head.lemma_ == "be" and head.head.tag_ in ("VBZ", "VBP")):
        return "future"  # "is due to arrive Thursday"; "was due to" stays a past plan
    if depth >= 3 or head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return default
    if head.lemma_.lower() in FUTURE_LEMMAS or (
            head.lemma_.lower() in _AHEAD_WITH_INFINITIVE and verb.dep_ == "xcomp"):
        if _pluperfect(head):
            return "past"  # "had been scheduled to expire Friday": a plan told as over
        return "future"  # "planned to leave on Thursday": the leaving lies ahead of the plan
    return _verb_tense(head, depth + 1)


def _scheduled_weekday(span: Any, verb: Any) -> bool:
    """Whether ``span`` is a bare weekday that a present-simple verb takes directly (``the
    court hears the case on Thursday``, ``ministers meet again Friday``): news puts a
    timetabled event in the present, so the day lies ahead. Not a possessive (``follows
    Tuesday's declaration``), a day governed from further up, a progressive or a verb of
    saying (``the ministry says Monday``) or of sequence (``follows testimony Wednesday``),
    which tell of what is or was."""
    if len(span) != 1 or span[0].lower_ not in _WEEKDAY_NAMES:
        return False
    day = span[0]
    if day.dep_ == "poss" or verb.tag_ not in ("VBZ", "VBP") or (
            verb.lemma_.lower() in _NOT_TIMETABLE):
        return False
    if day.i < verb.i:
        return False  # "said Tuesday she is ...": the parse may hang the day on what was said
    if any(child.dep_ in ("aux", "auxpass") for child in verb.children):
        return False  # "is meeting", "has met", "does not meet": not the timetable present
    if verb.tag_ == "VBP" and verb.lower_ in _SAME_IN_PAST:
        return False  # "stocks hurt the index on Friday": as likely the past, mistagged
    head = day.head
    if head.i == verb.i:
        return day.dep_ in ("npadvmod", "tmod", "obl")
    return head.dep_ == "prep" and head.lower_ in ("on", "by") and head.head.i == verb.i


_WEEKDAY_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                            "sunday"})
#: Verbs whose past is spelt as their present ("hurt", "cut"): a tagger's VBP may be a past.
_SAME_IN_PAST = frozenset({"hurt", "cut", "put", "set", "hit", "let", "cost", "shut", "spread",
                           "quit", "bet", "cast", "burst", "split", "upset", "read", "beat",
                           "broadcast", "forecast", "shed", "bid", "rid", "thrust", "slit"})
#: Verbs of saying and knowing, whose present tells when it was said, not what is timetabled,
#: and verbs relating one event to another ("the release follows testimony ... Wednesday").
_NOT_TIMETABLE = frozenset({
    "follow", "precede", "say", "tell", "report", "announce", "add", "claim", "confirm", "state",
    "insist", "warn", "note", "write", "argue", "deny", "acknowledge", "admit", "believe",
    "think", "know", "show", "suggest", "indicate", "reveal", "estimate", "describe", "call",
    "quote", "predict", "expect"})


def _passive_infinitive(auxes: list[Any]) -> bool:
    """Whether a participle's auxiliaries make it a passive infinitive or gerund (``to be
    released``, ``getting beaten``): a ``to`` or a bare or ``-ing`` form of the passive
    auxiliary, and no perfect ``have``."""
    if any(aux.lemma_ == "have" for aux in auxes):
        return False
    return any(aux.tag_ == "TO" or (aux.dep_ == "auxpass" and aux.tag_ in ("VB", "VBG"))
               for aux in auxes)


def _has_have(auxes: list[Any]) -> bool:
    return any(aux.lemma_ == "have" for aux in auxes)


def _finite_be(auxes: list[Any]) -> bool:
    """Whether a present-tense form of ``be`` is among the auxiliaries (``are to be freed``)."""
    return any(aux.lemma_ == "be" and aux.tag_ in ("VBZ", "VBP") for aux in auxes)


def _pluperfect(verb: Any) -> bool:
    """``had planned``, ``had been scheduled``: the past perfect."""
    return any(child.dep_ in ("aux", "auxpass") and child.lower_ in ("had", "'d")
               and child.tag_ == "VBD" for child in verb.children)
