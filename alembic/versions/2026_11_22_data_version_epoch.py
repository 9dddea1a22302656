"""The data version gets an epoch, new whenever the table is made again.

A counter alone restarts at 1 when the database is rebuilt or restored, and a replica
still holding answers cached at version 1, 2, ... of the old data would serve them as
current. Readers key their cache on (epoch, version).

Revision ID: 2026_11_22_data_version_epoch
Revises: 2026_11_22_data_version
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "2026_11_22_data_version_epoch"
down_revision = "2026_11_22_data_version"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE data_version ADD COLUMN epoch uuid NOT NULL DEFAULT gen_random_uuid()")


def downgrade() -> None:
    op.execute("ALTER TABLE data_version DROP COLUMN epoch")
