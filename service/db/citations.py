"""The citation fields of a whole answer's statement (db/trees.py follows them): where a
figure or a quote was reported, read with its article's row (the article, its outlet, the
excerpt cut from its text), and a quote's or mention's span of the body. Each object is
written by db/trees.object_json, given as `write`.
"""

from __future__ import annotations

from functools import partial

from service.db.connections import ObjectWriter
from service.db.selection import Answer, Pick, Scope


def citation_answers(write: ObjectWriter) -> dict[tuple[str, str], Answer]:
    """(type, field) -> how the statement answers it, objects written by `write`."""
    answers = {
        ("Figure", "citation"): _figure_citation,
        ("Quote", "citation"): _quote_citation,
        ("Mention", "span"): _body_span,
        ("Citation", "span"): _span_of_row,
        ("Citation", "article"): _citation_article,
        ("Citation", "outlet"): _citation_outlet,
        ("Citation", "excerpt"): _excerpt,
    }
    return {key: partial(answer, write) for key, answer in answers.items()}


def _figure_citation(write: ObjectWriter, pick: Pick, row: str, names: Scope) -> str | None:
    """Figure.citation, now: the figure's row, read with its article's (as _sources does)."""
    if names.as_of is not None:
        return None
    article = names.next()
    outer, names.article = names.article, article
    citation = write("Citation", pick.picks, row, names)
    names.article = outer
    if citation is None:
        return None
    return f"(SELECT {citation} FROM articles {article} WHERE {article}.id = {row}.article_id)"


# A quote's or a mention's row seen as a figure's (Citation's and Span's columns): a span
# of the body, the quote's speaker as the source (quotes.quote_citation, Mention.span).
_BODY_SPAN = "{r}.start_offset, {r}.end_offset, 'BODY'::text AS part, NULL::int AS caption_index"
_QUOTE_CITED = (
    "{r}.article_id, {r}.sentence_start, {r}.sentence_end, {r}.speaker_id AS attributed_to_id, "
    f"{{r}}.speaker_text AS attributed_to_text, {_BODY_SPAN}"
)


def _quote_citation(write: ObjectWriter, pick: Pick, row: str, names: Scope) -> str | None:
    """Quote.citation: the quote's row as a figure's, read with its article's."""
    cited, article = names.next(), names.next()
    outer, names.article = names.article, article
    citation = write("Citation", pick.picks, cited, names)
    names.article = outer
    if citation is None:
        return None
    return (
        f"(SELECT {citation} FROM (SELECT {_QUOTE_CITED.format(r=row)}) {cited} "
        f"JOIN articles {article} ON {article}.id = {cited}.article_id)"
    )


def _body_span(write: ObjectWriter, pick: Pick, row: str, names: Scope) -> str | None:
    """Mention.span: its offsets in the body."""
    span = names.next()
    built = write("Span", pick.picks, span, names)
    return (
        None
        if built is None
        else f"(SELECT {built} FROM (SELECT {_BODY_SPAN.format(r=row)}) {span})"
    )


def _citation_article(write: ObjectWriter, pick: Pick, row: str, names: Scope) -> str | None:
    """Citation.article: the article row the citation was built with (_sources)."""
    if names.article is None:
        return None
    return write("Article", pick.picks, names.article, names)


def _citation_outlet(write: ObjectWriter, pick: Pick, row: str, names: Scope) -> str | None:
    """Citation.outlet: where the citation's article was published."""
    if names.article is None:
        return None
    joined = names.outlet is not None and names.outlet[0] == names.article
    outlet = names.outlet[1] if names.outlet is not None and joined else names.next()
    built = names.now(lambda: write("Outlet", pick.picks, outlet, names))
    if built is None:
        return None
    if joined:  # the article's outlet row, joined to it (NULL columns when it has none)
        return f"coalesce(CASE WHEN {outlet}.id IS NOT NULL THEN {built} END, 'null')"
    return (
        f"coalesce((SELECT {built} FROM outlets {outlet} "
        f"WHERE {outlet}.id = {names.article}.outlet_id), 'null')"
    )


def _excerpt(write: ObjectWriter, pick: Pick, row: str, names: Scope) -> str | None:
    """Citation.excerpt: the figure's sentence, cut from the text its offsets count in
    (the body, the standfirst or a caption: ArticleRow.text_of)."""
    if names.article is None:
        return None
    article = names.article
    text = (
        f"CASE {row}.part WHEN 'STANDFIRST' THEN coalesce({article}.standfirst, '') "
        f"WHEN 'CAPTION' THEN coalesce({article}.captions[{row}.caption_index + 1], '') "
        f"ELSE {article}.body END"
    )
    cut = f"substr({text}, {row}.sentence_start + 1, {row}.sentence_end - {row}.sentence_start)"
    return f"to_json({cut})::text"


def _span_of_row(write: ObjectWriter, pick: Pick, row: str, names: Scope) -> str | None:
    """Citation.span: the figure's offsets, from the same row."""
    return write("Span", pick.picks, row, names)
