"""Indexes for the desk's pages at 100k articles: a fact's reports with their articles,
their publications' times, and the few corrected articles, read from indexes alone.

At 100k articles the most reported fact has 30,000 reports (bench/desk_corpus.py,
bench/desk_pages.py). When each value was first and last reported, and the time slider's
moments, need each report's article and that article's publication times; the fact's
group index had the report's text but not its article, and publications had no index
holding their times, so both read 30,000 rows from the tables. A report counts from
its article's correction time, and every read of it joined all of `articles` for
`corrected_at` (a sequential scan of the widest table, 100k bodies): nearly no article is
corrected, so a partial index holds just those, and the reads join it alone (LEFT JOIN
on `corrected_at IS NOT NULL`). Together: the fact page's two time statements from
~460 and ~300 ms to ~180 and ~100 ms on that fact (a loaded machine).

figures_fact_groups_idx keeps its name and key; it now also carries article_id.

Revision ID: 2026_12_07_desk_indexes
Revises: 2026_12_06_retired_facts
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_07_desk_indexes"
down_revision = "2026_12_06_retired_facts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP INDEX figures_fact_groups_idx")
    op.execute(
        """CREATE INDEX figures_fact_groups_idx ON figures
        (fact_id, value, upper_bound, approximation, id) INCLUDE (text, article_id)"""
    )
    op.execute(
        """CREATE INDEX publications_article_times_idx ON publications (article_id)
        INCLUDE (published_at, received_at, outlet_id, id)"""
    )
    op.execute(
        """CREATE INDEX articles_corrected_idx ON articles (id) INCLUDE (corrected_at)
        WHERE corrected_at IS NOT NULL"""
    )


def downgrade() -> None:
    op.execute("DROP INDEX articles_corrected_idx")
    op.execute("DROP INDEX publications_article_times_idx")
    op.execute("DROP INDEX figures_fact_groups_idx")
    op.execute(
        """CREATE INDEX figures_fact_groups_idx
        ON figures (fact_id, value, upper_bound, approximation, id) INCLUDE (text)"""
    )
