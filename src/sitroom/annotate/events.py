"""Event mentions: who did what to whom, where and when, read from the dependency parse.

A trigger is a verb or a noun the lexicon lists (:mod:`.event_lexicon`), or any other verb
with a subject or an object whose lemma is not a state or reporting verb (type ``other``).
For each trigger the extractor reads:

- actors and targets: subject / ``by`` agent and object / passive subject for verbs; the
  possessor, a modifying people or group word and ``by`` for nouns (``the rebels'
  offensive``, ``rebel offensive``, ``attack by HTS``), ``of``/``on``/``against`` objects as
  targets. A verb without its own subject borrows the one of the verb it is joined to
  (``seized X and advanced``); a pronoun borrows the nearest earlier noun subject that fits;
- a light verb whose object is a nominal trigger (``launched an attack``, ``made a
  statement``) is not an event itself: it lends its subject, time and place to the noun;
- the time expression attached to the trigger (nearest in the parse), a place named after a
  place preposition or as the object of a control event;
- modality: negated (``not``, or under ``deny``), planned (``will``, under ``threaten``,
  ``plan``, ``vow``), hypothetical (``if``, ``could``, ``might``), reported (inside a quote
  or under a reporting verb, with the speaker) or asserted;
- stated numbers (killed, wounded, displaced, arrested) in the trigger's sentence; a figure in
  a sentence with no event goes to the latest event of a kind that has victims.

Pure per document; offsets index ``doc.text``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..types import EventMention, QuoteMention, StatedNumber, TextSpan, TimeMention
from .doctext import entity_at, ents_in_sentence, sentence_bounds, text_of
from .event_lexicon import EventLexicon, load_event_lexicon
from .span_overlap import RisingWindows
from .token_filter import indices_with, within

__all__ = ["extract_events", "stated_numbers"]

_SUBJECTS = frozenset({"nsubj", "csubj"})
_OBJECTS = frozenset({"dobj", "obj", "nsubjpass", "attr"})
_JOINED = frozenset({"conj", "xcomp", "advcl", "acl", "relcl"})
_PLACE_PREPS = frozenset(
    {"in", "at", "near", "into", "across", "outside", "around", "throughout", "inside",
     "toward", "towards", "within", "over"}
)
_TARGET_PREPS = frozenset({"on", "against", "of", "upon"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_LIGHT_VERBS = frozenset(
    {"launch", "carry", "conduct", "stage", "mount", "make", "begin", "start", "hold",
     "give", "issue", "continue", "lead", "wage", "announce", "resume", "step", "intensify",
     "escalate", "expand", "spearhead", "join", "sign", "reach", "call"}
)
_NEGATING_VERBS = frozenset({"deny", "refute", "dismiss", "reject", "rule"})
_PLANNING_VERBS = frozenset(
    {"threaten", "plan", "vow", "intend", "prepare", "aim", "seek", "want", "promise",
     "pledge", "plot", "propose", "consider", "mull", "warn", "expect", "hope", "decide",
     "try", "attempt", "order", "urge", "call", "demand", "ask"}
)
_PLANNING_ADJECTIVES = frozenset(
    {"planned", "proposed", "possible", "potential", "upcoming", "future", "imminent",
     "expected", "threatened", "alleged"}
)
_HYPOTHETICAL_MODALS = frozenset({"could", "might", "may", "should", "would"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll"})
_REPORTING_VERBS = frozenset(
    {"say", "tell", "report", "claim", "state", "announce", "confirm", "add", "allege",
     "insist", "write", "note", "explain", "indicate", "suggest", "reveal", "acknowledge"}
)
_RELATIVES = frozenset({"that", "which", "who", "whom"})
#: Entity labels that name no actor or target (dates, amounts).
_NOT_ACTORS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
)
#: Modifiers that name a party (``rebel offensive``, ``government forces``): generic words.
_GROUP_WORDS = frozenset(
    {"rebel", "militant", "insurgent", "opposition", "government", "military", "army",
     "police", "jihadist", "separatist", "terrorist", "guerrilla", "regime", "enemy",
     "security", "naval", "allied", "coalition", "federal", "state"}
)
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
_PRONOUNS_GROUP = frozenset({"they", "them", "it", "we"})
#: Kinds of events whose victims a stray casualty figure most likely counts.
_VICTIM_TYPES = frozenset({"assault", "disaster", "accident", "coerce", "control", "legal"})
#: Verbs that, with no actor named, only state a toll (``41 people were killed``).
_TOLL_VERBS = frozenset({"kill", "die", "wound", "injure", "drown", "perish", "displace"})
#: How far back (characters) a stray casualty figure looks for its event.
_STRAY_WINDOW = 800

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12,
}
_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|" + "|".join(
    sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True)
) + r")"
_KIND_WORDS = {
    "killed": r"killed|killing|dead|died|deaths?|perished|drowned|lost\s+their\s+lives|fatalities",
    "wounded": r"wounded|wounding|injured|injuring|hurt|injuries",
    "displaced": r"displaced|homeless|evacuated|fled|uprooted",
    "arrested": r"arrested|arresting|detained|detaining|captured|taken\s+prisoner",
}
_UNIT_NOUNS = frozenset(
    {"people", "persons", "civilians", "soldiers", "fighters", "militants", "children",
     "women", "men", "troops", "police", "officers", "rebels", "protesters", "students",
     "workers", "villagers", "residents", "passengers", "migrants", "refugees", "members",
     "families", "households", "journalists", "insurgents", "policemen", "others",
     "individuals", "bodies", "victims", "staff", "personnel", "guards", "prisoners"}
)
_UNIT = r"(?:[a-z]+\s+)?(?P<unit>" + "|".join(sorted(_UNIT_NOUNS)) + ")"
_NUMBER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, pattern)
    for kind, words in _KIND_WORDS.items()
    for pattern in (
        # "41 people were killed", "eleven people were confirmed dead", "400 militants died"
        re.compile(
            r"(?i)\b(?:at\s+least\s+|more\s+than\s+|some\s+|nearly\s+|about\s+)?" + _NUM
            + r"\s+(?:(?:" + _UNIT + r")\s+)?(?:(?:were|was|have\s+been|had\s+been|are|"
            r"been|being)\s+)?(?:(?:confirmed|reported|feared|now)\s+)?(?:" + words + r")\b"
        ),
        # "killing 12 people", "the deaths of 400 militants", "toll rose to 41"
        re.compile(
            r"(?i)\b(?:" + words + r"|(?:death\s+)?toll(?:\s+\S+){0,10}?\s+(?:to|at|of|is|"
            r"stands\s+at|reached))\s+(?:of\s+)?(?:at\s+least\s+|more\s+than\s+|some\s+)?"
            + _NUM + r"(?:\s+(?P<unit2>[a-z]+))?"
        ),
    )
)
#: Every pattern of a kind needs one of its words (or ``toll``): a sentence without any is
#: skipped before the eight patterns are tried (most sentences state no casualty figure).
_KIND_GATES: dict[str, re.Pattern[str]] = {
    kind: re.compile(r"(?i)(?:" + words + r"|toll)") for kind, words in _KIND_WORDS.items()
}


def _number_value(text: str) -> int | None:
    word = text.lower()
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    digits = word.replace(",", "")
    return int(digits) if digits.isdigit() else None


def stated_numbers(text: str, offset: int = 0) -> list[StatedNumber]:
    """Casualty and similar figures stated in ``text`` (offsets shifted by ``offset``)."""
    found: dict[tuple[int, int, str], StatedNumber] = {}
    taken: set[int] = set()
    present = {kind for kind, gate in _KIND_GATES.items() if gate.search(text)}
    for kind, pattern in _NUMBER_PATTERNS:
        if kind not in present:
            continue
        for match in pattern.finditer(text):
            value = _number_value(match.group("num"))
            if value is None or match.start("num") in taken:
                continue
            after = match.end("num")
            if after < len(text) and text[after:after + 1] == "%":
                continue
            groups = match.groupdict()
            unit = (groups.get("unit") or groups.get("unit2") or "").lower()
            last = unit.split()[-1] if unit else ""
            if last not in _UNIT_NOUNS:
                last = "people"  # "rose to 41 on Wednesday": no counted noun follows
            taken.add(match.start("num"))
            key = (match.start(), match.end(), kind)
            found[key] = StatedNumber(
                kind, value, last or "people", match.start() + offset, match.end() + offset,
                match.group(0),
            )
    return sorted(found.values(), key=lambda n: (n.start, n.kind))


# --------------------------------------------------------------------------- spans


def _entity_span(token: Any) -> tuple[int, int] | None:
    """The characters of the entity holding ``token``, when it lies wholly inside the
    token's sentence (the model may run an entity across a forced sentence break)."""
    ent = entity_at(token)
    if ent is None:
        return None
    start, end = sentence_bounds(token)
    return (ent.start_char, ent.end_char) if start <= ent.start and ent.end <= end else None


