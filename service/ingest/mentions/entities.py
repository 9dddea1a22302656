"""Finds names in a story body and groups them into the article's local entities.

Rules and word lists only (``gazetteer``): capitalised token runs, joined across
connectors inside organisation names, are cut into names; titles, possessives and
leading stop words are left out of a name; each name gets a kind from listed
places/organisations, head words, titles, given names, surname endings and speech
cues. Dated events written in lower case ("the June 9 presidential election") are
EVENT mentions. Coreference is local and explained: a surname joins the full name it
belongs to, an acronym joins the long name it abbreviates, spellings of one name join.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from service.ingest.figures.dates import CALENDAR_WORDS
from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.entity_groups import group_mentions
from service.ingest.mentions.names import initials, is_acronym, name_key
from service.ingest.mentions.recognised import reconcile
from service.ingest.mentions.titles import whole_titles
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate, Sentence

_UPPER = "".join(
    chr(c)
    for c in (*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x370, 0x530))
    if chr(c).isupper()
)
# A capitalised word (with hyphenated, apostrophe, slash or dotted parts) or U.S.-style
# initials; an Arabic article prefix ("al-Assad") belongs to the word.
_TOKEN = re.compile(
    r"(?<![\w-])(?<!\w['’])(?:(?:al|el|ad|as|ash|at|ar|an|bin|ibn)-)?"
    rf"(?:(?:[A-Z]\.){{2,}}|[{_UPPER}][\w]*(?:[-'’./&][\w]+)*)"
)
# A number that a listed name carries after its word: "FTSE 100", "S&P 500's".
_LISTED_NUMBER = re.compile(r"( \d{2,4})\b(['’]s)?")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z-]*")
_GAP_CONNECTORS = {
    " of ": "of",
    " of the ": "of",
    " for ": "for",
    " for the ": "for",
    " and ": "and",
    " & ": "and",
    " on ": "on",
    " in ": "in",
    " against ": "against",
}
_PARTICLES = frozenset(
    {"de", "da", "du", "des", "del", "der", "den", "van", "von", "la", "le", "dos", "bin", "ibn"}
)
_CLAUSE_WORDS = gz.SPEECH_CUES | {"who", "which", "whose", "that"}
_NAMED_CUES = frozenset(("named", "called", "dubbed"))
_ROLE_WORDS = gz.CORE_TITLES | gz.TITLE_MODIFIERS | gz.ROLE_NOUNS
_PORTFOLIO_TITLES = frozenset({"minister", "secretary", "commissioner"})
# Words that end a role read backwards from a name: function words and the verbs that
# put a name in the object position ("met German Chancellor Olaf Scholz").
_BACK_STOPS = (
    gz.STOP_WORDS
    | gz.SPEECH_CUES
    | gz.word_set(
        """who was is were by as met meets meeting visited visit called thanked praised
        accused criticised criticized urged asked replaced succeeded appointed elected
        defeated backed welcomed joined saw see sees beat beaten named selected chose
        blamed sued arrested detained released killed signed signing re-signed hired"""
    )
)
_APPOSITION = re.compile(
    r",\s+(?:(?:a|an|the|his|her|their|its)\s+)?([^,.;:()\"“”]{2,120}?)(?=[,.;:)]|$)"
)
_WORD = re.compile(r"[\w'’-]+")
_DESCRIPTION_WORD = re.compile(r"[^\W\d_][\w-]*|\d+-[\w-]+")  # "former", "78-year-old"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATED_EVENT = re.compile(
    rf"\b(?:{_MONTHS}) \d{{1,2}}(?: [a-z][a-z-]*){{0,3}}? "
    r"(?:election|elections|poll|polls|vote|referendum|balloting)\b"
)
_SURNAME_ENDINGS = gz.SURNAME_SUFFIXES
# "the 2010 Africa Cup of Nations": a year between "the" and an event's name
_EDITION = re.compile(r"\b[Tt]he ((?:19|20)\d\d) $")
_EDITION_HEADS = gz.EVENT_HEADS | gz.word_set("paralympics series tournament")
_NUMBERED_STREET = re.compile(r"\b(?:(?:East|West|North|South) )?\d+(?:st|nd|rd|th) $")
_STREET_HEADS = gz.word_set("street st st. avenue ave ave. road rd rd. boulevard blvd precinct")
# Legal forms printed after a company's name and a comma
_LEGAL_FORMS = frozenset({"Inc", "Ltd", "LLC", "Corp", "Co", "plc", "PLC", "AG", "SA", "NV", "LP"})
_TAIL_SPLIT = re.compile(r"[-'’]")
# A month cut short, before the day it dates: "Feb. 3", "Sept. 12, 2008", "Sep 14".
_SHORT_MONTHS = frozenset(
    m for m in CALENDAR_WORDS if len(m) <= 4 and m not in ("may", "june", "july")
)
_DAY_AFTER_MONTH = re.compile(r"\.?\s+\d{1,2}\b")
# Titles cut short ("Lt.", "Capt."), never whole words ("Burger King. Then ..."), and the
# full stop of one, then the name it titles: "Lt. Gregg Hastings".
_SHORT_TITLES = gz.word_set(
    "sen gov dr prof gen col lt capt sgt adm rev rep const det supt insp cpl maj cmdr"
)
_TITLE_THEN_NAME = re.compile(rf"\. [{_UPPER}]")
# The first word of a place named for where it lies: "Gulf of Aden", "Strait of Hormuz".
_WATER_AND_LAND = gz.word_set(
    "gulf bay strait straits sea ocean lake river isle island islands cape horn mount"
)
# Saint, Mount and Fort cut short at the start of a name; "Main St." ends one instead.
_GENERIC_HEADS = gz.word_set(
    "company program programme project network institute institution club press store "
    "family group foundation association society centre center fund agency corporation "
    "firm organization organisation bureau service"
)
_COMPASS_WORDS = gz.word_set(
    "north south east west northern southern eastern western central upper lower"
)
_SHORT_PLACE_WORDS = frozenset({"St", "Mt", "Ft"})
_OPENING_QUOTES = "\"'“‘(["
# Capitalised words listed with commas, "and" and "&" up to the end of the text searched
_SPELT_LIST = re.compile(rf"[{_UPPER}][\w'’-]*(?:(?:, | and | & |, and | )[{_UPPER}][\w'’-]*)+$")
_CAPITALISED = re.compile(rf"[{_UPPER}][\w'’-]*")
# Titles, and the corporate ones the title list lacks, that sit inside a run of capitals
# between a body's name and its holder ("HP CIO Randy Mott").
_INSIDE_TITLES = gz.CORE_TITLES | gz.word_set("cio co-founder cofounder founder vp")
# Titles printed after the name of the body or the place they are held in ("LA County
# Sheriff", "HP CIO"); not those that follow another word of an office ("Surgeon
# General", "Crown Counsel") or end a name ("Burger King", "Orange Prince").
_TRAILING_TITLES = (
    gz.CORE_TITLES | gz.word_set("cio co-founder cofounder founder vp")
) - gz.word_set("general counsel king queen prince princess lord lady dame sir father pope")
# Stop words that are nouns: never a name alone ("the Internet"), but one may open a name
# of several words ("Internet Explorer", "Internet Archive").
_NAME_OPENING_NOUNS = frozenset({"internet"})
# Last words of a street's, a road's or a square's name: where a body is, never what it
# is about ("the bank on Highway 214", "a shop on Main Street").
_WHERE_HEADS = gz.word_set(
    "street avenue boulevard road lane highway route motorway freeway square plaza drive way"
    " interstate"
)
# Words that are no name alone but open names when printed with a capital inside a
# sentence ("All Nippon Airways", "First Amendment", "Three Musketeers", "Will Artino").
_NAME_OPENING_COUNTS = gz.word_set(
    "all most first second third one two three four five six seven eight nine ten will"
)
_CLOSING_QUOTES = "\"'”’)]"


@dataclass(slots=True)
class _Token:
    start: int
    end: int  # end of the name part: a possessive 's is left out
    text: str
    initial: bool  # first word of its sentence (or after a dateline dash / colon)
    possessive: bool


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
    tokens_by_sentence = [_tokens(body, s) for s in sentences]
    evidenced = _capitalised_evidence(body, tokens_by_sentence)
    finder = _Finder(body, lower_words, evidenced)
    candidates: list[Candidate] = []
    for sentence, tokens in zip(sentences, tokens_by_sentence, strict=True):
        finder.sentence(sentence, tokens, candidates)
    candidates.extend(_dated_events(body, sentences))
    candidates.extend(_lower_case_places(body, sentences))
    candidates.sort(key=lambda c: c.start)
    candidates = _without_street_compass(candidates)
    if doc is not None:
        candidates = reconcile(body, candidates, doc, [s.span.start for s in sentences])
        for cand in candidates:
            # a person only the recogniser found ("Judge Eugene H. Nickerson", whose
            # middle initial the rules stop at) is described as the rules' are
            if cand.kind is EntityKind.PERSON and cand.description is None:
                sentence = sentences[cand.sentence_index]
                cand.description = finder.description(cand.start, cand.end, sentence)
    candidates = whole_titles(body, candidates)
    candidates = _without_common_acronyms(_named_bodies_only(candidates))
    return group_mentions(body, candidates, known_people)


def _without_common_acronyms(candidates: list[Candidate]) -> list[Candidate]:
    """A name that is only the acronym of a common noun or a measure names nothing ("a
    GPS receiver", "4GB of RAM", "arrested on a DUI charge", "47 KO's", "7 p.m. EDT",
    "(0241 GMT Friday)"), whichever rule or the recogniser read it as an organisation;
    inside a longer name it stays ("Apple TV")."""
    common = gz.TERM_ACRONYMS | gz.MEASURE_ACRONYMS
    return [c for c in candidates if c.name.lower() not in common]


def _without_street_compass(candidates: list[Candidate]) -> list[Candidate]:
    """The compass word a numbered street starts with is the street's ("East 223rd
    Street", `_NUMBERED_STREET`), no place of its own ("East")."""
    streets = [
        c
        for c in candidates
        if c.kind is EntityKind.PLACE
        and _NUMBERED_STREET.fullmatch(" ".join(c.name.split()[:2]) + " ")
        and c.name.split()[0] in ("East", "West", "North", "South")
    ]
    return [
        c
        for c in candidates
        if not any(s is not c and s.start <= c.start and c.end <= s.end for s in streets)
    ]


