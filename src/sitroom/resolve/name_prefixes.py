"""Titles, hyphenated prefixes and adjectives that news writes before a name.

The word lists are data (``sitroom/data/name_prefixes.csv``, format in the file).
:func:`strip_prefixes` offers the name without them; entity resolution decides, from what the
corpus knows, whether to use it (see :mod:`sitroom.resolve.entities`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import SitroomError
from ..names import fold_name

DATA_FILE = "name_prefixes.csv"
KINDS = ("title", "prefix", "modifier")
#: ``pro-Trump``, ``ex–President``: a prefix glued with a hyphen or dash.
_GLUED = re.compile(r"^([A-Za-z]+)[-‐–](?=\S)")


@dataclass(frozen=True, slots=True)
class Stripped:
    """A name without what came before it: ``core`` is a substring of the mention's text."""

    core: str
    #: the kinds of what was taken off (``title``, ``prefix``, ``modifier``), in order
    kinds: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NamePrefixes:
    """Folded word sequences, per kind."""

    titles: frozenset[tuple[str, ...]]
    prefixes: frozenset[str]
    modifiers: frozenset[str]

    @property
    def longest_title(self) -> int:
        return _longest(self.titles)


@lru_cache(maxsize=8)
def _longest(titles: frozenset[tuple[str, ...]]) -> int:
    """Asked once per mention stripped: counted once per list (a frozenset keeps its hash)."""
    return max((len(words) for words in titles), default=0)


def parse_name_prefixes(text: str, source: str = DATA_FILE) -> NamePrefixes:
    """Read ``kind,words`` lines; a bad line is an error that names the line."""
    found: dict[str, set[tuple[str, ...]]] = {kind: set() for kind in KINDS}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.split("#", 1)[0].strip()
        if not stripped:
            continue
        kind, _, words = (part.strip() for part in stripped.partition(","))
        folded = tuple(fold_name(words).split())
        if kind not in found or not folded:
            raise SitroomError(
                f"{source}, line {number}: expected 'kind,words' with kind one of "
                f"{', '.join(KINDS)}, got {line.strip()!r}",
                fix="fix or delete the line",
            )
        found[kind].add(folded)
    return NamePrefixes(
        frozenset(found["title"]),
        frozenset(" ".join(words) for words in found["prefix"]),
        frozenset(" ".join(words) for words in found["modifier"]),
    )


@lru_cache(maxsize=1)
def load_name_prefixes() -> NamePrefixes:
    """The packaged word lists (cached)."""
    text = resources.files("sitroom.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return parse_name_prefixes(text)


def strip_prefixes(surface: str, prefixes: NamePrefixes | None = None) -> Stripped:
    """``surface`` without the titles, prefixes and modifiers in front of it.

    ``Former Vice President Joe Biden`` -> ``Joe Biden`` (title, title); ``pro-Mitt Romney``
    -> ``Mitt Romney`` (prefix). The core keeps the mention's own spelling; when nothing is
    known to come first, the core is ``surface`` and ``kinds`` is empty.
    """
    known = prefixes or load_name_prefixes()
    core = surface
    kinds: list[str] = []
    while True:
        glued = _GLUED.match(core)
        if glued and fold_name(glued.group(1)) in known.prefixes:
            core, kind = core[glued.end() :], "prefix"
        else:
            taken = _leading_words(core, known)
            if taken is None:
                break
            core, kind = taken
        kinds.append(kind)
    core = core.strip()
    if not core or not any(char.isupper() for char in core):
        return Stripped(surface, ())
    return Stripped(core, tuple(kinds))


def _leading_words(text: str, known: NamePrefixes) -> tuple[str, str] | None:
    """``text`` without its longest leading title or modifier, and the kind taken off."""
    words = text.split()
    for size in range(min(known.longest_title, len(words) - 1), 0, -1):
        folded = tuple(fold_name(" ".join(words[:size])).split())
        kind = (
            "title"
            if folded in known.titles
            else "modifier"
            if size == 1 and " ".join(folded) in known.modifiers
            else None
        )
        if kind is not None:
            rest = text.split(None, size)
            remainder = rest[size] if len(rest) > size else ""
            if kind == "title" and remainder.casefold() in _BODY_WORDS:
                return None  # ``Justice Department``: the body's own name, not a title
            return remainder, kind
    return None


#: Words that, alone after a title word, make the whole the name of a body (``Justice
#: Department``, ``Chancellor's Office``), not a titled person.
_BODY_WORDS = frozenset({
    "department", "ministry", "office", "court", "committee", "commission", "council",
    "agency", "bureau", "board", "cabinet", "party", "league", "corps", "service",
})
