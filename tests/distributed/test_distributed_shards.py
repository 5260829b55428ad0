"""Hash partitioning and merging: stable shard numbers, documents kept whole, results back in input order, and
the in-process engine equal to a plain loop whatever the shard count."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence

import pytest

from textsamverkan.distributed import make_shards, run_sharded, shard_of
from textsamverkan.distributed.engine import ShardRunner, dask_client, merge_in_input_order
from textsamverkan.distributed.shards import shard_count
from textsamverkan.errors import E_OPTION, UserError


def test_shard_of_is_a_fixed_function_of_the_key() -> None:
    # sha256("doc-1")[:8] big-endian mod 7 and mod 1000: pinned, they must never change between versions
    assert [shard_of("doc-1", 7), shard_of("doc-1", 1000)] == [1, 401]
    assert shard_of("doc-1", 1) == 0
    assert {shard_of(f"doc-{i}", 4) for i in range(200)} == {0, 1, 2, 3}  # spreads
    digest = hashlib.sha256("äldreomsorg".encode()).digest()
    assert shard_of("äldreomsorg", 97) == int.from_bytes(digest[:8], "big") % 97
    with pytest.raises(ValueError):
        shard_of("x", 0)


def test_make_shards_keeps_keys_together_and_input_order() -> None:
    items = [f"s{i}" for i in range(40)]
    keys = [f"doc{i % 6}" for i in range(40)]
    shards = make_shards(items, keys, 4)
    assert [s.index for s in shards] == sorted(s.index for s in shards)
    seen = sorted(p for s in shards for p in s.positions)
    assert seen == list(range(40))
    for s in shards:
        assert list(s.positions) == sorted(s.positions)
        assert list(s.items) == [items[p] for p in s.positions]
        assert len({shard_of(keys[p], 4) for p in s.positions}) == 1
    assert make_shards(items, keys, 4) == shards
    with pytest.raises(ValueError):
        make_shards(items, keys[:-1], 4)


def test_shard_count_depends_only_on_the_items() -> None:
    assert shard_count(0) == 1 and shard_count(1, 10) == 1 and shard_count(10, 10) == 1 and shard_count(11, 10) == 2


def _lengths(texts: Sequence[str]) -> list[int]:
    return [len(t) for t in texts]


@pytest.mark.parametrize("shard_size", [1, 7, 50, 500])
def test_in_process_run_equals_a_plain_loop(shard_size: int) -> None:
    texts = [("x" * (i % 13)) + str(i) for i in range(120)]  # 1: 15 blocks of 8 shards; 500: one shard
    assert run_sharded(_lengths, texts, texts, shard_size=shard_size) == [len(t) for t in texts]
    assert run_sharded(_lengths, [], [], shard_size=shard_size) == []


def test_a_stream_reads_its_input_a_block_at_a_time() -> None:
    taken: list[int] = []

    def numbers() -> Iterator[int]:
        for n in range(100):
            taken.append(n)
            yield n

    stream = ShardRunner().stream(_lengths, numbers(), payload=str, key=str, shard_size=5)
    first = next(stream)
    assert first == (0, 1)
    assert len(taken) == 80  # the first block (8 shards of 5) and the one started behind it, not all 100
    assert [r for _, r in stream] == [len(str(n)) for n in range(1, 100)]


def test_a_task_returning_the_wrong_number_of_results_is_an_error() -> None:
    shards = make_shards(["a", "b"], ["a", "b"], 1)
    with pytest.raises(ValueError, match="1 results for 2 items"):
        merge_in_input_order(shards, [[1]], 2)


def test_bad_worker_options_are_user_errors() -> None:
    with pytest.raises(UserError) as err, dask_client(workers=-1):
        pass
    assert err.value.code == E_OPTION
    with pytest.raises(UserError) as err, dask_client(workers=2, scheduler="tcp://127.0.0.1:1"):
        pass
    assert "both given" in err.value.message
