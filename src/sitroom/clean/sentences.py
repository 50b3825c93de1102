"""Sentence boundaries lost when paragraphs were run together: ``explained.He noted``.

A boundary is missing where sentence punctuation is followed, with no space, by a capital
letter (possibly behind a quote mark). Not every such spot is a sentence end, so the
candidates are checked:

- the character before the stop must be a lower-case letter or part of a number of two or
  more digits (``in 2019.The``), which leaves initials and acronyms alone (``U.S.``, ``J.K.``);
- the word before the stop must not be a common abbreviation (``St.Louis``, ``Mr.Khan``),
  nor the word after a lone initial (``Ph.D.``);
- the token must not be a web address or e-mail (``www.``, ``://``, ``@``), and a capitalised
  name followed by a top-level domain (``Caliber.Az``, ``Gazeta.Ru``) is taken as a site name;
- decimals (``3.5``) and lower-case continuations (``e.g.``) never match.

The caller inserts one space at each position returned, so every original character keeps
its offset mapping.
"""

from __future__ import annotations

import re

# Possessive and anchored at the start of a run of stops: a long run of dots is tried once,
# not once per dot (which took time proportional to the square of its length).
_CANDIDATE = re.compile(r"(?:(?<![.!?])[.!?]++|…)(?P<close>[\"'”’»)\]]*)(?=[“‘\"'«(\[]?[^\W\d_])")
_TOKEN = re.compile(r"\S*")
_TOKEN_REACH = 200
_WORD_AFTER = re.compile(r"[“‘\"'«(\[]?(?P<word>[^\W\d_]+)(?P<rest>.?)")

_ABBREVIATIONS_TEXT = """
    mr mrs ms mx dr st mt ft sr jr gen col lt maj sgt capt cmdr adm gov sen rep prof rev
    hon pres no nos vol vols fig figs vs etc approx dept univ ave blvd rd inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat
    sun al ed eds op cf ca"""
_ABBREVIATIONS = frozenset(_ABBREVIATIONS_TEXT.split())
# Generic and country-code top-level domains (general data: the IANA root zone's most
# common entries), used only after a capitalised word.
_DOMAINS_TEXT = """
    com net org gov edu int mil info biz name pro io co tv me news online site web app
    ac ad ae af ag al am ao ar at au az ba bd be bg bh by ca ch cl cn cy cz de dk dz ee eg
    es eu fi fr ge gr hk hr hu id ie il in iq ir is it jo jp ke kg kr kw kz lb lk lt lu lv
    ly ma md mk mt mx my ng nl no np nz om pe ph pk pl ps pt qa ro rs ru sa se sg si sk sy
    th tj tm tn tr tw ua ug uk us uz ve vn ye za zw"""
_DOMAINS = frozenset(_DOMAINS_TEXT.split())


def missing_boundaries(text: str) -> list[int]:
    """Offsets in ``text`` before which a space would restore a sentence boundary."""
    positions: list[int] = []
    straight_quotes = 0
    scanned = 0
    for match in _CANDIDATE.finditer(text):
        straight_quotes += text.count('"', scanned, match.start())
        scanned = match.start()
        if not _needs_boundary(text, match):
            continue
        close = match["close"]
        position = match.end()
        # A straight quote right after the stop closes a quotation when an odd number of them
        # came before; otherwise it opens the next sentence and the space goes before it.
        if close.endswith('"') and straight_quotes % 2 == 0:
            position -= 1
        positions.append(position)
    return positions


def _needs_boundary(text: str, match: re.Match[str]) -> bool:
    start = match.start()
    if start == 0:
        return False
    before = text[start - 1]
    if before.isdigit():
        if start < 2 or not text[start - 2].isdigit():
            return False
    elif not before.islower():
        return False
    # The token around the stop; found with rfind because a regex searched backwards from
    # the start of a long paragraph would cost time proportional to its length each time.
    # Both directions look at most _TOKEN_REACH characters away, so a paragraph that is one
    # endless token costs linear time, not quadratic.
    reach = max(0, start - _TOKEN_REACH)
    token_start = max(text.rfind(" ", reach, start), text.rfind("\n", reach, start), reach - 1) + 1
    left_token = text[token_start:start]
    right = _TOKEN.match(text, start, start + _TOKEN_REACH)
    whole_token = left_token + (right.group() if right else "")
    if "://" in whole_token or "@" in whole_token or whole_token.casefold().startswith("www."):
        return False
    word = _trailing_letters(left_token)
    if word.casefold() in _ABBREVIATIONS:
        return False
    after = _WORD_AFTER.match(text, match.end())
    if after is None or not after["word"][0].isupper():
        return False
    if len(after["word"]) == 1 and after["rest"] == ".":
        return False  # ``Ph.D.``: an initial follows, not a sentence
    # ``Caliber.Az``: a capitalised name, a stop, a domain, then no more letters.
    return not (
        word[:1].isupper()
        and not match["close"]
        and after["word"].casefold() in _DOMAINS
        and not after["rest"].isalpha()
        and text[match.end()].isalpha()
    )


def _trailing_letters(token: str) -> str:
    """The letters at the end of ``token`` (``"U.S"`` -> ``"S"``); a loop, since a regex
    searched for them retries from every position of a long token."""
    index = len(token)
    while index > 0 and token[index - 1].isalpha():
        index -= 1
    return token[index:]
