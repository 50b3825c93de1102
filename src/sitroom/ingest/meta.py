"""Metadata that travels with a document from outside its text, and the outlet rule.

The outlet of a document is, in order: the name its metadata gives (a ``source`` column,
``og:site_name``, a feed's title, a sidecar row), else the domain of its URL without
``www.``, else the ``--source`` the user passed, else None (the cleaner then says
"unknown"). A domain is a better outlet name than nothing: every article from one site
shares it, which is what boilerplate detection and framing per outlet need.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True, slots=True)
class Metadata:
    """Values known about one document before reading it (from a ``sources.csv`` sidecar).

    ``date`` is already ``YYYY-MM-DD``. Every field may be None; the empty value is
    :data:`NO_METADATA`.
    """

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    date: str | None = None
    author: str | None = None


NO_METADATA = Metadata()


def pick_outlet(named: str | None, url: str | None, source: str | None) -> str | None:
    """The outlet by the rule in the module docstring; blank values count as absent."""
    for candidate in (_clean(named), domain_of(url), _clean(source)):
        if candidate:
            return candidate
    return None


def domain_of(url: str | None) -> str | None:
    """The host of ``url`` in lower case without ``www.`` and port; None when there is none.

    Accepts bare domains (``www.bbc.co.uk``) as well as full URLs, since data sets often
    store a ``domain`` column.
    """
    text = _clean(url)
    if not text:
        return None
    if "//" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host or "." not in host or " " in host:
        return None
    host = host.rstrip(".").lower()
    return host[4:] if host.startswith("www.") else host


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
