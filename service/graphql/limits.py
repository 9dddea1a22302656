"""GraphQL limits against hostile or careless queries, checked before any SQL runs.

- depth, aliases and introspection: graphql-core validation rules, built once per schema
  (so strawberry's ValidationCache, keyed by document and rule classes, keeps hitting);
- tokens: graphql-core's parser `max_tokens`, passed through strawberry's parse options
  (part of the ParserCache key);
- `first`: 0..100 on every connection. Out of range is an error, not a silent clamp: a
  client asking for 500 and getting 100 would believe it has everything;
- cost, GitHub-style: the nodes a query may return, page sizes multiplied along each path,
  computed from the parsed document and the request's variables before execution.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInt,
    GraphQLSchema,
    InlineFragmentNode,
    NoSchemaIntrospectionCustomRule,
    OperationDefinitionNode,
    SelectionSetNode,
    Undefined,
    ValidationContext,
    ValidationRule,
    get_named_type,
    get_nullable_type,
    is_leaf_type,
    is_list_type,
    value_from_ast,
)
from graphql import ExecutionResult as GraphQLExecutionResult
from graphql.execution.values import get_variable_values
from graphql.type.definition import GraphQLNamedType
from graphql.validation import ASTValidationRule
from strawberry.extensions import SchemaExtension

from service.config import Settings
from service.db.paging import DEFAULT_PAGE, MAX_PAGE
from service.graphql.errors import BAD_USER_INPUT

# Every list of objects says how many items it returns: a connection's page (`first` or
# `last`, default 20), a plain list's `first` (default in the schema: Article.quotes 100,
# Entity.facts 20, ...), `nodes(ids:)` its ids. A list that said nothing would be counted
# as the largest page; tests/graphql/test_limits.py checks that none is left. (Plain lists
# were counted as 5 items: articles -> mentions -> article -> mentions ... returned
# 204,000 nodes, 20.7 MB, for a cost of 780.)
PAGE_SIZES = ("first", "last")  # the arguments that say how many items a list returns
# Leaves are free, as a node's worth of text, except those that can be a whole article:
# twenty aliases of `body` on a page of articles cost nothing and returned 20.8 MB. (A
# response that is still too large meets FACTDESK_GRAPHQL_MAX_RESPONSE_BYTES.) The lines
# intake removed can be as long as the story.
LEAF_COSTS = {"Article.body": 50, "Article.removedLines": 50, "Publication.removedLines": 50}


@dataclass(frozen=True, slots=True)
class GraphQLLimits:
    max_depth: int = 12
    max_tokens: int = 2000
    max_aliases: int = 20
    max_cost: int = 25_000
    introspection: bool = True
    suggestions: bool = True
    debug: bool = False

    @classmethod
    def from_settings(cls, settings: Settings) -> GraphQLLimits:
        return cls(
            max_depth=settings.factdesk_graphql_max_depth,
            max_tokens=settings.factdesk_graphql_max_tokens,
            max_aliases=settings.factdesk_graphql_max_aliases,
            max_cost=settings.factdesk_graphql_max_cost,
            introspection=settings.factdesk_graphql_introspection,
            suggestions=settings.factdesk_graphql_suggestions,
            debug=settings.factdesk_debug,
        )

    def validation_rules(self) -> tuple[type[ASTValidationRule], ...]:
        """The extra rule classes; call once per schema and reuse the tuple for every request."""
        rules: list[type[ASTValidationRule]] = [_shape_rule(self.max_depth, self.max_aliases)]
        if not self.introspection:
            rules.append(NoSchemaIntrospectionCustomRule)
        return tuple(rules)


def _shape_rule(max_depth: int, max_aliases: int) -> type[ASTValidationRule]:
    """Depth and aliases, measured in one pass linear in the document.

    Same numbers and messages as strawberry's QueryDepthLimiter and MaxAliasesLimiter, but
    each fragment is measured once and remembered: theirs follow every spread again, so 21
    fragments each spreading the next twice took 2^21 walks (10 s on the event loop)."""

    class DocumentShape(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            shape = _Shape(context.document)
            aliases = 0
            for operation in shape.operations:
                depth, count = shape.selection_set(operation.selection_set)
                aliases += count
                # A field nested under `depth - 1` others; strawberry's rule counts those.
                if depth - 1 > max_depth:
                    name = operation.name.value if operation.name else "anonymous"
                    context.report_error(
                        GraphQLError(
                            f"'{name}' exceeds maximum operation depth of {max_depth}",
                            operation,
                            extensions={"code": "query_too_deep", "maxDepth": max_depth},
                        )
                    )
            if aliases > max_aliases:
                context.report_error(
                    GraphQLError(
                        f"{aliases} aliases found. Allowed: {max_aliases}",
                        extensions={"code": "too_many_aliases", "maxAliases": max_aliases},
                    )
                )

    return DocumentShape


class _Shape:
    """Per selection set: the deepest chain of fields, and the aliases it returns.

    A spread counts its fragment's numbers (so a fragment spread twice counts its aliases
    twice), computed once per fragment. A spread of a fragment still being measured (a
    cycle) or of an unknown one counts nothing: graphql-core's own rules report both."""

    def __init__(self, document: DocumentNode) -> None:
        self.operations = [
            d for d in document.definitions if isinstance(d, OperationDefinitionNode)
        ]
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.measured: dict[str, tuple[int, int]] = {}
        self.measuring: set[str] = set()

    def selection_set(self, node: SelectionSetNode | None) -> tuple[int, int]:
        depth, aliases = 0, 0
        for selection in node.selections if node else ():
            if isinstance(selection, FieldNode):
                here, count = 1, 1 if selection.alias else 0
                # Introspection (`__schema { ... }`) is not measured below its first field.
                if selection.selection_set and not selection.name.value.startswith("__"):
                    below, below_aliases = self.selection_set(selection.selection_set)
                    here += below
                    count += below_aliases
                elif selection.selection_set:
                    count += self.selection_set(selection.selection_set)[1]
            elif isinstance(selection, InlineFragmentNode):
                here, count = self.selection_set(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                here, count = self.fragment(selection.name.value)
            else:  # pragma: no cover - the three kinds of selection
                continue
            depth = max(depth, here)
            aliases += count
        return depth, aliases

    def fragment(self, name: str) -> tuple[int, int]:
        known = self.measured.get(name)
        if known is not None:
            return known
        fragment = self.fragments.get(name)
        if fragment is None or name in self.measuring:
            return 0, 0
        self.measuring.add(name)
        self.measured[name] = self.selection_set(fragment.selection_set)
        self.measuring.discard(name)
        return self.measured[name]


def limits_extension(limits: GraphQLLimits) -> type[SchemaExtension]:
    """A per-request extension class closing over rules built here, once."""
    rules = limits.validation_rules()

    class Limits(SchemaExtension):
        def on_operation(self) -> Iterator[None]:
            context = self.execution_context
            context.parse_options["max_tokens"] = limits.max_tokens
            context.validation_rules = context.validation_rules + rules
            yield

        def on_execute(self) -> Iterator[None]:
            # After validation (the document is well formed), before any resolver runs.
            context = self.execution_context
            assert context.graphql_document is not None
            try:
                check_cost(
                    context.schema._schema,
                    context.graphql_document,
                    operation_name=context.operation_name,
                    variables=context.variables or {},
                    max_cost=limits.max_cost,
                    hide_suggestions=not limits.suggestions,
                )
            except GraphQLError as error:
                # A result set here makes strawberry skip execution altogether.
                context.result = GraphQLExecutionResult(data=None, errors=[error])
            yield

    return Limits


def check_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    *,
    operation_name: str | None,
    variables: Mapping[str, Any],
    max_cost: int,
    hide_suggestions: bool = False,
) -> int:
    """The most nodes the operation can return; GraphQLError when over `max_cost`, when a
    `first` is out of range or when the variables do not fit their declared types.

    The variables are coerced as execution will coerce them (defaults included) before
    anything is counted, so `query($n: Int = 1000)` is checked as `first: 1000`."""
    operation = _operation(document, operation_name)
    if operation is None:
        return 0
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    coerced = get_variable_values(
        schema,
        operation.variable_definitions or (),
        dict(variables),
        max_errors=1,
        hide_suggestions=hide_suggestions,
    )
    if isinstance(coerced, list):
        error = coerced[0]
        raise GraphQLError(error.message, error.nodes, extensions={"code": BAD_USER_INPUT})
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    walk = _CostWalk(schema, fragments, coerced.coerced, max_cost)
    total = walk.selection_set(operation.selection_set, root)
    if total > max_cost:
        raise _too_costly(total, max_cost)
    return total


