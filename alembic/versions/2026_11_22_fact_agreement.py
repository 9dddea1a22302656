"""Facts keep the interval every report so far allows, so a new report is checked alone.

Deciding whether a fact is disputed read every figure of it: at 100k articles the
popular facts have 20,000-30,000 figures and thousands of distinct reports, and every
article that reported one of them paid ~40 ms. While a fact agrees, all its reports
share an interval; a new report disputes it exactly when it misses that interval. NULL
means not known yet (facts from before this revision, new facts): the first check after
computes it from every report, as before.

Revision ID: 2026_11_22_fact_agreement
Revises: 2026_11_22_search_speed
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "2026_11_22_fact_agreement"
down_revision = "2026_11_22_search_speed"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "ALTER TABLE facts ADD COLUMN agreed_low double precision, "
        "ADD COLUMN agreed_high double precision"
    )


def downgrade() -> None:
    op.execute("ALTER TABLE facts DROP COLUMN agreed_low, DROP COLUMN agreed_high")
