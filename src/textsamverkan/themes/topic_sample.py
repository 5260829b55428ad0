"""BERTopic on a sample of a large corpus: which passages the model is fitted on, and the topic of every other one.

UMAP and HDBSCAN grow faster than linearly and take hours past a million passages; BERTopic's maintainer advises
fitting on a sample of a few hundred thousand and assigning the rest. The sample is stratified (each stratum, e.g.
region and document kind, in proportion, so a small region is not left out) and chosen by a seeded hash of each
passage's identity, so it does not depend on input order. Every other passage gets the topic whose centroid it is
closest to, or stays an outlier when it is further from that centroid than every one of the topic's own members
(outside the topic's extent): cheap, deterministic, and done a block of passages at a time.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

OUTLIER = -1
ASSIGN_BLOCK = 8_192  # passages compared with the centroids at a time


def stratified_sample(keys: Sequence[str], strata: Sequence[str], size: int, *, seed: int, floor: int = 0) -> list[int]:
    """Indices (sorted) of about `size` items: each stratum gets its share of `size` in proportion to its items, at
    least `floor` (so a small stratum can still make a topic of its own) and at most all of them; within a stratum,
    the items whose seeded hash of their key is smallest. All items when there are no more than `size`. The floor
    is dropped when it would take more than half the sample (many small strata), so the sample stays near `size`."""
    if len(keys) != len(strata):
        raise ValueError(f"{len(keys)} keys but {len(strata)} strata")
    if len(keys) <= size:
        return list(range(len(keys)))
    groups: dict[str, list[int]] = {}
    for index, stratum in enumerate(strata):
        groups.setdefault(stratum, []).append(index)
    if floor * len(groups) > size // 2:
        floor = 0
    chosen: list[int] = []
    for stratum in sorted(groups):
        members = groups[stratum]
        share = min(len(members), max(floor, math.ceil(size * len(members) / len(keys))))
        ranked = sorted(members, key=lambda i: (_hash(seed, keys[i]), i))
        chosen.extend(ranked[:share])
    return sorted(chosen)


def _hash(seed: int, key: str) -> bytes:
    return hashlib.sha256(f"{seed}\0{key}".encode()).digest()


def assign_by_centroid(
    embeddings: npt.NDArray[np.float32], sample: Sequence[int], sample_topics: Sequence[int]
) -> list[int]:
    """A topic for every row of `embeddings`: the fitted topic for the rows in `sample`, for the others the topic
    with the closest centroid (cosine) when they are no further from it than its furthest member, else `OUTLIER`."""
    sample_arr = np.asarray(sample, dtype=np.int64)
    labels = np.asarray(sample_topics, dtype=np.int64)
    topic_ids = sorted(int(t) for t in set(labels.tolist()) if t != OUTLIER)
    out = np.full(len(embeddings), OUTLIER, dtype=np.int64)
    out[sample_arr] = labels
    if not topic_ids:
        return [int(t) for t in out]
    sample_unit = _unit_rows(embeddings[sample_arr])  # only the sample and one block at a time are normalised
    members = [sample_unit[labels == t] for t in topic_ids]
    centroids = np.stack([unit_vector(m.mean(axis=0)) for m in members])
    floors = np.array([float((m @ centroids[k]).min()) for k, m in enumerate(members)])
    rest = np.setdiff1d(np.arange(len(embeddings)), sample_arr)
    ids = np.asarray(topic_ids, dtype=np.int64)
    for begin in range(0, rest.size, ASSIGN_BLOCK):
        rows = rest[begin : begin + ASSIGN_BLOCK]
        sims = _unit_rows(embeddings[rows]) @ centroids.T
        best = sims.argmax(axis=1)  # the first of equal similarities: the lower topic id
        close = sims[np.arange(rows.size), best] >= floors[best]
        out[rows] = np.where(close, ids[best], OUTLIER)
    return [int(t) for t in out]


def _unit_rows(m: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return np.asarray(m / np.where(norms == 0, 1, norms), dtype=np.float32)


def unit_vector(v: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """`v` scaled to length 1 (a zero vector as it is)."""
    n = float(np.linalg.norm(v))
    return v / n if n else v
