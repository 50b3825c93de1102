"""``soon`` bound to a verb ahead (:mod:`sitroom.annotate.timex_soon`)."""

from __future__ import annotations

import pytest

from .test_timex_daytime import found


@pytest.mark.parametrize(
    "text",
    [
        "The ministry may soon lift the curfew.",
        "The mill soon will reopen its second line.",
        "Planners hope to soon widen the bridge.",
        "Rescuers said they'd soon reach the village.",
    ],
)
def test_soon_between_a_modal_and_its_verb_is_the_future(text: str) -> None:
    assert ("soon", "DATE", "FUTURE_REF") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Crews will act as soon as the rain stops.",
        "The mayor resigned soon after the vote.",
        "The driver was soon released.",
        "Donors plan to give again soon.",
        "The bank will move sooner than expected.",
    ],
)
def test_soon_as_a_conjunction_after_an_event_in_the_past_or_loose_is_left_alone(
        text: str) -> None:
    assert all(phrase.lower() not in ("soon", "sooner") for phrase, _, _ in found(text))
