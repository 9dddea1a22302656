"""Hand-made gold annotations for extraction scoring: loading and validation.

A gold file (``tests/gold/*.yaml``, format documented at the top of each file) holds
entity clusters, must-not-merge pairs and, per article file, the figures, quotes and
strings that must never be figures. Loading checks every annotated string against the
raw copy, so a typo in the gold fails loudly instead of silently lowering a score.
The real corpus (tests/gold/real/*/gold.yaml) is loaded with an open vocabulary of
property keys, units and statuses; seeds.yaml and extra.yaml keep the closed one.
"""

from __future__ import annotations

import builtins
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

APPROXIMATIONS = frozenset(
    {"EXACT", "ABOUT", "AT_LEAST", "MORE_THAN", "NEARLY", "UP_TO", "LESS_THAN", "VAGUE"}
)
ENTITY_KINDS = frozenset({"PERSON", "ORGANIZATION", "PLACE", "EVENT", "OTHER"})
# docs/extraction.md, "Figures: property keys".
PROPERTY_UNITS: Mapping[str, str] = {
    "vote_share": "percent",
    "age": "years",
    "detained": "people",
    "injured": "people",
    "protesters": "people",
    "observers": "people",
    "registered_voters": "people",
    "turnout": "percent",
    "candidates": "people",
    "years_in_power": "years",
    "detention_duration": "hours",
}
STATUSES = frozenset({"preliminary", "final"})
# The real corpus (tests/gold/real/README.md) annotates every number, so its gold names
# what a figure measures with open keys and knows more statuses than the seeds' story.
OPEN_STATUSES = frozenset(
    {"result", "preliminary", "final", "exit_poll", "poll_answer", "forecast", "estimate"}
)
_PROPERTY_KEY = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
# A year, a day, a period, or a running total from a day on ("since 2019-06-09").
_QUALIFIER = re.compile(r"^(\d{4}|(since )?\d{4}-\d{2}-\d{2}(/\d{4}-\d{2}-\d{2})?)$")

_FILE_KEYS = frozenset({"articles_dir", "entities", "articles", "merges"})
_ENTITY_KEYS = frozenset({"id", "kind", "names"})
_ARTICLE_KEYS = frozenset({"figures", "quotes", "not_figures", "not_speakers", "ignore"})
_FIGURE_KEYS = frozenset(
    {
        "text",
        "context",
        "occurrence",
        "value",
        "upper_bound",
        "approximation",
        "unit",
        "property",
        "subject",
        "qualifier",
        "attributed_to",
        "attributed_to_text",
        "status",
    }
)
_QUOTE_KEYS = frozenset(
    {"text", "prefix", "context", "occurrence", "speaker", "speaker_text", "partial"}
)
_NOT_SPEAKER_KEYS = frozenset({"text", "prefix", "context", "occurrence", "partial"})


class GoldError(ValueError):
    """The gold files are malformed or disagree with the article copy."""


@dataclass(frozen=True, slots=True)
class GoldEntity:
    id: str
    kind: str
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldFigure:
    article: str
    index: int  # position in the article's figure list: the figure's identity
    text: str  # the number as printed
    occurrence: int  # which occurrence of `context` (or of `text`) in the raw copy
    context: str | None  # a longer run of copy containing `text`, to disambiguate
    raw_start: int  # offset of `text` in the raw copy
    value: float
    upper_bound: float | None
    approximation: str
    unit: str
    property: str | None  # the first of `properties`: the key facts are grouped by
    subject: str | None  # entity id
    qualifier: str | None
    attributed_to: tuple[str, ...]  # entity ids, any of which is right; () for none
    attributed_to_text: str | None
    status: str | None
    # Every acceptable property key (the real corpus may list several); () for none.
    properties: tuple[str, ...]

    @builtins.property  # the field `property` shadows the builtin here
    def key(self) -> tuple[str, int]:
        return (self.article, self.index)

    @builtins.property  # the field `property` shadows the builtin here
    def fact_key(self) -> tuple[str, str, str | None] | None:
        """(subject, property, qualifier), or None when the figure forms no fact."""
        if self.subject is None or self.property is None:
            return None
        return (self.subject, self.property, self.qualifier)


@dataclass(frozen=True, slots=True)
class GoldQuote:
    article: str
    index: int
    text: str  # the quoted words, or their first words when `is_prefix`
    is_prefix: bool
    occurrence: int
    context: str | None
    raw_start: int
    speakers: tuple[str, ...]  # entity ids, any of which is right
    speaker_text: str | None  # description of an unnamed speaker
    partial: bool | None
    # A poem, slogan or scare quote: nobody's statement, so no speaker is right.
    no_speaker: bool

    @property
    def key(self) -> tuple[str, int]:
        return (self.article, self.index)