def _operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name and o.name.value == name), None)


class _CostWalk:
    """Cost per selection set for one item of its parent; a nested set's cost is multiplied
    by its field's page size. Cost is linear in that multiplier, so each fragment is costed
    once and remembered: the walk is linear in the document however often spreads repeat.
    Sums saturate just above `max_cost`, which keeps the numbers small (and the answer)."""

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        variables: dict[str, Any],
        max_cost: int,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.cap = max_cost + 1
        self.costed: dict[str, int] = {}
        self.costing: set[str] = set()

    def selection_set(self, selections: SelectionSetNode | None, parent: GraphQLNamedType) -> int:
        total = 0
        for selection in selections.selections if selections else ():
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self.schema.get_type(condition.name.value) if condition else parent
                total += self.selection_set(selection.selection_set, target or parent)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value, parent)
            total = min(total, self.cap)
        return total

    def fragment(self, name: str, parent: GraphQLNamedType) -> int:
        known = self.costed.get(name)
        if known is not None:
            return known
        fragment = self.fragments.get(name)
        if fragment is None or name in self.costing:
            return 0  # validation reports unknown and cyclic fragments
        self.costing.add(name)
        target = self.schema.get_type(fragment.type_condition.name.value)
        cost = self.costed[name] = self.selection_set(fragment.selection_set, target or parent)
        self.costing.discard(name)
        return cost

    def field(self, node: FieldNode, parent: GraphQLNamedType) -> int:
        fields = getattr(parent, "fields", None)
        definition = fields.get(node.name.value) if fields else None
        if definition is None:
            return 0  # __typename, introspection, or a field validation has already rejected
        returns = get_nullable_type(definition.type)
        if is_leaf_type(get_named_type(returns)):
            return LEAF_COSTS.get(f"{parent.name}.{node.name.value}", 0)
        factor, counted = 1, False
        if "first" in definition.args:
            default = definition.args["first"].default_value
            factor = self._page(node, parent.name, default if isinstance(default, int) else None)
            counted = True
        elif is_list_type(returns):
            if node.name.value == "edges" and parent.name.endswith("Connection"):
                factor = 1  # the connection field above already counted its page
            elif "ids" in definition.args:
                factor, counted = max(1, len(self._argument(node, "ids") or ())), True
            else:
                factor, counted = MAX_PAGE, True
        below = self.selection_set(node.selection_set, get_named_type(returns))
        return min((factor if counted else 0) + factor * below, self.cap)

    def _page(self, node: FieldNode, parent: str, default: int | None) -> int:
        """The items the list returns: its `first` or `last`, else `default` (a plain
        list's, from the schema), else a connection's DEFAULT_PAGE."""
        first, last = self._argument(node, "first"), self._argument(node, "last")
        if first is not None and last is not None:
            raise GraphQLError(
                f"{parent}.{node.name.value} takes `first` (with `after`) or `last` (with "
                "`before`), not both.",
                node,
                extensions={"code": BAD_USER_INPUT},
            )
        name, size = ("last", last) if last is not None else ("first", first)
        if size is None:
            return DEFAULT_PAGE if default is None else default
        if not isinstance(size, int) or not 0 <= size <= MAX_PAGE:
            raise GraphQLError(
                f"`{name}` on {parent}.{node.name.value} must be between 0 and {MAX_PAGE}; "
                f"got {size}. Page through longer lists with `after` or `before`.",
                node,
                extensions={"code": "page_size_out_of_range", "maxPageSize": MAX_PAGE},
            )
        return size

    def _argument(self, node: FieldNode, name: str) -> Any:
        for argument in node.arguments or ():
            if argument.name.value == name:
                if name in PAGE_SIZES:
                    value = value_from_ast(argument.value, GraphQLInt, self.variables)
                else:
                    value = _plain_value(argument.value, self.variables)
                return None if value is Undefined else value
        return None


def _plain_value(node: Any, variables: Mapping[str, Any]) -> Any:
    """A list argument's items, literal or from variables (only its length matters)."""
    kind = getattr(node, "kind", "")
    if kind == "variable":
        value = variables.get(node.name.value)
        return value if isinstance(value, list) else None
    if kind == "list_value":
        return list(node.values)
    return None


def _too_costly(cost: int, max_cost: int) -> GraphQLError:
    return GraphQLError(
        f"This query could return more than {max_cost} nodes (page sizes multiplied along "
        "each nested list). Ask for smaller pages with `first`, or fewer nested lists.",
        extensions={"code": "query_too_costly", "cost": cost, "maxCost": max_cost},
    )