def _phrase(token: Any) -> TextSpan:
    """The noun phrase a head token stands for: its left modifiers and flat name parts,
    without relative clauses or prepositional tails."""
    doc = token.doc
    entity = _entity_span(token)
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "appos") and child.i == right + 1:
            right = child.i
        else:
            break
    # Keep the phrase inside one clause: never start before a comma or a verb.
    while left < token.i and (doc[left].is_punct or doc[left].pos_ in ("VERB", "AUX", "CCONJ")):
        left += 1
    start, end = doc[left].idx, doc[right].idx + len(doc[right].text)
    if entity is not None:
        start, end = min(start, entity[0]), max(end, entity[1])
    return TextSpan(start, end, text_of(doc)[start:end])


def _token_span(tokens: Sequence[Any]) -> TextSpan:
    first, last = tokens[0], tokens[-1]
    start, end = first.idx, last.idx + len(last.text)
    return TextSpan(start, end, text_of(first.doc)[start:end])


def _conjuncts(token: Any) -> list[Any]:
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


# --------------------------------------------------------------------------- triggers


def _verb_trigger(token: Any, lexicon: EventLexicon) -> tuple[str, str, list[Any]] | None:
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("dobj", "obj", "prt", "prep", "compound:prt", "acomp"):
            pair = f"{lemma} {child.lemma_.lower()}"
            if pair in lexicon.verbs:
                tokens = [token, child] if child.i - token.i in range(1, 4) else [token]
                return pair, lexicon.verbs[pair], tokens
    if lemma in lexicon.verbs:
        return lemma, lexicon.verbs[lemma], [token]
    return None


