"""Runs the pure extraction stages in order over one parsed article."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from service.ingest.budget import UNLIMITED, ExtractionBudget
from service.ingest.figures import find_figures
from service.ingest.figures.numbers import find_numbers
from service.ingest.mentions.entities import find_mentions
from service.ingest.mentions.names import name_key, surname_key
from service.ingest.mentions.places import (
    countries_of,
    demonym_country,
    named_country,
    place_type,
    same_place,
)
from service.ingest.model import (
    EntityKind,
    Extraction,
    FigureCandidate,
    LocalEntity,
    MentionCandidate,
    ParsedArticle,
    QuoteCandidate,
    TextPart,
)
from service.ingest.nlp.model import analyse_many
from service.ingest.parse.sentences import split_sentences
from service.ingest.quotes.quotations import find_quotes
from service.ingest.quotes.quoted_by import credit_quotes

# The stages read this much of a body: a long feature runs to 60,000 characters; past
# this the copy is a dump, and reading all of it would hold a worker for seconds (the
# whole body is still stored and served).
MAX_READ = 100_000
# Standfirsts and captions are short; past these bounds a "caption" is not one.
MAX_CAPTIONS = 20
MAX_PART_CHARACTERS = 2_000


def extract(
    article: ParsedArticle, budget: ExtractionBudget = UNLIMITED, doc: Doc | None = None
) -> Extraction:
    """Sentences, mentions (grouped into local entities), quotes and figures of one body
    (its first MAX_READ characters), and the figures of its standfirst and captions;
    ArticleTooComplexError once ``budget`` is spent (checked between the stages and
    between figures). ``doc`` is the parse of ``readable(article.body)`` when it was made
    already (in a batch: ``extract_many``)."""
    body = readable(article.body)
    sentences = split_sentences(body)
    parts = _parts_with_numbers(article)
    if doc is None:  # one model call for the body and the parts that print a number
        doc, *part_docs = analyse_many([body, *(text for _, _, text in parts)])
    else:
        part_docs = analyse_many([text for _, _, text in parts]) if parts else []
    budget.check()
    mentions, entities = find_mentions(body, sentences, doc, _people_named(article.standfirst))
    budget.check()
    quotes = credit_quotes(
        find_quotes(body, sentences, mentions, entities), doc, mentions, entities
    )
    budget.check()
    published = article.published_at.date() if article.published_at else None
    country = _story_country(article, entities, mentions)
    with_country = entities if country is None else (*entities, country)
    figures = find_figures(
        body,
        sentences,
        mentions,
        with_country,
        published_on=published,
        doc=doc,
        budget=budget,
        country=None if country is None else country.index,
        headline=article.headline,
    )
    if country is not None and any(f.subject == country.index for f in figures):
        entities = with_country
    figures = quoted_figures(figures, quotes)
    outside, entities = figures_outside_body(parts, part_docs, entities, published)
    budget.check()
    return Extraction(
        sentences=sentences,
        mentions=mentions,
        entities=entities,
        quotes=quotes,
        figures=figures + outside,
    )


def _people_named(text: str | None) -> tuple[str, ...]:
    """The full names of people a standfirst prints (read by the name rules alone)."""
    if not text:
        return ()
    _, found = find_mentions(text, split_sentences(text))
    return tuple(e.name for e in found if e.kind is EntityKind.PERSON and " " in e.name)


def _story_country(
    article: ParsedArticle,
    entities: Sequence[LocalEntity],
    mentions: Sequence[MentionCandidate] = (),
) -> LocalEntity | None:
    """The country a story happens in when its body names none but its dateline, headline
    or standfirst does ("ALMATY, Kazakhstan (AFP)" over a body that says "Kazakh
    authorities"), else its nationality words do ("Portuguese voters"); or the country of
    its cities, when the countries it names are named once in passing ("a quake between
    the Nepalese capital Kathmandu and ... Pokhara ... Deaths are also recorded in
    India"): an entity of the article with no mention in the body."""
    named = [e for e in entities if e.kind is EntityKind.PLACE and place_type(e.name) == "country"]
    if named:
        name = _cities_country(mentions, entities, named)
        reason = "the country its cities are in"
    else:
        name = named_country((article.dateline, article.headline, article.standfirst))
        reason = "the country its dateline or headline names"
    if name is None and not named:
        name = demonym_country(f"{article.headline or ''}\n{article.body}")
        reason = "the country its nationality words name"
    if name is None:
        return None
    return LocalEntity(
        index=len(entities),
        kind=EntityKind.PLACE,
        name=name,
        aliases=(),
        reasons=(f"'{name}': {reason}",),
    )


def _cities_country(
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
    named: Sequence[LocalEntity],
) -> str | None:
    """The country the article's cities are in, when it is none of the ``named``
    countries, each of those is named only once and its cities twice or more."""
    named_ids = {e.index for e in named}
    named_counts = Counter(m.local_entity for m in mentions if m.local_entity in named_ids)
    homes = countries_of(
        entities[m.local_entity].name
        for m in mentions
        if 0 <= m.local_entity < len(entities)
        and m.local_entity not in named_ids
        and m.kind is EntityKind.PLACE
        and place_type(entities[m.local_entity].name) == "city"
    )
    if not homes:
        return None
    home, count = homes.most_common(1)[0]
    if any(same_place(home, e.name) for e in named):
        return None
    # the named countries are named once, in passing; the cities more often
    return home if count >= 2 and max(named_counts.values(), default=0) <= 1 else None


def extract_many(
    articles: Sequence[ParsedArticle], cpu_budget: float | None = None
) -> list[Extraction | Exception]:
    """``extract`` of each article, the model run over their bodies in one batch; each
    article's rules within ``cpu_budget`` seconds of CPU (the batch's model is bounded by
    its token cap). An article that fails gets its error in its place."""
    docs = analyse_many([readable(article.body) for article in articles])
    out: list[Extraction | Exception] = []
    for article, doc in zip(articles, docs, strict=True):
        budget = UNLIMITED if cpu_budget is None else ExtractionBudget(cpu_budget)
        try:
            out.append(extract(article, budget, doc=doc))
        except Exception as error:  # reported per article by the caller
            out.append(error)
    return out


def readable(body: str) -> str:
    """The part of ``body`` the stages read: all of it, or its first MAX_READ characters
    cut at the last paragraph or sentence end (offsets stay those of the body)."""
    if len(body) <= MAX_READ:
        return body
    head = body[:MAX_READ]
    cut = max(head.rfind("\n"), head.rfind(". "))
    return head[: cut + 1] if cut > MAX_READ // 2 else head


def quoted_figures(
    figures: Sequence[FigureCandidate], quotes: Sequence[QuoteCandidate]
) -> tuple[FigureCandidate, ...]:
    """A figure printed inside a quotation is the speaker's word, when its own sentence
    names no other source ("'We lost 43 million Americans' trust,' Prelogar said")."""
    spoken = [q for q in quotes if q.speaker is not None or q.speaker_text is not None]
    out: list[FigureCandidate] = []
    for f in figures:
        if f.attributed_to is None and f.attributed_to_text is None:
            quote = next(
                (q for q in spoken if q.span.start <= f.span.start and f.span.end <= q.span.end),
                None,
            )
            if quote is not None:
                f = replace(f, attributed_to=quote.speaker, attributed_to_text=quote.speaker_text)
        out.append(f)
    return tuple(out)


_Part = tuple[TextPart, int | None, str]


def _parts_with_numbers(article: ParsedArticle) -> list[_Part]:
    """The standfirst and captions (each cut to MAX_PART_CHARACTERS) that print a number:
    most captions print none, and need no parse."""
    parts: list[_Part] = []
    if article.standfirst:
        parts.append((TextPart.STANDFIRST, None, article.standfirst))
    parts += [(TextPart.CAPTION, i, c) for i, c in enumerate(article.captions[:MAX_CAPTIONS])]
    cut = [(part, index, whole[:MAX_PART_CHARACTERS]) for part, index, whole in parts]
    return [(part, index, text) for part, index, text in cut if find_numbers(text, 1)]


def figures_outside_body(
    parts: Sequence[_Part],
    docs: Sequence[Doc],
    entities: Sequence[LocalEntity],
    published: dt.date | None,
) -> tuple[tuple[FigureCandidate, ...], tuple[LocalEntity, ...]]:
    """Figures of the standfirst and captions (``parts``, parsed as ``docs``), each cited
    to the text printing it, and the article's entities with those named only there added.

    Seed 002's "At least 700 people have been arrested since Sunday" is printed only in a
    caption. A standfirst that repeats a body figure is another place the article prints
    it: its own citation of the same value (a fact lists the article once per sentence
    that reports the value). Subjects and sources are the body's entities of the same
    name; a person or organisation named only there ("Ahmed Mohamed, a 14-year-old boy",
    in a standfirst whose body says "Mohamed") becomes an entity of the article.
    """
    known = _Entities(entities)
    found: list[FigureCandidate] = []
    for (part, caption, text), doc in zip(parts, docs, strict=True):
        found += [
            replace(figure, part=part, caption=caption)
            for figure in _figures_of(text, doc, known, published)
        ]
    return tuple(found), tuple(known.entities)


class _Entities:
    """The article's entities, found by any of their names; grown by names printed only
    outside the body."""

    def __init__(self, entities: Sequence[LocalEntity]) -> None:
        self.entities = list(entities)
        self.by_name: dict[str, int] = {}
        self.by_surname: dict[str, set[int]] = {}
        for entity in entities:
            self._index(entity)

    def _index(self, entity: LocalEntity) -> None:
        for name in (entity.name, *entity.aliases):
            self.by_name.setdefault(name_key(name), entity.index)
        if entity.kind is EntityKind.PERSON:
            self.by_surname.setdefault(surname_key(entity.name), set()).add(entity.index)

    def of(self, local: LocalEntity) -> int | None:
        found = self.by_name.get(name_key(local.name))
        if found is None and local.kind is EntityKind.PERSON and " " not in local.name.strip():
            # "Tokaev promises continuity": the one person of the body of that surname
            people = self.by_surname.get(surname_key(local.name), set())
            found = next(iter(people)) if len(people) == 1 else None
        if found is not None or local.kind not in _NAMEABLE:
            return found
        added = replace(local, index=len(self.entities))
        self.entities.append(added)
        self._index(added)
        return added.index


_NAMEABLE = (EntityKind.PERSON, EntityKind.ORGANIZATION)


def _figures_of(
    text: str, doc: Doc, known: _Entities, published: dt.date | None
) -> tuple[FigureCandidate, ...]:
    sentences = split_sentences(text)
    mentions, local = find_mentions(text, sentences, doc)

    def article_entity(index: int | None) -> int | None:
        if index is None or not 0 <= index < len(local):
            return None
        return known.of(local[index])

    return tuple(
        replace(f, subject=article_entity(f.subject), attributed_to=article_entity(f.attributed_to))
        for f in find_figures(text, sentences, mentions, local, published_on=published, doc=doc)
    )
