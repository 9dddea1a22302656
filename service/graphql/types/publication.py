"""Publication: one outlet's publication of an article's copy."""

from __future__ import annotations

import datetime as dt

import strawberry

from service.db.rows import OutletRow, PublicationRow
from service.graphql.types.article import Outlet


@strawberry.type(description="One outlet's publication of an article's copy.")
class Publication:
    row: strawberry.Private[PublicationRow]
    outlet: Outlet = strawberry.field(description="The outlet that published the copy.")
    url: str | None = strawberry.field(
        description="Where this outlet published it; null when it was not given."
    )
    published_at: dt.datetime | None = strawberry.field(
        description="When this outlet published it; null when neither the feed nor the copy says."
    )
    received_at: dt.datetime = strawberry.field(description="When Factdesk received it.")
    removed_lines: list[str] | None = strawberry.field(
        description="The lines intake left out of this outlet's own page (its navigation, "
        "asides, share bars), in the order of the copy, as the desk's article page shows "
        "them; null when not recorded (publications stored before they were kept)."
    )

    @classmethod
    def from_row(cls, row: PublicationRow) -> Publication:
        return cls(
            row=row,
            outlet=Outlet.from_row(OutletRow(id=row.outlet_id, name=row.outlet_name)),
            url=row.url,
            published_at=row.published_at,
            received_at=row.received_at,
            removed_lines=row.removed,
        )
