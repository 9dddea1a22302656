"""Read-backs for `factdesk eval`: what the pipeline stored, with entity names resolved."""

from __future__ import annotations

from asyncpg import Record

from service.db.pool import Connection

_NAMES = """
    (SELECT e.name FROM entities e WHERE e.id = {col}) AS {alias},
    ARRAY(SELECT a.alias FROM entity_aliases a WHERE a.entity_id = {col} ORDER BY a.id)
        AS {alias}_aliases
"""


async def list_figures_for_eval(conn: Connection) -> list[Record]:
    return await conn.fetch(
        f"""
        SELECT f.article_id, f.text, f.start_offset, f.end_offset, f.value, f.upper_bound,
               f.approximation, f.unit, f.property, f.fact_id, f.qualifier, f.status,
               f.attributed_to_text, f.part, f.caption_index,
               {_NAMES.format(col="f.subject_id", alias="subject")},
               {_NAMES.format(col="f.attributed_to_id", alias="attributed_to")}
        FROM figures f ORDER BY f.article_id, f.start_offset
        """
    )


async def list_quotes_for_eval(conn: Connection) -> list[Record]:
    return await conn.fetch(
        f"""
        SELECT q.article_id, q.text, q.start_offset, q.end_offset, q.speaker_text, q.is_partial,
               {_NAMES.format(col="q.speaker_id", alias="speaker")}
        FROM quotes q ORDER BY q.article_id, q.start_offset
        """
    )


async def list_entities_for_eval(conn: Connection) -> list[Record]:
    return await conn.fetch(
        """
        SELECT e.id, e.kind, e.name,
               ARRAY(SELECT a.alias FROM entity_aliases a WHERE a.entity_id = e.id ORDER BY a.id)
                   AS aliases,
               ARRAY(SELECT DISTINCT m.article_id FROM mentions m WHERE m.entity_id = e.id)
                   AS article_ids
        FROM entities e ORDER BY e.id
        """
    )


async def list_texts(conn: Connection) -> dict[int, Record]:
    """Each article's body, standfirst and captions: the texts figures are read in."""
    rows = await conn.fetch("SELECT id, body, standfirst, captions FROM articles")
    return {int(r["id"]): r for r in rows}


async def list_mentions_for_eval(conn: Connection) -> list[Record]:
    """Each entity's distinct spellings per article, as the copy prints them."""
    return await conn.fetch(
        """
        SELECT DISTINCT m.entity_id, m.article_id, m.text
        FROM mentions m ORDER BY m.entity_id, m.article_id, m.text
        """
    )
