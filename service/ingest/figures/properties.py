"""What a number measures, of whom, and on whose word: rules over one sentence.

Each rule reads only the figure's sentence (plus, for fallbacks, the article's places),
so every decision can be explained by pointing at the words that triggered it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from service.ingest.figures.number_match import NumberMatch
from service.ingest.mentions.places import countries_of, place_type, same_place
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate

_CLAUSE_BREAK = re.compile(r"[;:]|\s[-–—]{1,2}\s|\b(?:while|but|after|because|although|whereas)\b")
_DETAINED = re.compile(
    r"\b(?:arrest(?:ed|s|ing)?|detain(?:ed|ing|s)?|detentions?|held|rounded\s+up|custody|"
    r"jailed|imprisoned)\b",
    re.IGNORECASE,
)
_INJURED = re.compile(r"\b(?:injur(?:ed|ies|y)|wounded|hurt|hospitali[sz]ed)\b", re.IGNORECASE)
_PROTEST = re.compile(
    r"\b(?:protest(?:ed|ing|s)?|rall(?:ied|y|ies)|gathered|marched|demonstrat(?:ed|ions?))\b",
    re.IGNORECASE,
)
_PROTESTER_NOUNS = frozenset({"protesters", "protestors", "demonstrators"})
_VOTE = re.compile(
    r"\b(?:votes?|ballots?|polls?|won|wins?|took|received|got|gets|gave|secured|garnered"
    r"|polled|elected|re-elected|election"
    # a place in the count: "Kosanov was second with about 16%", "came a distant third"
    r"|(?:came|finished|was|placed|ended|trailed)\s+(?:\w+\s+){0,2}?"
    r"(?:second|third|fourth|fifth|last))\b",
    re.I,
)
# The people a survey asked, or what they answered: their share is an answer, never a
# vote ("62 percent of respondents said", "35 percent who believed the violence ...").
_RESPONDENTS = re.compile(
    r"\s+of\s+(?:the\s+|those\s+)?(?:respondents|(?:people|adults|voters|americans|those)\s+"
    r"(?:asked|polled|surveyed|questioned))\b"
    r"|\s+(?:who\s+)?(?:said|say|says|believed|believe|believes|thought|think|thinks|felt"
    r"|feel|feels|agreed|agree|agrees|disagreed|disagree|considered|consider)\b",
    re.IGNORECASE,
)
# Words only a story about a vote prints: an election, a referendum, a ballot, polling,
# voters, candidates, "percent of the vote". A vote share is read only in such a story:
# elsewhere a share a company "took" of a market, or a county "43 percent black" in a
# sentence about opinion polls, or what jurors "voted", is no candidate's share of a vote.
_ELECTORAL = re.compile(
    r"\b(?:elect(?:ion|ions|ed|oral|orate)|re-elected|ballots?|referend\w*|polling"
    r"|voters?|candidates?|run-?offs?|primaries|caucus\w*|plebiscite)\b"
    r"|\bof\s+the\s+(?:popular\s+)?vote\b",
    re.IGNORECASE,
)
_TURNOUT_BEFORE = re.compile(r"\bturnout\b[^.;,]{0,60}$", re.IGNORECASE)
_TURNOUT_AFTER = re.compile(r"^\s*(?:turnout)\b", re.IGNORECASE)
# "-led" after a name says who heads a group, no term in power: "an EADS-led consortium
# signed a 27-year contract", "the Saudi-led coalition has fought for four years".
_IN_POWER = re.compile(
    r"\b(?:rul(?:e|ed|ing)|in\s+power|reign(?:ed)?|regime|at\s+the\s+helm|(?<!-)led)\b", re.I
)
# "after nearly three decades in power"
_IN_POWER_AFTER = re.compile(r"\s+(?:in\s+(?:power|office)|at\s+the\s+helm)\b", re.I)
_KEPT = re.compile(r"\b(?:kept|held|detained|custody|jailed)\b", re.IGNORECASE)
_WINDOW = 60

_SPEECH_VERBS = (
    "said", "says", "told", "announced", "reported", "stated", "claimed", "estimated",
    "confirmed", "added", "claims", "estimates",
)  # fmt: skip
# The present of the same verbs, in lower case only ("the United States" states nothing):
# "Officials say", "a source tells THR", "Haiti ... confirms the death toll has reached".
_PRESENT_VERBS = ("say(?!\\s*,)", "tells", "confirms", "announces")  # "say, of": a filler
# Forms a noun shares ("the states", "according to reports"), a verb only before "that":
# "the Communications Minister states that", "The Reuters news agency reports that".
_THAT_VERBS = ("states", "state", "reports", "report")
_AUXILIARIES = ("has", "have", "had")
# Every cue starts with one of these letters; checking it first spares the engine trying
# each case-insensitive word at every word start.
_SPEECH_INITIALS = "".join(
    sorted(
        {w[0] for w in (*_SPEECH_VERBS, *_PRESENT_VERBS, *_THAT_VERBS, *_AUXILIARIES)}
        | {"a"}  # according to
    )
)
_SPEECH = re.compile(
    rf"\b(?=[{_SPEECH_INITIALS}])(?:(?:(?:{'|'.join(_AUXILIARIES)})\s+)?"
    rf"(?P<verb>(?:{'|'.join(_SPEECH_VERBS)})\b|(?-i:{'|'.join(_PRESENT_VERBS)})\b"
    rf"|(?-i:{'|'.join(_THAT_VERBS)})(?=\s+that\b))|according\s+to\b)",
    re.IGNORECASE,
)
# A verb of telling that tells nothing: "didn't say why", "would later say", "to say".
_NOT_TOLD = re.compile(
    r"(?:(?:\b(?:not|do|does|did|will|would|could|should|can|may|might|must|shall)|n['’]t)"
    r"(?:\s+\w+)?|\bto)\s+$",
    re.IGNORECASE,
)
# Where a speaker's words start: a comma, a quote mark (not an apostrophe), "that".
_CHUNK_START = re.compile(r"[,;:“”\"]|[‘’'](?![a-z])|\bthat\b|^", re.IGNORECASE)
_CLOSING_QUOTE = re.compile(r"[”\"’'],?\s*$")
_NOT_A_SPEAKER = re.compile(
    r"\b(?:when|while|because|if|after|before|where|whose)\b"
    r"|\b(?:was|were|is|are|been|be|being)(?:\s+(?:not|never|also|first))?$"  # passive
    r"|\d",
    re.IGNORECASE,
)
_AFTER_VERB_END = re.compile(
    r"[,.;:]|\s(?:at|in|on|during|with|after|before|that)\s|\s[(]|\s(?:--|[–—])\s"
)
# A full stop inside a name ends no source: "the U.S. Geological Survey", "F.B.I.
# surveillance reports", "said state Rep. Barry Fleming".
_ABBREVIATED = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof|Jr|Sr|Inc|Co|Corp))$"
)
_TRAILING_TIME = re.compile(
    r"(?:\s+(?:also|early|late|again))*\s+(?:(?:early|late)\s+)?"
    r"(?:on|last|in\s+a\s+statement|at\s+a\s+news\s+conference)\b[^,]*$|\s+(?:also|again)$",
    re.IGNORECASE,
)
# "claimed 244 pilgrims' lives", "claimed the lives of": a disaster's toll, no claim.
_TOOK_LIVES = re.compile(
    r"(?<=claimed|.claims)\s+(?:the\s+lives\b|(?:[\w,]+\s+){1,2}(?:[\w-]+['’]?\s+)?lives\b)",
    re.IGNORECASE,
)
# A cue with nothing before it but "and"/"but" runs on from the sentence's subject.
_JOINING = frozenset({"and", "but"})
# Who "they say" or "you say": people in general, no source ("they said" is someone).
_ANYONE = frozenset({"they", "you", "people"})
_LEADING_NOISE = re.compile(r"^(?:and|but|so|then|also|meanwhile)\s+", re.IGNORECASE)
_RELATIVE = re.compile(r"^(?:which|who|whom|that|what|as)\b", re.IGNORECASE)
# A cue verb after an article, "of", "new" or a number is an adjective ("an estimated
# 5,000", "the reported toll", "the number of confirmed cases", "14 new confirmed cases");
# after a possessive it is a noun ("to present their claims to officials").
# So is one joined to an adverb by a hyphen ("a recently-announced restructuring", "the
# widely-reported demand").
_ADJECTIVAL = re.compile(
    r"(?:\b(?:an?|the|of|new|my|your|his|her|its|our|their)|\d)\s+$|\b\w+ly-$", re.IGNORECASE
)
# Words that name no one: function words alone ("at an"), the speaker's "I" and "we".
_NO_NAME = re.compile(
    r"(?:(?:at|an?|the|in|on|of|to|for|by|with|from|it|its|this|there)\b\s*)+"
    r"|(?:I|I['’]m|I['’]ve|we|we['’]re|we['’]ve)"
    r"|(?:having|being|after|before|while|when|since)",  # "..., having reported profits"
    re.IGNORECASE,
)
_AUXILIARY_END = re.compile(
    r"(?:\s+(?:had|has|have|was|is|also|reportedly|officially))*"
    r"\s+(?:won|took|received|got|secured|garnered|gained|polled|taking|winning|receiving)"
    r"(?:\s+(?:a\s+mere|only|just))?\s*$",
    re.IGNORECASE,
)
_CITY_BEFORE = re.compile(r"\b(?:city|capital|town)(?:\s+of)?,?\s*$", re.IGNORECASE)
_CITY_AFTER = re.compile(
    r"^(?:,\s*(?:the\s+)?[\w’'-]+\s+(?:largest|biggest|second|main|capital)\b"
    r"|(?:,\s*[A-Z][\w-]*)*,?\s+and\s+other\s+(?:towns\s+and\s+)?cities)",
)


def is_possessive(body: str, mention: MentionCandidate) -> bool:
    return mention.text.endswith(("'s", "’s")) or body[mention.span.end :].startswith(("'s", "’s"))


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: cut at ';', dashes, 'while', 'after'..."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right_m = _CLAUSE_BREAK.search(text, end)
    return max(left, start - _WINDOW), min(right_m.start() if right_m else len(text), end + _WINDOW)


def election_story(text: str) -> bool:
    """Whether the copy is about a vote: it names an election, a ballot, a candidate or
    voters ("the June 9 election", "the opposition candidate got 16 percent")."""
    return _ELECTORAL.search(text) is not None


def choose_property(
    number: NumberMatch, text: str, start: int, end: int, *, election: bool = True
) -> str | None:
    """The property key a figure measures, from its unit, noun and the clause's words.

    ``election`` says whether the story is about a vote (``election_story``): only there
    is a percent in a sentence that says "took", "won" or "poll" a vote share."""
    if number.is_age:
        return "age"
    left, right = clause_bounds(text, start, end)
    before, after = text[left:start], text[end:right]
    around = before + " " + after
    if number.unit == "percent":
        if _TURNOUT_BEFORE.search(text[:start]) or _TURNOUT_AFTER.match(after):
            return "turnout"
        if _RESPONDENTS.match(text, end):
            return None  # "62 percent of respondents said": a poll's answer, no candidate's
        return "vote_share" if election and _VOTE.search(text) else None
    if number.unit == "years":
        in_power = _IN_POWER.search(text[:start]) or _IN_POWER_AFTER.match(text, end)
        return "years_in_power" if in_power else None
    if number.unit in ("hours", "days", "weeks"):
        return "detention_duration" if _KEPT.search(text[:start]) else None
    if number.unit not in ("people", "count"):
        return None
    noun = number.noun or ""
    event = _nearest_cue(text, left, start, end, right)
    if event is not None:
        return event
    if noun in ("observers", "monitors"):
        return "observers"
    if noun == "candidates":
        return "candidates"
    if noun in ("registered voters", "eligible voters"):
        return "registered_voters"
    if noun in _PROTESTER_NOUNS or (
        _PROTEST.search(around) and (number.unit == "people" or number.approximation == "VAGUE")
    ):
        return "protesters"
    return None


def _nearest_cue(text: str, left: int, start: int, end: int, right: int) -> str | None:
    """ "injured" or "detained", whichever cue word sits nearest the figure in its clause."""
    best: tuple[int, str] | None = None
    for prop, cue in (("injured", _INJURED), ("detained", _DETAINED)):
        for m in cue.finditer(text, left, right):
            if start <= m.start() < end or _held_no_one(text, m.start(), m.end()):
                continue
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or distance < best[0]:
                best = (distance, prop)
    return best[1] if best else None


# "held" detains no one where it holds an event or a hope: "the election, held under a
# new constitution", "held out hope", "held talks".
_HELD_EVENT = re.compile(
    r"\b(?:election|elections|vote|poll|polls|referendum|talks|meeting|summit|ceremony"
    r"|conference|race|games|session|rally|funeral|service|hearing|trial),?\s*$",
    re.IGNORECASE,
)
_HELD_SOMETHING = re.compile(
    r"\s+(?:out|up|back|off|talks|office|power|elections|hands|meetings?"
    r"|(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+)?(?:meeting|talks|election|vote|summit"
    r"|conference|ceremony|rally|referendum|hearing|session|lead|majority|record|title|post"
    r"|seat|position|view|belief))\b",
    re.IGNORECASE,
)


def _held_no_one(text: str, start: int, end: int) -> bool:
    """Whether the cue "held" at ``text[start:end]`` holds an event or a hope, not people
    ("500 others who were held a day earlier" are held)."""
    if text[start:end].lower() != "held":
        return False
    return bool(
        _HELD_EVENT.search(text, max(0, start - 30), start) or _HELD_SOMETHING.match(text, end)
    )


class SentenceMentions:
    """The mentions of one sentence, with helpers to find the one a rule needs."""

    def __init__(
        self,
        body: str,
        sentence_start: int,
        mentions: Sequence[MentionCandidate],
        entities: Sequence[LocalEntity],
        cities: frozenset[int] = frozenset(),
    ) -> None:
        self.body = body
        self.offset = sentence_start
        self.cities = cities
        self.mentions = [m for m in mentions if m.local_entity >= 0]
        self.entities = entities

    def kind(self, mention: MentionCandidate) -> EntityKind:
        if 0 <= mention.local_entity < len(self.entities):
            return self.entities[mention.local_entity].kind
        return mention.kind

    def of_kind(self, *kinds: EntityKind) -> list[MentionCandidate]:
        return [m for m in self.mentions if self.kind(m) in kinds]

    def last_before(
        self, pos: int, *kinds: EntityKind, possessive: bool = False
    ) -> MentionCandidate | None:
        """The last mention of ``kinds`` ending at or before body offset ``pos``."""
        found = [
            m
            for m in self.of_kind(*kinds)
            if m.span.end <= pos and (possessive or not is_possessive(self.body, m))
        ]
        return found[-1] if found else None

    def within(
        self, start: int, end: int, *kinds: EntityKind, possessive: bool = True
    ) -> list[MentionCandidate]:
        """The mentions of ``kinds`` lying inside the sentence's ``start``..``end`` (offsets
        in the sentence), in order; without possessives ("the agency's") unless asked."""
        return [
            m
            for m in self.of_kind(*kinds)
            if self.offset + start <= m.span.start
            and m.span.end <= self.offset + end
            and (possessive or not is_possessive(self.body, m))
        ]

    def first_after(self, pos: int, *kinds: EntityKind) -> MentionCandidate | None:
        found = [m for m in self.of_kind(*kinds) if m.span.start >= pos]
        return found[0] if found else None

    def nearest(self, start: int, end: int, *kinds: EntityKind) -> MentionCandidate | None:
        found = self.of_kind(*kinds)

        def distance(m: MentionCandidate) -> int:
            return start - m.span.end if m.span.end <= start else max(0, m.span.start - end)

        return min(found, key=distance) if found else None


def vote_subject(sm: SentenceMentions, sentence: str, start: int) -> int | None:
    """Who took/won/received the share: the verb's subject, skipping an apposition."""
    left = sentence[:start]
    verb = _AUXILIARY_END.search(left)
    if verb is not None:
        head = left[: verb.start()].rstrip()
        if head.endswith(","):  # "Toqaev, 66, had received": skip the apposition
            opening = head.rfind(",", 0, len(head) - 1)
            if opening > 0:
                head = head[:opening]
        person = sm.last_before(sm.offset + len(head.rstrip()), EntityKind.PERSON)
        if person is not None and sm.offset + len(head.rstrip()) - person.span.end <= 2:
            return person.local_entity
    person = sm.last_before(sm.offset + start, EntityKind.PERSON)
    return person.local_entity if person is not None else None


