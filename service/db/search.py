"""SQL for the cross-type search: articles, entities, quotes and facts, best match first.

Every branch reads a bounded number of rows whatever the words, because asyncpg prepares
the statement once per connection and PostgreSQL soon runs it on a generic plan: nothing
may depend on the planner seeing how common the searched words are.

- Entities and facts: trigram nearest neighbours (GiST `<->`) above the `%` threshold,
  so the index hands over the best names first instead of every fuzzy candidate.
- Articles: ranking every match of a common name (a third of the corpus says "Tokayev")
  read and ranked ~35k tsvectors. The candidates are the matches among the newest
  articles; only when those are too few does the GIN index look through all articles,
  and then the words are rare enough for that to be cheap.
- Quotes: the first matches of the expression index.

GIN cannot check phrases (`"..."`, hyphenated names) or weights itself, so a phrase of
common words made PostgreSQL recheck every article holding all its words. The index is
therefore asked for the words without their order, at most FULL_TEXT_EXAMINED rows are
read, and those are checked against the phrase. A query of negations only (`-word`) has
nothing the index can look up and reads the newest articles alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from service.db.pool import Connection

# At least this many candidates per full-text type are ranked, and twice the page.
MIN_CANDIDATES = 50
# The newest articles scanned first, and at least ten per requested hit. A word that
# matches fewer than `limit` of them is rarer than limit / RECENT_ARTICLES of the corpus
# (5% for the default page), so its GIN posting list is short.
RECENT_ARTICLES = 400
# Rows an index lookup may hand over for the exact (phrase) check, per full-text type.
FULL_TEXT_EXAMINED = 500
# Added to full-text ranks (0..1): an article or quote that has the words outranks a name
# that merely looks like them ("Tokayev election" is a story, not the "Election Union"),
# while an exact name (2.0) still comes first and a misspelt name has no full-text match.
FULL_TEXT_BONUS = 0.5


# (type name, id, place) of the hits, best first (search_everything says how they are
# ranked): $1 the query, $2 its name keys, $3 the limit, $4 candidates per type, $5 recent
# articles scanned, $6 rows examined, $7 the full-text bonus, $8 its words' name keys.
# db/operations.py reads it inside a whole operation's statement too.
SEARCH_HITS = """
WITH q AS MATERIALIZED (
    SELECT ts, unordered,
           unordered = ts AS exact,
           querytree(ts) <> 'T' AS indexable
    FROM websearch_to_tsquery('english', $1) ts,
         -- The same words with every phrase operator (<-> or <N>) made an AND.
         CAST(regexp_replace(ts::text, '<(-|[0-9]+)>', '&', 'g') AS tsquery) unordered
),
entity_hits AS (
    SELECT h.entity_id AS id, max(h.score) AS score FROM (
        (SELECT a.entity_id, similarity(fd_fold(a.alias), fd_fold($1)) AS score
         FROM entity_aliases a WHERE fd_fold(a.alias) % fd_fold($1)
         ORDER BY fd_fold(a.alias) <-> fd_fold($1) LIMIT $4)
        UNION ALL
        SELECT k.entity_id, 2.0 FROM entity_keys k WHERE k.key = ANY($2::text[])
        UNION ALL
        SELECT k.entity_id, 1.6 FROM entity_keys k WHERE k.key = ANY($8::text[])
    ) h GROUP BY h.entity_id
),
recent_articles AS (
    SELECT r.id, r.search
    FROM (SELECT id, search FROM articles WHERE retracted_at IS NULL
          ORDER BY id DESC LIMIT $5) r
    WHERE r.search @@ (SELECT ts FROM q)
    LIMIT $4
),
-- Skipped (a one-time filter) when the newest articles already fill the page.
older_articles AS (
    SELECT c.id, c.search
    FROM (SELECT a.id, a.search FROM articles a
          WHERE (SELECT indexable FROM q) AND a.retracted_at IS NULL
            AND (SELECT count(*) FROM recent_articles) < $3
            AND a.search @@ (SELECT unordered FROM q)
          LIMIT $6) c
    WHERE (SELECT exact FROM q) OR c.search @@ (SELECT ts FROM q)
    LIMIT $4
),
article_hits AS (
    SELECT c.id, max(ts_rank(c.search, (SELECT ts FROM q))) AS score
    FROM (SELECT * FROM recent_articles UNION ALL SELECT * FROM older_articles) c
    GROUP BY c.id
),
quote_hits AS (
    SELECT c.id, ts_rank(c.vector, (SELECT ts FROM q)) AS score
    FROM (SELECT t.id, to_tsvector('english', t.text) AS vector FROM quotes t
          WHERE (SELECT indexable FROM q)
            AND to_tsvector('english', t.text) @@ (SELECT unordered FROM q)
          LIMIT $6) c
    WHERE (SELECT exact FROM q) OR c.vector @@ (SELECT ts FROM q)
    LIMIT $4
),
fact_hits AS (
    SELECT f.id, similarity(fd_fold(f.label), fd_fold($1)) AS score
    FROM facts f WHERE fd_fold(f.label) % fd_fold($1)
    ORDER BY fd_fold(f.label) <-> fd_fold($1) LIMIT $3
)
SELECT kind, id, row_number() OVER (ORDER BY score DESC, kind, tiebreak) AS n FROM (
    SELECT 'Entity' AS kind, id, score, id AS tiebreak FROM entity_hits
    UNION ALL SELECT 'Article', id, $7 + score, -id FROM article_hits
    UNION ALL SELECT 'Quote', id, $7 + score, -id FROM quote_hits
    UNION ALL SELECT 'Fact', id, score, id FROM fact_hits
) hits
ORDER BY n LIMIT $3
"""


def search_arguments(
    *, query: str, keys: Sequence[str], limit: int, word_keys: Sequence[str] = ()
) -> dict[str, object]:
    """SEARCH_HITS's parameters, in order ($1 to $8), by name."""
    return {
        "query": query,
        "keys": list(keys),
        "limit": limit,
        "candidates": max(MIN_CANDIDATES, 2 * limit),
        "recent": max(RECENT_ARTICLES, 10 * limit),
        "examined": FULL_TEXT_EXAMINED,
        "bonus": FULL_TEXT_BONUS,
        "word_keys": list(word_keys),
    }


async def search_everything(
    conn: Connection,
    *,
    query: str,
    keys: Sequence[str],
    limit: int,
    word_keys: Sequence[str] = (),
) -> list[tuple[str, int]]:
    """(type name, id) pairs ranked by one score across types, at most `limit`.

    An exact name (transliteration key of the whole query) first, then entities named by
    one of its words (`word_keys`: "Tokayev election" names Tokayev), then articles and
    quotes by full-text rank, with names and fact labels by trigram similarity (accents and
    case off) among or after them. For common words the candidates are the newest matching
    articles; equal scores list the newest articles and quotes first, entities and facts
    oldest first.
    """
    given = search_arguments(query=query, keys=keys, limit=limit, word_keys=word_keys)
    rows = await conn.fetch(SEARCH_HITS, *given.values())
    return [(r["kind"], int(r["id"])) for r in rows]