def _named_bodies_only(candidates: list[Candidate]) -> list[Candidate]:
    """A generic head word alone ("Company", "Program", "Club", "Institute") is a body's
    short name only where the article names that body in full: "the Institute" after
    "the Brookings Institute". With no such name it is the cut end of one the rules
    could not read whole ("Sam's Club", "the iPhone Developer Program") or a word
    capitalised in house style ("our Company"), and no entity."""
    words_in_full = {w for c in candidates if " " in c.name for w in c.name.lower().split()}
    return [
        c
        for c in candidates
        if c.name.lower() not in _GENERIC_HEADS or c.name.lower() in words_in_full
    ]


def _tokens(body: str, sentence: Sentence) -> list[_Token]:
    out: list[_Token] = []
    start, end = sentence.span.start, sentence.span.end
    lead = start  # where the sentence's words begin, after opening quotes and brackets
    while lead < end and body[lead] in _OPENING_QUOTES:
        lead += 1
    for m in _TOKEN.finditer(body, start, end):
        text = m.group(0)
        tok_end = m.end()
        possessive = text.endswith(("'s", "’s"))
        if possessive:
            text = text[:-2]
            tok_end -= 2
        # Capitals are forced at a sentence start, after a dateline dash or colon, and
        # at the start of a quotation or parenthesis.
        before = body[max(start, m.start() - 4) : m.start()]
        initial = (
            m.start() <= lead
            or before.endswith(("(", "“", '"', "‘", " '", "('"))
            or before.rstrip().endswith(("--", "—", "–", ":"))
        )
        owned = _LISTED_NUMBER.match(body, m.end(), end) if possessive else None
        if owned is not None and any(
            gz.organization_canonical(body[t.start : m.end()] + owned.group(1)) for t in out[-3:]
        ):
            # "Standard & Poor's 500": a listed name with a possessive inside it
            text, tok_end, possessive = text + owned.group(1), owned.end(1), False
        listed = _LISTED_NUMBER.match(body, tok_end, end) if not possessive else None
        if listed is not None and gz.organization_canonical(text + listed.group(1)):
            text += listed.group(1)  # "FTSE 100", "S&P 500", "Nikkei 225": listed names
            tok_end = listed.end(1)
            possessive = listed.group(2) is not None
        # "NUR-SULTAN/ALMATY", "the Singapore-Sydney route": listed places side by side,
        # each a name (no listed place is two listed places joined by a hyphen)
        parts = text.split("/" if "/" in text else "-")
        if len(parts) > 1 and all(gz.place_canonical(p.title()) for p in parts):
            pos = m.start()
            for part in parts:
                out.append(_Token(pos, pos + len(part), part, initial, False))
                pos += len(part) + 1
            continue
        if text.lower() in _SHORT_MONTHS and _DAY_AFTER_MONTH.match(body, tok_end):
            continue  # "on Feb. 3": a date, no name ("Jan Egeland" keeps his given name)
        out.append(_Token(m.start(), tok_end, text, initial, possessive))
    return out