_COMMA_END = re.compile(r",\s*$")
# the lower-case words, or a title, between an age and the name it comes before
_FEW_WORDS = re.compile(
    r"\s*((?:[a-z][\w-]*\s+|(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt)\.?\s+){0,3})"
)
# "Emanuel Steward, who turned 68 on Saturday": a relative clause telling a named age
_WHO_TURNED = re.compile(r",\s*who\s+(?:has\s+|had\s+|just\s+)?(?:turned|turns|is|was)\s+$")
_DESCRIPTION = re.compile(r"\s*((?:[a-z][\w-]*\s*){1,3}?)(['’]s\b|[,.;]|\s+(?:said|who|was|is)\b)")


_ARTICLE_END = re.compile(r"\b(?:the|a|an)$", re.IGNORECASE)
_APPOSITION_START = re.compile(r",\s*(?:a|an)\s+$", re.IGNORECASE)
_APPOSED_ARTICLE = re.compile(
    r"[,(]\s*(?:(?:the|a|an|his|her|its|their|[\w-]+['’]s)\s+){0,2}$", re.IGNORECASE
)


def age_subject(sm: SentenceMentions, sentence: str, start: int, end: int, body: str) -> int | None:
    """The person an age modifies: "66-year-old Kassym-Jomart Tokayev", "Toqaev, 66,"."""
    before = sentence[:start]
    after = sentence[end:]
    aged = sentence[start:end].lower().startswith(("aged", "at age", "at the age"))
    if sentence[start:end].isdigit() or aged:
        person = sm.last_before(sm.offset + len(before.rstrip(" ,")), EntityKind.PERSON)
        if aged or _COMMA_END.search(before) or _WHO_TURNED.search(before):
            return person.local_entity if person is not None else None
    # "66-year-old [former president] Kassym-Jomart Tokayev": the name within a few words.
    phrase = _FEW_WORDS.match(after)
    words_end = sm.offset + end + (phrase.end() if phrase else 0)
    person = sm.first_after(sm.offset + end, EntityKind.PERSON)
    bare = sentence[start:end].isdigit()  # "He was 95 and lived in Santa Rosa": no one after
    if person is not None and person.span.start <= words_end + 1 and not bare:
        return person.local_entity
    if not bare and (missed := _unfound_name(sm, sentence[end:], phrase)) is not None:
        return missed  # "The 36-year-old champion Klitschko", no mention found there
    if _APPOSITION_START.search(before):
        # "Ahmed Mohamed, a 14-year-old boy from Irving": the name the phrase describes
        described = sm.last_before(
            sm.offset + len(_APPOSITION_START.sub("", before)), EntityKind.PERSON
        )
        if described is not None:
            return described.local_entity
    # "the 66-year-old career diplomat('s)": a description; find who it describes.
    noun = _DESCRIPTION.match(after)
    if noun is None:
        return None
    description = noun.group(1).strip()
    for m in re.finditer(rf"\b{re.escape(description)}\s+", body, re.IGNORECASE):
        named = [x for x in sm.mentions if x.span.start == m.end()]
        if named and sm.kind(named[0]) is EntityKind.PERSON:
            return named[0].local_entity
    # "Kosanov, the 66-year-old career diplomat": the name before the article and comma;
    # "another mom and an 11-year-old girl were wounded" describes no one named.
    if not _APPOSED_ARTICLE.search(before):
        # "with his 18-year-old brother, Luis Ortega,": the name set after the noun
        return _named_after(sm, sm.offset + end + noun.end()) if noun.group(2) == "," else None
    head_end = sm.offset + len(_ARTICLE_END.sub("", before.rstrip(" ,")).rstrip(" ,"))
    head = sm.last_before(head_end, EntityKind.PERSON)
    if noun.group(2) in ("'s", "’s"):
        # "Kosanov, the 66-year-old career diplomat's closest rival": someone else.
        others = [
            m
            for m in sm.of_kind(EntityKind.PERSON)
            if m.span.end <= sm.offset + start
            and (head is None or m.local_entity != head.local_entity)
        ]
        return others[0].local_entity if others else None
    return head.local_entity if head is not None and sm.kind(head) is EntityKind.PERSON else None


