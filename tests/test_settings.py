"""The settings table drives the options, the validation, the run records and the README's option tables."""

from __future__ import annotations

import importlib.util
import re

import pytest
from click.testing import CliRunner

from paths import REPO
from textsamverkan.cli.main import cli
from textsamverkan.errors import UserError
from textsamverkan.settings import SETTINGS, TABLE_STAGES, resolve, settings_for


def _readme_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("readme_settings", REPO / "scripts" / "readme_settings.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_option_tables_are_the_generated_ones() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert _readme_script().with_tables(readme) == readme, "run `python scripts/readme_settings.py`"
    for stage in TABLE_STAGES:
        assert f"<!-- settings:{stage} -->" in readme


COMMAND_STAGES = ["ingest", "annotate", "embed", "themes", "claims", "link", "compare", "export", "report", "search"]


@pytest.mark.parametrize("stage", COMMAND_STAGES)
def test_every_setting_of_a_stage_is_an_option_of_its_command(stage: str) -> None:
    help_text = CliRunner().invoke(cli, [stage, "--help"], terminal_width=200).output
    for s in settings_for(stage):
        assert re.search(rf"{re.escape(s.option)}\b", help_text), f"{stage} --help lacks {s.option}"


def test_each_setting_is_declared_once_per_stage() -> None:
    seen = [(stage, s.option) for s in SETTINGS for stage in s.stages]
    assert len(seen) == len(set(seen))


def test_resolve_fills_defaults_and_refuses_bad_values() -> None:
    resolved = resolve("themes", {"min_topic_size": 12})
    assert resolved["min_topic_size"] == 12 and resolved["topics"] is True and resolved["topic_seed"] == 42
    with pytest.raises(UserError, match="Did you mean 'min_topic_size'"):
        resolve("themes", {"min_topic_sise": 3})
    with pytest.raises(UserError, match="at least 2"):
        resolve("themes", {"min_topic_size": 1})
    with pytest.raises(UserError, match="one of spacy, stanza"):
        resolve("annotate", {"nlp": "nltk"})
    with pytest.raises(UserError, match="takes a int, not"):
        resolve("themes", {"min_topic_size": "many"})


def test_repeated_settings_resolve_to_tuples() -> None:
    assert resolve("ingest", {"where": ["text~vård", "region=Skåne"]})["where"] == ("text~vård", "region=Skåne")
    assert resolve("ingest", {})["where"] == () and resolve("ingest", {})["turns"] is True
