"""What a coding run keeps of its codebook, and the codebook read back from a run: so every reader (exports,
report, agreement, claims) uses the codebook that made the coding, not whatever codebook is the default today."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textsamverkan.model import RunRecord


def codebook_record(codebook: Any, source: Path | None) -> dict[str, Any]:
    """Where the codebook came from, its name and its full content."""
    from textsamverkan.themes.codebook import dump_codebook

    return {"source": str(source or "default"), "name": codebook.name, "yaml": dump_codebook(codebook)}


def run_codebook(run: RunRecord) -> Any:
    """The codebook a coding run used, from the run's own record."""
    from textsamverkan.themes.codebook import load_default_codebook, parse_codebook

    kept = run.manifest.get("codebook")
    if not kept:
        return load_default_codebook()
    return parse_codebook(kept["yaml"], source=f"the codebook kept with run {run.run_id}")
