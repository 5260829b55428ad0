"""Run a pure per-shard function over hash-partitioned shards: in this process, on a local Dask cluster, or on
an existing Dask scheduler; the results come back in input order whatever ran them."""

from __future__ import annotations

import importlib
import itertools
import logging
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from textsamverkan.distributed.shards import DEFAULT_SHARD_SIZE, Shard, make_shards, shard_count
from textsamverkan.errors import E_MISSING_PACKAGE, E_OPTION, UserError

T = TypeVar("T")
R = TypeVar("R")

ShardTask = Callable[[Sequence[T]], Sequence[R]]


def run_sharded(
    task: ShardTask[T, R],
    items: Sequence[T],
    keys: Sequence[str],
    *,
    n_shards: int | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
    workers: int = 0,
    scheduler: str | None = None,
    name: str = "shard",
) -> list[R]:
    """`task` applied to every item, one result per item in input order.

    Items are cut into shards by `keys` (see `shards.make_shards`; `n_shards` defaults to about `shard_size`
    items each and never depends on the workers); `task` gets each shard's items as a list and must return one
    result per item, depending on nothing but its input (then 0, 1 or N workers give identical output, and a
    task re-run after a worker died gives the same result). `task` must be picklable when workers are used: a
    module-level function or a `functools.partial` of one. `workers=0` and no `scheduler` runs in this
    process; `workers=N` starts a local cluster of N processes for this call; `scheduler` uses a running one.
    """
    shards = make_shards(items, keys, n_shards or shard_count(len(items), shard_size))
    if scheduler is None and workers == 0:
        results = [task(list(s.items)) for s in shards]
    else:
        with dask_client(workers=workers, scheduler=scheduler) as client:
            results = _run_bounded(client, task, shards, name=name)
    return merge_in_input_order(shards, results, len(items))


def _run_bounded(client: Any, task: ShardTask[T, R], shards: Sequence[Shard[T]], *, name: str) -> list[Any]:
    """Each shard's results, with only a few shards per worker in flight at a time.

    Submitting every shard at once would keep all inputs and all results on the workers until the end, so a
    worker's memory would grow with the corpus; here each result is fetched and released as soon as it is done,
    so memory per worker stays that of a few shards however large the corpus.
    """
    import distributed

    as_completed: Any = distributed.as_completed  # untyped in dask's stubs
    run = uuid.uuid4().hex[:8]
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    waiting = iter(enumerate(shards))
    results: list[Any] = [None] * len(shards)
    position: dict[str, int] = {}

    def submit(numbered: tuple[int, Shard[T]]) -> Any:
        at, shard = numbered
        future = client.submit(task, list(shard.items), key=f"{name}-{shard.index:05d}-{run}", pure=False)
        position[future.key] = at
        return future

    in_flight = as_completed([submit(n) for n in itertools.islice(waiting, 2 * workers)])
    for future in in_flight:
        results[position.pop(future.key)] = future.result()
        future.release()
        following = next(waiting, None)
        if following is not None:
            in_flight.add(submit(following))
    return results


def merge_in_input_order(shards: Sequence[Shard[T]], results: Sequence[Sequence[R]], n_items: int) -> list[R]:
    """Put each shard's results back at its items' input positions."""
    out: list[Any] = [None] * n_items
    for shard, result in zip(shards, results, strict=True):
        if len(result) != len(shard.items):
            raise ValueError(f"shard {shard.index}: {len(result)} results for {len(shard.items)} items")
        for pos, value in zip(shard.positions, result, strict=True):
            out[pos] = value
    return out


@contextmanager
def dask_client(*, workers: int = 0, scheduler: str | None = None) -> Iterator[Any]:
    """A dask.distributed Client: on `scheduler` if given, else on a new local cluster of `workers` processes
    (one thread each; the tasks set their own library threads), closed on exit."""
    if workers < 0:
        raise UserError(E_OPTION, f"--workers must be 0 or more, not {workers}", "0 runs in this process")
    if scheduler is not None and workers:
        raise UserError(
            E_OPTION,
            "--workers and --scheduler were both given",
            "--workers N starts a local cluster; --scheduler ADDRESS uses a running one: give one of them",
        )
    try:
        dist: Any = importlib.import_module("distributed")
    except ImportError as exc:
        raise UserError(
            E_MISSING_PACKAGE,
            f"dask.distributed is not installed ({exc})",
            "pip install 'distributed' (or: pip install -e '.[nlp]'), or run without --workers/--scheduler",
        ) from exc
    if scheduler is not None:
        try:
            client = dist.Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise UserError(
                E_OPTION,
                f"could not reach the Dask scheduler at {scheduler} ({type(exc).__name__})",
                "start one with `dask scheduler` (workers: `dask worker ADDRESS`), or use --workers N for a local "
                "cluster",
            ) from exc
        try:
            yield client
        finally:
            client.close()
        return
    cluster = dist.LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    try:
        with dist.Client(cluster) as client:
            yield client
    finally:
        cluster.close()
