"""Look-ahead: what the client selected below the field being resolved."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from service.graphql.context import Info


def selects(info: Info, name: str) -> bool:
    """Whether the current field's selection asks for `name` directly (through fragments too)."""
    return any(_has(field.selections, name) for field in info.selected_fields)


def counts(info: Info) -> bool:
    """Whether the client asked this connection for its totalCount (else it is not counted)."""
    return selects(info, "totalCount")


def _has(selections: Iterable[Selection], name: str) -> bool:
    for selection in selections:
        if isinstance(selection, SelectedField):
            if selection.name == name:
                return True
        elif isinstance(selection, (FragmentSpread, InlineFragment)):
            children: Any = selection.selections
            if _has(children, name):
                return True
    return False
