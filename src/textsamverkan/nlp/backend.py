"""Pick an NLP backend by name: a static table from short names ("spacy", "stanza") to the module that builds it.

The CLI's `--nlp` option and stored runs name backends; a backend module is imported only when its backend is
created, so spaCy and Stanza cost nothing until then (the same pattern as the readers' `FORMATS`). Backend modules
depend on `nlp.types` only, never on this table, so adding one is a line here and a module there.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from textsamverkan.errors import E_OPTION, UserError, did_you_mean
from textsamverkan.nlp.types import NlpBackend

BackendFactory = Callable[..., NlpBackend]

# backend name -> (module, factory function in it): factory(model: str | None, **options) -> NlpBackend
BACKENDS: dict[str, tuple[str, str]] = {
    "spacy": ("textsamverkan.nlp.spacy_backend", "create_spacy_backend"),
    "stanza": ("textsamverkan.nlp.stanza_backend", "create_stanza_backend"),
}


def backend_names() -> list[str]:
    """The names `get_backend` accepts, sorted."""
    return sorted(BACKENDS)


def get_backend(name: str, model: str | None = None, **options: Any) -> NlpBackend:
    """Create the backend called `name`, loading `model` (a name or path; None: the backend's default).

    Options are passed to the backend (e.g. `parser=True` for spaCy). An unknown name raises UserError E301.
    """
    if name not in BACKENDS:
        raise UserError(
            E_OPTION,
            f"unknown NLP backend '{name}'.{did_you_mean(name, BACKENDS)}",
            f"choose one of: {', '.join(backend_names())}",
        )
    module_name, factory_name = BACKENDS[name]
    factory: BackendFactory = getattr(importlib.import_module(module_name), factory_name)
    return factory(model, **options)
