"""The event type list and trigger lexicon, read from ``sitroom/data/events/`` (documented in
that folder's README): which words start an event and of which type.

Kept apart from the extractor so a user can extend the data files without touching code; the
lexicon's digest is part of the annotation cache key, so an edited lexicon re-annotates.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import SitroomError

DATA_PACKAGE = "sitroom.data"
FOLDER = "events"
TYPES_FILE = "event_types.csv"
TRIGGERS_FILE = "event_triggers.csv"
NON_EVENTS_FILE = "non_events.txt"
POS_VALUES = ("verb", "noun", "any")


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """``types``: every event type in file order. ``verbs``/``nouns``: trigger -> type, where a
    trigger is a lemma or ``"verb word"`` (a verb and a word depending on it). ``non_events``:
    verb lemmas that never make an ``other`` event on their own."""

    types: tuple[str, ...]
    verbs: dict[str, str]
    nouns: dict[str, str]
    non_events: frozenset[str]
    digest: str


def _read(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(FOLDER, name).read_text(encoding="utf-8")


def parse_lexicon(types_csv: str, triggers_csv: str, non_events: str) -> EventLexicon:
    """Build the lexicon from the three files' texts; a bad row raises an error naming it."""
    types = tuple(row["type"].strip() for row in csv.DictReader(io.StringIO(types_csv)))
    if "other" not in types:
        raise SitroomError(f"{TYPES_FILE} lacks the type 'other'", fix="add a row for 'other'")
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    for number, row in enumerate(csv.DictReader(io.StringIO(triggers_csv)), start=2):
        trigger = " ".join((row.get("trigger") or "").lower().split())
        kind = (row.get("type") or "").strip()
        pos = (row.get("pos") or "").strip()
        if not trigger or kind not in types or pos not in POS_VALUES:
            raise SitroomError(
                f"{TRIGGERS_FILE} line {number}: bad row {row!r}",
                fix=f"give a trigger, a type listed in {TYPES_FILE}, and pos verb|noun|any",
            )
        # The first row for a trigger wins, so a user can override by adding rows on top.
        if pos in ("verb", "any"):
            verbs.setdefault(trigger, kind)
        if pos in ("noun", "any"):
            nouns.setdefault(trigger, kind)
    stop = frozenset(
        line.split("#", 1)[0].strip().lower()
        for line in non_events.splitlines()
        if line.split("#", 1)[0].strip()
    )
    digest = hashlib.sha1(
        "\x00".join((types_csv, triggers_csv, non_events)).encode("utf-8")
    ).hexdigest()[:8]
    return EventLexicon(types, verbs, nouns, stop, digest)


@lru_cache(maxsize=1)
def load_event_lexicon() -> EventLexicon:
    """The bundled lexicon (cached per process)."""
    return parse_lexicon(_read(TYPES_FILE), _read(TRIGGERS_FILE), _read(NON_EVENTS_FILE))