def _hyphenated_modifier(token: Any) -> bool:
    """A participle joined by a hyphen into a modifier of a noun (``worst-hit``,
    ``rebel-held``, ``flood-affected``) describes the state of what it modifies; the happening
    behind it, if any, is told elsewhere with its own actor and time."""
    if token.dep_ not in ("amod", "compound"):
        return False
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    joined_before = before is not None and before.text == "-" and not before.whitespace_
    joined_after = (
        token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    )
    return joined_before or joined_after


def _is_other_verb(token: Any, lexicon: EventLexicon) -> bool:
    lemma = token.lemma_.lower()
    if lemma in lexicon.non_events or not lemma.isalpha() or len(lemma) < 3:
        return False
    # a verb used as a modifier ("the wanted man", "a closing date") names no happening
    return token.dep_ not in ("amod", "compound", "aux", "auxpass")


def _noun_trigger(token: Any, lexicon: EventLexicon) -> tuple[str, str] | None:
    if token.pos_ != "NOUN" or token.ent_type_:
        return None
    lemma = token.lemma_.lower()
    for key in (token.text.lower(), lemma):
        if key in lexicon.nouns:
            return key if key != "talks" else "talks", lexicon.nouns[key]
    return None


def _named_event(token: Any) -> Any | None:
    """The named event (spaCy label EVENT: ``the Oscars``, ``Hurricane Katrina``) whose last
    token this is."""
    if token.ent_type_ != "EVENT" or token.ent_iob_ not in ("B", "I"):
        return None
    for span in ents_in_sentence(token):
        if span.label_ == "EVENT" and span.end - 1 == token.i:
            return span
    return None


