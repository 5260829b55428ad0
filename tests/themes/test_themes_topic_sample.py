"""BERTopic on a sample: the sample is stratified, seeded and independent of input order, and every passage left
out gets the topic of the closest centroid, or stays an outlier when it is far from all of them."""

from __future__ import annotations

from collections import Counter

import numpy as np

from textsamverkan.themes.topic_sample import OUTLIER, assign_by_centroid, stratified_sample


def test_each_stratum_gets_its_share_and_a_small_one_is_kept() -> None:
    strata = ["big"] * 900 + ["mid"] * 90 + ["small"] * 10
    keys = [f"doc{i}" for i in range(len(strata))]
    chosen = stratified_sample(keys, strata, 100, seed=1, floor=10)
    counts = Counter(strata[i] for i in chosen)
    assert counts == {"big": 90, "mid": 9 + 1, "small": 10}  # ceil of 9.0 and 0.9 → 9 and 1, raised to the floor
    assert chosen == sorted(set(chosen))


def test_many_small_strata_do_not_swell_the_sample() -> None:
    strata = [f"municipality{i % 290}" for i in range(29_000)]  # 290 strata of 100
    keys = [f"doc{i}" for i in range(len(strata))]
    chosen = stratified_sample(keys, strata, 2_000, seed=1, floor=10)  # floors alone would take 2,900
    assert 2_000 <= len(chosen) <= 2_000 + 290  # proportional shares, each rounded up


def test_the_sample_follows_the_seed_not_the_input_order() -> None:
    keys = [f"doc{i}" for i in range(500)]
    strata = ["a" if i % 3 else "b" for i in range(500)]
    first = {keys[i] for i in stratified_sample(keys, strata, 50, seed=7)}
    reversed_keys, reversed_strata = keys[::-1], strata[::-1]
    again = {reversed_keys[i] for i in stratified_sample(reversed_keys, reversed_strata, 50, seed=7)}
    assert first == again
    assert first != {keys[i] for i in stratified_sample(keys, strata, 50, seed=8)}
    assert stratified_sample(keys[:40], strata[:40], 50, seed=7) == list(range(40))  # small corpus: all of it


def test_passages_left_out_join_the_closest_topic_or_stay_outliers() -> None:
    rng = np.random.default_rng(0)
    centres = np.eye(8, dtype=np.float32)[:3]
    points = np.concatenate([centres[k] + 0.05 * rng.standard_normal((50, 8)) for k in range(3)]).astype(np.float32)
    far = np.eye(8, dtype=np.float32)[7:8]  # orthogonal to every topic
    embeddings = np.concatenate([points, far])
    truth = [k for k in range(3) for _ in range(50)]
    sample = [i for i in range(150) if i % 2 == 0]
    sample_topics = [truth[i] + 10 for i in sample]  # fitted topic ids need not be 0..n
    sample_topics[0] = OUTLIER  # an outlier of the fit stays one
    out = assign_by_centroid(embeddings, sample, sample_topics)
    assert out[0] == OUTLIER
    left_out = range(1, 150, 2)
    assert all(out[i] in (truth[i] + 10, OUTLIER) for i in left_out)  # never a wrong topic
    assert sum(out[i] == truth[i] + 10 for i in left_out) >= 0.85 * len(left_out)  # nearly all join their own
    assert out[150] == OUTLIER
