"""Run a pure per-shard function over hash-partitioned shards: in this process, on a local Dask cluster, or on
an existing Dask scheduler; the results come back in input order whatever ran them."""

from __future__ import annotations

import importlib
import itertools
import logging
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from textsamverkan.distributed.shards import DEFAULT_SHARD_SIZE, Shard, make_shards, shard_count
from textsamverkan.errors import E_MISSING_PACKAGE, E_OPTION, UserError

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

# Worker housekeeping that competes with a pure-Python task for the GIL, for a dashboard a local run never shows:
# the statistical profiler samples the task's stack every 10 ms (10-15 % of its time) and the event loop wakes every
# 20 ms to check its own health; the memory and system monitors poll several times a second. And glibc's default
# trim threshold instead of Dask's 64 KiB: with it, workers handed memory back to the system after every spaCy batch
# and took it again (a third of annotate's CPU time went to the kernel).
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.tick.limit": "30s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}
BLOCK_SHARDS = 8  # shards per block a runner takes from its input at a time (at least two per worker)

ShardTask = Callable[..., Sequence[R]]  # (a shard's payloads, **shared) -> one result per payload


def run_sharded(
    task: ShardTask[R],
    items: Sequence[T],
    keys: Sequence[str],
    *,
    shard_size: int = DEFAULT_SHARD_SIZE,
    workers: int = 0,
    scheduler: str | None = None,
    name: str = "shard",
) -> list[R]:
    """`task` applied to every item, one result per item in input order, on a runner made for this call (see
    `ShardRunner.stream`)."""
    with shard_runner(workers=workers, scheduler=scheduler) as runner:
        return runner.map(task, items, keys, shard_size=shard_size, name=name)


class ShardRunner:
    """Runs shard tasks in this process (no client) or on a Dask client that stays open for many calls, so a stage
    can feed a cluster block by block without starting it again (workers keep their loaded models)."""

    def __init__(self, client: Any | None = None) -> None:
        self.client = client
        self.workers = len(client.scheduler_info().get("workers", {})) if client is not None else 0

    def call(self, function: Callable[..., R], *args: Any) -> R:
        """`function(*args)` run once where the tasks run (a worker, or this process): e.g. to learn about a model
        from the process that loads it for the work anyway."""
        if self.client is None:
            return function(*args)
        result: R = self.client.submit(function, *args, pure=False).result()
        return result

    def map(
        self,
        task: ShardTask[R],
        items: Sequence[T],
        keys: Sequence[str],
        *,
        shard_size: int = DEFAULT_SHARD_SIZE,
        name: str = "shard",
    ) -> list[R]:
        """`task` over `items` (item n has key `keys[n]`), one result per item in input order."""
        if len(items) != len(keys):
            raise ValueError(f"{len(items)} items but {len(keys)} keys")
        numbered = self.stream(
            task, range(len(items)), payload=items.__getitem__, key=keys.__getitem__, shard_size=shard_size, name=name
        )
        return [result for _, result in numbered]

    def stream(
        self,
        task: ShardTask[R],
        items: Iterable[S],
        *,
        payload: Callable[[S], T],
        key: Callable[[S], str],
        shard_size: int = DEFAULT_SHARD_SIZE,
        name: str = "shard",
        shared: Mapping[str, Any] | None = None,
    ) -> Iterator[tuple[S, R]]:
        """Each item with `task`'s result for `payload(item)`, in input order, reading `items` lazily.

        Items are taken a block at a time (`BLOCK_SHARDS` shards, or two per worker on a larger cluster) and cut
        into shards by `key` (`shards.make_shards`: the same key lands in the same shard of its block). `task` gets
        a shard's payloads as a list and returns one result per payload, depending on nothing but its input: then
        0, 1 or N workers give identical output, and a task re-run after a worker died gives the same result. With
        a client, the next block is on the workers while the caller consumes this one (reading the next inputs and
        writing these results overlap the work), and at most two blocks are held anywhere, so memory stays that of
        a few shards however large the corpus. `task` must be picklable then: a module-level function or a
        `functools.partial` of one. `shared`: keyword arguments every shard gets (a fitted model, say), sent to each
        worker once rather than with every shard.
        """
        block = shard_size * max(BLOCK_SHARDS, 2 * self.workers)
        run = uuid.uuid4().hex[:8]
        extra = dict(shared or {})
        if self.client is not None and extra:
            extra = {k: self.client.scatter(v, broadcast=True, hash=False) for k, v in extra.items()}
        pending: _Started[S, R] | None = None
        for number, chunk in enumerate(_batched(items, block)):
            started = self._start(task, chunk, payload, key, shard_size, f"{name}-{run}-{number:06d}", extra)
            if pending is not None:
                yield from self._finish(pending)
            pending = started
        if pending is not None:
            yield from self._finish(pending)

    def _start(
        self,
        task: ShardTask[R],
        chunk: list[S],
        payload: Callable[[S], T],
        key: Callable[[S], str],
        shard_size: int,
        prefix: str,
        shared: dict[str, Any],
    ) -> _Started[S, R]:
        shards = make_shards([payload(x) for x in chunk], [key(x) for x in chunk], shard_count(len(chunk), shard_size))
        if self.client is None:
            return _Started(chunk, shards, [task(list(s.items), **shared) for s in shards])
        futures = [
            self.client.submit(task, list(s.items), key=f"{prefix}-{s.index:05d}", pure=False, **shared)
            for s in shards
        ]
        return _Started(chunk, shards, futures)

    def _finish(self, started: _Started[S, R]) -> Iterator[tuple[S, R]]:
        results = started.outcome
        if self.client is not None:
            results = self.client.gather(started.outcome)
            for future in started.outcome:
                future.release()
        merged = merge_in_input_order(started.shards, results, len(started.chunk))
        started.outcome = []
        yield from zip(started.chunk, merged, strict=True)


@dataclass
class _Started(Generic[S, R]):
    """A block handed to the runner: its items, its shards, and their results (in process) or futures."""

    chunk: list[S]
    shards: list[Shard[Any]]
    outcome: list[Any]


def _batched(items: Iterable[S], size: int) -> Iterator[list[S]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


@contextmanager
def shard_runner(*, workers: int = 0, scheduler: str | None = None) -> Iterator[ShardRunner]:
    """A runner in this process (`workers=0`, no `scheduler`), on a local cluster of `workers` processes started
    for the block, or on the running scheduler at `scheduler`."""
    if scheduler is None and workers == 0:
        yield ShardRunner()
        return
    with dask_client(workers=workers, scheduler=scheduler) as client:
        yield ShardRunner(client)


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
    import dask

    with dask.config.set(QUIET_WORKERS):
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