_NAME_WORD = re.compile(r"[A-Z][\w’'-]+\b(?!['’]s)")


def _unfound_name(sm: SentenceMentions, after: str, phrase: re.Match[str] | None) -> int | None:
    """The person named by the one word the few words after an age end on, where the name
    finder found no mention: "The 36-year-old champion Klitschko" in a story that named
    Wladimir Klitschko is him (one person of the story by that name, else none)."""
    start = phrase.end() if phrase else 0
    word = _NAME_WORD.match(after, start)
    if word is None:
        return None
    named = {
        entity.index
        for entity in sm.entities
        if entity.kind is EntityKind.PERSON
        and any(n.split()[-1:] == [word.group()] for n in (entity.name, *entity.aliases))
    }
    return named.pop() if len(named) == 1 else None


def _named_after(sm: SentenceMentions, comma_end: int) -> int | None:
    """The person named right after a described noun's comma ("her 44-year-old mother,
    Rosa Diaz"), if one."""
    named = sm.first_after(comma_end, EntityKind.PERSON)
    if named is None or sm.body[comma_end : named.span.start].strip():
        return None
    return named.local_entity


def city_entities(body: str, mentions: Sequence[MentionCandidate]) -> frozenset[int]:
    """PLACE entities the copy marks as cities ("the country's largest city, Almaty")."""
    cities: set[int] = set()
    for m in mentions:
        if m.kind is not EntityKind.PLACE or m.local_entity < 0:
            continue
        before = body[max(0, m.span.start - 40) : m.span.start]
        after = body[m.span.end : m.span.end + 80]
        dateline = m.span.start < 3 and m.text.isupper()
        if (
            _CITY_BEFORE.search(before)
            or _CITY_AFTER.match(after)
            or dateline
            or place_type(m.name) == "city"
        ):
            cities.add(m.local_entity)
    return frozenset(cities)