def _light_noun(verb: Any, lexicon: EventLexicon) -> Any | None:
    """The nominal trigger a light verb governs (``launched an attack`` -> attack)."""
    if verb.lemma_.lower() not in _LIGHT_VERBS:
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass") and _noun_trigger(child, lexicon):
            return child
    return None


def _governing_light_verb(noun: Any, lexicon: EventLexicon) -> Any | None:
    head = noun.head
    if noun.dep_ in ("dobj", "obj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        found = _light_noun(head, lexicon)
        return head if found is not None and found.i == noun.i else None
    return None


# --------------------------------------------------------------------------- arguments


class _Subjects:
    """Noun subjects seen so far in the document, to read pronouns back to them."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, Any]] = []

    def add(self, token: Any) -> None:
        if token.pos_ in ("NOUN", "PROPN") and token.lower_ not in _PRONOUNS_GROUP:
            self.seen.append((token.idx, token))

    def resolve(self, pronoun: Any) -> Any | None:
        person = pronoun.lower_ in _PRONOUNS_PERSON
        for idx, token in reversed(self.seen):
            if idx >= pronoun.idx or pronoun.idx - idx > 1500:
                if idx >= pronoun.idx:
                    continue
                return None
            if person and token.ent_type_ == "PERSON":
                return token
            if not person and token.ent_type_ != "PERSON":
                plural = token.tag_ in ("NNS", "NNPS") or token.ent_type_ in ("NORP", "ORG")
                if (pronoun.lower_ in ("they", "them", "we")) == plural or token.ent_type_:
                    return token
        return None


def _argument(token: Any, subjects: _Subjects) -> list[TextSpan]:
    spans: list[TextSpan] = []
    for item in _conjuncts(token):
        if item.lower_ in _RELATIVES and item.head.dep_ == "relcl":
            item = item.head.head  # "the offensive that captured": the offensive
        if item.ent_type_ in _NOT_ACTORS:
            continue
        if item.pos_ == "PRON":
            if item.lower_ not in _PRONOUNS_PERSON | _PRONOUNS_GROUP:
                continue
            found = subjects.resolve(item)
            if found is None:
                continue
            item = found
        if item.pos_ in ("NOUN", "PROPN", "NUM") or item.ent_type_:
            spans.append(_phrase(item))
    return spans


def _pobj(prep: Any) -> Any | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _subject_of(verb: Any) -> Any | None:
    """The verb's own subject, else that of the verb it is joined to."""
    seen = 0
    while verb is not None and seen < 4:
        for child in verb.children:
            if child.dep_ in _SUBJECTS:
                return child
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head.head  # "before advancing": the subject of the clause
            seen += 1
            continue
        if verb.dep_ in _JOINED and verb.head.i != verb.i:
            if verb.dep_ in ("acl", "relcl"):
                # "the rebels, seizing X": the modified noun is the subject
                return verb.head if verb.head.pos_ in ("NOUN", "PROPN") else None
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def _verb_arguments(verb: Any, subjects: _Subjects, trigger: str) -> tuple[
    list[TextSpan], list[TextSpan]
]:
    actors: list[TextSpan] = []
    targets: list[TextSpan] = []
    subject = _subject_of(verb)
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if subject is not None and not passive and trigger != "fall to":
        actors += _argument(subject, subjects)
    for child in verb.children:
        if child.dep_ in _OBJECTS and child.dep_ != "attr":
            targets += _argument(child, subjects)
        elif child.dep_ == "agent":
            agent = _pobj(child)
            if agent is not None:
                actors += _argument(agent, subjects)
        elif child.dep_ == "prep":
            obj = _pobj(child)
            if obj is None:
                continue
            word = child.lower_
            if trigger == "fall to" and word == "to":
                actors += _argument(obj, subjects)
            elif word in _TARGET_PREPS:
                targets += _argument(obj, subjects)
        elif child.dep_ == "dobj" or child.dep_ == "obj":
            targets += _argument(child, subjects)
    if trigger == "fall to" and subject is not None:
        targets += _argument(subject, subjects)
    # "take control of X": the object of the object's "of" is the target
    for child in verb.children:
        if child.dep_ in ("dobj", "obj") and child.lemma_.lower() == "control":
            for grand in child.children:
                if grand.dep_ == "prep" and grand.lower_ in ("of", "over"):
                    obj = _pobj(grand)
                    if obj is not None:
                        targets += _argument(obj, subjects)
    return actors, [t for t in targets if not t.text.lower().startswith("control")]


def _noun_arguments(noun: Any, subjects: _Subjects, light: Any | None) -> tuple[
    list[TextSpan], list[TextSpan]
]:
    actors: list[TextSpan] = []
    targets: list[TextSpan] = []
    for child in noun.children:
        if child.dep_ == "poss":
            actors += _argument(child, subjects)
        elif child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i:
            if child.ent_type_ in _NOT_ACTORS:
                continue
            if child.lemma_.lower() in _GROUP_WORDS or child.ent_type_ in _ACTOR_LABELS or (
                child.pos_ == "PROPN"
            ) or (
                child.pos_ == "NOUN" and child.lemma_.lower() not in ("air", "surprise")
                and child.tag_ != "VBG"
            ):
                if child.ent_type_ in _PLACE_LABELS:
                    continue  # "the Aleppo offensive": a place, not an actor
                actors.append(_phrase(child))
        elif child.dep_ == "prep":
            obj = _pobj(child)
            if obj is None:
                continue
            if child.lower_ == "by":
                actors += _argument(obj, subjects)
            elif child.lower_ in _TARGET_PREPS:
                targets += _argument(obj, subjects)
        elif child.dep_ in ("acl", "relcl"):
            for grand in child.children:
                if grand.dep_ == "agent":
                    obj = _pobj(grand)
                    if obj is not None:
                        actors += _argument(obj, subjects)
                elif grand.dep_ in _SUBJECTS and child.lemma_.lower() in _LIGHT_VERBS:
                    # "the offensive that began": the relative pronoun is the noun itself
                    actors += [a for a in _argument(grand, subjects)
                               if not a.start <= noun.idx < a.end]
    if light is not None and not actors:
        subject = _subject_of(light)
        if subject is not None:
            actors += _argument(subject, subjects)
    return actors, targets


def _place(head: Any, extra: Sequence[Any]) -> TextSpan | None:
    """A place named after a place preposition on the trigger (or on its light verb), or
    modifying a nominal trigger (``the Aleppo offensive``)."""
    for child in head.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in _PLACE_LABELS:
            span = _entity_span(child)
            if span is not None:
                return TextSpan(span[0], span[1], text_of(head.doc)[span[0]:span[1]])
    for owner in (head, *extra):
        for child in owner.children:
            if child.dep_ != "prep" or child.lower_ not in _PLACE_PREPS | {"of"}:
                continue
            if child.lower_ == "of" and owner.i != head.i:
                continue
            obj = _pobj(child)
            if obj is None:
                continue
            for token in obj.subtree:
                if token.ent_type_ in _PLACE_LABELS:
                    span = _entity_span(token)
                    if span is not None:
                        return TextSpan(span[0], span[1], text_of(head.doc)[span[0]:span[1]])
    return None


def _place_in_object(verb: Any) -> TextSpan | None:
    """A place named inside the verb's object (``blocked a convoy of trucks near Larkana``:
    the parser often hangs the place on the object rather than the verb)."""
    for child in verb.children:
        if child.dep_ not in ("dobj", "obj"):
            continue
        for token in child.subtree:
            if token.dep_ == "prep" and token.lower_ in _PLACE_PREPS:
                found = _place(token.head, ())
                if found is not None:
                    return found
    return None


# --------------------------------------------------------------------------- time


def _tree_distance(a: Any, b: Any) -> int:
    ancestors_a = {a.i: 0}
    depth = 0
    node = a
    while node.head.i != node.i:
        depth += 1
        node = node.head
        ancestors_a[node.i] = depth
    depth = 0
    node = b
    while True:
        if node.i in ancestors_a:
            return ancestors_a[node.i] + depth
        if node.head.i == node.i:
            return 99
        node = node.head
        depth += 1


def _attached_time(
    trigger: Any, owners: Sequence[Any], times: Sequence[TimeMention]
) -> TextSpan | None:
    """The date or time expression in the trigger's sentence nearest to it in the parse,
    among those inside the subtree of the trigger or of a verb lending it."""
    sent = trigger.sent
    best: tuple[int, int, TimeMention] | None = None
    for mention in times:
        if mention.type not in ("DATE", "TIME") or not (
            sent.start_char <= mention.start < sent.end_char
        ):
            continue
        span = trigger.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span.root
        inside = False
        for owner in owners:
            # inside the trigger's subtree, or a bare date right after it ("he made Friday")
            if owner.left_edge.i <= root.i <= owner.right_edge.i or (
                span.start == owner.right_edge.i + 1 and span[0].pos_ == "PROPN"
            ):
                inside = True
        if not inside:
            continue
        distance = min(_tree_distance(owner, root) for owner in owners)
        key = (distance, abs(mention.start - trigger.idx))
        if best is None or key < best[:2]:
            best = (key[0], key[1], mention)
    if best is None:
        return None
    found = best[2]
    return TextSpan(found.start, found.end, found.text)


# --------------------------------------------------------------------------- modality


def _chain(token: Any, steps: int = 6) -> list[Any]:
    """The token's heads, nearest first."""
    out: list[Any] = []
    node = token
    while node.head.i != node.i and len(out) < steps:
        out.append(node.head)
        node = node.head
    return out


def _modality(
    trigger: Any, clause_head: Any, quotes: Sequence[QuoteMention], subjects: _Subjects
) -> tuple[str, TextSpan | None]:
    children = list(clause_head.children) + (
        list(trigger.children) if trigger.i != clause_head.i else []
    )
    if any(c.dep_ == "neg" for c in children):
        return "negated", None
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in children):
        return "hypothetical", None
    auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if auxes & _FUTURE_AUX or (
        "going" in auxes and any(c.lower_ == "to" for c in clause_head.children)
    ):
        return "planned", None
    if auxes & _HYPOTHETICAL_MODALS:
        return "hypothetical", None
    if trigger.pos_ == "NOUN" and any(
        c.dep_ == "amod" and c.lower_ in _PLANNING_ADJECTIVES for c in trigger.children
    ):
        return "planned", None
    node = clause_head
    for head in _chain(clause_head, 4):
        lemma = head.lemma_.lower()
        if node.dep_ in ("xcomp", "ccomp", "pcomp", "dobj", "pobj", "prep", "advcl"):
            if lemma in _NEGATING_VERBS:
                return "negated", None
            if any(c.dep_ == "neg" for c in head.children) and node.dep_ == "xcomp":
                return "negated", None
            if lemma in _PLANNING_VERBS and node.dep_ in ("xcomp", "prep", "pcomp"):
                return "planned", None
        if lemma == "threat" and node.dep_ in ("pobj", "prep"):
            return "planned", None
        node = head
    for quote in quotes:
        if quote.start <= trigger.idx < quote.end:
            speaker = (
                TextSpan(quote.speaker_start, quote.speaker_end, quote.speaker_text or "")
                if quote.speaker_start is not None and quote.speaker_end is not None
                else None
            )
            return "reported", speaker
    node = clause_head
    for head in _chain(clause_head, 3):
        if node.dep_ == "ccomp" and head.lemma_.lower() in _REPORTING_VERBS:
            subject = next((c for c in head.children if c.dep_ in _SUBJECTS), None)
            spans = _argument(subject, subjects) if subject is not None else []
            return "reported", spans[0] if spans else None
        node = head
    for token in trigger.sent:
        if token.lower_ == "according" and token.i + 1 < len(trigger.doc):
            to = trigger.doc[token.i + 1]
            obj = _pobj(to) if to.lower_ == "to" else None
            spans = _argument(obj, subjects) if obj is not None else []
            return "reported", spans[0] if spans else None
    return "asserted", None


