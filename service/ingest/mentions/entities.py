"""Finds names in a story body and groups them into the article's local entities.

Rules and word lists only (``gazetteer``): capitalised token runs, joined across
connectors inside organisation names, are cut into names; titles, possessives and
leading stop words are left out of a name; each name gets a kind from listed
places/organisations, head words, titles, given names, surname endings and speech
cues. Dated events written in lower case ("the June 9 presidential election") are
EVENT mentions. Coreference is local and explained: a surname joins the full name it
belongs to, an acronym joins the long name it abbreviates, spellings of one name join.

This module is the driver: the order in which the rules read. Tokens come from
``name_tokens``, runs and their cuts from ``runs``, titles cut off names from
``person_titles``, kinds from ``kinds``, descriptions from ``roles``, acronyms from
``acronyms``, headings from ``headings``, words that name nothing from ``not_names``,
lower-case names from ``lower_case_names``; the recogniser's check is ``recognised``, the
grouping into entities ``entity_groups``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.acronyms import link_acronyms, spelt_lists
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.entity_groups import group_mentions
from service.ingest.mentions.headings import (
    LINE,
    is_capitals_line,
    is_heading,
    listed_in_heading,
)
from service.ingest.mentions.kinds import kind_of_run
from service.ingest.mentions.lower_case_names import dated_events, lower_case_places
from service.ingest.mentions.name_tokens import (
    Token,
    capitalised_evidence,
    sentence_tokens,
    span_text,
)
from service.ingest.mentions.names import is_acronym, name_key
from service.ingest.mentions.not_names import (
    NUMBERED_STREET,
    is_capitals,
    lower_tail_outside_name,
    named_bodies_only,
    without_common_acronyms,
    without_street_compass,
)
from service.ingest.mentions.person_titles import (
    role_word,
    title_after_name,
    title_before_name,
    title_inside,
    title_length,
)
from service.ingest.mentions.recognised import reconcile
from service.ingest.mentions.roles import description, role_description
from service.ingest.mentions.runs import capitalised_runs, closed_surnames, shared_names, split_run
from service.ingest.mentions.titles import whole_titles
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate, Sentence

_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z-]*")
# "the 2010 Africa Cup of Nations": a year between "the" and an event's name
_EDITION = re.compile(r"\b[Tt]he ((?:19|20)\d\d) $")
_EDITION_HEADS = gz.EVENT_HEADS | gz.word_set("paralympics series tournament")
_STREET_HEADS = gz.word_set("street st st. avenue ave ave. road rd rd. boulevard blvd precinct")
# Stop words that are nouns: never a name alone ("the Internet"), but one may open a name
# of several words ("Internet Explorer", "Internet Archive").
_NAME_OPENING_NOUNS = frozenset({"internet"})
# Words that are no name alone but open names when printed with a capital inside a
# sentence ("All Nippon Airways", "First Amendment", "Three Musketeers", "Will Artino").
_NAME_OPENING_COUNTS = gz.word_set(
    "all most first second third one two three four five six seven eight nine ten will"
)


def find_mentions(
    body: str,
    sentences: tuple[Sentence, ...],
    doc: Doc | None = None,
    known_people: Sequence[str] = (),
) -> tuple[tuple[MentionCandidate, ...], tuple[LocalEntity, ...]]:
    """Names in ``body`` as mentions, and the article's entities they group into; with
    the body's parse, checked against the recogniser's names (``recognised.py``).
    ``known_people``: full names of people printed before the body (its standfirst)."""
    lower_words = set(_LOWER_WORD.findall(body))
    tokens_by_sentence = [sentence_tokens(body, s) for s in sentences]
    evidenced = capitalised_evidence(body, tokens_by_sentence)
    finder = _Finder(body, lower_words, evidenced)
    candidates: list[Candidate] = []
    for sentence, tokens in zip(sentences, tokens_by_sentence, strict=True):
        finder.sentence(sentence, tokens, candidates)
    candidates.extend(dated_events(body, sentences))
    candidates.extend(lower_case_places(body, sentences))
    candidates.sort(key=lambda c: c.start)
    candidates = without_street_compass(candidates)
    if doc is not None:
        candidates = reconcile(body, candidates, doc, [s.span.start for s in sentences])
        for cand in candidates:
            # a person only the recogniser found ("Judge Eugene H. Nickerson", whose
            # middle initial the rules stop at) is described as the rules' are
            if cand.kind is EntityKind.PERSON and cand.description is None:
                sentence = sentences[cand.sentence_index]
                cand.description = description(body, cand.start, cand.end, sentence)
    candidates = whole_titles(body, candidates)
    candidates = without_common_acronyms(named_bodies_only(candidates))
    return group_mentions(body, candidates, known_people)


class _Finder:
    """Reads the names of one body sentence by sentence; holds what the whole body says
    about its words (those printed in lower case, those capitalised where capitals are
    not forced)."""

    def __init__(self, body: str, lower_words: set[str], evidenced: set[str]) -> None:
        self.body = body
        self.lower_words = lower_words
        self.evidenced = evidenced

    def sentence(self, sentence: Sentence, tokens: list[Token], out: list[Candidate]) -> None:
        first_in_sentence = len(out)
        if is_heading(self.body[sentence.span.start : sentence.span.end]):
            out.extend(listed_in_heading(self.body, tokens, sentence))
            return
        # A line of capitals the sentence runs on from is a heading too ("ORAL ARGUMENT
        # OF GEN. ELIZABETH B. PRELOGAR ON BEHALF OF THE PETITIONERS" over a speech).
        shouted = list(LINE.finditer(self.body, sentence.span.start, sentence.span.end))
        if len(shouted) > 1:
            for line in shouted:
                if is_capitals_line(line.group(0)):
                    in_line = [t for t in tokens if line.start() <= t.start < line.end()]
                    out.extend(listed_in_heading(self.body, in_line, sentence))
                    tokens = [t for t in tokens if t not in in_line]
        for whole in capitalised_runs(self.body, tokens):
            for run in title_inside(whole):
                for segment in split_run(self.body, run):
                    candidate = self._candidate(segment, sentence)
                    if candidate is not None:
                        out.append(candidate)
        shared_names(self.body, out, first_in_sentence)
        spelt_lists(self.body, out, first_in_sentence)
        link_acronyms(self.body, out, first_in_sentence)

    def _candidate(self, segment: list[tuple[str, Token]], sentence: Sentence) -> Candidate | None:
        """The name a segment of a run is, if any: the words that are no name's cut off
        either end, the title before it cut off and read as the person's description, its
        kind, and the year of an edition or the number of a street taken in."""
        toks = [t for _, t in segment]
        connectors = [c for c, _ in segment]
        toks, connectors = self._without_leading_words(toks, connectors)
        toks, connectors = _without_trailing_words(self.body, toks, connectors)
        if not toks:
            return None
        words = [t.text for t in toks]
        if lower_tail_outside_name(words):
            return None
        listed_place = gz.place_canonical(span_text(self.body, toks))
        title_end = 0
        if listed_place is None and gz.organization_canonical(span_text(self.body, toks)) is None:
            title_end = title_length(words, connectors, over_of=True)
            if title_end == len(words) or all(gz.is_demonym(w) for w in words):
                return None
            if title_end == 0 and gz.is_demonym(words[0]) and words[-1].lower() not in gz.ORG_HEADS:
                while toks and gz.is_demonym(toks[0].text):
                    toks, connectors = toks[1:], connectors[1:]
                words = [t.text for t in toks]
        name_toks = toks[title_end:]
        if not name_toks or all(role_word(t.text) for t in name_toks):
            return None  # "Chief Executive Officer", "Executive Officer": a role, no name
        start, end = name_toks[0].start, name_toks[-1].end
        name = closed_surnames(" ".join(self.body[start:end].split()))
        name = gz.listed_spelling(name)  # a dateline: "NUR-SULTAN/ALMATY --"
        kind = kind_of_run(
            self.body,
            self.lower_words,
            self.evidenced,
            name,
            name_toks,
            connectors[title_end:],
            title_end > 0,
        )
        if kind is None:
            return None
        edition = _EDITION.search(self.body, max(0, start - 9), start)
        if edition is not None and any(w.lower() in _EDITION_HEADS for w in name.split()):
            # "the 2012 Summer Paralympics": the year names the edition of the event
            start, kind = edition.start(1), EntityKind.EVENT
            name = " ".join(self.body[start:end].split())
        numbered = NUMBERED_STREET.search(self.body, max(0, start - 20), start)
        if numbered is not None and name.split()[-1].lower() in _STREET_HEADS:
            # "223rd Street", "the 67th Precinct": the number is part of the name, and so
            # is a compass word before it ("East 77th Street")
            start, kind = numbered.start(), EntityKind.PLACE
            name = " ".join(self.body[start:end].split())
        description = None
        if kind is EntityKind.PERSON:
            description = role_description(
                self.body, toks[0].start if title_end else start, start, end, sentence
            )
        return Candidate(start, end, name, kind, sentence.index, description)

    def _without_leading_words(
        self, toks: list[Token], connectors: list[str]
    ) -> tuple[list[Token], list[str]]:
        """The run without the words that open it and are no name's: stop words and
        capitals forced at a sentence start with no evidence of a name, and a connector
        left first after them ("Shares of Siemens")."""
        # Leading stop words and unevidenced sentence-initial common words are not names;
        # a listed name keeps its first word ("Law and Justice won ...").
        while toks and (
            (
                toks[0].text.lower() in gz.STOP_WORDS
                and not is_capitals(toks[0].text)
                and not self._opens_name_mid_sentence(toks, connectors)
                # "Internet Explorer": a noun the list holds so that it is no name alone
                and not (
                    toks[0].text.lower() in _NAME_OPENING_NOUNS
                    and len(toks) > 1
                    and connectors[1] == ""
                )
            )
            or (
                toks[0].initial
                and not self._has_evidence(toks[0].text)
                and gz.organization_canonical(span_text(self.body, toks)) is None
                and (
                    len(toks) == 1
                    or connectors[1] not in ("", "particle")
                    # "Nonpartisan Paul Tse": a word the copy also prints in lower case,
                    # before a person's given name and more
                    or (
                        len(toks) >= 3
                        and toks[0].text.lower() in self.lower_words
                        and gz.is_given_name(toks[1].text)
                    )
                )
            )
        ):
            toks, connectors = toks[1:], connectors[1:]
            # "Shares of Siemens": nor a connector left first
            while (
                connectors
                and connectors[0] not in ("", "particle")
                and gz.organization_canonical(span_text(self.body, toks)) is None
            ):
                toks, connectors = toks[1:], connectors[1:]
        return toks, connectors

    def _opens_name_mid_sentence(self, toks: list[Token], connectors: list[str]) -> bool:
        """Whether a capitalised count, ordinal or quantifier is the first word of the name
        after it: printed with its capital inside a sentence, after a lower-case word or a
        comma (not in a headline's capitals), right before another capitalised word: "the
        first customer, All Nippon Airways", "still pushing the All Ordinaries", "the First
        Amendment", "The Three Musketeers", "Will Artino". At a sentence start the capital
        says nothing ("All Airbus staff", "Most Democrats")."""
        first = toks[0]
        if (
            first.initial
            or len(toks) < 2
            or connectors[1] != ""
            or first.text.lower() not in _NAME_OPENING_COUNTS
        ):
            return False
        before = self.body[: first.start].rstrip(" ")
        return before[-1:].islower() or before[-1:] in (",", ";", ":", "(")

    def _has_evidence(self, word: str) -> bool:
        """Whether a word whose capital is forced is a name's all the same: printed
        capitalised elsewhere, listed, a given name, or an acronym never in lower case."""
        return (
            word in self.evidenced
            or gz.place_canonical(word) is not None
            or gz.organization_canonical(word) is not None
            or gz.is_given_name(word)
            or (is_acronym(word) and word.lower() not in self.lower_words)
        )


def _without_trailing_words(
    body: str, toks: list[Token], connectors: list[str]
) -> tuple[list[Token], list[str]]:
    """The run without the words that end it and are no name's: a measure's acronym ("US
    CPI"), a title cut short before the next name ("Oregon State Police Lt."), a title in
    the possessive after the body it is held in ("L.A. County Sheriff's Deputy")."""
    while toks and toks[-1].text.lower() in gz.MEASURE_ACRONYMS:
        toks, connectors = toks[:-1], connectors[:-1]  # "US CPI": the place alone
    while len(toks) > 1 and title_before_name(body, toks[-1]):
        toks, connectors = toks[:-1], connectors[:-1]  # "Oregon State Police Lt."
    if title_after_name(body, toks, connectors):
        toks, connectors = toks[:-1], connectors[:-1]  # "L.A. County Sheriff's Deputy"
    return toks, connectors


__all__ = ["Candidate", "find_mentions", "name_key"]
