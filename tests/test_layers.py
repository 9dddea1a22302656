"""Imports flow one way: REST and GraphQL are siblings over one core and never import each
other, and the core below them (ids, lookup, the response cache, db) imports neither.

Every import statement counts, wherever it is: at the top, inside a function, under
TYPE_CHECKING, relative or absolute."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from service.config import REPO_ROOT

SERVICE = REPO_ROOT / "service"
APIS = ("service.graphql", "service.rest", "service.desk")
# Modules (and packages) below both APIs: what GraphQL and REST share.
CORE = (
    "service.db",
    "service.ids",
    "service.lookup",
    "service.request_body",
    "service.response_cache",
    "service.conditional",
    "service.deadline",
    "service.relations",
    "service.computed",
)


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(
    source: str, module: str, *, is_package: bool = False
) -> Iterator[tuple[int, str]]:
    """(line, dotted name) of every module `source` imports, relative imports resolved
    against `module`; `from a import b` yields `a.b`, since b may be a module."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def offending_imports(importer: str, forbidden: tuple[str, ...]) -> list[str]:
    """`file:line imports name` for each import under `importer` of a `forbidden` package."""
    found = []
    for path in sorted(SERVICE.rglob("*.py")):
        module = module_name(path)
        if not within(module, importer):
            continue
        source = path.read_text(encoding="utf-8")
        is_package = path.name == "__init__.py"
        for line, name in imported_names(source, module, is_package=is_package):
            if any(within(name, bad) for bad in forbidden):
                found.append(f"{path.relative_to(REPO_ROOT)}:{line} imports {name}")
    return found


def test_rest_never_imports_graphql() -> None:
    assert offending_imports("service.rest", ("service.graphql",)) == []


def test_graphql_never_imports_rest() -> None:
    assert offending_imports("service.graphql", ("service.rest",)) == []


def test_the_core_imports_no_api() -> None:
    for core in CORE:
        assert offending_imports(core, APIS) == [], core


def test_every_core_module_exists() -> None:
    # A rename must not leave the core rule guarding nothing.
    for core in CORE:
        path = REPO_ROOT / Path(*core.split("."))
        assert path.is_dir() or path.with_suffix(".py").is_file(), core


def test_every_form_of_import_is_seen() -> None:
    source = """
import service.graphql.schema
from service import rest
from ..graphql.ids import encode_id

def late() -> None:
    from service.rest.params import page_params
"""
    names = [name for _, name in imported_names(source, "service.rest.articles")]
    assert names == [
        "service.graphql.schema",
        "service.rest",
        "service.graphql.ids.encode_id",
        "service.rest.params.page_params",
    ]
    package_names = imported_names("from . import x", "service.rest", is_package=True)
    assert [name for _, name in package_names] == ["service.rest.x"]
