"""The house rules for imports inside src/textsamverkan: no cycles between modules, no import from a layer above.

Imports are read from the source with `ast`: top-level ones and those inside functions (the lazy imports of heavy
or optional code), `TYPE_CHECKING` blocks included, and string literals that name a module of the package, because
the lazy tables (the readers' `FORMATS`, the NLP `BACKENDS`) load modules by their path and that dependency is real.
An import edge goes to the module named, not to the packages above it.

`LAYERS` below is the one place the layer order is written down (the README's layout section explains it).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

PACKAGE = "textsamverkan"
SRC = Path(__file__).resolve().parents[1] / "src"

# Bottom to top. A part is a subpackage or a top-level module of textsamverkan ("__init__" is the package's own
# __init__.py: the version). A module may import from its own part and from any part in a lower layer; parts that
# share a layer are siblings and import nothing from each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("__init__", "model", "errors", "hashing"),  # plain data, error codes, hashes: no I/O, no heavy imports
    ("settings",),  # the one table of settings (name, type, default, help, stage)
    ("store", "segment"),  # the only SQL; turns, speakers, passages, sentences of canonical text
    ("nlp", "embed"),  # model backends behind one interface each (spaCy/Stanza; sentence embedders)
    ("runner",),  # the stage runner: checks declared reads, records runs, publishes them atomically
    ("ingest",),  # files -> canonical documents with their segments, stored
    ("analysis",),  # rates, statistics, terms, speaker shares over stored documents
    ("themes", "claims", "export"),  # theme coding, claims and links, tables and files out
    ("coding", "pii", "distributed"),  # codings compared; personal data; sharded execution on Dask
    ("stages",),  # corpus stages: read layers from the store, call the library, write results
    ("search", "semantic_search", "demo"),  # use cases the CLI calls besides the stages
    ("cli",),  # thin click commands
)

# Imports that break the layer rule today and are being removed; each says why it is tolerated. An entry that no
# longer matches an import fails `test_known_exceptions_are_still_needed`: delete it then.
KNOWN_UPWARD: dict[tuple[str, str], str] = {}


def package_modules(src: Path = SRC, package: str = PACKAGE) -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name), with its file."""
    modules: dict[str, Path] = {}
    for path in sorted((src / package).rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _closest_module(name: str, modules: Mapping[str, Path]) -> str | None:
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(module: str, path: Path, modules: Mapping[str, Path]) -> set[str]:
    """The package's modules that `module` imports anywhere in its source (see the module docstring)."""
    is_package = path.name == "__init__.py"
    found: set[str | None] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(_closest_module(alias.name, modules) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = module.split(".") if is_package else module.split(".")[:-1]
                here = here[: len(here) - node.level + 1]
                base = ".".join([*here, base] if base else here)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in modules else _closest_module(base, modules))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in modules:
            found.add(node.value)
    return {m for m in found if m is not None and m != module}


def import_graph(src: Path = SRC, package: str = PACKAGE) -> dict[str, set[str]]:
    modules = package_modules(src, package)
    return {module: imports_of(module, path, modules) for module, path in modules.items()}


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, list[str]]] = [(root, sorted(graph.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, todo = work[-1]
            if todo:
                nxt = todo.pop()
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, sorted(graph.get(nxt, ()))))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def part_of(module: str) -> str:
    """The layer part of a module: "textsamverkan.nlp.backend" -> "nlp", "textsamverkan" -> "__init__"."""
    names = module.split(".")
    return names[1] if len(names) > 1 else "__init__"


def layer_of() -> dict[str, int]:
    return {part: level for level, parts in enumerate(LAYERS) for part in parts}


def layer_violations(graph: Mapping[str, Iterable[str]]) -> list[tuple[str, str]]:
    """(importer, imported) pairs where the imported module's part is in the same layer or above, not the same part."""
    levels = layer_of()
    bad = []
    for module, imported in sorted(graph.items()):
        for other in sorted(imported):
            a, b = part_of(module), part_of(other)
            if a != b and levels[b] >= levels[a]:
                bad.append((module, other))
    return bad


GRAPH = import_graph()


def test_the_walker_sees_function_level_imports_lazy_tables_and_relative_imports(tmp_path: Path) -> None:
    assert "textsamverkan.distributed.tasks" in GRAPH["textsamverkan.stages.annotate"]  # inside a function
    assert "textsamverkan.nlp.spacy_backend" in GRAPH["textsamverkan.nlp.backend"]  # by path in BACKENDS
    assert "textsamverkan.ingest.readers.pdf" in GRAPH["textsamverkan.ingest.readers"]  # by path in FORMATS
    assert "textsamverkan.store" in GRAPH["textsamverkan.demo"]  # a package's __init__ when a name is imported
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("from . import a\n")
    (pkg / "sub" / "a.py").write_text("def f():\n    from ..b import g\n")
    (pkg / "b.py").write_text("from pkg.sub import a\n")
    graph = import_graph(tmp_path, "pkg")
    assert graph["pkg.sub"] == {"pkg.sub.a"} and graph["pkg.sub.a"] == {"pkg.b"} and graph["pkg.b"] == {"pkg.sub.a"}
    assert cycles(graph) == [["pkg.b", "pkg.sub.a"]]


def test_no_import_cycles_between_modules() -> None:
    found = cycles(GRAPH)
    described = [
        "; ".join(f"{m} -> {', '.join(sorted(set(GRAPH[m]) & set(c)))}" for m in c) for c in found
    ]
    assert not found, "import cycles (break each: move the shared types down, or dispatch from a module above):\n" + (
        "\n".join(described)
    )


def test_every_part_of_the_package_has_a_layer() -> None:
    levels = layer_of()
    unplaced = sorted({part_of(m) for m in GRAPH} - set(levels))
    assert not unplaced, f"add {unplaced} to LAYERS in tests/test_architecture.py (and to the README's layout)"
    assert len(levels) == sum(len(parts) for parts in LAYERS), "a part is named in two layers"


def test_no_module_imports_from_its_own_layer_or_above() -> None:
    levels = layer_of()
    bad = [
        f"{a} ({part_of(a)}, layer {levels[part_of(a)]}) imports {b} ({part_of(b)}, layer {levels[part_of(b)]})"
        for a, b in layer_violations(GRAPH)
        if (a, b) not in KNOWN_UPWARD
    ]
    assert not bad, "imports against the layer order (move the shared code down, or the importer up):\n" + "\n".join(
        bad
    )


def test_known_exceptions_are_still_needed() -> None:
    still = set(layer_violations(GRAPH))
    stale = [pair for pair in KNOWN_UPWARD if pair not in still]
    assert not stale, f"these imports are gone or allowed now; delete them from KNOWN_UPWARD: {stale}"
