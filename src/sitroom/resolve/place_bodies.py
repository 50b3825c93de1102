"""Places inside the names of local bodies: ``St. Thomas police``, ``Enfield Council``,
``Laurel County Detention Center``, ``Middlesex-London EMS``.

Local news names its towns most often through the bodies that serve them. A general rule
that reads place names inside an organisation's name must ask for a well-known place
(a country, a first-level area, a big town), or every firm called after a hamlet would become
one. Three things say that a smaller name is the place the body serves all the same:

- the article writes the same name elsewhere as a place (``London`` before
  ``London police`` and ``Middlesex-London EMS``);
- the name is followed by the word for a local body (``police``, ``Council``, ``Sheriff``),
  so it is the town or county that body works for;
- the name ends in the word for a county-like area (``Laurel County``), which the gazetteer
  lists under that very name;

and a name joined by a hyphen to one of those (``Middlesex`` in ``Middlesex-London EMS``)
is the other place the body serves.

Each is checked against the gazetteer: the words must be a name it knows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..types import Mention
from .geo_names import fold

#: A word of a name; hyphens split (``Middlesex-London`` is two names).
_WORD = re.compile(r"[^\W\d_][\w'’.]*")
#: Words after a place's name that make the run a body serving it.
LOCAL_BODY_WORDS = frozenset(
    {
        "police",
        "council",
        "sheriff",
        "sheriff's",
        "sheriff’s",
        "fire",
        "ems",
        "paramedics",
        "mayor",
        "township",
        "borough",
        # courts and officials named after the town or county they sit for
        # (``Litchfield Superior Court``, ``Wood Green Crown Court``, ``New Milford
        # authorities``); not "court" alone: the Supreme Court serves no town called Supreme
        "superior",
        "crown",
        "magistrates",
        "magistrates'",
        "municipal",
        "authorities",
    }
)
#: Last words of a county-like area's name (``Laurel County``, ``Orleans Parish``).
AREA_NAME_ENDS = frozenset({"county", "parish", "borough"})
#: Words for a kind of place or body that some gazetteer also lists as a name (``Town``):
#: never a name alone (``Camborne Town Council``).
KIND_WORDS = frozenset(
    {"town", "city", "village", "county", "borough", "parish", "district", "state", "township"}
)
#: Longest run of words tried as one name.
_MOST_WORDS = 3


def local_body_places(
    mention: Mention,
    article_places: frozenset[str],
    known: Callable[[str], bool],
) -> list[Mention]:
    """The place names inside ``mention`` (an organisation's name) that one of the three
    cues of the module vouches for, and their hyphen partners; ``article_places`` are the
    folded names the article writes as places, ``known`` says whether the gazetteer knows a
    folded name. The whole name is never one: an organisation named exactly like a place is
    an actor."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(mention.text)]
    found: list[Mention] = []
    i = 0
    while i < len(words):
        hit = _longest_place(mention.text, words, i, article_places, known)
        if hit is None:
            i += 1
            continue
        j, start, end = hit
        found.append(
            Mention(
                mention.article,
                mention.start + start,
                mention.start + end,
                mention.text[start:end],
                "GPE",
                "embedded",
            )
        )
        i = j
    return found + _hyphen_partners(mention, words, found, known)


def _hyphen_partners(
    mention: Mention,
    words: list[tuple[int, int]],
    found: list[Mention],
    known: Callable[[str], bool],
) -> list[Mention]:
    """Words joined by a hyphen to a vouched-for name (``Middlesex`` in
    ``Middlesex-London EMS``, ``Kitchener`` in ``Kitchener-Waterloo Record``): a body that
    serves two places names both, so the gazetteer's word beside a place is a place too."""
    text = mention.text
    taken = [(m.start - mention.start, m.end - mention.start) for m in found]
    partners: list[Mention] = []
    for a, b in words:
        word = text[a:b].rstrip(".")
        key = fold(word)
        if any(x < b and a < y for x, y in taken) or not word[:1].isupper():
            continue
        if key in KIND_WORDS or not known(key):
            continue
        if any(text[b:x] == "-" or text[y:a] == "-" for x, y in taken):
            partners.append(
                Mention(
                    mention.article,
                    mention.start + a,
                    mention.start + a + len(word),
                    word,
                    "GPE",
                    "embedded",
                )
            )
    return partners


def _longest_place(
    text: str,
    words: list[tuple[int, int]],
    i: int,
    article_places: frozenset[str],
    known: Callable[[str], bool],
) -> tuple[int, int, int] | None:
    """(next word, start, end) of the longest vouched-for name starting at word ``i``."""
    for j in range(min(len(words), i + _MOST_WORDS), i, -1):
        if j - i == len(words):
            continue
        run = words[i:j]
        if not all(text[a:b][:1].isupper() for a, b in run):
            continue
        start, end = run[0][0], run[-1][1]
        piece = text[start:end].rstrip(".")
        key = fold(piece)
        if not key or key in KIND_WORDS or key in LOCAL_BODY_WORDS or not known(key):
            continue
        after = text[words[j][0] : words[j][1]].lower() if j < len(words) else ""
        serves = after.rstrip(".") in LOCAL_BODY_WORDS
        area = len(key.split()) > 1 and key.split()[-1] in AREA_NAME_ENDS
        if key in article_places or serves or area:
            return j, start, start + len(piece)
    return None


def place_keys(mentions: Iterable[Mention], labels: frozenset[str]) -> frozenset[str]:
    """Folded names of the mentions under ``labels``: the names an article writes as places."""
    return frozenset(fold(m.text) for m in mentions if m.label in labels)
