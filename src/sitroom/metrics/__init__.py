"""Scores used by ``make eval`` and the quality floors in tests/eval, kept in the package so
that users can score their own gold the same way."""

from .clusters import bcubed

__all__ = ["bcubed"]
