"""Letting go of the sentence encoder between uses."""

from __future__ import annotations

import numpy as np

from sitroom.analyze.embed import encode_matrix, load_model, release_model


def test_a_released_encoder_comes_back_with_the_same_vectors() -> None:
    texts = ["Officials said the bridge reopened on Monday.", "Rain closed two roads."]
    before = encode_matrix(texts)
    assert release_model(), "the encoder was loaded, yet release said it was not"
    assert not release_model(), "a second release found an encoder to let go of"
    after = encode_matrix(texts)  # loads it again
    assert np.array_equal(before, after), "the reloaded encoder gave other vectors"
    assert load_model() is load_model(), "the reloaded encoder is not kept for later calls"