# --------------------------------------------------------------------------- extraction


def _clause(head: Any) -> TextSpan:
    sent = head.sent
    left = max(head.left_edge.i, sent.start)
    right = min(head.right_edge.i, sent.end - 1)
    # Trailing punctuation and the paragraph break after a sentence belong to no clause.
    while right > left and (head.doc[right].is_punct or head.doc[right].is_space):
        right -= 1
    return _token_span([head.doc[left], head.doc[right]])


def _clause_head(token: Any) -> Any:
    """The verb whose clause holds a nominal trigger (the trigger itself for a verb)."""
    if token.pos_ in ("VERB", "AUX"):
        return token
    for head in _chain(token, 8):
        if head.pos_ in ("VERB", "AUX"):
            return head
    return token.sent.root


def _refers_back(noun: Any, actors: Sequence[TextSpan], targets: Sequence[TextSpan]) -> bool:
    determiners = [c for c in noun.children if c.dep_ == "det"]
    return bool(determiners) and determiners[0].lower_ in _DEFINITE and not (actors or targets)


def extract_events(
    doc: Any,
    article_id: str,
    times: Sequence[TimeMention] = (),
    quotes: Sequence[QuoteMention] = (),
    lexicon: EventLexicon | None = None,
) -> tuple[EventMention, ...]:
    """Every event mention in a parsed article, in text order."""
    lexicon = lexicon or load_event_lexicon()
    subjects = _Subjects()
    events: list[EventMention] = []
    times_by_start = _ByStart([mention.start for mention in times])
    quotes_over = RisingWindows([(quote.start, quote.end) for quote in quotes])
    # Only subjects are noted and only verbs and nouns can be triggers (``_event_at``): the
    # other tokens are never made into Token objects.
    subject_at = indices_with(doc, dependencies=_SUBJECTS)
    trigger_at = indices_with(doc, ("VERB", "NOUN", "PROPN"))
    for sent in doc.sents:
        for i in within(subject_at, sent.start, sent.end):
            subjects.add(doc[i])
        # Only the sentence's own times can be attached to its events: handing each trigger
        # every time of the article cost the square of the article's length.
        sent_times = [times[i] for i in times_by_start.between(sent.start_char, sent.end_char)]
        # Likewise the quotes a trigger may stand in: those overlapping its sentence.
        sent_quotes = [quotes[i] for i in quotes_over.overlapping(sent.start_char, sent.end_char)]
        for i in within(trigger_at, sent.start, sent.end):
            found = _event_at(doc[i], article_id, sent_times, sent_quotes, lexicon, subjects)
            if found is not None:
                events.append(found)
    return _with_numbers(doc, events)