@dataclass(frozen=True, slots=True)
class GoldArticle:
    name: str  # file name, the key everywhere else
    path: Path
    raw: str
    figures: tuple[GoldFigure, ...]
    quotes: tuple[GoldQuote, ...]
    not_figures: tuple[str, ...]
    # Copy outside the story text that a parser may keep (headline, standfirst,
    # caption) or sentences too ambiguous to judge: predictions there are not judged.
    ignore: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Gold:
    entities: Mapping[str, GoldEntity]
    articles: Mapping[str, GoldArticle]
    must_not: tuple[tuple[str, str], ...]

    @property
    def figures(self) -> tuple[GoldFigure, ...]:
        return tuple(f for a in self.articles.values() for f in a.figures)

    @property
    def quotes(self) -> tuple[GoldQuote, ...]:
        return tuple(q for a in self.articles.values() for q in a.quotes)

    def facts(self) -> dict[tuple[str, str, str | None], tuple[GoldFigure, ...]]:
        """Gold facts: figures grouped by (subject, property, qualifier) across articles."""
        groups: dict[tuple[str, str, str | None], list[GoldFigure]] = {}
        for figure in self.figures:
            if (fact_key := figure.fact_key) is not None:
                groups.setdefault(fact_key, []).append(figure)
        return {k: tuple(v) for k, v in groups.items()}


def normalize_name(name: str) -> str:
    """Case-, accent- and quote-mark-insensitive form used to compare entity names."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def find_occurrence(text: str, needle: str, occurrence: int) -> int | None:
    """Offset of the `occurrence`-th (1-based) appearance of `needle`, or None."""
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start < 0:
            return None
    return start


def occurrences(text: str, needle: str) -> list[int]:
    found: list[int] = []
    start = text.find(needle)
    while needle and start >= 0:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


@dataclass(frozen=True, slots=True)
class GoldSource:
    """One gold file and the directory holding the articles it annotates."""

    path: Path
    articles_dir: Path | None = None  # default: `articles_dir` in the file
    # Real copy (tests/gold/real): open property keys (snake_case, or a list of them),
    # any unit, the statuses of OPEN_STATUSES. Off: the seeds' closed vocabulary.
    open_vocabulary: bool = False


def gold_sources(gold_dir: Path, seeds_dir: Path | None = None) -> tuple[GoldSource, ...]:
    """The project's gold files: seeds.yaml (over `seeds_dir` when given) and extra.yaml."""
    return (
        GoldSource(gold_dir / "seeds.yaml", seeds_dir),
        GoldSource(gold_dir / "extra.yaml"),
    )


def load_gold(sources: Iterable[GoldSource]) -> Gold:
    """Load gold files into one corpus-wide Gold; raise GoldError listing every problem.

    Entity clusters with the same id in several files are one cluster (names united).
    One spelling in two clusters is an error, except between clusters of open-vocabulary
    files only: real copy of unrelated stories may call two people "Thomas".
    """
    problems: list[str] = []
    entities: dict[str, GoldEntity] = {}
    articles: dict[str, GoldArticle] = {}
    must_not: list[tuple[str, str]] = []
    strict_ids: set[str] = set()
    for source in sources:
        ids = _load_file(source, entities, articles, must_not, problems)
        if not source.open_vocabulary:
            strict_ids.update(ids)
    _check_references(entities, articles, must_not, strict_ids, problems)
    if problems:
        raise GoldError("gold annotations are invalid:\n  " + "\n  ".join(problems))
    return Gold(entities=entities, articles=articles, must_not=tuple(must_not))


