"""schema.graphql is generated from the code and contains the whole public contract."""

from __future__ import annotations

import pytest
from graphql import GraphQLSchema, build_schema

from service.config import REPO_ROOT
from service.graphql.schema import export_schema

CONTRACT = REPO_ROOT.parent / "shared" / "design" / "api-contract.graphql"
REGENERATE = "regenerate with: scripts/factdesk export-schema"


def test_schema_file_is_fresh() -> None:
    committed = (REPO_ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert committed == export_schema(), f"schema.graphql is stale; {REGENERATE}"


def _contract_differences(contract: GraphQLSchema, ours: GraphQLSchema) -> list[str]:
    problems = []
    for name, ctype in contract.type_map.items():
        if name.startswith("__"):
            continue
        otype = ours.type_map.get(name)
        if otype is None:
            problems.append(f"type {name} missing")
            continue
        if type(otype) is not type(ctype):
            problems.append(
                f"{name} is a {type(otype).__name__}, contract says {type(ctype).__name__}"
            )
        cfields = getattr(ctype, "fields", {})
        ofields = getattr(otype, "fields", {})
        for fname, cfield in cfields.items():
            ofield = ofields.get(fname)
            if ofield is None:
                problems.append(f"{name}.{fname} missing")
                continue
            if str(ofield.type) != str(cfield.type):
                problems.append(f"{name}.{fname}: {ofield.type} != {cfield.type}")
            for aname, carg in getattr(cfield, "args", {}).items():
                oarg = ofield.args.get(aname)
                if oarg is None or str(oarg.type) != str(carg.type):
                    problems.append(f"{name}.{fname}({aname}) differs")
        for value in getattr(ctype, "values", {}):
            if value not in getattr(otype, "values", {}):
                problems.append(f"{name}.{value} missing")
        for member in getattr(ctype, "types", []):
            if member.name not in {t.name for t in getattr(otype, "types", [])}:
                problems.append(f"{name} lacks member {member.name}")
        for iface in getattr(ctype, "interfaces", []):
            if iface.name not in {i.name for i in getattr(otype, "interfaces", [])}:
                problems.append(f"{name} does not implement {iface.name}")
    return problems


@pytest.mark.skipif(not CONTRACT.exists(), reason="../shared/design is not beside this clone")
def test_schema_contains_the_contract() -> None:
    contract = build_schema(CONTRACT.read_text(encoding="utf-8"))
    ours = build_schema(export_schema())
    assert _contract_differences(contract, ours) == []


def test_contract_check_notices_a_missing_field() -> None:
    contract = build_schema("type Query { a: Int! b: String }")
    ours = build_schema("type Query { a: Int }")
    assert _contract_differences(contract, ours) == ["Query.a: Int != Int!", "Query.b missing"]
