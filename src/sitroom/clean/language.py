"""Language identification (py3langid), as ISO 639-1 codes.

py3langid's model knows about a hundred languages, a few of them only under ISO 639-3 codes;
those with a two-letter macrolanguage are reported under it (Moroccan and Egyptian Arabic as
``ar``, Cantonese and Wu as ``zh``), the rest are left out of the model so every answer is a
two-letter code. Text too short to judge gives ``und`` (undetermined), as does short text
the model is unsure about: a headline of four words is not evidence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

UNDETERMINED = "und"
_MIN_LETTERS = 12
_SHORT_LETTERS = 100
_MIN_SHORT_CONFIDENCE = 0.5
_MAX_CHARS = 20_000  # enough to be sure; keeps very long documents cheap
_MACRO = {"ary": "ar", "arz": "ar", "yue": "zh", "wuu": "zh", "uzs": "uz", "gug": "gn"}


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language, or ``und`` when it cannot be told."""
    sample = text[:_MAX_CHARS]
    letters = sum(1 for char in sample if char.isalpha())
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