def _load_file(
    source: GoldSource,
    entities: dict[str, GoldEntity],
    articles: dict[str, GoldArticle],
    must_not: list[tuple[str, str]],
    problems: list[str],
) -> set[str]:
    """Load one file into the corpus-wide collections; the entity ids it defines."""
    where = source.path.name
    defined: set[str] = set()
    data = yaml.safe_load(source.path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        problems.append(f"{where}: top level must be a mapping")
        return defined
    _unknown_keys(data, _FILE_KEYS, where, problems)
    articles_dir = source.articles_dir
    if articles_dir is None:
        relative = data.get("articles_dir")
        if not isinstance(relative, str):
            problems.append(f"{where}: articles_dir missing and none given")
            return defined
        articles_dir = (source.path.parent / relative).resolve()

    file_articles: list[GoldArticle] = []
    for name, body in _mapping(data.get("articles"), f"{where}: articles", problems).items():
        article = _load_article(str(name), body, articles_dir, source.open_vocabulary, problems)
        if article is None:
            continue
        if article.name in articles:
            problems.append(f"{where}: article {article.name} annotated twice")
        articles[article.name] = article
        file_articles.append(article)

    corpus = [a.raw for a in file_articles]
    for raw_entity in _sequence(data.get("entities"), f"{where}: entities", problems):
        entity = _load_entity(raw_entity, where, corpus, problems)
        if entity is None:
            continue
        known = entities.get(entity.id)
        if known is not None:
            if known.kind != entity.kind:
                problems.append(f"{where}: entity {entity.id} kind {entity.kind} != {known.kind}")
            names = known.names + tuple(n for n in entity.names if n not in known.names)
            entity = GoldEntity(id=entity.id, kind=known.kind, names=names)
        entities[entity.id] = entity
        defined.add(entity.id)

    merges = _mapping(data.get("merges"), f"{where}: merges", problems)
    _unknown_keys(merges, frozenset({"must", "must_not"}), f"{where}: merges", problems)
    for pair in _sequence(merges.get("must_not"), f"{where}: must_not", problems):
        if not (
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
        ):
            problems.append(f"{where}: must_not entry {pair!r} is not a pair of ids")
            continue
        must_not.append((pair[0], pair[1]))
    return defined


def _load_entity(
    raw: object, where: str, corpus: Sequence[str], problems: list[str]
) -> GoldEntity | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: entity {raw!r} is not a mapping")
        return None
    _unknown_keys(raw, _ENTITY_KEYS, f"{where}: entity", problems)
    entity_id, kind, names = raw.get("id"), raw.get("kind"), raw.get("names")
    if not isinstance(entity_id, str) or kind not in ENTITY_KINDS:
        problems.append(f"{where}: entity {raw!r} needs an id and a kind in {sorted(ENTITY_KINDS)}")
        return None
    if not (isinstance(names, list) and names and all(isinstance(n, str) for n in names)):
        problems.append(f"{where}: entity {entity_id} needs a list of names")
        return None
    for name in names:
        if not any(name.casefold() in raw_text.casefold() for raw_text in corpus):
            problems.append(f"{where}: entity {entity_id} name {name!r} is in none of its articles")
    return GoldEntity(id=entity_id, kind=str(kind), names=tuple(names))


def _load_article(
    name: str, raw_article: object, articles_dir: Path, open_vocabulary: bool, problems: list[str]
) -> GoldArticle | None:
    path = articles_dir / name
    if not path.is_file():
        problems.append(f"{name}: no such article file in {articles_dir}")
        return None
    raw = path.read_text(encoding="utf-8")
    data = _mapping(raw_article, name, problems)
    _unknown_keys(data, _ARTICLE_KEYS, name, problems)
    figures = tuple(
        figure
        for i, item in enumerate(_sequence(data.get("figures"), f"{name}: figures", problems))
        if (figure := _load_figure(name, i, item, raw, open_vocabulary, problems)) is not None
    )
    quote_items = [
        (item, False) for item in _sequence(data.get("quotes"), f"{name}: quotes", problems)
    ] + [(item, True) for item in _sequence(data.get("not_speakers"), name, problems)]
    quotes = tuple(
        quote
        for i, (item, no_speaker) in enumerate(quote_items)
        if (quote := _load_quote(name, i, item, no_speaker, raw, problems)) is not None
    )
    not_figures = _strings(data.get("not_figures"), f"{name}: not_figures", problems)
    ignore = _strings(data.get("ignore"), f"{name}: ignore", problems)
    for text in (*not_figures, *ignore):
        if text not in raw:
            problems.append(f"{name}: {text!r} does not occur in the copy")
    for text in not_figures:
        for start in occurrences(raw, text):
            for figure in figures:
                if start < figure.raw_start + len(figure.text) and figure.raw_start < start + len(
                    text
                ):
                    problems.append(f"{name}: not_figure {text!r} overlaps figure {figure.text!r}")
    return GoldArticle(
        name=name,
        path=path,
        raw=raw,
        figures=figures,
        quotes=quotes,
        not_figures=not_figures,
        ignore=ignore,
    )


def _locate(
    name: str, text: str, context: str | None, occurrence: int, raw: str, problems: list[str]
) -> int | None:
    """Raw offset of `text` at its annotated place, or None (with a problem noted)."""
    needle = context if context is not None else text
    start = find_occurrence(raw, needle, occurrence)
    if start is None:
        problems.append(f"{name}: {needle!r} (occurrence {occurrence}) not found in the copy")
        return None
    if context is None:
        return start
    inner = context.find(text)
    if inner < 0:
        problems.append(f"{name}: context {context!r} does not contain {text!r}")
        return None
    return start + inner


def _load_figure(
    name: str, index: int, raw_figure: object, raw: str, open_vocabulary: bool, problems: list[str]
) -> GoldFigure | None:
    where = f"{name}: figure {index + 1}"
    data = _mapping(raw_figure, where, problems)
    _unknown_keys(data, _FIGURE_KEYS, where, problems)
    text, context, occurrence = data.get("text"), data.get("context"), data.get("occurrence", 1)
    value, upper = data.get("value"), data.get("upper_bound")
    approximation, unit, prop = data.get("approximation"), data.get("unit"), data.get("property")
    status, qualifier = data.get("status"), data.get("qualifier")
    if isinstance(qualifier, dt.date):  # YAML reads an unquoted 2019-06-09 as a date
        qualifier = qualifier.isoformat()
    ok = True
    if not isinstance(text, str) or not isinstance(occurrence, int):
        problems.append(f"{where}: needs text (and an integer occurrence)")
        return None
    where = f"{name}: figure {text!r}"
    if context is not None and not isinstance(context, str):
        problems.append(f"{where}: context must be a string")
        ok = False
    if isinstance(value, bool) or not isinstance(value, int | float):
        problems.append(f"{where}: value must be a number")
        ok = False
    if upper is not None and (isinstance(upper, bool) or not isinstance(upper, int | float)):
        problems.append(f"{where}: upper_bound must be a number or null")
        ok = False
    if approximation not in APPROXIMATIONS:
        problems.append(f"{where}: approximation {approximation!r} unknown")
        ok = False
    properties: tuple[str, ...] | None
    if open_vocabulary:
        properties = _open_properties(prop, where, problems)
        if properties is None:
            ok = False
        if not isinstance(unit, str) or not unit.strip():
            problems.append(f"{where}: unit must be a non-empty string")
            ok = False
    else:
        properties = () if prop is None else (prop,)
        if prop is not None and (not isinstance(prop, str) or prop not in PROPERTY_UNITS):
            problems.append(f"{where}: property {prop!r} is not a key in docs/extraction.md")
            ok = False
        if not isinstance(unit, str) or (
            isinstance(prop, str) and PROPERTY_UNITS.get(prop, unit) != unit
        ):
            problems.append(f"{where}: unit {unit!r} does not fit property {prop!r}")
            ok = False
    statuses = OPEN_STATUSES if open_vocabulary else STATUSES
    if status is not None and status not in statuses:
        problems.append(f"{where}: status {status!r} unknown")
        ok = False
    if qualifier is not None and not (isinstance(qualifier, str) and _QUALIFIER.match(qualifier)):
        problems.append(f"{where}: qualifier {qualifier!r} is not a date, period or since date")
        ok = False
    subject = _optional_str(data.get("subject"), f"{where}: subject", problems)
    attributed = _ids(data.get("attributed_to"), f"{where}: attributed_to", problems)
    attributed_text = _optional_str(data.get("attributed_to_text"), where, problems)
    context_str = context if isinstance(context, str) else None
    raw_start = _locate(name, text, context_str, occurrence, raw, problems)
    if not ok or raw_start is None or properties is None:
        return None
    assert isinstance(value, int | float)
    assert isinstance(unit, str)
    return GoldFigure(
        article=name,
        index=index,
        text=text,
        occurrence=occurrence,
        context=context_str,
        raw_start=raw_start,
        value=float(value),
        upper_bound=None if upper is None else float(upper),
        approximation=str(approximation),
        unit=unit,
        property=properties[0] if properties else None,
        subject=subject,
        qualifier=None if qualifier is None else str(qualifier),
        attributed_to=attributed,
        attributed_to_text=attributed_text,
        status=None if status is None else str(status),
        properties=properties,
    )


def _open_properties(value: object, where: str, problems: list[str]) -> tuple[str, ...] | None:
    """A snake_case key, a non-empty list of them, or null (); None when malformed."""
    if value is None:
        return ()
    keys = [value] if isinstance(value, str) else value
    if not (isinstance(keys, list) and keys and all(isinstance(k, str) for k in keys)):
        problems.append(f"{where}: property must be a key, a list of keys or null")
        return None
    bad = [k for k in keys if not _PROPERTY_KEY.match(k)]
    if bad:
        problems.append(f"{where}: property keys {bad!r} are not snake_case")
        return None
    return tuple(keys)


def _load_quote(
    name: str, index: int, raw_quote: object, no_speaker: bool, raw: str, problems: list[str]
) -> GoldQuote | None:
    where = f"{name}: quote {index + 1}"
    data = _mapping(raw_quote, where, problems)
    _unknown_keys(data, _NOT_SPEAKER_KEYS if no_speaker else _QUOTE_KEYS, where, problems)
    text, prefix = data.get("text"), data.get("prefix")
    occurrence, context = data.get("occurrence", 1), data.get("context")
    words = text if isinstance(text, str) else prefix
    if not isinstance(words, str) or (text is not None and prefix is not None):
        problems.append(f"{where}: needs exactly one of text or prefix")
        return None
    where = f"{name}: quote {words[:40]!r}"
    if prefix is not None and len(words) < 25 and not no_speaker:
        problems.append(f"{where}: a prefix needs at least 25 characters")
    if not isinstance(occurrence, int) or (context is not None and not isinstance(context, str)):
        problems.append(f"{where}: occurrence must be an integer and context a string")
        return None
    partial = data.get("partial")
    if partial is not None and not isinstance(partial, bool):
        problems.append(f"{where}: partial must be true or false")
        partial = None
    speakers = _ids(data.get("speaker"), f"{where}: speaker", problems)
    speaker_text = _optional_str(data.get("speaker_text"), f"{where}: speaker_text", problems)
    if not no_speaker and not speakers and speaker_text is None:
        problems.append(f"{where}: needs a speaker or a speaker_text (or belongs in not_speakers)")
    raw_start = _locate(name, words, context, occurrence, raw, problems)
    if raw_start is None:
        return None
    return GoldQuote(
        article=name,
        index=index,
        text=words,
        is_prefix=prefix is not None,
        occurrence=occurrence,
        context=context,
        raw_start=raw_start,
        speakers=speakers,
        speaker_text=speaker_text,
        partial=partial,
        no_speaker=no_speaker,
    )


def _check_references(
    entities: Mapping[str, GoldEntity],
    articles: Mapping[str, GoldArticle],
    must_not: Sequence[tuple[str, str]],
    strict_ids: Set[str],
    problems: list[str],
) -> None:
    owner: dict[str, str] = {}
    for entity in entities.values():
        for name in entity.names:
            other = owner.setdefault(normalize_name(name), entity.id)
            if other != entity.id and (other in strict_ids or entity.id in strict_ids):
                problems.append(f"name {name!r} is in clusters {other} and {entity.id}")
    for article in articles.values():
        for figure in article.figures:
            for ref in (figure.subject, *figure.attributed_to):
                if ref is not None and ref not in entities:
                    problems.append(f"{article.name}: figure {figure.text!r} names unknown {ref}")
        for quote in article.quotes:
            for ref in quote.speakers:
                if ref not in entities:
                    problems.append(
                        f"{article.name}: quote {quote.text[:30]!r} names unknown {ref}"
                    )
    for a, b in must_not:
        for ref in (a, b):
            if ref not in entities:
                problems.append(f"must_not pair ({a}, {b}) names unknown {ref}")


def _unknown_keys(
    data: Mapping[Any, Any], allowed: frozenset[str], where: str, problems: list[str]
) -> None:
    for key in data:
        if key not in allowed:
            problems.append(f"{where}: unknown key {key!r}")


def _mapping(value: object, where: str, problems: list[str]) -> dict[Any, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(f"{where}: must be a mapping")
        return {}
    return value


def _sequence(value: object, where: str, problems: list[str]) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(f"{where}: must be a list")
        return []
    return value


def _strings(value: object, where: str, problems: list[str]) -> tuple[str, ...]:
    items = _sequence(value, where, problems)
    if not all(isinstance(i, str) for i in items):
        problems.append(f"{where}: must be a list of strings")
        return ()
    return tuple(items)


def _optional_str(value: object, where: str, problems: list[str]) -> str | None:
    if value is None or isinstance(value, str):
        return value
    problems.append(f"{where}: must be a string or null")
    return None


def _ids(value: object, where: str, problems: list[str]) -> tuple[str, ...]:
    """An entity id, a list of acceptable ids, or null."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    problems.append(f"{where}: must be an entity id, a list of ids or null")
    return ()
