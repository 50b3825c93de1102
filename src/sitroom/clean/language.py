"""Language identification (py3langid), as ISO 639-1 codes.

py3langid's model knows about a hundred languages, a few of them only under ISO 639-3 codes;
those with a two-letter macrolanguage are reported under it (Moroccan and Egyptian Arabic as
``ar``, Cantonese and Wu as ``zh``), the rest are left out of the model so every answer is a
two-letter code. Text too short to judge gives ``und`` (undetermined), as does short text
the model is unsure about: a headline of four words is not evidence.

A text longer than :data:`_MAX_CHARS` is judged on the whole of it, in consecutive windows
of :data:`_WINDOW_CHARS`, not on its opening alone: only English text is annotated, and an
English first page once carried whatever followed it (made-up names, another language,
300,000 characters of it) into the parser and every extractor. As in tools that judge long
documents by chunks, each window is classified on its own and the language read in the most
letters wins. Windows at chosen places only (first, middle, last) would leave the rest to
be anything; every window of an article at the length limit costs about 0.1 CPU s, nothing
beside its parse.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

UNDETERMINED = "und"
_MIN_LETTERS = 12
_SHORT_LETTERS = 100
_MIN_SHORT_CONFIDENCE = 0.5
_MAX_CHARS = 20_000  # enough to be sure; keeps very long documents cheap
#: Characters of each window a longer text is judged on.
_WINDOW_CHARS = 4_000
_MACRO = {"ary": "ar", "arz": "ar", "yue": "zh", "wuu": "zh", "uzs": "uz", "gug": "gn"}


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language, or ``und`` when it cannot be told."""
    if len(text) <= _MAX_CHARS:
        return _classify(text)
    letters_in: dict[str, int] = {}
    for window in sample_windows(text):
        code = _classify(window)
        if code != UNDETERMINED:
            letters_in[code] = letters_in.get(code, 0) + _letters(window)
    if not letters_in:
        return UNDETERMINED
    # Most letters first; a tie goes to the language of the earlier window (dicts keep the
    # order codes were first seen), so the answer never depends on anything but the text.
    return max(letters_in, key=lambda code: letters_in[code])


def sample_windows(text: str) -> list[str]:
    """``text`` cut into consecutive windows of :data:`_WINDOW_CHARS` characters (the last
    one shorter); the whole text as one when it is short enough."""
    if len(text) <= _MAX_CHARS:
        return [text]
    return [text[start:start + _WINDOW_CHARS] for start in range(0, len(text), _WINDOW_CHARS)]


def _letters(text: str) -> int:
    # ``str.isalpha`` mapped in C over the characters: the same count as testing each in a
    # generator, several times faster over a whole article.
    return sum(map(str.isalpha, text))


def _classify(sample: str) -> str:
    letters = _letters(sample)
    if letters < _MIN_LETTERS:
        return UNDETERMINED
    label, confidence = _identifier().classify(sample)
    if letters < _SHORT_LETTERS and float(confidence) < _MIN_SHORT_CONFIDENCE:
        return UNDETERMINED
    code = str(label)
    return _MACRO.get(code, code)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(
        [label for label in identifier.labels if len(label) == 2 or label in _MACRO]
    )
    return identifier


def release_identifier() -> None:
    """Drop the loaded model (about 100 MB): a build needs it only while cleaning, and the
    parser and place index it would otherwise sit beside set the build's peak memory."""
    _identifier.cache_clear()
