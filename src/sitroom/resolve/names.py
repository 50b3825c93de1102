"""Name folding, re-exported for resolution code; it lives in :mod:`sitroom.names` so that the
annotation stage can fold names without importing from this later stage."""

from __future__ import annotations

from ..names import clean_surface, fold_name, is_acronym, name_tokens

__all__ = ["clean_surface", "fold_name", "is_acronym", "name_tokens"]
