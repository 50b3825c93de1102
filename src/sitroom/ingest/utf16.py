"""UTF-16 without a byte-order mark, told apart from binary data.

ASCII text in UTF-16 has a NUL in every other byte, which is easy; Greek, Cyrillic or Arabic
text has NULs only in the high bytes of its spaces, digits and punctuation, so a sample with
NUL bytes is read as UTF-16 when, decoded that way, it is printable text with spaces, its
letters come from one or two alphabets (random binary decodes to characters from all over
Unicode), and the low bytes are almost never NUL.
"""

from __future__ import annotations

from collections import Counter

_MIN_HIGH_NULS = 0.08
_MAX_LOW_NULS = 0.01
_MIN_PRINTABLE = 0.97
_MIN_SPACES = 0.03
_MIN_ALPHABET_SHARE = 0.9


def bomless_utf16(sample: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when ``sample`` reads as text in it, else None."""
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    sample = sample[: len(sample) - len(sample) % 2]
    even, odd = sample[0::2], sample[1::2]
    for encoding, low, high in (("utf-16-le", even, odd), ("utf-16-be", odd, even)):
        pairs = len(low)
        if low.count(0) > _MAX_LOW_NULS * pairs or high.count(0) < _MIN_HIGH_NULS * pairs:
            continue
        if _reads_as_text(sample.decode(encoding, errors="replace")):
            return encoding
    return None


def _reads_as_text(text: str) -> bool:
    if not text:
        return False
    printable = sum(1 for char in text if char.isprintable() or char in "\t\n\r")
    spaces = sum(1 for char in text if char.isspace())
    if printable < _MIN_PRINTABLE * len(text) or spaces < _MIN_SPACES * len(text):
        return False
    blocks = Counter(ord(char) >> 7 for char in text if ord(char) > 0x7F and char.isalpha())
    if not blocks:
        return True
    top_two = sum(count for _, count in blocks.most_common(2))
    return top_two >= _MIN_ALPHABET_SHARE * sum(blocks.values())
