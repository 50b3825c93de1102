"""A bound on sentence length, set before the parser runs.

Several extractors look, for each verb or cue in a sentence, at the whole sentence (its
modal and opinion cues, its ``according to``), so their cost grows with the square of the
sentence's length. A real sentence is a few dozen tokens, but an article written as one
sentence of tens of thousands of words (no full stop, or full stops the parser does not
split at) cost minutes: 7,700 tokens took 5 CPU s, 300,000 characters would take minutes.

:func:`cap_sentence_length` bounds that: once a run of :data:`SOFT_LIMIT` tokens has passed
without a sentence start set before the parser (by the line-break component or here), the
next token after a word ending in ``.``, ``!`` or ``?`` starts a sentence (where the parser
would almost always split anyway, so ordinary long paragraphs keep their parse); and a run
that reaches :data:`HARD_LIMIT` tokens without any such word is cut there. Text is never
dropped; only where a sentence ends can change, and only in runs longer than any ordinary
sentence.
"""

from __future__ import annotations

from typing import Any

#: Tokens after the last preset sentence start from which a word ending like a sentence
#: starts a new one. The longest sentences of the seeds and the demo are well below it.
SOFT_LIMIT = 200
#: Tokens after which a sentence starts whatever the text: the bound on sentence length.
HARD_LIMIT = 400

_ENDINGS = (".", "!", "?", "…")


def cap_sentence_length(doc: Any) -> Any:
    """Start a sentence where a run without a preset start grows past the limits (the parser
    keeps boundaries set before it runs)."""
    run = 0
    previous_ends = False
    for token in doc:
        if token.i and token.is_sent_start:
            run = 0
        elif run >= HARD_LIMIT or (
            run >= SOFT_LIMIT and previous_ends and not token.is_space
            and not token.text[:1].islower()
        ):
            token.is_sent_start = True
            run = 0
        run += 1
        if not token.is_space:
            previous_ends = token.text.endswith(_ENDINGS)
    return doc
