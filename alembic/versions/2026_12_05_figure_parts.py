"""Figures printed in the standfirst or a caption: which text a figure's offsets count in.

A figure printed only in a caption (seed 002: "At least 700 people have been arrested
since Sunday") or in the standfirst is reported too, cited to that text. ``part`` says
which text ``start_offset``/``end_offset`` and the sentence offsets count in; for a
caption, ``caption_index`` is its place in ``articles.captions`` (from 0).

Revision ID: 2026_12_05_figure_parts
Revises: 2026_12_05_idempotency_keys
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_05_figure_parts"
down_revision = "2026_12_05_idempotency_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        ALTER TABLE figures
            ADD COLUMN part text NOT NULL DEFAULT 'BODY'
                CONSTRAINT figures_part_valid CHECK (part IN ('BODY', 'STANDFIRST', 'CAPTION')),
            ADD COLUMN caption_index int
                CONSTRAINT figures_caption_index_valid CHECK (caption_index >= 0),
            ADD CONSTRAINT figures_caption_has_index
                CHECK ((part = 'CAPTION') = (caption_index IS NOT NULL))
        """
    )


def downgrade() -> None:
    op.execute("DELETE FROM figures WHERE part <> 'BODY'")
    op.execute("ALTER TABLE figures DROP COLUMN caption_index, DROP COLUMN part")