def _event_at(
    token: Any,
    article_id: str,
    times: Sequence[TimeMention],
    quotes: Sequence[QuoteMention],
    lexicon: EventLexicon,
    subjects: _Subjects,
) -> EventMention | None:
    doc = token.doc
    if token.pos_ == "VERB":
        if _light_noun(token, lexicon) is not None:
            return None
        if (
            token.dep_ in ("acl", "relcl") and token.lemma_.lower() in _LIGHT_VERBS
            and _noun_trigger(token.head, lexicon) is not None
        ):
            return None  # "the campaign launched by X": the campaign is the event
        if _hyphenated_modifier(token):
            return None  # "the worst-hit villages", "flood-affected families": a state
        verb = _verb_trigger(token, lexicon)
        if verb is None:
            if not _is_other_verb(token, lexicon):
                return None
            verb = (token.lemma_.lower(), "other", [token])
        trigger, kind, tokens = verb
        actors, targets = _verb_arguments(token, subjects, trigger)
        owners: list[Any] = [token]
        nominal = False
        refers = False
        clause_head = token
    elif token.pos_ in ("NOUN", "PROPN"):
        noun = _noun_trigger(token, lexicon)
        tokens = [token]
        if noun is None:
            named = _named_event(token)
            if named is None:
                return None
            noun, tokens = (named.text.lower(), "other"), list(named)
        trigger, kind = noun
        light = _governing_light_verb(token, lexicon)
        actors, targets = _noun_arguments(token, subjects, light)
        owners = [token] if light is None else [token, light]
        nominal = True
        refers = light is None and _refers_back(token, actors, targets)
        clause_head = _clause_head(token)
    else:
        return None
    place = _place(token, owners[1:]) or _place_in_object(token)
    if place is None and kind == "control":
        place = next((t for t in targets if _is_place(doc, t)), None)
    time = _attached_time(token, owners, times)
    modality, speaker = _modality(token, clause_head, quotes, subjects)
    clause = _clause(clause_head if nominal else token)
    trigger_span = _token_span(tokens)
    return EventMention(
        article=article_id,
        start=clause.start,
        end=clause.end,
        text=clause.text,
        trigger_start=trigger_span.start,
        trigger_end=trigger_span.end,
        trigger=trigger,
        type=kind,
        nominal=nominal,
        actors=_unique(actors),
        targets=_unique(t for t in targets if t not in actors),
        place=place,
        time=time,
        modality=modality,
        speaker=speaker,
        refers_back=refers,
    )


