"""Package data: the fictional demo corpus (``demo/``) and the learned table of attribution
cues (``attribution_cues.tsv``, read by :mod:`sitroom.annotate.cue_lexicon`)."""
