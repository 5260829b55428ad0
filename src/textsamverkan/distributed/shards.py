"""Deterministic hash partitioning of work items into shards.

An item goes to shard `sha256(key) mod n_shards`, so the same key always lands in the same shard whatever the
machine, the process or the number of workers; items keep their input order inside a shard. Give every item of
one document the document id as key to keep a document in one shard.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

DEFAULT_SHARD_SIZE = 2000


def shard_of(key: str, n_shards: int) -> int:
    """The shard of `key`: the first 8 bytes of its UTF-8 sha256, big-endian, modulo `n_shards`."""
    if n_shards < 1:
        raise ValueError("n_shards must be at least 1")
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") % n_shards


def shard_count(n_items: int, shard_size: int = DEFAULT_SHARD_SIZE) -> int:
    """Shards for `n_items` items of about `shard_size` each (at least one); independent of the worker count."""
    if shard_size < 1:
        raise ValueError("shard_size must be at least 1")
    return max(1, math.ceil(n_items / shard_size))


@dataclass(frozen=True)
class Shard(Generic[T]):
    """One shard: its number, the items in input order, and each item's position in the input."""

    index: int
    items: tuple[T, ...]
    positions: tuple[int, ...]


def make_shards(items: Sequence[T], keys: Sequence[str], n_shards: int) -> list[Shard[T]]:
    """Cut `items` into `n_shards` shards by their `keys`; empty shards are left out, the rest come in index order."""
    if len(items) != len(keys):
        raise ValueError(f"{len(items)} items but {len(keys)} keys")
    members: list[list[int]] = [[] for _ in range(n_shards)]
    for pos, key in enumerate(keys):
        members[shard_of(key, n_shards)].append(pos)
    return [Shard(index, tuple(items[p] for p in pos), tuple(pos)) for index, pos in enumerate(members) if pos]