def main_place(
    mentions: Sequence[MentionCandidate], cities: frozenset[int], *, city: bool
) -> int | None:
    """The article's most mentioned city (``city``) or non-city place, else any place. The
    country of a story is a country today (never the "Soviet Union" of its background)."""
    places = [m.local_entity for m in mentions if m.kind is EntityKind.PLACE]
    counts = Counter(places)
    countries = {m.local_entity for m in mentions if place_type(m.name) == "country"}
    wanted = [p for p in counts if (p in cities) == city]
    if not city:
        wanted = [p for p in wanted if p in countries] or wanted
        # A country counts the mentions of its cities too: a quake "between the Nepalese
        # capital Kathmandu and ... Pokhara" is Nepal's, though India is named as often.
        names = {m.local_entity: m.name for m in mentions if m.local_entity in countries}
        homes = countries_of(
            m.name for m in mentions if m.kind is EntityKind.PLACE and m.local_entity in cities
        )
        for p, name in names.items():
            counts[p] += sum(n for home, n in homes.items() if same_place(home, name))
    wanted = wanted or list(counts)
    return max(wanted, key=lambda p: (counts[p], -places.index(p))) if wanted else None


_POSSESSED = re.compile(
    r"\b\w+['’]s\s+(?:(?:more than|nearly|about|some|over)\s+)?$", re.IGNORECASE
)
_TITLE_ONLY = re.compile(r"(?:(?:[A-Z][\w.-]*|[a-z][\w-]*)\s+){0,3}")
_APPOSITION = re.compile(r",\s+")
_APPOSITION_END = re.compile(r"\s*(?:[,.;:]|$)")
_OPENING_CLAUSE = re.compile(
    r"(?:After|Before|Since|When|While|Although|Though|Because|If|Once|Until|Despite)\b"
)
_BUT = re.compile(r",\s+but\b", re.IGNORECASE)
_BACKGROUND_CLAUSE = re.compile(r",\s+(?:after|before|since|when|as)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SpeechCue:
    """A speech cue of a sentence ("..., the ministry said") and who it names."""

    position: int  # where the cue starts in the sentence
    speaker: int | None
    speaker_text: str
    # A figure starting in one of these ranges describes the speaker; it is not their claim.
    describes_speaker: tuple[tuple[int, int], ...]


def speech_cues(sm: SentenceMentions, sentence: str) -> list[SpeechCue]:
    """The cues in ``sentence`` that name a plausible speaker; ``attribution`` then picks,
    for each figure, the one that vouches for it."""
    cues: list[SpeechCue] = []
    for m in _SPEECH.finditer(sentence):
        describes: list[tuple[int, int]] = []
        if m.group("verb") is not None and _NOT_TOLD.search(sentence, 0, m.start()):
            continue
        if m.group("verb") is None:  # according to X
            chunk_start, chunk_end = m.end(), _source_end(sentence, m.end())
            chunk_end = _role_named(sm, sentence, chunk_start, chunk_end)
            publisher = _publisher(sm, sentence, m.end())
            if publisher is not None:  # "according to figures released April 3 by NPD"
                chunk_start, chunk_end = publisher
        else:
            chunk_end = m.start()
            chunk_start = max(c.end() for c in _CHUNK_START.finditer(sentence, 0, chunk_end))
            if not sentence[chunk_start:chunk_end].strip():
                if _CLOSING_QUOTE.search(sentence[:chunk_end]):  # "...,” said X" (inverted)
                    chunk_start, chunk_end = m.end(), _source_end(sentence, m.end())
                elif (
                    inverted := _inverted(sm, sentence, chunk_start, m.end(), m.group("verb"))
                ) is not None:  # "Around 40 houses were damaged, said Fauzi."
                    chunk_start, chunk_end = inverted
                    describes.append((chunk_end, len(sentence)))  # "Cronk, co-director of"
                else:  # "The OSCE, which sent ..., said": the subject before the clause
                    clause_end = chunk_start
                    chunk_end = _clause_opening(sentence, chunk_start)
                    describes.append((chunk_end, clause_end))
                    chunk_start = max(
                        c.end() for c in _CHUNK_START.finditer(sentence, 0, chunk_end)
                    )
        describes.append((chunk_start, chunk_end))  # the speaker's own description
        raw = sentence[chunk_start:chunk_end]
        who = _LEADING_NOISE.sub("", _TRAILING_TIME.sub("", raw.strip())).strip()
        if who.lower() in _RELATIVE_PRONOUNS and m.group("verb") is not None:
            # "a report released by the US Labor Department, which said that ...": the
            # name the relative pronoun stands for, for what follows the verb
            named = _antecedent(sm, sentence, chunk_start)
            if named is not None:
                describes.append((0, m.start()))
                cues.append(SpeechCue(m.start(), named.local_entity, named.text, tuple(describes)))
            continue
        if (
            not who
            or _RELATIVE.match(who)
            or _NOT_A_SPEAKER.search(who)
            or len(who.split()) > 9
            or _ADJECTIVAL.search(sentence, 0, m.start())  # "at an estimated cost of"
            or _TOOK_LIVES.match(sentence, m.end())  # "A similar crush claimed 244 lives"
            or _NO_NAME.fullmatch(who)
        ):
            continue
        if who.lower() in _JOINING:
            # "Gunness put the death toll at 40, and added that": the verb runs on from
            # the sentence's subject, a name it opens on
            opening = _opening_name(sm, sentence)
            if opening is None:
                continue
            chunk_start, chunk_end = opening
            raw = who = sentence[chunk_start:chunk_end]
        if who.lower() in _ANYONE and m.group("verb") == "say":
            continue  # "regulations that they say are ...": what people say, nobody's word
        offset = chunk_start + raw.index(who.split()[0])
        speaker = _speaker(sm, offset, offset + len(who))
        cues.append(SpeechCue(m.start(), speaker, who, tuple(describes)))
    return cues


_RELATIVE_PRONOUNS = frozenset({"which", "who"})


def _antecedent(sm: SentenceMentions, sentence: str, chunk_start: int) -> MentionCandidate | None:
    """The person or organisation a relative pronoun after a comma stands for: the one
    named last in the words before the comma ("a report released by the US Labor
    Department on the same day, which said": the department; "Mr. Trump, who said":
    Trump), none when the pronoun follows no comma or no name."""
    comma = sentence.rfind(",", 0, chunk_start)
    if comma < 0 or sentence[comma + 1 : chunk_start].strip():
        return None
    opening = max(c.end() for c in _CHUNK_START.finditer(sentence, 0, comma))
    named = sm.last_before(sm.offset + comma, EntityKind.PERSON, EntityKind.ORGANIZATION)
    if named is None or named.span.start < sm.offset + opening:
        return None
    return named


# What writes a figure down: documents and counts, and the people who made them
# (``documents.py`` reads them as subjects; "according to" reads them as sources).
DOCUMENT_NOUNS = frozenset(
    {"study", "studies", "report", "reports", "survey", "surveys", "poll", "polls",
     "figures", "data", "statistics", "numbers", "records", "research", "analysis",
     "census", "autopsy", "projections", "tests", "estimates", "findings",
     "documents", "audit", "researchers", "scientists"}
)  # fmt: skip
_DOCUMENT_REACH = 8  # words from "according to" to the document's noun
_SOURCE_WORDS_END = re.compile(r"[,;:(]|\s(?:--|[–—])\s|\.(?:\s|$)")


def _publisher(sm: SentenceMentions, sentence: str, start: int) -> tuple[int, int] | None:
    """Where the organisation (else person) that put out the document a source names is
    named: "according to figures released April 3 by NPD Group", "according to a report
    published in The New York Times", "according to an American Iron and Steel Institute
    analysis of government data". Only when a document's noun opens the source (within
    a few words) and a name stands in its words, up to a comma or the sentence's end."""
    stop = _SOURCE_WORDS_END.search(sentence, start)
    end = stop.start() if stop else len(sentence)
    words = re.findall(r"[A-Za-z]+", sentence[start:end])[:_DOCUMENT_REACH]
    if not any(w.casefold() in DOCUMENT_NOUNS for w in words):
        return None
    named = sm.within(start, end, EntityKind.ORGANIZATION, EntityKind.PERSON)
    if not named:
        return None
    first = min(named, key=lambda m: m.span.start)
    return first.span.start - sm.offset, first.span.end - sm.offset


def _opening_name(sm: SentenceMentions, sentence: str) -> tuple[int, int] | None:
    """Where the person (else organisation) a sentence opens on is named ("Defensive end
    Kyle Vanden Bosch watched ..."): its subject, when only a title stands before it."""
    for kind in (EntityKind.PERSON, EntityKind.ORGANIZATION):  # "UNRWA spokesman Chris"
        for m in sm.of_kind(kind):
            start = m.span.start - sm.offset
            if start >= 0 and _TITLE_ONLY.fullmatch(sentence, 0, start):
                return start, m.span.end - sm.offset
    return None


def _role_named(sm: SentenceMentions, sentence: str, start: int, end: int) -> int:
    """Where a source described by its role ends when the person's name follows between
    commas: "according to the Afghan team's coach, Alireza Mehraban, in their first ..."
    is Mehraban's word. A source that names someone itself keeps its end."""
    inside = sm.within(start, end, EntityKind.PERSON, EntityKind.ORGANIZATION, possessive=False)
    gap = _APPOSITION.match(sentence, end)
    if inside or gap is None:
        return end
    person = sm.first_after(sm.offset + gap.end(), EntityKind.PERSON)
    if person is None or person.span.start != sm.offset + gap.end():
        return end
    closing = person.span.end - sm.offset
    return closing if _APPOSITION_END.match(sentence, closing) else end


def _source_end(sentence: str, start: int) -> int:
    """Where the source named from ``start`` ("according to the U.S. Geological Survey,
    which ...", "said Sgt. Mark Ryan of ...") ends: at a comma, a clause, a parenthesis or a
    dash, or at a full stop that ends no abbreviation."""
    for stop in _AFTER_VERB_END.finditer(sentence, start):
        if stop.group() == "." and (
            _ABBREVIATED.search(sentence, start, stop.start())
            or sentence[stop.end() : stop.end() + 1].isalpha()
        ):
            continue
        return stop.start()
    return len(sentence)


def attribution(
    cues: Sequence[SpeechCue], sentence: str, start: int
) -> tuple[int | None, str | None]:
    """Who the sentence credits with the figure at ``start``: the nearest of the sentence's
    speech ``cues``, before first."""
    cues = [c for c in cues if not any(s <= start < e for s, e in c.describes_speaker)]
    if _POSSESSED.search(sentence, 0, start):
        return None, None  # "the country's 12 million voters": background, not the claim
    # A figure in a trailing "..., after hundreds gathered" clause sets the scene of what
    # was reported; the cue before that clause does not vouch for it.
    cues = [
        c
        for c in cues
        if c.position > start or not _BACKGROUND_CLAUSE.search(sentence, c.position, start)
    ]
    # "made an offer of $160 million, but sources say it is less": the cue after "but"
    # vouches for its own clause, not for the one it answers.
    cues = [c for c in cues if c.position < start or not _BUT.search(sentence, start, c.position)]
    if _OPENING_CLAUSE.match(sentence) and "," not in sentence[:start]:
        # "After a plan to bail out three auto companies failed, the White House said":
        # the opening clause sets the scene; the cue after it vouches for the main one.
        closing = sentence.find(",", start)
        cues = [c for c in cues if c.position < start or not 0 <= closing < c.position]
    if not cues:
        return None, None
    before = [c for c in cues if c.position < start]
    chosen = before[-1] if before else cues[0]
    return chosen.speaker, chosen.speaker_text


# A parenthetical that describes the subject before it: a relative clause ("The OSCE,
# which sent ..., said"), or an apposition after a short subject ("John Ging, the head of
# the agency, said"; "Daniel Ortega, 62, said"), not a predicate ("..., were inside").
_RELATIVE_CLAUSE = re.compile(r"\s*(?:which|who|whose|whom|where)\b", re.IGNORECASE)
_APPOSED = re.compile(r"\s*(?:(?:the|a|an|its|his|her|their)\b|[A-Z0-9])")
# "..., told the BBC": whom a verb of telling names after it is the listener.
_LISTENER_VERBS = frozenset({"told", "tells"})
_SHORT_SUBJECT = 6  # words of a subject a parenthetical may follow ("John Ging, the head")


def _inverted(
    sm: SentenceMentions, sentence: str, comma_end: int, verb_end: int, verb: str
) -> tuple[int, int] | None:
    """Where the speaker of a cue printed after the claim with no quotation is named
    ("Officers freed seven people, said Vanore."; "..., said the Central Mat-Su fire chief,
    James Steele"; "..., said Heather Cronk, co-director of ..."): the words after the verb,
    when they end on a person or organisation named there and the sentence before the
    verb's comma is no subject with a parenthetical ("The OSCE, which sent ..., said";
    "John Ging, the head of the agency, said": its subject speaks). None otherwise, and
    after "told" ("..., Dana Tamir, director at Trusteer, told the BBC": the listener)."""
    if verb.lower() in _LISTENER_VERBS:
        return None
    closing = sentence.rfind(",", 0, comma_end)
    if closing < 0 or sentence[closing + 1 : comma_end].strip():
        return None  # the words start at a quotation mark or "that", not at a comma
    opening = sentence.rfind(",", 0, closing)
    if opening > 0:
        before = sentence[:opening].strip()
        subject = before[max(c.end() for c in _CHUNK_START.finditer(before)) :].split()
        named = sm.last_before(sm.offset + opening, EntityKind.PERSON, EntityKind.ORGANIZATION)
        if _RELATIVE_CLAUSE.match(sentence, opening + 1) or (
            (_APPOSED.match(sentence, opening + 1) or _ends_on(named, sm.offset + len(before)))
            and len(subject) <= _SHORT_SUBJECT
            and not any(w[0].isdigit() for w in subject)
        ):
            return None
    end = _role_named(sm, sentence, verb_end, _source_end(sentence, verb_end))
    words = sentence[verb_end:end]
    if not words.strip() or len(words.split()) > 9:
        return None
    last = sm.last_before(sm.offset + end, EntityKind.PERSON, EntityKind.ORGANIZATION)
    if last is None or last.span.start < sm.offset + verb_end:
        return None
    if sentence[last.span.end - sm.offset : end].strip():
        return None  # "said the Press Democrat newspaper": no name ends the words
    start = verb_end + len(words) - len(words.lstrip())
    return start, end


def _ends_on(mention: MentionCandidate | None, end: int) -> bool:
    """Whether ``mention`` ends at body offset ``end`` ("Dana Tamir, director at ...")."""
    return mention is not None and mention.span.end == end


def _clause_opening(sentence: str, comma_end: int) -> int:
    """Where the parenthetical clause ending at the comma before ``comma_end`` began."""
    closing = sentence.rfind(",", 0, comma_end)
    opening = sentence.rfind(",", 0, max(closing, 0))
    return opening if opening > 0 else 0


def _speaker(sm: SentenceMentions, start: int, end: int) -> int | None:
    inside = sm.within(start, end, EntityKind.PERSON, EntityKind.ORGANIZATION, possessive=False)
    return inside[-1].local_entity if inside else None
