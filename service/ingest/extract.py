"""Runs the pure extraction stages in order over one parsed article."""

from __future__ import annotations

from service.ingest.entities import find_mentions
from service.ingest.figures import find_figures
from service.ingest.model import Extraction, ParsedArticle
from service.ingest.nlp.model import analyse
from service.ingest.quoted_by import credit_quotes
from service.ingest.quotes import find_quotes
from service.ingest.sentences import split_sentences


def extract(article: ParsedArticle) -> Extraction:
    """Sentences, mentions (grouped into local entities), quotes and figures of one body."""
    body = article.body
    sentences = split_sentences(body)
    doc = analyse(body)
    mentions, entities = find_mentions(body, sentences, doc)
    quotes = credit_quotes(
        find_quotes(body, sentences, mentions, entities), doc, mentions, entities
    )
    published = article.published_at.date() if article.published_at else None
    figures = find_figures(body, sentences, mentions, entities, published_on=published, doc=doc)
    return Extraction(
        sentences=sentences,
        mentions=mentions,
        entities=entities,
        quotes=quotes,
        figures=figures,
    )
