"""`/articles/{id or slug}`: the clean text with figures, quotes and entity mentions
highlighted and linked; standfirst and captions with their own figures; outlet and
original source; the lines intake removed, apart and folded, and those removed from each
republication's own page."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.requests import Request
from starlette.responses import Response

from service.db import articles as articles_db
from service.db import entities as entities_db
from service.db import figures as figures_db
from service.db import publications as publications_db
from service.db import quotes as quotes_db
from service.db.rows import EntityRow, FigureRow, MentionRow, QuoteRow
from service.desk import links
from service.desk.marks import Mark, Piece, marked_pieces
from service.desk.pages import pool_of
from service.desk.reading import read_around
from service.desk.templating import render
from service.errors import InvalidIdError, NotFoundError
from service.ids import decode_id
from service.lookup import refuse_retracted

QUERY = """{
  article(id: $ID) {
    headline standfirst publishedAt url outlet { name } originalSource { name }
    body captions
    figures { text value unit property status citation { span { start end part caption } } }
    quotes { text speaker { name } }
  }
}"""


def _figure_marks(figures: Sequence[FigureRow], part: str, caption: int | None) -> list[Mark]:
    return [
        Mark(
            f.start_offset,
            f.end_offset,
            "figure",
            links.fact_page(f.fact_id) if f.fact_id is not None else None,
            f.property.replace("_", " ") if f.property else "figure",
        )
        for f in figures
        if f.part == part and f.caption_index == caption
    ]


def _body_marks(
    figures: Sequence[FigureRow],
    quotes: Sequence[QuoteRow],
    mentions: Sequence[MentionRow],
    entities: dict[int, EntityRow],
) -> list[Mark]:
    marks = _figure_marks(figures, "BODY", None)
    for quote in quotes:
        speaker = entities.get(quote.speaker_id) if quote.speaker_id else None
        who = speaker.name if speaker else quote.speaker_text or "unattributed"
        marks.append(Mark(quote.start_offset, quote.end_offset, "quote", None, f"quote: {who}"))
    for mention in mentions:
        entity = entities.get(mention.entity_id)
        title = entity.name if entity else None
        marks.append(
            Mark(
                mention.start_offset,
                mention.end_offset,
                "mention",
                links.entity_page(mention.entity_id),
                title,
            )
        )
    return marks


async def _article_id(request: Request) -> int:
    value: str = request.path_params["id"]
    try:
        return decode_id(value, "Article")[1]
    except InvalidIdError:
        async with pool_of(request).acquire() as conn:
            found = await articles_db.find_article_id_by_slug(conn, slug=value)
    if found is None:
        raise NotFoundError("no article has this id or slug")
    return found


async def article(request: Request) -> Response:
    article_id = await _article_id(request)
    async with pool_of(request).acquire() as conn:
        figures = await figures_db.list_figures_for_articles(conn, article_ids=[article_id])
        quotes = await quotes_db.list_quotes_for_articles(conn, article_ids=[article_id])
        mentions = await entities_db.list_mentions_for_articles(conn, article_ids=[article_id])
        publications = await publications_db.list_publications_for_articles(
            conn, article_ids=[article_id]
        )
        around = await read_around(
            conn,
            article_ids=[article_id],
            entity_ids=[m.entity_id for m in mentions] + [q.speaker_id for q in quotes],
        )
    row = around.articles.get(article_id)
    if row is None:
        async with pool_of(request).acquire() as conn:
            await refuse_retracted(conn, article_id=article_id)
        raise NotFoundError("no article has this id")
    body = marked_pieces(row.body, _body_marks(figures, quotes, mentions, around.entities))
    standfirst: list[Piece] = (
        marked_pieces(row.standfirst, _figure_marks(figures, "STANDFIRST", None))
        if row.standfirst
        else []
    )
    captions = [
        marked_pieces(text, _figure_marks(figures, "CAPTION", index))
        for index, text in enumerate(row.captions)
    ]
    return render(
        request,
        "article.html",
        title=row.headline,
        article=row,
        outlet=around.outlet_of(row),
        original_source=around.source_of(row),
        standfirst=standfirst,
        body=body,
        captions=captions,
        removed=row.removed,
        # The first publication is the article's own (its lines are `removed`, kept with
        # each version); the others are republications, each with its own page's lines.
        first_kept=bool(publications) and publications[0].removed is not None,
        republications=publications[1:],
        quotes=quotes,
        entities=around.entities,
        json_url=links.api_twin(links.article_page(article_id)),
        graphiql_url=links.graphiql_of(QUERY, "Article", article_id),
    )
