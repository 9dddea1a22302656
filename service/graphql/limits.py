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
    Visitor,
    get_named_type,
    get_nullable_type,
    is_leaf_type,
    is_list_type,
    value_from_ast,
    visit,
)
from graphql import ExecutionResult as GraphQLExecutionResult
from graphql.type.definition import GraphQLNamedType
from graphql.validation import ASTValidationRule
from strawberry.extensions import SchemaExtension
from strawberry.extensions.max_aliases import create_validator as max_aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as max_depth_rule

from service.config import Settings
from service.graphql.context import DEFAULT_PAGE, MAX_PAGE

# A plain list (Article.quotes, Fact.values, ...) has no `first`; it is counted as this many
# items, about what a news article carries, so nesting lists still multiplies the cost.
PLAIN_LIST_ESTIMATE = 5
# Fields visited while costing: a bound on the walk itself against fragment fan-out.
MAX_COST_WALK = 50_000


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
        rules: list[type[ASTValidationRule]] = [
            _depth_rule(self.max_depth),
            max_aliases_rule(self.max_aliases),
        ]
        if not self.introspection:
            rules.append(NoSchemaIntrospectionCustomRule)
        return tuple(rules)


def _depth_rule(max_depth: int) -> type[ASTValidationRule]:
    """strawberry's depth rule, but not on a document that spreads an undefined fragment.

    strawberry's rule measures every operation in its constructor and looks each spread up
    without checking, so `{ ...missing }` raised KeyError: a masked internal error instead of
    graphql-core's "Unknown fragment" (NoUndefinedFragmentsRule, always run). Such a document
    fails validation anyway, so nothing deep can run unmeasured."""
    measure = max_depth_rule(max_depth, None, None)

    class DepthLimit(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            if _spreads_are_defined(context.document):
                measure(context)  # reports through the context, in its constructor

    return DepthLimit


def _spreads_are_defined(document: DocumentNode) -> bool:
    defined = {d.name.value for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    spread: set[str] = set()

    class Spreads(Visitor):
        def enter_fragment_spread(self, node: FragmentSpreadNode, *_: Any) -> None:
            spread.add(node.name.value)

    visit(document, Spreads())
    return spread <= defined


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
) -> int:
    """The most nodes the operation can return; GraphQLError when over `max_cost` or when a
    `first` is out of range."""
    operation = _operation(document, operation_name)
    if operation is None:
        return 0
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    walk = _CostWalk(schema, fragments, variables, max_cost)
    walk.selection_set(operation.selection_set, root, 1, ())
    return walk.total


def _operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name and o.name.value == name), None)


class _CostWalk:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
        max_cost: int,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.max_cost = max_cost
        self.total = 0
        self.visits = 0

    def selection_set(
        self,
        selections: SelectionSetNode | None,
        parent: GraphQLNamedType,
        multiplier: int,
        spreads: tuple[str, ...],
    ) -> None:
        if selections is None:
            return
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                self.field(selection, parent, multiplier, spreads)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self.schema.get_type(condition.name.value) if condition else parent
                self.selection_set(selection.selection_set, target or parent, multiplier, spreads)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in spreads:
                    continue  # validation reports unknown and cyclic fragments
                target = self.schema.get_type(fragment.type_condition.name.value)
                self.selection_set(
                    fragment.selection_set, target or parent, multiplier, (*spreads, name)
                )

    def field(
        self, node: FieldNode, parent: GraphQLNamedType, multiplier: int, spreads: tuple[str, ...]
    ) -> None:
        self.visits += 1
        if self.visits > MAX_COST_WALK:
            raise _too_costly(self.max_cost + 1, self.max_cost)
        fields = getattr(parent, "fields", None)
        definition = fields.get(node.name.value) if fields else None
        if definition is None:
            return  # __typename, introspection, or a field validation has already rejected
        returns = get_nullable_type(definition.type)
        factor, counted = 1, False
        if "first" in definition.args:
            factor, counted = self._page(node, parent.name), True
        elif is_list_type(returns) and not is_leaf_type(get_named_type(returns)):
            # (Lists of scalars, such as aliases or bylines, are values, not nodes.)
            if node.name.value == "edges" and parent.name.endswith("Connection"):
                factor = 1  # the connection field above already counted its page
            elif "ids" in definition.args:
                factor, counted = max(1, len(self._argument(node, "ids") or ())), True
            else:
                factor, counted = PLAIN_LIST_ESTIMATE, True
        here = multiplier * factor
        if counted:
            self.total += here
            if self.total > self.max_cost:
                raise _too_costly(self.total, self.max_cost)
        self.selection_set(node.selection_set, get_named_type(returns), here, spreads)

    def _page(self, node: FieldNode, parent: str) -> int:
        first = self._argument(node, "first")
        if first is None:
            return DEFAULT_PAGE
        if not isinstance(first, int) or not 0 <= first <= MAX_PAGE:
            raise GraphQLError(
                f"`first` on {parent}.{node.name.value} must be between 0 and {MAX_PAGE}; "
                f"got {first}. Page through longer lists with `after`.",
                node,
                extensions={"code": "page_size_out_of_range", "maxPageSize": MAX_PAGE},
            )
        return first

    def _argument(self, node: FieldNode, name: str) -> Any:
        for argument in node.arguments or ():
            if argument.name.value == name:
                if name == "first":
                    value = value_from_ast(argument.value, GraphQLInt, dict(self.variables))
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
