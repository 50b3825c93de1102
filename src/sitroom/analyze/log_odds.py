"""The log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008,
"Fightin' Words", section 3.5), as a pure function.

For a word w, a group i (one outlet) and the rest j, with counts y, totals n, and a prior
alpha_w (alpha_0 in total):

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
            - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var(delta_w) ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w = delta_w / sqrt(var(delta_w))

The prior shrinks words seen a handful of times towards zero, so an outlet with three
articles is neither drowned out nor credited with every word it used once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LogOdds:
    delta: float
    z: float


def log_odds_dirichlet(
    group: Mapping[str, int], rest: Mapping[str, int], prior: Mapping[str, float]
) -> dict[str, LogOdds]:
    """``delta`` and ``z`` for every word of ``group`` or ``rest`` (the prior must give every
    such word a positive pseudo-count)."""
    return log_odds_of(sorted(set(group) | set(rest)), group, rest, prior,
                       sum(group.values()), sum(rest.values()), sum(prior.values()))


def log_odds_of(
    words: Iterable[str], group: Mapping[str, int], rest: Mapping[str, int],
    prior: Mapping[str, float], n_i: int, n_j: int, a0: float,
) -> dict[str, LogOdds]:
    """:func:`log_odds_dirichlet` of ``words`` only, given the totals of all words (``n_i``
    of ``group``, ``n_j`` of ``rest``, ``a0`` of ``prior``): a caller that keeps a few words
    of each group need not score the whole vocabulary for every group, and a word scores
    the same either way."""
    out: dict[str, LogOdds] = {}
    for word in words:
        a = prior[word]
        if a <= 0:
            raise ValueError(f"the prior gives {word!r} no weight")
        yi, yj = group.get(word, 0), rest.get(word, 0)
        other_i, other_j = n_i + a0 - yi - a, n_j + a0 - yj - a
        if other_i <= 0 or other_j <= 0:
            # The word is all there is (a one-word vocabulary): nothing to be distinctive
            # against, so no evidence either way.
            out[word] = LogOdds(0.0, 0.0)
            continue
        delta = math.log((yi + a) / other_i) - math.log((yj + a) / other_j)
        variance = 1.0 / (yi + a) + 1.0 / (yj + a)
        out[word] = LogOdds(delta, delta / math.sqrt(variance))
    return out


def corpus_prior(counts: Mapping[str, int], scale: float = 10.0, floor: float = 0.01
                 ) -> dict[str, float]:
    """An informative prior from the whole corpus: each word's share of all counts times
    ``scale`` pseudo-counts per word kind (at least ``floor``)."""
    total = sum(counts.values())
    if total == 0:
        return {}
    size = scale * len(counts)
    return {w: max(floor, size * c / total) for w, c in counts.items()}
