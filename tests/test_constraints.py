"""The lock: constraints.txt pins every dependency pyproject.toml names, at a version pyproject allows, and the
environment the tests run in is the locked one, so two machines that run `make test` code a corpus alike."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]


def _declared() -> list[Requirement]:
    """Every requirement of pyproject.toml: the core dependencies and each extra's."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        lines.extend(extra)
    return [Requirement(line) for line in lines]


def _pins() -> dict[str, Version]:
    """constraints.txt as name → pinned version; every line that is not a comment must be an exact pin."""
    pins: dict[str, Version] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, sep, version = line.partition("==")
        assert sep and version.strip(), f"not an exact pin: {line!r}"
        pins[canonicalize_name(name)] = Version(version.strip())
    return pins


def test_every_declared_dependency_is_pinned_at_a_version_pyproject_allows() -> None:
    pins = _pins()
    for requirement in _declared():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is in pyproject.toml but not in constraints.txt: run `make lock`"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"constraints.txt pins {requirement.name}=={pins[name]}, which pyproject.toml's {requirement} excludes"
        )


def test_the_test_environment_is_the_locked_one() -> None:
    """A package at another version than the lock means `make venv` did not install from it (or the lock is stale)."""
    differ = []
    for name, pinned in _pins().items():
        try:
            installed = Version(metadata.version(name))
        except metadata.PackageNotFoundError:
            differ.append(f"{name}: pinned {pinned}, not installed")
            continue
        if installed.public != pinned.public:
            differ.append(f"{name}: pinned {pinned}, installed {installed}")
    assert not differ, "the environment differs from constraints.txt: " + "; ".join(differ)
