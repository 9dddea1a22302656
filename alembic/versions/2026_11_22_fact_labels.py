"""Fact labels name their subject by its canonical name.

A label was made from the name the first reporting article used ('Qasym-Zhomart Toqaev:
share of the vote') while the entity is shown as 'Kassym-Jomart Tokayev'. Ingest now
relabels as names settle; this brings existing labels in line once.

Revision ID: 2026_11_22_fact_labels
Revises: 2026_11_22_fact_agreement
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "2026_11_22_fact_labels"
down_revision = "2026_11_22_fact_agreement"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        UPDATE facts f SET label = e.name || substr(f.label, strpos(f.label, ': '))
        FROM entities e
        WHERE e.id = f.subject_id AND strpos(f.label, ': ') > 0
          AND left(f.label, strpos(f.label, ': ') - 1) <> e.name
        """
    )


def downgrade() -> None:
    pass  # the earlier labels are not kept; the new ones are valid at every revision
