"""Place names the tagger filed under a person or an organisation, or left out, kept only
where the article's own places vouch for them.

A general tagger reads many small towns as people or firms (``Pirbright``, ``Esperance``,
``Kampungu``), and misses the same name further down once it has placed it once (``born in
Churchill, Man.`` ... ``a Churchill doctor``). Reading every such name as a place would put a
hamlet called Congress or Berry on the map for each organisation or surname. Two things
make a reading safe:

- the article places the very same name elsewhere, so every other mention of it written
  alone is that place too (one sense per article, as toponym annotators count it):
  :func:`repeated_names`;
- the reading lies among the article's other places (:func:`vouched`): a town within
  :data:`NEAR_KM` of a town it names or inside a first-level area it names; a first-level
  or second-level area of a country or area it names. :func:`relabelled_names` proposes
  the names, the resolver keeps the readings that pass.

Names a person of the article or the corpus goes by in full (``Tyler`` after ``Mark
Tyler``) are never proposed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence

from ..types import Mention
from .geo_index import GeoEntry
from .geo_names import fold

#: Labels of mentions whose whole name may be a place the tagger misread.
RELABELLED = frozenset({"ORG", "NORP"})
#: Labels under which another mention of a placed name may still be that place (``a
#: Churchill doctor``); a person's name (``Rubio``) or a people's stays what it is.
REPEATED_INTO = frozenset({"ORG"})
#: Capitalised words for institutions that some hamlet is also named (Congress, Arizona;
#: Supreme, Louisiana): in news they are the institution, never the place.
INSTITUTION_WORDS = frozenset(
    {
        "congress", "parliament", "senate", "assembly", "cabinet", "supreme", "court",
        "council", "pentagon", "capitol", "treasury", "justice", "interior", "defense",
        "defence", "commerce", "energy", "labor", "labour", "state", "states", "army", "navy",
        "police", "government", "ministry", "commission", "union", "party", "church",
        "university", "college", "hospital", "bank", "federal", "republican", "democrat",
        "democrats", "republicans", "liberal", "conservative", "green", "greens", "red cross",
        "red crescent",
    }
)
#: Towns this close (km) lie together: the 100 miles toponym scoring also uses.
NEAR_KM = 161.0
#: Words after a name that keep it a place's name though capitalised (``London Police``).
_SERVING_WORDS = frozenset({"police", "council", "mayor", "fire", "sheriff", "county"})
_LEADING_THE = re.compile(r"^(?:[Tt]he)[ \t]+")


def _bare(text: str) -> tuple[str, int]:
    """``text`` without a leading ``the``, and the cut in front. A possessive stays: a
    firm's name is written so (``McDonald's``)."""
    lead = _LEADING_THE.match(text)
    cut = lead.end() if lead else 0
    return text[cut:], cut


def _overlaps(span: tuple[int, int], taken: Sequence[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in taken)


#: Words before a name that say it is where something is or goes (``to Warwick``).
_LOCATIVES = frozenset(
    {"in", "at", "to", "near", "from", "across", "around", "outside", "of", "by"}
)


def _placed_by_words(text: str, mention: Mention) -> bool:
    """Whether a mention the tagger read as a person or an organisation may be a place: a
    name of several words (``Mission Viejo``, ``Black Hawk County``), or one written after
    a word of place (``to Warwick in Queensland``, ``from Menoufia``, ``near Orneta``) and
    not in the possessive (``a McDonald's restaurant``). ``Wilson died`` or ``Ford loses``
    stays a person."""
    if mention.label not in RELABELLED | {"PERSON"}:
        return False
    if " " in _bare(mention.text)[0].strip():
        return True
    if text[mention.end : mention.end + 2] in {"'s", "’s"}:
        return False
    previous, _ = word_before(text, mention.start)
    return previous.lower() in _LOCATIVES


def _may_be_nearby(text: str, mention: Mention) -> bool:
    """Whether a one-word organisation's name with no word of place before it may still be a
    place, to be kept only beside a town of the article (``the Pirbright laboratory`` near
    Guildford): not a person's, not in the possessive (``McDonald's``)."""
    if mention.label not in RELABELLED or " " in _bare(mention.text)[0].strip():
        return False
    return text[mention.end : mention.end + 2] not in {"'s", "’s"}


def relabelled_names(
    article: str,
    text: str,
    mentions: Iterable[Mention],
    taken: Sequence[tuple[int, int]],
    is_candidate: Callable[[str], bool],
) -> list[Mention]:
    """Mentions under :data:`RELABELLED` (or a person's name that reads as a place) whose
    whole name (less a leading ``the``) is a name ``is_candidate`` accepts (folded) and
    that no span of ``taken`` overlaps: proposals the resolver keeps only when
    :func:`vouched` (source ``relabelled``) or, with no word of place before a one-word
    name, only near a town of the article (source ``nearby``)."""
    found: list[Mention] = []
    for mention in mentions:
        placed = _placed_by_words(text, mention)
        if not placed and not _may_be_nearby(text, mention):
            continue
        name, cut = _bare(mention.text)
        start = mention.start + cut
        span = (start, start + len(name))
        if not name[:1].isupper() or _overlaps(span, taken) or fold(name) in INSTITUTION_WORDS:
            continue
        if not _alone(text, *span) or not is_candidate(fold(name)):
            continue  # "Ford O'Connell": a name that runs on is a person's or a firm's
        # the tagger's label stays: an organisation's name may be a place standing for its
        # government, which only toponym extraction counts
        source = "relabelled" if placed else "nearby"
        found.append(Mention(article, *span, name, mention.label, source))
    return found


_BLANKS = " \t"
_NAME_CHARS = "'’.-"
_LONGEST_TITLE = 5  # "Capt.", "Prof."
_SENTENCE_ENDS = ".!?:\"“\n"


def word_before(text: str, start: int) -> tuple[str, int]:
    """The word before ``start`` across blanks, and where it starts (``""`` when none)."""
    end = start
    while end > 0 and text[end - 1] in _BLANKS:
        end -= 1
    begin = end
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in _NAME_CHARS):
        begin -= 1
    return text[begin:end], begin


def _word_after(text: str, end: int) -> str:
    """The word after ``end`` across blanks (``""`` when none)."""
    begin = end
    while begin < len(text) and text[begin] in _BLANKS:
        begin += 1
    stop = begin
    while stop < len(text) and (text[stop].isalnum() or text[stop] in _NAME_CHARS):
        stop += 1
    return text[begin:stop]


def _alone(text: str, start: int, end: int) -> bool:
    """Whether the name at ``[start, end)`` stands alone rather than inside a word or a
    longer capitalised name (``Paris`` in ``Paris Hilton``, ``Mr. Churchill``; ``London
    Police`` counts)."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in _NAME_CHARS):
        return False
    if end < len(text) and (text[end].isalnum() or text[end] == "-"):
        return False
    previous, begin = word_before(text, start)
    # "... Nature Reserves. Esperance recorded": a word that ends a sentence (longer than a
    # title such as "Capt." or "Prof.") does not run on into the name
    ends_sentence = previous.endswith((".", "!", "?")) and len(previous) > _LONGEST_TITLE
    if previous[:1].isupper() and previous.lower() != "the" and begin < start and not ends_sentence:
        stop = begin
        while stop > 0 and text[stop - 1] in _BLANKS:
            stop -= 1
        if stop > 0 and text[stop - 1] not in _SENTENCE_ENDS:
            return False  # a capitalised word inside a sentence runs on into the name
    following = _word_after(text, end) if end < len(text) and text[end] in _BLANKS else ""
    return not following[:1].isupper() or following.lower().rstrip(".") in _SERVING_WORDS


def repeated_names(
    article: str,
    text: str,
    names: Iterable[str],
    taken: Sequence[tuple[int, int]],
    blocking: Sequence[tuple[int, int]],
) -> list[Mention]:
    """Every other place in ``text`` where one of ``names`` (the surface names the article
    places) is written alone: not inside a span of ``taken`` (places already found), not
    inside a longer span of ``blocking`` (other mentions, ``Paris Town Hall``), not part of a
    longer capitalised name."""
    found: list[Mention] = []
    spans = list(taken)
    for name in sorted(set(names), key=lambda n: (-len(n), n)):
        if len(name) < 3 or not name[:1].isupper() or fold(name) in INSTITUTION_WORDS:
            continue
        for match in re.finditer(re.escape(name), text):
            span = match.span()
            if _overlaps(span, spans) or not _alone(text, *span):
                continue
            if any(a < span[1] and span[0] < b and (a, b) != span for a, b in blocking):
                continue
            spans.append(span)
            found.append(Mention(article, *span, name, "GPE", "repeated"))
    return found


#: One name of a list: up to three capitalised words (``Stoke Newington``, ``Vest-Agder``).
_LIST_NAME = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+(?:de[ \t]+|del[ \t]+)?[A-Z][\w'’-]*){0,2}")
#: Between two names of a list: a comma, ``and``, ``or``.
_LIST_GAP = re.compile(r",[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+")
#: Capitalised words that open a sentence or a clause, never a list's name.
_NOT_NAMES = frozenset({"the", "a", "an", "in", "at", "and", "but", "or", "on", "of", "to"})


def listed_names(
    article: str,
    text: str,
    places: Sequence[tuple[int, int]],
    taken: Sequence[tuple[int, int]],
    is_candidate: Callable[[str], bool],
) -> list[Mention]:
    """The other names of each list that holds a place (``Rogaland, Vestfold, Buskerud and
    Oslo``; ``Hornsey, Stoke Newington and Walthamstow``) that no span of ``taken`` overlaps
    and that ``is_candidate`` accepts: a list names things of one kind, and the resolver keeps
    those the article's places vouch for. ``places`` are the spans of the places found."""
    found: list[Mention] = []
    chain: list[tuple[int, int]] = []

    def flush() -> None:
        if len(chain) < 2 or not any(_overlaps(item, places) for item in chain):
            return
        for start, end in chain:
            name = text[start:end]
            if _overlaps((start, end), taken) or name.split()[0].lower() in _NOT_NAMES:
                continue
            if fold(name) in INSTITUTION_WORDS:
                continue
            if is_candidate(fold(name)):
                found.append(Mention(article, start, end, name, "GPE", "listed"))

    for match in _LIST_NAME.finditer(text):
        if chain and _LIST_GAP.fullmatch(text[chain[-1][1] : match.start()]):
            chain.append(match.span())
            continue
        flush()
        chain = [match.span()]
    flush()
    return found


#: Dotted initials (``B.C.``) or a short run of capitals (``NSW``) standing alone.
_SHORT_FORM = re.compile(r"(?<![\w.])(?:(?:[A-Z]\.){2,3}|[A-Z]{3,4}(?![\w.]))(?!\w)")


def abbreviated_areas(
    article: str,
    text: str,
    taken: Sequence[tuple[int, int]],
    abbreviations: Collection[str],
) -> list[Mention]:
    """Press abbreviations of first-level areas written alone (``in regional NSW``, ``the
    B.C. government``) that no span of ``taken`` overlaps: dotted initials or three or four
    capitals that ``abbreviations`` lists (two-letter postal codes are too often words).
    The resolver keeps those the article's places vouch for."""
    found: list[Mention] = []
    for match in _SHORT_FORM.finditer(text):
        span = match.span()
        if match.group(0) in abbreviations and not _overlaps(span, taken):
            found.append(Mention(article, *span, match.group(0), "GPE", "listed"))
    return found


Distance = Callable[[float, float, float, float], float]


def _near(a: GeoEntry, b: GeoEntry, distance: Distance) -> bool:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return distance(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM


def vouched(entry: GeoEntry, anchors: Sequence[GeoEntry], distance: Distance) -> bool:
    """Whether the article's resolved places (``anchors``) vouch for ``entry``: a town or a
    second-level area near one of its towns or inside one of its first-level areas; a
    first-level area of a country, or holding a place, that it names."""
    for anchor in anchors:
        if anchor == entry or not entry.country_code:
            continue
        if anchor.country_code != entry.country_code:
            continue
        same_area = anchor.admin1 is not None and anchor.admin1 == entry.admin1
        if entry.kind in {"city", "admin2"}:
            if anchor.kind == "admin1" and same_area:
                return True
            if anchor.kind in {"city", "admin2"} and _near(entry, anchor, distance):
                return True
            if entry.kind == "admin2" and anchor.kind == "city" and same_area:
                return True
        elif entry.kind == "admin1" and (
            anchor.kind == "country" or (anchor.kind in {"city", "admin2"} and same_area)
        ):
            return True
    return False
