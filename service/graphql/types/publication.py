"""Publication: one outlet's publication of an article's copy."""

from __future__ import annotations

import datetime as dt

import strawberry

from service.db.rows import OutletRow, PublicationRow
from service.graphql.types.article import Outlet


@strawberry.type(description="One outlet's publication of an article's copy.")
class Publication:
    row: strawberry.Private[PublicationRow]
    outlet: Outlet
    url: str | None
    published_at: dt.datetime | None
    received_at: dt.datetime = strawberry.field(description="When Factdesk received it.")

    @classmethod
    def from_row(cls, row: PublicationRow) -> Publication:
        return cls(
            row=row,
            outlet=Outlet.from_row(OutletRow(id=row.outlet_id, name=row.outlet_name)),
            url=row.url,
            published_at=row.published_at,
            received_at=row.received_at,
        )
