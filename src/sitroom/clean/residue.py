"""Page residue: what a web page puts around an article that is not part of it.

Two general kinds, recognised by their form rather than by any site's wording:

- **UI controls** copied along with the text: font-size widgets (``+ ↺ − 16 px``,
  ``A A A``), share and print buttons (``Share``, ``Print``, ``Tweet``). A line made only of
  such tokens is dropped; a run of them glued to the start or end of a line is cut off.
- **Promotion blocks**: newsletter and subscription pitches, share/follow invitations, cookie
  notices, copyright lines, "read more" links. A short line with one such cue, or a longer
  one with several different cues, is dropped; at the end of a document the whole trailing
  block from the first such line on is dropped when nothing after it reads like prose.

The lexicons below are general web vocabulary (any site, any story), not a list of phrases
from particular pages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lines import Line

# Words that, on their own line or glued to an edge, are buttons and widgets, not prose.
_UI_WORDS_TEXT = """print share shares tweet email e-mail mail facebook twitter x whatsapp telegram
    linkedin reddit pinterest messenger copy link comment comments save bookmark listen
    font size reset close menu search home top login logout sign in up register subscribe
    follow like reply zoom increase decrease audio play pause gift"""
_UI_WORDS = frozenset(_UI_WORDS_TEXT.split())
# A font size (``16px``, ``16 px``, ``120%``) or a unit left alone after a number.
_SIZE = re.compile(r"\d{1,3}(?:px|pt|em|rem|%)|px|pt|em|rem", re.IGNORECASE)
_SMALL_NUMBER = re.compile(r"\d{1,3}")
_TRIM = "|:·•,;"
_PROSE_PUNCTUATION = frozenset("-‐–—―•*\"“”„'‘’()[]{}<>…·.,;:!?«»/&#%")
_MAX_UI_TOKENS = 12

# Cues of promotion blocks. Each is specific enough that one of them in a short line gives it
# away; a headline that merely mentions subscribers or cookies is longer or lacks the phrase.
_PROMO_CUES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\bnewsletters?\b",
        r"\b(?:un)?subscri(?:be|bing|ption|ptions|bers?)\b",
        r"\binbox(?:es)?\b",
        r"\bstay (?:up[ -]to[ -]date|updated|informed|tuned|connected)\b",
        r"\bfollow us\b|\blike us on\b|\bjoin us on\b",
        r"\bshare (?:this|on|via|the story|the article)\b",
        r"\bdownload (?:our|the) app\b",
        r"\b(?:we use|accept(?: all)?|use of|uses) cookies\b",
        r"\bcookie (?:policy|settings|notice|consent)\b",
        r"\bprivacy policy\b|\bterms (?:of|and) (?:use|service|conditions)\b",
        r"\ball rights reserved\b|©|\bcopyright (?:©\s*)?(?:19|20)\d\d\b",
        r"^read (?:more|also|next)\b|\bclick here\b",
        r"\b(?:related|recommended|more) (?:articles|stories|posts|content|videos)\b",
        r"\byou (?:may|might) also like\b|\bmost (?:read|popular|viewed)\b",
        r"\benter your e-?mail\b|\be-?mail address\b|\bsign[ -]?up (?:now|today|here|free)\b",
        r"\bsupport (?:our|independent|quality) journalism\b|\bdonate (?:now|today)\b",
        r"^(?:advertisement|sponsored(?: content)?|trending(?: now)?|ad)$",
    )
)
_SHORT_PROMO_WORDS = 10
_LONG_PROMO_WORDS = 80
_TAIL_SHORT_WORDS = 8
_TERMINAL = re.compile(r"[.!?][\"'”’»)\]]*$")


def is_ui_token(token: str) -> bool:
    """True for a token that is a widget rather than a word of text."""
    bare = token.strip(_TRIM)
    if not bare:
        return True
    if not any(char.isalnum() for char in bare):
        return True  # symbols: + − ↺ › ×
    lowered = bare.casefold()
    if _SIZE.fullmatch(lowered) or lowered in _UI_WORDS:
        return True
    # Font toggles: ``A``, ``A+``, ``A-``.
    return len(lowered.rstrip("+-−")) == 1 and lowered[0] == "a"


def _is_strong_ui_token(token: str) -> bool:
    """Tokens that never occur in prose as such: font sizes, and symbols other than the
    punctuation prose uses on its own (a dash before a name, a bracket, a bullet)."""
    bare = token.strip(_TRIM)
    if not bare:
        return False
    if _SIZE.fullmatch(bare.casefold()):
        return True
    return not any(char.isalnum() for char in bare) and any(
        char not in _PROSE_PUNCTUATION for char in bare
    )


def is_ui_line(text: str) -> bool:
    """A line made only of widget tokens, e.g. ``+ ↺ − 16 px``, ``A A A``, ``Share``."""
    tokens = text.split()
    if not tokens or len(tokens) > _MAX_UI_TOKENS:
        return False
    # Numbers count as widget parts only next to a size or a symbol (``16 px``), never alone.
    if all(_SMALL_NUMBER.fullmatch(token) for token in tokens):
        return False
    return all(is_ui_token(token) or _SMALL_NUMBER.fullmatch(token) for token in tokens)


def trim_ui_edges(line: Line) -> Line | None:
    """``line`` without widget tokens glued to its start or end; None if nothing is left.

    A leading run is cut only when it holds a symbol or a font size (so ``A man said`` keeps
    its ``A``); a trailing run only when the text before it ends a sentence.
    """
    tokens = list(re.finditer(r"\S+", line.text))
    first = 0
    while first < len(tokens) and (
        is_ui_token(tokens[first].group()) or _SMALL_NUMBER.fullmatch(tokens[first].group())
    ):
        first += 1
    if first == len(tokens):
        return None if is_ui_line(line.text) else line
    if first and not any(_is_strong_ui_token(token.group()) for token in tokens[:first]):
        first = 0
    last = len(tokens)
    while last > first + 1 and is_ui_token(tokens[last - 1].group()):
        last -= 1
    trailing = [token.group() for token in tokens[last:]]
    if trailing and not (
        _TERMINAL.search(tokens[last - 1].group())
        and (len(trailing) >= 2 or any(_is_strong_ui_token(token) for token in trailing))
    ):
        last = len(tokens)
    if first == 0 and last == len(tokens):
        return line
    start = line.start + tokens[first].start()
    end = line.start + tokens[last - 1].end()
    return Line(start, end, line.text[tokens[first].start() : tokens[last - 1].end()])


# One pass that finds whether any cue is there: most lines of an article have none.
_ANY_PROMO_CUE = re.compile("|".join(f"(?:{cue.pattern})" for cue in _PROMO_CUES), re.IGNORECASE)


def promo_cues(text: str) -> int:
    """How many different promotion cues ``text`` contains."""
    stripped = text.strip().strip(_TRIM).strip()
    if _ANY_PROMO_CUE.search(stripped) is None:
        return 0
    return sum(1 for cue in _PROMO_CUES if cue.search(stripped))


def is_promo_line(text: str) -> bool:
    """A newsletter, subscription, share, follow, cookie or copyright line."""
    words = len(text.split())
    if words > _LONG_PROMO_WORDS:
        return False
    cues = promo_cues(text)
    return (cues >= 1 and words <= _SHORT_PROMO_WORDS) or (cues >= 2 and words <= _LONG_PROMO_WORDS)


def reads_as_prose(text: str) -> bool:
    """A line long enough, or finished like a sentence, to be part of an article."""
    return len(text.split()) > _TAIL_SHORT_WORDS or _TERMINAL.search(text) is not None


def trailing_block_start(lines: Sequence[Line]) -> int:
    """Index of the first line of the promotion block closing the document, or
    ``len(lines)`` when there is none.

    The block starts at a promotion line after which every line is another promotion line, a
    widget line, or a short line that does not read as prose (``Email``, ``Sign up``).
    """
    start = len(lines)
    for index in range(len(lines) - 1, -1, -1):
        text = lines[index].text
        if is_promo_line(text) or is_ui_line(text):
            if is_promo_line(text):
                start = index
            continue
        if reads_as_prose(text):
            break
    return start
