"""Loading through the real spaCy and Stanza APIs, the backend registry and its errors, domain lemmas."""

from __future__ import annotations

from pathlib import Path

import pytest

from textsamverkan.errors import UserError
from textsamverkan.nlp.annotate import annotate_text
from textsamverkan.nlp.backend import backend_names, get_backend
from textsamverkan.nlp.paths import bundled_model_path
from textsamverkan.nlp.types import NlpBackend

REPO = Path(__file__).resolve().parents[2]


def lemmas(backend: NlpBackend, text: str) -> dict[str, str]:
    spans = annotate_text(text, [(0, len(text))], backend)
    return {text[s.start : s.end]: s.attrs["lemma"] for s in spans if s.layer == "token"}


def test_bundled_model_paths_are_found_from_the_repository() -> None:
    assert bundled_model_path("sv_core_textsamverkan") == REPO / "models" / "sv_core_textsamverkan"
    assert (bundled_model_path("stanza_sv") / "textsamverkan_stanza.json").is_file()
    with pytest.raises(UserError) as err:
        bundled_model_path("no_such_model")
    assert err.value.code == "E402"


def test_registry_names_and_unknown_backend() -> None:
    assert backend_names() == ["spacy", "stanza"]
    with pytest.raises(UserError) as err:
        get_backend("spcy")
    assert err.value.code == "E301"
    assert "Did you mean 'spacy'?" in err.value.message


def test_every_backend_in_the_table_names_a_factory_and_imports_no_model_library() -> None:
    import importlib
    import subprocess
    import sys

    from textsamverkan.nlp.backend import BACKENDS

    for name, (module_name, factory_name) in BACKENDS.items():
        assert callable(getattr(importlib.import_module(module_name), factory_name)), name
    # Importing every backend module (what `get_backend` does before creating one) loads neither spaCy nor Stanza.
    code = (
        "import sys, importlib\n"
        "from textsamverkan.nlp.backend import BACKENDS\n"
        "for module, _ in BACKENDS.values(): importlib.import_module(module)\n"
        "print(sorted(m for m in ('spacy', 'stanza', 'torch') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_spacy_loads_the_bundled_pipeline_with_the_real_api(spacy_default: NlpBackend) -> None:
    import spacy

    nlp = spacy_default.nlp  # type: ignore[attr-defined]
    assert isinstance(nlp, spacy.language.Language)
    assert spacy_default.info.model == "sv_core_textsamverkan"
    assert "senter" in nlp.pipe_names and "parser" not in nlp.pipe_names and "ner" not in nlp.pipe_names
    assert {"morphologizer", "trainable_lemmatizer"} <= set(nlp.pipe_names)
    assert spacy_default.info.options["lemma_fallback"] == "simplemma"


def test_spacy_unknown_model_is_a_user_error() -> None:
    with pytest.raises(UserError) as err:
        get_backend("spacy", "sv_core_news_xx_missing")
    assert err.value.code == "E402"
    assert "bundled" in err.value.hint


def test_stanza_is_a_real_pipeline(stanza_bundled: NlpBackend) -> None:
    import stanza

    assert isinstance(stanza_bundled.pipeline, stanza.Pipeline)  # type: ignore[attr-defined]
    assert {"tokenize", "lemma"} <= set(stanza_bundled.info.options["processors"])


def test_stanza_without_a_model_says_how_to_get_one(tmp_path: Path) -> None:
    with pytest.raises(UserError) as err:
        get_backend("stanza", str(tmp_path))
    assert err.value.code == "E402"
    assert f"stanza.download('sv', model_dir='{tmp_path}')" in err.value.hint


def test_spacy_ner_finds_people_places_and_organisations(
    spacy_default: NlpBackend, spacy_parser: NlpBackend
) -> None:
    text = "Smittskyddsläkaren Anna Svensson i Göteborg ringde till Socialstyrelsen i Stockholm."
    plain = annotate_text(text, [(0, len(text))], spacy_default)
    assert all(s.attrs["ent"] == "" for s in plain if s.layer == "token")  # NER is off by default
    spans = annotate_text(text, [(0, len(text))], spacy_parser)
    ents = {text[s.start : s.end]: s.attrs["ent"] for s in spans if s.layer == "token" and s.attrs["ent"]}
    assert ents == {
        "Anna": "B-PER",
        "Svensson": "I-PER",
        "Göteborg": "B-LOC",
        "Socialstyrelsen": "B-ORG",
        "Stockholm": "B-LOC",
    }


def test_spacy_ner_runs_before_the_parser(spacy_parser: NlpBackend) -> None:
    # spaCy's NER never lets an entity cross a sentence start: after the parser, a wrong boundary would cut a name
    # (klintan test F 71.9 with the NER after the parser in 0.1.0, 73.4 without the parser)
    names = spacy_parser.nlp.pipe_names  # type: ignore[attr-defined]
    assert names.index("ner") < names.index("parser")


@pytest.mark.parametrize("fixture", ["spacy_default", "stanza_bundled"])
def test_domain_lemmas(fixture: str, request: pytest.FixtureRequest) -> None:
    backend: NlpBackend = request.getfixturevalue(fixture)
    got = lemmas(backend, "Kommunerna köpte skyddsutrustningen till äldreboendena och hemtjänsten.")
    assert got["Kommunerna"] == "kommun"
    assert got["köpte"] == "köpa"
    assert got["skyddsutrustningen"] == "skyddsutrustning"
    assert got["äldreboendena"] == "äldreboende"
    assert got["hemtjänsten"] == "hemtjänst"
