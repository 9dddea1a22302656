"""The benchmark's GraphQL queries, as asked of Factdesk and of PostGraphile 4.

PostGraphile's schema is generated from the tables, so its equivalents name the foreign
keys (outletByOutletId) and return raw figures where Factdesk groups equal values into
SourcedValues; each pair asks for the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class BenchQuery:
    name: str
    title: str
    factdesk: str
    postgraphile: str | None  # None: PostGraphile has no equivalent
    note: str = ""


Q1 = BenchQuery(
    "Q1",
    "20 articles: headline, outlet, publishedAt",
    """query { articles(first: 20) { edges { node { headline publishedAt outlet { name } } } } }""",
    """query { allArticles(first: 20, orderBy: [PUBLISHED_AT_DESC, ID_DESC]) {
        nodes { headline publishedAt outletByOutletId { name } } } }""",
)
Q2 = BenchQuery(
    "Q2",
    "entity(name:) with facts, every sourced value and its citations",
    """query($name: String!) { entity(name: $name) { name aliases facts { label disputed
        values { value text sources { outlet { name } excerpt attributedTo { name }
            article { headline } } } } } }""",
    """query($name: String!) { allEntities(condition: {name: $name}, first: 1) { nodes {
        name entityAliasesByEntityId { nodes { alias } }
        factsBySubjectId { nodes { label disputed figuresByFactId { nodes { value text
            sentenceStart sentenceEnd entityByAttributedToId { name }
            articleByArticleId { headline body outletByOutletId { name } } } } } } } } }""",
    "PostGraphile matches the exact canonical name (Factdesk: any alias or "
    "transliteration); it returns the article body for the client to cut the excerpt. "
    "Factdesk's lists are bounded: without arguments an entity's first 20 facts, 20 values "
    "each and 50 sources a value (PostGraphile: every row), so on a large corpus the two "
    "no longer return the same rows for a much-reported entity.",
)
Q3 = BenchQuery(
    "Q3",
    "fact(id:) with all values and sources",
    """query($id: ID!) { fact(id: $id) { label disputed subject { name } values { value
        upperBound approximation text sources { outlet { name } excerpt
            attributedTo { name } article { headline publishedAt } } } } }""",
    """query($pk: BigInt!) { factById(id: $pk) { label disputed entityBySubjectId { name }
        figuresByFactId { nodes { value upperBound approximation text sentenceStart
            sentenceEnd entityByAttributedToId { name }
            articleByArticleId { headline publishedAt body outletByOutletId { name } } } } } }""",
)
Q4 = BenchQuery(
    "Q4",
    "20 articles -> quotes -> speaker -> facts -> values",
    """query { articles(first: 20) { edges { node { headline quotes(first: 10) { text
        speaker { name facts(first: 5) { label values(first: 5) { value text } } } } } } } }""",
    """query { allArticles(first: 20, orderBy: [PUBLISHED_AT_DESC, ID_DESC]) { nodes {
        headline quotesByArticleId { nodes { text entityBySpeakerId { name
            factsBySubjectId { nodes { label figuresByFactId { nodes { value text } } } } } } }
        } } }""",
    "Factdesk's lists are bounded and costed: unbounded, this query could return 842,020 "
    "nodes (20 x 100 quotes x 20 facts x 20 values) and the cost check refuses it, so it "
    "names its page sizes. PostGraphile returns every row.",
)
Q5 = BenchQuery(
    "Q5",
    "search(query:)",
    """query($q: String!) { search(query: $q) { __typename
        ... on Article { headline } ... on Entity { name } ... on Quote { text }
        ... on Fact { label } } }""",
    None,
    "PostGraphile 4 generates no cross-table full-text or fuzzy search.",
)
QUERIES = (Q1, Q2, Q3, Q4, Q5)
MIX = BenchQuery(
    "MIX",
    "Q2 and Q3 over many different entities and facts, each request picked at random",
    Q2.factdesk,
    Q2.postgraphile,
    "Traffic a cache cannot answer from one entry: with the cache on, the first request for "
    "each entity or fact is computed, later ones are hits.",
)
MEASURED = (*QUERIES, MIX)


def mix_bodies(params: dict[str, Any], *, postgraphile: bool) -> list[dict[str, Any]]:
    """One request body per entity (Q2) and per fact (Q3) in `params`' mix lists."""
    q2 = Q2.postgraphile if postgraphile else Q2.factdesk
    q3 = Q3.postgraphile if postgraphile else Q3.factdesk
    bodies: list[dict[str, Any]] = [
        {"query": q2, "variables": {"name": name}} for name in params["mix_entities"]
    ]
    for pk, gid in params["mix_facts"]:
        bodies.append({"query": q3, "variables": {"pk": str(pk)} if postgraphile else {"id": gid}})
    return bodies


def variables(query: BenchQuery, params: dict[str, Any], *, postgraphile: bool) -> dict[str, Any]:
    if query is Q2:
        return {"name": params["entity_name"]}
    if query is Q3:
        return {"pk": str(params["fact_id"])} if postgraphile else {"id": params["fact_gid"]}
    if query is Q5:
        return {"q": params["search"]}
    return {}