def _capitalised_evidence(body: str, tokens_by_sentence: list[list[_Token]]) -> set[str]:
    """Words written capitalised on their own where capitals are not forced ("said
    Zaitov"), and last words of two-word names ("Rinat Zaitov")."""
    seen: set[str] = set()
    for tokens in tokens_by_sentence:
        for i, tok in enumerate(tokens):
            joined_before = i > 0 and _joined(body, tokens[i - 1], tok)
            joined_after = i + 1 < len(tokens) and _joined(body, tok, tokens[i + 1])
            if not tok.initial and not joined_before and not joined_after:
                seen.add(tok.text)
            elif (
                joined_after
                and body[tok.end : tokens[i + 1].start] == " "
                and (
                    i + 2 >= len(tokens)
                    or not _joined(body, tokens[i + 1], tokens[i + 2])
                    # "Claudia Sheinbaum on Sunday": a day joins no name
                    or tokens[i + 2].text.lower() in CALENDAR_WORDS
                )
            ):
                seen.add(tokens[i + 1].text)
    return seen


def _joined(body: str, left: _Token, right: _Token) -> bool:
    gap = body[left.end : right.start]
    return not left.possessive and (gap == " " or gap in _GAP_CONNECTORS)


class _Finder:
    def __init__(self, body: str, lower_words: set[str], evidenced: set[str]) -> None:
        self.body = body
        self.lower_words = lower_words
        self.evidenced = evidenced

    def sentence(self, sentence: Sentence, tokens: list[_Token], out: list[Candidate]) -> None:
        first_in_sentence = len(out)
        if _is_heading(self.body[sentence.span.start : sentence.span.end]):
            out.extend(self._listed_in_heading(tokens, sentence))
            return
        # A line of capitals the sentence runs on from is a heading too ("ORAL ARGUMENT
        # OF GEN. ELIZABETH B. PRELOGAR ON BEHALF OF THE PETITIONERS" over a speech).
        shouted = list(_LINE.finditer(self.body, sentence.span.start, sentence.span.end))
        if len(shouted) > 1:
            for line in shouted:
                if _is_capitals_line(line.group(0)):
                    in_line = [t for t in tokens if line.start() <= t.start < line.end()]
                    out.extend(self._listed_in_heading(in_line, sentence))
                    tokens = [t for t in tokens if t not in in_line]
        for whole in self._runs(tokens):
            for run in self._title_inside(whole):
                for segment in self._split_run(run):
                    candidate = self._candidate(segment, sentence)
                    if candidate is not None:
                        out.append(candidate)
        self._shared_names(out, first_in_sentence)
        self._spelt_lists(out, first_in_sentence)
        self._link_acronyms(out, first_in_sentence)

    def _shared_names(self, out: list[Candidate], first: int) -> None:
        """A compass word before "and" and a name opening with another shares that name's
        rest: "North and South Korea" is "North Korea" and "South Korea", "East and West
        Timor" "East Timor" and "West Timor", not a place called "North". A mention prints
        its own words, so where the body names the shared name in full elsewhere, the
        bare word is no mention at all (the full one stands for it); else it is the
        shared name's only mention, and names it."""
        for i in range(len(out) - 1, max(first, 1) - 1, -1):
            left, right = out[i - 1], out[i]
            words = right.name.split()
            if not (
                left.name.lower() in _COMPASS_WORDS
                and len(words) > 1
                and words[0].lower() in _COMPASS_WORDS
                and self.body[left.end : right.start] in (" and ", " or ", " & ")
            ):
                continue
            shared = " ".join([left.name, *words[1:]])
            if re.search(rf"(?<![\w-]){re.escape(shared)}(?![\w-])", self.body):
                del out[i - 1]
            else:
                left.name, left.kind = shared, right.kind

    def _listed_in_heading(self, tokens: list[_Token], sentence: Sentence) -> list[Candidate]:
        """In a heading ('POET DETAINED IN ALMATY') capitals say nothing: listed names only."""
        found: list[Candidate] = []
        i = 0
        while i < len(tokens):
            for width in range(min(4, len(tokens) - i), 0, -1):
                toks = tokens[i : i + width]
                name = self._span_text(toks)
                if gz.place_canonical(name) is not None:
                    kind = EntityKind.PLACE
                elif gz.organization_canonical(name) is not None:
                    kind = EntityKind.ORGANIZATION
                else:
                    continue
                name = gz.listed_spelling(name)
                found.append(Candidate(toks[0].start, toks[-1].end, name, kind, sentence.index))
                i += width - 1
                break
            i += 1
        return found

    def _runs(self, tokens: list[_Token]) -> list[list[tuple[str, _Token]]]:
        """Consecutive capitalised tokens; each carries the connector before it ('' = space)."""
        runs: list[list[tuple[str, _Token]]] = []
        current: list[tuple[str, _Token]] = []
        for n, tok in enumerate(tokens):
            if current:
                prev = current[-1][1]
                gap = self.body[prev.end : tok.start]
                connector = self._connector(gap) if not prev.possessive else None
                if gap == ". " and len(prev.text) == 1 and not prev.possessive:
                    connector = ""  # a middle initial: "Michael R. Golden"
                if (
                    gap == ". "
                    and prev.text in _SHORT_PLACE_WORDS
                    and (
                        len(current) == 1
                        or current[-1][0] not in ("", "particle")
                        or current[-2][1].text.lower() in gz.STOP_WORDS  # "The St. Louis plant"
                    )
                ):
                    connector = ""  # "St. Louis", "Mt. Vernon": Saint, Mount, Fort cut short
                if gap == ": " and self._subtitled(current, tokens[n:]):
                    connector = "subtitle"  # "Batman: The Animated Series"
                if gap == ", " and tok.text.rstrip(".") in _LEGAL_FORMS:
                    continue  # "YRC Worldwide, Inc.": the legal form is no name of its own
                if connector is not None:
                    current.append((connector, tok))
                    continue
                runs.append(current)
            current = [("", tok)]
        if current:
            runs.append(current)
        return runs

    @staticmethod
    def _title_inside(run: list[tuple[str, _Token]]) -> list[list[tuple[str, _Token]]]:
        """A title inside a run of capitals, between a body's or a place's name and the
        person holding it ("Qeshm Governor Mehdi Irannejad", "DNC Chair Tom Perez",
        "Boeing Chief Financial Officer Michael Sears"), or with what it is of between it
        and the person ("Chief of Detectives Charlie Beck", "European Commissioner for
        Competition Neelie Kroes"): the title is in neither name, so the run is cut into
        the words before the title and the person's name (the title is read back from the
        name as its description). Only when the name is a person's: two to four words, no
        role word or listed name among them, opened by a given name unless the title is
        right before it. A title that opens the run ("German Chancellor Angela Merkel",
        "Commerce Secretary Gary Locke") is the rules' usual case (`_title_length`)."""
        words = [t.text for _, t in run]
        connectors = [c for c, _ in run]
        titles = [i for i, w in enumerate(words) if w.lower().rstrip(".") in _INSIDE_TITLES]
        if not titles or _Finder._title_length(words, connectors) > 0:
            return [run]  # "German Chancellor Angela Merkel": the usual title before a name
        last = titles[-1]
        # where each word after the title would end a name opened there: at the next
        # connector ("Ruth Hale on Monday" is cut there later, as any run is)
        ends = [
            next(
                (e for e in range(k + 1, len(run)) if connectors[e] not in ("", "particle")),
                len(run),
            )
            for k in range(len(run))
        ]
        name = next(
            (
                k
                for k in range(last + 1, len(words))
                if (gz.is_given_name(words[k]) or k == last + 1)
                and connectors[k] == ""
                and 2 <= ends[k] - k <= 4
                and not any(_role_word(w) or w.lower() in gz.STOP_WORDS for w in words[k : ends[k]])
            ),
            None,
        )
        if name is None:
            return [run]
        tail = words[name : ends[name]]
        if (
            tail[-1].lower() in gz.ORG_HEADS
            or tail[-1].lower() in gz.PLACE_HEADS
            or gz.place_canonical(" ".join(tail))
            or gz.organization_canonical(" ".join(tail))
        ):
            return [run]
        start = last
        while (
            start > 0
            and connectors[start] == ""
            and _role_word(words[start - 1])
            # "Troy Police Chief", "New York City Mayor": the body's or place's own word
            and words[start - 1].lower() not in gz.ORG_HEADS
            and gz.place_canonical(" ".join(words[:start])) is None
        ):
            start -= 1  # "Boeing Chief Financial Officer": the whole title goes
        # what the title is of, when listed: "Acting President of Kenya William Ruto"
        of = " ".join(words[last + 1 : min(ends[last + 1], name)]) if name > last + 1 else ""
        listed = bool(of) and bool(gz.place_canonical(of) or gz.organization_canonical(of))
        middle = run[last + 1 : min(ends[last + 1], name)] if listed else []
        parts = (run[:start], middle, run[name:])
        return [[("", p[0][1]), *p[1:]] for p in parts if p]

    def _subtitled(self, title: list[tuple[str, _Token]], after: list[_Token]) -> bool:
        """Whether capitalised words after a colon are the subtitle of a work named before
        it, in running text ("in Counter-Strike: Global Offensive"): the title is printed
        after a lower-case word, the subtitle is two capitalised words or more, and the
        sentence goes on or ends after it."""
        first = title[0][1]
        before = self.body[max(0, first.start - 20) : first.start].split()
        if first.initial or not before or not before[-1].islower():
            return False
        words = [after[0]]
        for tok in after[1:]:
            if self.body[words[-1].end : tok.start] != " ":
                break
            words.append(tok)
        named = [t for t in words if t.text.lower() not in gz.STOP_WORDS]
        following = self.body[words[-1].end : words[-1].end + 1]
        return len(named) >= 2 and following in ("", ",", ".", ";", ")", " ")

    @staticmethod
    def _connector(gap: str) -> str | None:
        if gap and gap.isspace() and "\n" not in gap:
            return ""
        if gap in _GAP_CONNECTORS:
            return _GAP_CONNECTORS[gap]
        word = gap.strip()
        if gap.startswith(" ") and gap.endswith(" ") and word in _PARTICLES:
            return "particle"
        return None

    def _split_run(self, run: list[tuple[str, _Token]]) -> list[list[tuple[str, _Token]]]:
        """Cuts a run at connectors that join two names rather than sit inside one."""
        segments: list[list[tuple[str, _Token]]] = []
        current: list[tuple[str, _Token]] = []
        for i, (connector, tok) in enumerate(run):
            if i == 1 and self._spelt_out(run):
                segments.append(current)  # "TARP Troubled Assets Relief Program"
                current = []
            elif (
                current
                and connector not in ("", "particle", "subtitle")
                and not self._keeps(current, run, i)
            ):
                segments.append(current)
                current = []
                connector = ""
            current.append((connector, tok))
        segments.append(current)
        return segments

    def _spelt_out(self, run: list[tuple[str, _Token]]) -> bool:
        """Whether the run is an acronym followed by the name it abbreviates, spelt out:
        two names ("TARP", "Troubled Assets Relief Program"), the first standing for
        the second."""
        acronym = run[0][1].text
        if len(run) < 3 or not is_acronym(acronym) or run[1][0] != "":
            return False
        spelt = self.body[run[1][1].start : run[-1][1].end]
        return initials(spelt) == "".join(c for c in acronym.lower() if c.isalpha())

    def _keeps(self, left: list[tuple[str, _Token]], run: list[tuple[str, _Token]], i: int) -> bool:
        connector = run[i][0]
        left_words = [t.text for _, t in left]
        joined = self.body[left[0][1].start : run[i][1].end]
        if (
            gz.is_listed_prefix(joined)
            or gz.place_canonical(joined)
            or gz.organization_canonical(joined)
        ):
            return True
        if left_words[0].lower() in gz.STOP_WORDS and len(left_words) == 1:
            return False
        if connector in ("in", "on") and self._when_or_where(run, i):
            return False  # "the Betty Ford Center in May", "the West Coast Bank on Highway 214"
        if self.body[left[-1][1].end : run[i][1].start] == " & ":
            return True  # "Johnson & Johnson", "Procter & Gamble": one name
        if (
            connector in ("on", "for", "of")
            and left_words[-1].lower() in gz.NAMED_FOR_SUBJECT
            and (left_words[-1].lower() not in gz.CORE_TITLES or self._owned(left_words))
        ):
            # "Convention on Biological Diversity": named for what it is about; a title
            # only as an organisation's office ("United Nations High Commissioner for
            # Refugees"), not before its holder ("European Commissioner for Competition
            # Neelie Kroes")
            return True
        head_first = any(w.lower() in gz.ORG_HEAD_FIRST for w in left_words)
        if (
            connector == "of"
            and not head_first
            and len(left_words) >= 2
            and run[-1][1].possessive
            and left_words[-1].lower() not in gz.ORG_HEADS
        ):
            return False  # "Regina Ip of the New People's Party": a person, then her party
        if connector == "of" and len(left_words) >= 2 and self._of_place(left_words, run, i):
            return False  # "Nicolae Ceausescu of Romania": a person, then the place
        if connector == "of":
            return not gz.is_given_name(left_words[0]) or len(left_words) == 1
        if not head_first:
            return False
        if connector == "and":
            # "Bureau for Human Rights and Rule of Law and Human Rights Charter Foundation":
            # cut where the words after "and" make a name of their own.
            end = i
            while end + 1 < len(run) and run[end + 1][0] in ("", "particle"):
                end += 1
            rest = [t.text for _, t in run[i : end + 1]]
            tail = self.body[run[i][1].start : run[end][1].end]
            if rest[-1].lower() in gz.ORG_HEADS or gz.is_given_name(rest[0]):
                return False
            return not (gz.place_canonical(tail) or gz.organization_canonical(tail))
        return True

    def _when_or_where(self, run: list[tuple[str, _Token]], i: int) -> bool:
        """Whether the words after "in" or "on" say when or where, not what a body is
        about: a month or a day ("checked into the Betty Ford Center in May"), or a street,
        a road or a square ("the West Coast Bank on Highway 214"); "Organization for
        Security and Cooperation in Europe", "Committee on Homeland Security" go on."""
        end = i
        while end + 1 < len(run) and run[end + 1][0] in ("", "particle"):
            end += 1
        words = [t.text.lower().rstrip(".") for _, t in run[i : end + 1]]
        return words[0] in CALENDAR_WORDS or words[-1] in _WHERE_HEADS

    def _of_place(self, left_words: list[str], run: list[tuple[str, _Token]], i: int) -> bool:
        """Whether a name of two words or more before "of" is a person's, or a title and a
        person's, and what follows "of" a listed place: "President Emmanuel Macron of
        France", "Nicolae Ceausescu of Romania", "King Abdullah of Saudi Arabia". A body or
        a place is named of a place ("Federal Reserve Bank of New York", "University of
        Texas", "Democratic Republic of Congo" is listed): no head word before "of"."""
        end = i + 1
        while end < len(run) and run[end][0] in ("", "particle"):
            end += 1
        place = self.body[run[i][1].start : run[end - 1][1].end]
        if gz.place_canonical(place) is None:
            return False
        heads = gz.ORG_HEADS | gz.ORG_HEAD_FIRST | gz.PLACE_HEADS
        return not any(w.lower() in heads for w in left_words) and not gz.is_listed_prefix(
            " ".join(left_words)
        )

    @staticmethod
    def _owned(words: list[str]) -> bool:
        """Whether the words open with a listed organisation's name ("United Nations")."""
        return any(gz.organization_canonical(" ".join(words[:n])) for n in (1, 2, 3))

    def _candidate(self, segment: list[tuple[str, _Token]], sentence: Sentence) -> Candidate | None:
        toks = [t for _, t in segment]
        connectors = [c for c, _ in segment]
        # Leading stop words and unevidenced sentence-initial common words are not names;
        # a listed name keeps its first word ("Law and Justice won ...").
        while toks and (
            (
                toks[0].text.lower() in gz.STOP_WORDS
                and not _is_capitals(toks[0].text)
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
                and gz.organization_canonical(self._span_text(toks)) is None
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
            while (
                connectors
                and connectors[0] not in ("", "particle")
                and gz.organization_canonical(self._span_text(toks)) is None  # "Shares of Siemens"
            ):
                toks, connectors = toks[1:], connectors[1:]
        while toks and toks[-1].text.lower() in gz.MEASURE_ACRONYMS:
            toks, connectors = toks[:-1], connectors[:-1]  # "US CPI": the place alone
        while len(toks) > 1 and self._title_before_name(toks[-1]):
            toks, connectors = toks[:-1], connectors[:-1]  # "Oregon State Police Lt."
        if self._title_after_name(toks, connectors):
            toks, connectors = toks[:-1], connectors[:-1]  # "L.A. County Sheriff's Deputy"
        if not toks:
            return None
        words = [t.text for t in toks]
        if any(_has_lower_tail(w) for w in words):
            return None
        listed_place = gz.place_canonical(self._span_text(toks))
        title_end = 0
        if listed_place is None and gz.organization_canonical(self._span_text(toks)) is None:
            title_end = self._title_length(words, connectors, over_of=True)
            if title_end == len(words) or all(gz.is_demonym(w) for w in words):
                return None
            if title_end == 0 and gz.is_demonym(words[0]) and words[-1].lower() not in gz.ORG_HEADS:
                while toks and gz.is_demonym(toks[0].text):
                    toks, connectors = toks[1:], connectors[1:]
                words = [t.text for t in toks]
        name_toks = toks[title_end:]
        if not name_toks or all(_role_word(t.text) for t in name_toks):
            return None  # "Chief Executive Officer", "Executive Officer": a role, no name
        start, end = name_toks[0].start, name_toks[-1].end
        name = " ".join(self.body[start:end].split())
        name = gz.listed_spelling(name)  # a dateline: "NUR-SULTAN/ALMATY --"
        kind = self._kind(name, name_toks, connectors[title_end:], title_end > 0)
        if kind is None:
            return None
        edition = _EDITION.search(self.body, max(0, start - 9), start)
        if edition is not None and any(w.lower() in _EDITION_HEADS for w in name.split()):
            # "the 2012 Summer Paralympics": the year names the edition of the event
            start, kind = edition.start(1), EntityKind.EVENT
            name = " ".join(self.body[start:end].split())
        numbered = _NUMBERED_STREET.search(self.body, max(0, start - 20), start)
        if numbered is not None and name.split()[-1].lower() in _STREET_HEADS:
            # "223rd Street", "the 67th Precinct": the number is part of the name, and so
            # is a compass word before it ("East 77th Street")
            start, kind = numbered.start(), EntityKind.PLACE
            name = " ".join(self.body[start:end].split())
        description = None
        if kind is EntityKind.PERSON:
            description = self._description(
                toks[0].start if title_end else start, start, end, sentence
            )
        return Candidate(start, end, name, kind, sentence.index, description)

    def _opens_name_mid_sentence(self, toks: list[_Token], connectors: list[str]) -> bool:
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

    def _title_after_name(self, toks: list[_Token], connectors: list[str]) -> bool:
        """Whether the last word is a title in the possessive printed after the name of the
        body or the place it is held in: "L.A. County Sheriff's Deputy Jerry Ortiz", "the
        Lakewood Sheriff's station". The title is no part of that name; a body named so
        keeps it ("the Albany County Sheriff's Department"), and so does a title that names
        an office with the word before it ("Surgeon General's") and a listed name. Only
        after a listed place or body, or a name ending in a place's or a body's head word
        ("Abed Sultan's" is a person's name)."""
        if len(toks) < 2 or connectors[-1] != "" or not toks[-1].possessive:
            return False
        after = _WORD.match(self.body, toks[-1].end + 3)
        if (
            after is not None
            and after.group(0).istitle()
            and after.group(0).lower() in gz.ORG_HEADS
        ):
            return False  # "the Albany County Sheriff's Department": the body's own name
        last = toks[-1].text.lower().rstrip(".")
        if last not in _TRAILING_TITLES:
            return False
        span, held_in = self._span_text(toks), self._span_text(toks[:-1])
        return not (
            gz.organization_canonical(span) or gz.place_canonical(span) or _role_word(toks[-2].text)
        ) and bool(
            gz.place_canonical(held_in)
            or gz.organization_canonical(held_in)
            or toks[-2].text.lower() in gz.PLACE_HEADS | gz.ORG_HEADS
        )

    def _title_before_name(self, tok: _Token) -> bool:
        """Whether a title cut short ends the run before the name it belongs to: "the
        Oregon State Police Lt. Gregg Hastings", "Woodburn Police Department Capt. Tom
        Tennant". The full stop ended the run; the title is no part of the body's name."""
        return (
            tok.text.lower() in _SHORT_TITLES
            and _TITLE_THEN_NAME.match(self.body, tok.end) is not None
        )

    def _span_text(self, toks: list[_Token]) -> str:
        return " ".join(self.body[toks[0].start : toks[-1].end].split())

    def _has_evidence(self, word: str) -> bool:
        return (
            word in self.evidenced
            or gz.place_canonical(word) is not None
            or gz.organization_canonical(word) is not None
            or gz.is_given_name(word)
            or (is_acronym(word) and word.lower() not in self.lower_words)
        )

    @staticmethod
    def _title_length(words: list[str], connectors: list[str], over_of: bool = False) -> int:
        """How many leading words form a title ('Deputy Interior Minister'), 0 if none.
        A role noun leading a name of two words or more is one too ('Businessman Aisultan
        Nazarbayev', 'Activist Ermek Kassymenuly'); before a single word it may be the
        name itself ('Son Heung-min'). With ``over_of``, a title may run on over "of" to
        what it is of (`_title_of_then_name`); a title inside a longer run is cut apart
        before (`_title_inside`)."""
        last_core = 0
        # "Environment Minister John Baird", "Home Affairs Secretary ...": a portfolio of
        # a word or two before the title, when a name of two words or more follows.
        portfolio = next(
            (i for i, w in enumerate(words[1:3], 1) if w.lower() in _PORTFOLIO_TITLES), 0
        )
        if (
            portfolio
            and len(words) - portfolio - 1 >= 2
            and all(c in ("", "particle") for c in connectors[1 : portfolio + 1])
        ):
            words = ["Minister"] * (portfolio + 1) + words[portfolio + 1 :]
        words = _glued_titles(words, connectors)
        for i, word in enumerate(words):
            lowered = word.lower().rstrip(".")
            if lowered in gz.CORE_TITLES or (
                i == 0 and lowered in gz.ROLE_NOUNS and len(words) >= 3
            ):
                last_core = i + 1
            elif lowered not in gz.TITLE_MODIFIERS and not gz.is_demonym(word):
                break
        if last_core == len(words):
            return last_core
        if last_core and connectors[last_core] in ("of", "for") and over_of:
            return _title_of_then_name(words, connectors, last_core)
        if last_core and connectors[last_core] in ("", "particle"):
            rest = words[last_core:]
            if rest[-1].lower() in gz.ORG_HEADS or gz.place_canonical(" ".join(rest)):
                return 0  # "General Assembly", "President Hotel": not a title before a name
            return last_core
        return 0

    def _kind(
        self, name: str, toks: list[_Token], connectors: list[str], titled: bool
    ) -> EntityKind | None:
        words = [t.text for t in toks]
        last = words[-1].lower()
        if len(words) == 1 and is_acronym(name):
            if name.lower() in gz.MEASURE_ACRONYMS:
                return None  # "German GDP contracted": a measure, not an organisation
            if gz.unit_after_number(self.body, toks[0].start, toks[-1].end):
                return None  # "16 GB", "2 GHz": a unit after its number
            if gz.place_canonical(name):
                return EntityKind.PLACE
            bracketed = (
                self.body[toks[0].start - 1 : toks[0].start] == "("
                and self.body[toks[-1].end : toks[-1].end + 1] == ")"
            )
            common = name.lower() in self.lower_words or name.lower() in gz.STOP_WORDS
            if common and not bracketed and gz.organization_canonical(name) is None:
                return None  # "IT", "WHO" in a shouted line: words, not acronyms
            return EntityKind.ORGANIZATION
        if gz.place_canonical(name):
            return EntityKind.PLACE
        if gz.organization_canonical(name):
            return EntityKind.ORGANIZATION
        if "subtitle" in connectors:
            return EntityKind.OTHER  # a work's title: a show, a game, a book
        if last in gz.ORG_HEADS or (
            len(words) > 1 and words[0].lower() in gz.ORG_HEAD_FIRST and connectors[1] != ""
        ):
            return EntityKind.ORGANIZATION
        if len(words) > 1 and last in gz.PLACE_HEADS:
            return EntityKind.PLACE
        if len(words) > 1 and last in gz.EVENT_HEADS:
            return EntityKind.EVENT
        if len(words) > 1 and words[0] in _SHORT_PLACE_WORDS:
            return EntityKind.PLACE  # "Mt. Vernon", "St. Louis"
        if len(words) > 1 and words[0].lower() in _WATER_AND_LAND and connectors[1] == "of":
            return EntityKind.PLACE  # "Gulf of Aden", "Horn of Africa", "Bay of Biscay"
        if titled or (len(words) > 1 and gz.is_given_name(words[0])):
            return EntityKind.PERSON
        if self._org_noun_beside(toks[0].start, toks[-1].end):
            return EntityKind.ORGANIZATION
        if words[-1].lower().endswith(_SURNAME_ENDINGS) and all(c == "" for c in connectors[1:]):
            return EntityKind.PERSON
        if self._speech_cue_beside(toks[0].start, toks[-1].end) and len(words) <= 3:
            return EntityKind.PERSON
        if len(words) > 1 and any(c not in ("", "particle") for c in connectors[1:]):
            return EntityKind.ORGANIZATION
        if len(words) == 1:
            if name.lower() in self.lower_words and name not in self.evidenced:
                return None
            return EntityKind.OTHER
        if len(words) <= 3 and all(
            w.lower() not in gz.STOP_WORDS
            and w.lower() not in self.lower_words
            and not gz.is_demonym(w)
            for w in words
        ):
            return EntityKind.PERSON
        return EntityKind.OTHER

    def _org_noun_beside(self, start: int, end: int) -> bool:
        after = _WORD.match(self.body, end + 1) if self.body[end : end + 1] == " " else None
        if after is not None and after.group(0).lower() in gz.ORG_NOUNS:
            return True
        m = _APPOSITION.match(self.body, self._after_parenthesis(end))
        if m is not None and m.group(1).split()[0].lower() in gz.ORG_NOUNS:
            return True
        before = self.body[max(0, start - 30) : start].split()
        return bool(before) and before[-1].rstrip(",").lower() in gz.ORG_NOUNS

    def _after_parenthesis(self, end: int) -> int:
        """Position after a '(ACRONYM)' that directly follows a name, else ``end``."""
        if self.body.startswith(" (", end):
            close = self.body.find(")", end, end + 14)
            if close != -1:
                return close + 1
        return end

    def _speech_cue_beside(self, start: int, end: int) -> bool:
        after = _WORD.match(self.body, end + 1) if self.body[end : end + 1] == " " else None
        if after is not None and after.group(0).lower() in gz.SPEECH_CUES:
            return True
        before = self.body[max(0, start - 12) : start].split()
        return bool(before) and before[-1].lower() in gz.SPEECH_CUES

    def description(self, start: int, end: int, sentence: Sentence) -> str | None:
        """The role written before or after the name at ``start``..``end``, no title of
        the rules' own before it."""
        return self._description(start, start, end, sentence)

    def _description(
        self, title_start: int, name_start: int, name_end: int, sentence: Sentence
    ) -> str | None:
        """The role written before the name ('former journalist') or in an apposition."""
        words: list[str] = []
        if title_start < name_start:
            # the rules' own title, in lower case but for a people's or a place's word
            # ("deputy public defender", "home affairs secretary")
            words = [
                w if gz.is_demonym(w) else w.lower()
                for w in self.body[title_start:name_start].split()
            ]
        window_start = max(sentence.span.start, title_start - 80)
        at_sentence_start = window_start == sentence.span.start
        before = self.body[window_start:title_start]
        back = before.split(" ")[:-1] if before.endswith(" ") else []
        if back and back[-1].lower() in _NAMED_CUES:
            back = back[:-1]
        if back and (words or back[-1].lower() in gz.ROLE_NOUNS):
            taken: list[str] = []
            rev = list(reversed(back))
            for n, word in enumerate(rev):
                lowered = word.lower()
                following = rev[n + 1].lower() if n + 1 < len(rev) else ""
                if lowered == "and" and taken and following in gz.ROLE_NOUNS:
                    taken.append(word)  # "banker and minister Mukhtar Ablyazov"
                    continue
                if (
                    not _DESCRIPTION_WORD.fullmatch(word)
                    or lowered in _BACK_STOPS
                    or (
                        word[0].isupper()
                        and n > 0
                        and not (n == len(rev) - 1 and at_sentence_start)
                        and lowered not in _ROLE_WORDS
                        and not gz.is_demonym(word)
                    )
                ):
                    break
                taken.append(word)
            words = [*reversed(taken), *words]
        if not words:
            m = _APPOSITION.match(self.body, name_end, sentence.span.end)
            phrase = m.group(1).split() if m is not None else []
            if (
                0 < len(phrase) <= 12
                and any(w.lower() in gz.ROLE_NOUNS for w in phrase[:5])
                and not any(w.lower() in _CLAUSE_WORDS for w in phrase)
            ):
                words = phrase
        if not words:
            return None
        return " ".join(
            w.lower() if (n == 0 and not gz.is_demonym(w)) or w.lower() in _ROLE_WORDS else w
            for n, w in enumerate(words)
        )

    def _spelt_lists(self, out: list[Candidate], first: int) -> None:
        """Capitalised words listed with commas and "and" before the acronym they spell, in
        brackets, are one name: "Maintenance, Repair and Overhaul (MRO)", "Aircraft
        Communications Addressing and Reporting System (ACARS)". The rules cut such a list
        into its words; the acronym says the words are one name's."""
        while self._spelt_list(out, first):
            pass  # each list merged moves the indices: look again

    def _spelt_list(self, out: list[Candidate], first: int) -> bool:
        """Merges the first list spelt by an acronym after it (`_spelt_lists`); whether any."""
        for i in range(max(first, 1), len(out)):
            acronym = out[i]
            if not (
                is_acronym(acronym.name)
                and self.body[acronym.start - 2 : acronym.start] == " ("
                and self.body.startswith(")", acronym.end)
            ):
                continue
            letters = "".join(c for c in acronym.name.lower() if c.isalpha())
            listed = _SPELT_LIST.search(self.body, out[first].start, acronym.start - 2)
            if listed is None:
                continue
            words = list(_CAPITALISED.finditer(self.body, listed.start(), listed.end()))
            if len(words) < len(letters):
                continue
            start = words[-len(letters)].start()
            text = self.body[start : listed.end()]
            if initials(text) != letters or not any(s in text for s in (", ", " and ", " & ")):
                continue
            inside = [
                n for n in range(first, i) if start <= out[n].start and out[n].end <= listed.end()
            ]
            if (
                len(inside) < 2  # one name already, or none
                or out[inside[0]].start != start
                or out[inside[-1]].end != listed.end()
            ):
                continue
            kind = out[inside[-1]].kind
            if kind in (EntityKind.PERSON, EntityKind.PLACE):
                kind = EntityKind.OTHER  # a list of words is no one's name nor a place's
            merged = Candidate(
                start, listed.end(), " ".join(text.split()), kind, acronym.sentence_index
            )
            out[inside[0] : inside[-1] + 1] = [merged]
            return True
        return False

    def _link_acronyms(self, out: list[Candidate], first: int) -> None:
        """'Organization for Security and Cooperation in Europe (OSCE)': OSCE abbreviates it."""
        for i in range(max(first, 1), len(out)):
            acronym, long = out[i], out[i - 1]
            if (
                is_acronym(acronym.name)
                and self.body[long.end : acronym.start] == " ("
                and self.body.startswith(")", acronym.end)
                and long.kind not in (EntityKind.PERSON, EntityKind.PLACE)
                and gz.organization_canonical(acronym.name)
                in (None, gz.organization_canonical(long.name))
            ):
                acronym.acronym_of = long
                acronym.kind = long.kind = (
                    EntityKind.ORGANIZATION if long.kind is EntityKind.OTHER else long.kind
                )


def _title_of_then_name(words: list[str], connectors: list[str], core: int) -> int:
    """How many leading words form a title that runs on over "of" or "for" to what it is
    of, then its holder's name: "Secretary of the Interior Dirk Kempthorne", "Minister of
    State for Trade Ana Ruiz". The name is the last two or three words, glued, opened by
    a given name or right after the title's own words ("Interior", "State"); 0 when there
    is none, or when those words name a body or a place ("Chairman of the Paul Allen
    Foundation")."""
    own = next(
        (k for k in range(core, len(words)) if words[k].lower() not in gz.TITLE_MODIFIERS),
        len(words),
    )
    for k in range(max(core + 1, len(words) - 3), len(words) - 1):
        rest = words[k:]
        if (
            (gz.is_given_name(words[k]) or k == own > core)
            and connectors[k] == ""
            and all(c in ("", "particle") for c in connectors[k + 1 :])
            and rest[-1].lower() not in gz.ORG_HEADS | gz.PLACE_HEADS
            and not any(_role_word(w) for w in rest)
            and gz.place_canonical(" ".join(rest)) is None
            and gz.organization_canonical(" ".join(rest)) is None
        ):
            return k
    return 0


def _glued_titles(words: list[str], connectors: list[str]) -> list[str]:
    """The leading words with titles the title words alone do not make read as one core
    title each, when a name of two words or more follows: a title of two words whose
    words are no title alone ("Deputy Public Defender Peter Lynch", "Chief Patrol Agent
    Rodney Scott", "Chief Executive Hector Ruiz") and a player's position or a club's
    general manager in capitals ("RB Reggie Bush", "GM Theo Epstein"); "GM" is General
    Motors too, so it is a title only before a given name ("the GM Total Confidence
    plan")."""
    words = list(words)
    first = words[0].lower()
    if (
        len(words) >= 3
        and words[0].isupper()
        and first in gz.POSITION_ABBREVIATIONS
        and (first != "gm" or gz.is_given_name(words[1]))
    ):
        words[0] = "Minister"
    for i in range(len(words) - 3):
        pair = f"{words[i]} {words[i + 1]}".lower()
        if pair in gz.TWO_WORD_TITLES and connectors[i + 1] == "" and connectors[i + 2] == "":
            words[i : i + 2] = ["Minister", "Minister"]
    return words


def _role_word(word: str) -> bool:
    """A word of a role or title ("Chief", "Executive", "Officer"), never of a name alone."""
    lowered = word.lower().rstrip(".")
    return lowered in gz.PERSON_ROLES or lowered in gz.TITLE_MODIFIERS or lowered in gz.CORE_TITLES


def _is_capitals(word: str) -> bool:
    """'WHO', 'OSCE': an acronym even when it spells a common word."""
    return len(word) > 1 and word.isupper()


def _is_heading(text: str) -> bool:
    """All capitals, or a title-cased line without final punctuation: a subheading."""
    if not any(c.islower() for c in text):
        return True
    if text.rstrip(_CLOSING_QUOTES)[-1:] in ".!?:;,":
        return False
    words = text.split()
    capitalised = sum(1 for w in words if w.lstrip(_OPENING_QUOTES)[:1].isupper())
    return len(words) >= 2 and capitalised >= 0.6 * len(words)


_LINE = re.compile(r"[^\n]+")


def _is_capitals_line(text: str) -> bool:
    """A line of two words or more in capitals only: a heading."""
    return len(text.split()) >= 2 and not any(c.islower() for c in text)


def _has_lower_tail(word: str) -> bool:
    """'US-based', 'Kremlin-backed', "I've": not a name."""
    parts = _TAIL_SPLIT.split(word)
    return len(parts) > 1 and parts[-1][:1].islower() and parts[0] not in ("al", "el", "ad")


def _dated_events(body: str, sentences: tuple[Sentence, ...]) -> list[Candidate]:
    """'the June 9 presidential election': an EVENT named by its date."""
    found: list[Candidate] = []
    for sentence in sentences:
        for m in _DATED_EVENT.finditer(body, sentence.span.start, sentence.span.end):
            inner = m.group(0).split()[2:-1]
            if any(w in gz.STOP_WORDS for w in inner):
                continue
            found.append(
                Candidate(m.start(), m.end(), m.group(0), EntityKind.EVENT, sentence.index)
            )
    return found


# Places copy names in lower case: "inflation in the euro zone", "the euro area economy".
_LOWER_CASE_PLACES = re.compile(r"\beuro[ -]?(?:zone|area)\b")


def _lower_case_places(body: str, sentences: tuple[Sentence, ...]) -> list[Candidate]:
    """The places copy prints in lower case, named as the gazetteer lists them."""
    found: list[Candidate] = []
    for sentence in sentences:
        for m in _LOWER_CASE_PLACES.finditer(body, sentence.span.start, sentence.span.end):
            name = gz.place_canonical(m.group(0)) or m.group(0)
            found.append(Candidate(m.start(), m.end(), name, EntityKind.PLACE, sentence.index))
    return found


__all__ = ["Candidate", "find_mentions", "name_key"]