def _is_place(doc: Any, span: TextSpan) -> bool:
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return found is not None and any(t.ent_type_ in _PLACE_LABELS for t in found)


def _unique(spans: Iterable[TextSpan]) -> tuple[TextSpan, ...]:
    seen: dict[tuple[int, int], TextSpan] = {}
    for span in spans:
        seen.setdefault((span.start, span.end), span)
    return tuple(seen.values())


def _with_numbers(doc: Any, events: list[EventMention]) -> tuple[EventMention, ...]:
    """Give each stated figure to the nearest event of its sentence, or to the latest earlier
    event of a kind that has victims."""
    from dataclasses import replace

    numbers: dict[int, list[StatedNumber]] = {}
    folded: set[int] = set()
    by_start = _ByStart([e.trigger_start for e in events])
    for sent in doc.sents:
        inside = by_start.between(sent.start_char, sent.end_char)
        for number in stated_numbers(sent.text, sent.start_char):
            owner: int | None = None
            victims = [i for i in inside if events[i].type in _VICTIM_TYPES]
            pool = victims or inside
            if pool:
                owner = min(pool, key=lambda i: abs(events[i].trigger_start - number.start))
            else:
                earlier = [
                    i for i in by_start.between(number.start - _STRAY_WINDOW, number.start + 1)
                    if events[i].type in _VICTIM_TYPES
                ]
                owner = earlier[-1] if earlier else None
            if owner is not None and _is_bare_toll(events[owner]):
                # "41 people were killed" with no killer named: a toll of an event told
                # earlier, not an event of its own
                earlier = [
                    i for i in by_start.between(number.start - _STRAY_WINDOW, number.start + 1)
                    if i < owner and events[i].type in _VICTIM_TYPES
                    and not _is_bare_toll(events[i])
                ]
                if earlier:
                    folded.add(owner)
                    owner = earlier[-1]
            if owner is not None:
                numbers.setdefault(owner, []).append(number)
    return tuple(
        replace(e, numbers=tuple(numbers[i])) if i in numbers else e
        for i, e in enumerate(events)
        if i not in folded
    )


class _ByStart:
    """Positions of things by their start offset, asked for those starting in a range: by
    bisection, so an article of thousands of events, figures or times costs in proportion
    to them, not to their square."""

    __slots__ = ("_order", "_starts")

    def __init__(self, starts: Sequence[int]) -> None:
        self._order = sorted(range(len(starts)), key=lambda i: starts[i])
        self._starts = [starts[i] for i in self._order]

    def between(self, low: int, high: int) -> list[int]:
        """Positions (in their original order) of the things starting in ``low:high``."""
        first = bisect.bisect_left(self._starts, low)
        last = bisect.bisect_left(self._starts, high)
        return sorted(self._order[first:last])


def _is_bare_toll(event: EventMention) -> bool:
    return event.trigger in _TOLL_VERBS and not event.actors and event.place is None
