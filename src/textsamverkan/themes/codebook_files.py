"""Load a codebook file of either format, chosen by suffix: YAML (`codebook.py`) or REFI-QDA QDC (`qdc.py`).

This sits above both format modules so neither needs the other for loading: `qdc` builds on `codebook`'s types
and default codebook, and only this module knows that a `.qdc` path goes to `qdc`.
"""

from __future__ import annotations

from pathlib import Path

from textsamverkan.errors import E_NOT_FOUND, UserError
from textsamverkan.themes.codebook import Codebook, parse_codebook
from textsamverkan.themes.qdc import read_qdc


def load_codebook(path: str | Path) -> Codebook:
    """Load and validate a codebook file: YAML (.yaml/.yml) or REFI-QDA codebook XML (.qdc)."""
    p = Path(path)
    if not p.is_file():
        raise UserError(E_NOT_FOUND, f"codebook file {p} does not exist",
                        "give the path of a .yaml or .qdc codebook, or leave the option out for the default")
    if p.suffix.lower() == ".qdc":
        return read_qdc(p)
    return parse_codebook(p.read_text(encoding="utf-8"), source=str(p))
