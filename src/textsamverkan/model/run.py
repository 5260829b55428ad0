"""A run as stored: the unit of a result, with what made it (settings, versions, inputs) and where it stands."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

RUNNING = "running"
COMPLETE = "complete"
FAILED = "failed"
ALL_SCOPE = "*"


@dataclass(frozen=True)
class RunRecord:
    """One run of a stage over a scope (a corpus, or `*` for the whole database).

    `manifest` holds everything that made the run: resolved settings, package and model versions, the codebook's
    full content where a codebook was used, the runs of other stages it read, and its summary once finished.
    """

    run_id: str
    stage: str
    scope: str
    status: str
    started_at: str
    finished_at: str | None = None
    manifest: dict[str, Any] = field(default_factory=dict)

    @property
    def corpus(self) -> str | None:
        """The corpus the run covered, or None for the whole database."""
        return None if self.scope == ALL_SCOPE else self.scope

    @property
    def settings(self) -> dict[str, Any]:
        return dict(self.manifest.get("settings", {}))

    @property
    def input_runs(self) -> dict[str, str]:
        """The runs of other stages this run read, by stage."""
        return dict(self.manifest.get("input_runs", {}))

    def describe(self) -> str:
        """'themes run 20261202-… (corpus seeds, finished 2026-12-02T10:00:00+00:00)' for messages."""
        scope = "all corpora" if self.scope == ALL_SCOPE else f"corpus {self.scope}"
        when = f"finished {self.finished_at}" if self.finished_at else f"started {self.started_at}"
        return f"{self.stage} run {self.run_id} ({scope}, {when})"
