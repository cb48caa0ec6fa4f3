"""The layering of STYLE.md: imports go down, and each third-party library has one owner."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kg

PACKAGE = Path(kg.__file__).resolve().parent

# a module may import the kg modules of lower layers only (same layer: siblings never import each other)
LAYERS = [
    {"errors"},
    {"model"},
    {"vocab", "lexicon"},
    {"writer"},
    {"sparql", "endpoint", "store", "evaluate", "runner", "cluster"},
    {"shacl"},
    {"reviews", "extract", "link", "emit", "lineage", "server", "explain"},
    {"render"},
    {"pipeline"},
    {"cli"},
    {"__main__"},
]
OWNERS = {  # third-party library -> the kg modules allowed to import it
    "click": {"cli"},
    "SPARQLWrapper": {"endpoint"},
    "networkx": {"lineage"},
    "pyvis": {"render"},
    "pyshacl": {"shacl"},
    "dask": {"cluster"},
    "distributed": {"cluster"},
}


def _layer(name: str) -> int:
    top = name.split(".")[0]
    for i, layer in enumerate(LAYERS):
        if top in layer:
            return i
    raise AssertionError(f"module kg.{name} is in no layer of tests/test_layers.py")


def _modules() -> list[tuple[str, ast.Module]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).with_suffix("")
        name = ".".join(p for p in rel.parts if p != "__init__") or "__init__"
        out.append((name, ast.parse(path.read_text(encoding="utf-8"))))
    return out


def _imports(tree: ast.Module) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("name,tree", _modules(), ids=lambda v: v if isinstance(v, str) else "")
def test_imports_go_down(name: str, tree: ast.Module) -> None:
    if name == "__init__":
        return  # the public API re-exports every layer
    mine = _layer(name)
    top = name.split(".")[0]
    for imported in _imports(tree):
        if imported.startswith("kg."):
            other = imported.split(".")[1]
            if other == top:
                continue  # inside one package (kg.extract.films -> kg.extract.text)
            assert _layer(other) < mine, f"kg.{name} imports {imported}, which is not below it"
        root = imported.split(".")[0]
        if root in OWNERS:
            assert top in OWNERS[root], f"kg.{name} imports {root}; only {OWNERS[root]} may"


def test_no_module_grows_past_600_lines() -> None:
    long = {p.name: n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text().splitlines())) > 650}
    assert not long, f"modules over ~600 lines: {long}"
