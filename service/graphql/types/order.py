"""`orderBy` for the root connections, GitHub style: `{field: ..., direction: ASC|DESC}`.

Ties are broken by id in the same direction, so every order is total and a cursor (which
carries the field's value and the id) stays correct however the rows around it change.
A cursor belongs to its order's field: one from another order is an `invalid_cursor`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from functools import partial

import strawberry

from service.db.paging import SortKey, Window
from service.graphql.types.common import window
from service.ids import decode_sort_cursor


@strawberry.enum(description="Which way an `orderBy` runs.")
class OrderDirection(enum.Enum):
    ASC = strawberry.enum_value("ASC", description="Smallest, earliest or A first.")
    DESC = strawberry.enum_value("DESC", description="Largest, latest or Z first.")


@strawberry.enum(description="What `articles` can be ordered by.")
class ArticleOrderField(enum.Enum):
    PUBLISHED_AT = strawberry.enum_value(
        "PUBLISHED_AT", description="When the outlet published it; undated copy counts as earliest."
    )
    HEADLINE = strawberry.enum_value("HEADLINE", description="The headline, as text.")
    STORED = strawberry.enum_value("STORED", description="When Factdesk stored it.")


@strawberry.enum(description="What `entities` can be ordered by.")
class EntityOrderField(enum.Enum):
    NAME = strawberry.enum_value("NAME", description="The canonical name, as text.")
    STORED = strawberry.enum_value("STORED", description="When Factdesk first stored it.")


@strawberry.enum(description="What `facts` can be ordered by.")
class FactOrderField(enum.Enum):
    LABEL = strawberry.enum_value("LABEL", description="The human-readable label, as text.")
    PROPERTY = strawberry.enum_value("PROPERTY", description="The measured property's key.")
    STORED = strawberry.enum_value("STORED", description="When Factdesk first stored it.")


@strawberry.enum(description="What `quotes` can be ordered by.")
class QuoteOrderField(enum.Enum):
    STORED = strawberry.enum_value("STORED", description="When Factdesk stored it.")


@strawberry.enum(description="What `figures` can be ordered by.")
class FigureOrderField(enum.Enum):
    VALUE = strawberry.enum_value(
        "VALUE", description="The number (the lower end of a range), in its own unit."
    )
    STORED = strawberry.enum_value("STORED", description="When Factdesk stored it.")


@strawberry.input(description="An order for `articles`; ties go by when stored, same direction.")
class ArticleOrder:
    field: ArticleOrderField = strawberry.field(description="What to order by.")
    direction: OrderDirection = strawberry.field(description="Which way.")


@strawberry.input(description="An order for `entities`; ties go by when stored, same direction.")
class EntityOrder:
    field: EntityOrderField = strawberry.field(description="What to order by.")
    direction: OrderDirection = strawberry.field(description="Which way.")


@strawberry.input(description="An order for `facts`; ties go by when stored, same direction.")
class FactOrder:
    field: FactOrderField = strawberry.field(description="What to order by.")
    direction: OrderDirection = strawberry.field(description="Which way.")


@strawberry.input(description="An order for `quotes`.")
class QuoteOrder:
    field: QuoteOrderField = strawberry.field(description="What to order by.")
    direction: OrderDirection = strawberry.field(description="Which way.")


@strawberry.input(description="An order for `figures`; ties go by when stored, same direction.")
class FigureOrder:
    field: FigureOrderField = strawberry.field(description="What to order by.")
    direction: OrderDirection = strawberry.field(description="Which way.")


def sorted_window(
    field: str,
    *,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> Window[SortKey]:
    """The page the paging arguments ask for, with cursors of the `field` order."""
    decode: Callable[[str | None, str], SortKey | None] = partial(_decode, field)
    return window(decode, first=first, after=after, last=last, before=before)


def _decode(order: str, cursor: str | None, argument: str) -> SortKey | None:
    return decode_sort_cursor(cursor, order, argument)
