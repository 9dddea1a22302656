"""How often a generated query falls back to the executor: of the queries hypothesis-graphql
draws from schema.graphql that parse, validate and pass the limits, the share the compiler
has no plan for; and of those planned, how many this request's arguments send to the
executor all the same (`bind` refuses them: a malformed id or cursor, which the executor
reports, an outlet named in a filter). Needs no database (a plan and its binding depend on
the document and its arguments only).

    .venv/bin/python -m bench.fallback_rate [--examples 400]

Five draws: rooted at the compiler's first roots (fact, entity, articles), at refetching
by id (node, nodes), at search, at the other root connections (entities, facts, quotes,
figures, changes), and over every root field of Query.
"""

from __future__ import annotations

import argparse
from collections import Counter

from graphql import (
    FieldNode,
    GraphQLError,
    OperationDefinitionNode,
    parse,
    specified_rules,
    validate,
)
from hypothesis import HealthCheck, given, settings
from hypothesis_graphql import queries

from service.config import REPO_ROOT, Settings
from service.graphql import compiler
from service.graphql.limits import GraphQLLimits, check_cost
from service.graphql.schema import limited_schema

SDL = (REPO_ROOT / "schema.graphql").read_text(encoding="utf-8")
COMPILER_ROOTS = ["fact", "entity", "articles"]
NODE_ROOTS = ["node", "nodes"]
CONNECTION_ROOTS = ["entities", "facts", "quotes", "figures", "changes"]


def drawn(roots: list[str] | None, examples: int) -> list[str]:
    """The same `examples` queries every run (drawn before anything looks at them)."""
    found: list[str] = []

    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(query=queries(SDL, fields=roots))
    def draw(query: str) -> None:
        found.append(query)

    draw()
    return found


def rate(
    roots: list[str] | None, examples: int
) -> tuple[int, int, Counter[str], Counter[str], int]:
    """(queries served, of them left to the executor, root fields of those left, what in
    them the compiler refused: the first field or argument it met; and how many planned
    ones the executor answers for their arguments)."""
    limits = GraphQLLimits.from_settings(Settings(factdesk_load_seeds=False))
    schema = limited_schema(limits)._schema
    rules = [*specified_rules, *limits.validation_rules()]
    served, fell_back, unbound = 0, 0, 0
    left: Counter[str] = Counter()
    why: Counter[str] = Counter()
    for query in drawn(roots, examples):
        document = parse(query, max_tokens=limits.max_tokens)
        if validate(schema, document, rules):
            continue
        try:
            check_cost(
                schema, document, operation_name=None, variables={}, max_cost=limits.max_cost
            )
        except GraphQLError:
            continue
        served += 1
        plan = compiler.plan_of(limits, query, None, document)
        if plan is not None:
            unbound += compiler.bind(plan, schema, {}) is None
        else:
            fell_back += 1
            root = document.definitions[0]
            assert isinstance(root, OperationDefinitionNode)
            first = root.selection_set.selections[0]
            left[first.name.value if isinstance(first, FieldNode) else "fragment"] += 1
            why[compiler.refusal(document, None) or "arguments"] += 1
    return served, fell_back, left, why, unbound


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=400)
    args = parser.parse_args()
    draws = (
        ("compiler roots", COMPILER_ROOTS),
        ("node roots", NODE_ROOTS),
        ("search", ["search"]),
        ("root connections", CONNECTION_ROOTS),
        ("every root", None),
    )
    for title, roots in draws:
        served, fell_back, left, why, unbound = rate(roots, args.examples)
        share = fell_back / served if served else 0.0
        print(f"{title}: {served} served, {fell_back} to the executor ({share:.0%})")
        print("  left by root:", dict(left.most_common()))
        print("  refused for:", dict(why.most_common()))
        print(f"  planned, but these arguments to the executor: {unbound}")


if __name__ == "__main__":
    main()
