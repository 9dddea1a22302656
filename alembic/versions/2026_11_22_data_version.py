"""A data version every write transaction bumps, for response caches.

Readers compare it with the version their cached answer was computed at. The row is
updated inside the writing transaction, so the new version becomes visible exactly when
the data does: a read that starts after an ingest commits never gets an older answer.

Revision ID: 2026_11_22_data_version
Revises: 2026_11_22_entity_name_counts
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "2026_11_22_data_version"
down_revision = "2026_11_22_entity_name_counts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE data_version (
            singleton boolean NOT NULL DEFAULT true CONSTRAINT data_version_pkey PRIMARY KEY
                CONSTRAINT data_version_singleton CHECK (singleton),
            version bigint NOT NULL
        )
        """
    )
    op.execute("INSERT INTO data_version (singleton, version) VALUES (true, 1)")


def downgrade() -> None:
    op.execute("DROP TABLE data_version")
