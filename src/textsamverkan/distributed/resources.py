"""Models and other heavy objects loaded once per process and kept, so a worker pays a model load once, not
once per shard."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

R = TypeVar("R")

_RESOURCES: dict[str, Any] = {}
_LOCK = threading.Lock()


def process_resource(key: str, factory: Callable[[], R]) -> R:
    """The object stored under `key` in this process, made by `factory()` the first time it is asked for.

    `key` must say everything the object depends on (e.g. "embedder:e5-small-sv:threads=1").
    """
    with _LOCK:
        if key not in _RESOURCES:
            _RESOURCES[key] = factory()
        value: R = _RESOURCES[key]
        return value


def clear_process_resources() -> None:
    """Forget every resource of this process (tests; freeing memory between stages)."""
    with _LOCK:
        _RESOURCES.clear()
