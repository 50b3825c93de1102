"""Letting go of the gazetteer once the place step has resolved every place.

The place step loads the offline gazetteer (:func:`~sitroom.resolve.geo_index.load_index`:
about 150 MB of names, positions and lookup tables) and fills per-process caches over it
(each country's name variants, fuzzy matches, capitals). Nothing after the place step looks a
name up (the events, claims and framing read the resolved places, not the index), yet the
caches kept all of it alive to the end of the build, beneath the claims step's peak.

:func:`release_gazetteer` empties those caches, so the next collection frees the index. The
caches only ever speed up pure lookups: a later caller (another build in the same process)
loads the index again and gets the same answers.
"""

from __future__ import annotations

from types import ModuleType


def release_gazetteer() -> None:
    """Empty every cache that the gazetteer modules define (not those they import)."""
    from . import geo_index, geo_sources, places

    for module in (places, geo_index, geo_sources):
        _clear_own_caches(module)


def _clear_own_caches(module: ModuleType) -> None:
    for value in list(vars(module).values()):
        clear = getattr(value, "cache_clear", None)
        # Only the module's own caches: an imported cached function (urllib's, another
        # package's table) belongs to whoever defined it.
        if callable(clear) and getattr(value, "__module__", None) == module.__name__:
            clear()
