"""Bytes to text, for every reader.

The order of attempts, and why:

1. A byte-order mark (UTF-8, UTF-16, UTF-32) names the encoding outright; it is dropped.
2. BOM-less UTF-16 (NULs in the high bytes of a sample that decodes to text, see
   :mod:`.utf16`).
3. Strict UTF-8: most files today are UTF-8, and a legacy-encoded Western text almost never
   happens to be valid UTF-8, so success here is reliable. When it fails but some lines are
   UTF-8 with non-ASCII characters, the file mixes encodings: each line is decoded on its
   own, the others in the legacy encoding guessed from them alone.
4. Windows-1252 when the text looks Western: bytes >= 0x80 are rare and sit inside ASCII words.
   charset-normalizer tends to call such files ``cp775`` or ``cp850`` (FA-KES is one), which
   turns curly quotes and bullets into box-drawing characters. We decode with ftfy's
   "sloppy" cp1252, which maps the five bytes cp1252 leaves undefined to the matching C1
   control characters instead of failing, so one stray byte does not sink the whole file.
5. charset-normalizer for everything else (Cyrillic, Greek, Arabic code pages, ...).

Then ftfy repairs mojibake (``TÃ¼rkiye`` -> ``Türkiye``). Only its encoding repairs are
switched on: quotes stay curly, line breaks stay as they were and nothing is normalised, so
the text keeps the characters (and offsets) of the file as read; ``\\r\\n`` is *not* rewritten.
ftfy only runs when the text contains non-ASCII characters that look like mojibake.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer
import ftfy
import ftfy.bad_codecs  # registers the "sloppy-windows-1252" codec
from ftfy.badness import is_bad

from .utf16 import bomless_utf16

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Encoding repairs only: anything that rewrites valid characters would shift offsets that
# extractors report into the file as read, and would lose information (curly quotes).
_MOJIBAKE_ONLY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

# Legitimate non-ASCII punctuation of English news text; never the first character of a
# UTF-8 sequence read as Windows-1252, Latin-1 or a Cyrillic code page.
_TYPOGRAPHY = frozenset("\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u2022")
_SUSPICIOUS_WINDOW = re.compile(
    r".{0,3}[^\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u2022]+.{0,3}", re.DOTALL
)

_MAX_SHARE_IN_RUNS = 0.2
_HIGH_RUN = re.compile(rb"[\x80-\xff]{3,}")
_SAMPLE_BYTES = 1 << 20
_HIGH_BYTES = bytes(range(0x80, 0x100))


def decode_bytes(data: bytes) -> str:
    """Decode ``data`` to text (see the module docstring for the order of attempts)."""
    return repair_text(_decode(data))


def decode_raw(data: bytes) -> str:
    """Decode ``data`` like :func:`decode_bytes` but without mojibake repair.

    For structured files (JSON, CSV) whose readers repair only the fields they keep, which
    is much cheaper than scanning a whole data set.
    """
    return _decode(data)


def decode_line(line: bytes) -> str:
    """Decode one line of a line-oriented file (CSV, JSONL) read as a stream.

    Each line is decoded on its own so that a large file never has to be held whole; a line
    that is not UTF-8 falls back like :func:`decode_bytes`. Mojibake repair is left to the
    caller, which runs :func:`repair_text` on the fields it keeps.
    """
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_legacy(line)


def strip_bom(line: bytes) -> bytes:
    """``line`` without a leading UTF-8 byte-order mark."""
    return line[len(codecs.BOM_UTF8) :] if line.startswith(codecs.BOM_UTF8) else line


def repair_text(text: str) -> str:
    """Repair mojibake in ``text``, leaving every other character as it is."""
    if not looks_mojibaked(text):
        return text
    return str(ftfy.fix_text(text, _MOJIBAKE_ONLY))


def looks_mojibaked(text: str) -> bool:
    """ftfy's ``is_bad``, asked only about the stretches of ``text`` that could be mojibake.

    ``is_bad`` runs one large regular expression over the whole text, a few milliseconds for
    an article: too slow for a data set of thousands. Mojibake always contains a character
    that is neither ASCII nor plain typographic punctuation (the lead byte of a UTF-8
    sequence read in a single-byte code page is a letter like ``Ã``/``â``, a Cyrillic letter
    or a box-drawing sign), and its patterns span a few characters. So texts whose only
    non-ASCII characters are curly quotes, dashes and the like are clean, and for the others
    ``is_bad`` reads just the windows around the suspicious characters.
    """
    if text.isascii():
        return False
    suspicious = set(text)
    suspicious.difference_update(_TYPOGRAPHY)
    if all(char.isascii() for char in suspicious):
        return False
    windows = "\n".join(match.group() for match in _SUSPICIOUS_WINDOW.finditer(text))
    return bool(is_bad(windows))


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    utf16 = bomless_utf16(data[:_SAMPLE_BYTES])
    if utf16:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _decode_mixed(data) or _decode_legacy(data)


def _decode_mixed(data: bytes) -> str | None:
    """Text whose lines are partly UTF-8 and partly a legacy code page (two files pasted
    together, a CMS that changed encoding), decoded line by line; None when no line shows
    UTF-8, where one legacy encoding for the whole file is the better guess.

    Decoding such a file in one go calls it Mac Latin-2 or Cyrillic and garbles both halves.
    """
    lines = data.splitlines(keepends=True)
    decoded: list[str | None] = []
    legacy: list[bytes] = []
    utf8_seen = False
    for line in lines:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            decoded.append(None)
            legacy.append(line)
            continue
        utf8_seen = utf8_seen or not line.isascii()
        decoded.append(text)
    if not utf8_seen:
        return None
    joined = b"".join(legacy)
    encoding = _legacy_encoding(joined)
    pending = iter(legacy)
    return "".join(
        text if text is not None else next(pending).decode(encoding, errors="replace")
        for text in decoded
    )


def _decode_legacy(data: bytes) -> str:
    return data.decode(_legacy_encoding(data), errors="replace")


def _legacy_encoding(data: bytes) -> str:
    """The single-byte encoding ``data`` is most likely in (see the module docstring)."""
    if looks_western(data[:_SAMPLE_BYTES]):
        return "sloppy-windows-1252"
    best = charset_normalizer.from_bytes(data[:_SAMPLE_BYTES]).best()
    encoding = best.encoding if best is not None else "sloppy-windows-1252"
    try:
        codecs.lookup(encoding)
    except LookupError:
        return "sloppy-windows-1252"
    return encoding


def looks_western(sample: bytes) -> bool:
    """True when ``sample`` reads as ASCII-based Latin text with scattered high bytes.

    In English, French or German text the bytes >= 0x80 are accents and punctuation, one or
    two at a time between ASCII letters; in a single-byte Cyrillic, Greek or Arabic encoding
    whole words are made of them. So: few high bytes may sit in runs of three or more.
    """
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    if high == 0:
        return True
    in_runs = sum(len(run) for run in _HIGH_RUN.findall(sample))
    return in_runs / high <= _MAX_SHARE_IN_RUNS
