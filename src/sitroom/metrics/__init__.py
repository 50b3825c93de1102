"""Scores used by ``make eval`` and the quality floors in tests/eval, kept in the package so
that users can score their own gold the same way."""

from .clustering_scores import b_cubed, ceaf_e, conll_f1, f1, muc

__all__ = ["b_cubed", "ceaf_e", "conll_f1", "f1", "muc"]
