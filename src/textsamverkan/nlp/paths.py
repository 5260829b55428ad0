"""Where bundled models live: models/ at the repository root, found relative to this package.

The package sits at src/textsamverkan/ in the repository, so models/ is three levels up from this file's folder;
this works from a checkout and from an editable install. `TEXTSAMVERKAN_MODELS` overrides the folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from textsamverkan.errors import E_MODEL, UserError

SPACY_BUNDLED = "sv_core_textsamverkan"
STANZA_BUNDLED = "stanza_sv"


def models_dir() -> Path:
    """The models/ folder: $TEXTSAMVERKAN_MODELS if set, else <repo>/models (src/textsamverkan/../../models)."""
    env = os.environ.get("TEXTSAMVERKAN_MODELS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "models"


def bundled_model_path(name: str) -> Path:
    """The folder of the bundled model `name` under models/; UserError E402 when it is not there."""
    path = models_dir() / name
    if not path.is_dir():
        raise UserError(
            E_MODEL,
            f"bundled model '{name}' not found at {path}",
            "run from a full checkout of the repository (models/ is part of it), or set TEXTSAMVERKAN_MODELS "
            "to the folder that holds it",
        )
    return path
