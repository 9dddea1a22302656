"""Word lists behind entity finding: places, organisations, given names, demonyms, cues.

The large lists live in ``data/*.txt`` (one entry a line, variants of one name on the
same line separated by `` | ``) and are read once at import; the small closed classes
(titles, head words, stop words) are here as sets. Lookups go through
``names.name_key`` so a transliteration variant of a listed spelling also matches.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from service.ingest.mentions.names import name_key


def word_set(text: str) -> frozenset[str]:
    """A word set written as one whitespace-separated string (easier to read and edit)."""
    return frozenset(text.split())


_DATA = Path(__file__).parent.parent / "data"


def _read_groups(filename: str) -> list[list[str]]:
    groups: list[list[str]] = []
    for line in (_DATA / filename).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            groups.append([v.strip() for v in line.split(" | ") if v.strip()])
    return groups


def _read_words(filename: str) -> frozenset[str]:
    words: set[str] = set()
    for line in (_DATA / filename).read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


def _canonical_map(groups: list[list[str]]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for group in groups:
        for variant in group:
            mapping.setdefault(name_key(variant), group[0])
    return mapping


_PLACE_GROUPS = _read_groups("places.txt")
# The hand list first: where two lists give one variant, the hand list's name wins.
# companies.txt and football_clubs.txt are written by training/organizations.py.
ORGANIZATION_FILES = (
    "organizations.txt",
    "parties.txt",
    "companies_world.txt",
    "companies.txt",
    "football_clubs.txt",
    "market_indices.txt",
)
_GROUPS_BY_FILE = {f: _read_groups(f) for f in ORGANIZATION_FILES}
_ORGANIZATION_GROUPS = [group for f in ORGANIZATION_FILES for group in _GROUPS_BY_FILE[f]]
_PLACES = _canonical_map(_PLACE_GROUPS)
_ORGANIZATIONS = _canonical_map(_ORGANIZATION_GROUPS)
# How each listed variant is written ("almati" -> "Almaty"), to undo datelines' capitals.
_SPELLINGS = {name_key(v): v for group in (*_ORGANIZATION_GROUPS, *_PLACE_GROUPS) for v in group}
_GIVEN_NAMES = frozenset(
    name_key(w) for w in _read_words("given_names.txt") | _read_words("census_given_names.txt")
)
_DEMONYMS = frozenset(w.lower() for w in _read_words("""demonyms.txt"""))
# Given names borne (almost) only by one sex, for "he" and "she" to skip the other's.
_SEXES = {
    sex: frozenset(w.lower() for w in _read_words(f"{sex}_given_names.txt"))
    for sex in ("female", "male")
}
# Keys of the words that start a multi-word listed name ("trinidad", "trinidad and"),
# so that "and"/"of" inside a listed name keeps the name whole.
_LISTED_PREFIXES = frozenset(
    " ".join(key.split()[:n])
    for key in (*_PLACES, *_ORGANIZATIONS)
    for n in range(1, len(key.split()))
)


# Units printed in capitals after a number ("16 GB", "2 GHz"): no name there
UNIT_WORDS = frozenset({"gb", "mb", "tb", "kb", "ghz", "mhz", "km", "kg", "mm", "cm"})
_NUMBER_BEFORE = re.compile(r"\d[\s-]?$")


def unit_after_number(body: str, start: int, end: int) -> bool:
    """Whether ``body[start:end]`` is a unit printed after its number ("16 GB", "30GB")."""
    return body[start:end].lower() in UNIT_WORDS and bool(
        _NUMBER_BEFORE.search(body, max(0, start - 2), start)
    )


# Single words naming a listed market index ("djia", "footsie", "merval"): what a move of
# the market is of, as "index" or "Dow" is.
MARKET_INDEX_WORDS = frozenset(
    v.split()[0].lower()
    for group in _GROUPS_BY_FILE["market_indices.txt"]
    for v in group
    if len(v.split()) == 1 or v.split()[0].isupper()  # "Footsie", "DJIA"; "FTSE 250"
)


_MARKET_INDEX_NAMES = frozenset(
    name_key(v) for group in _GROUPS_BY_FILE["market_indices.txt"] for v in group
)


def is_market_index(name: str) -> bool:
    """Whether a name is one the list of market indices writes ("All Ordinaries")."""
    return name_key(name) in _MARKET_INDEX_NAMES


def place_canonical(name: str) -> str | None:
    """The listed canonical name of a place ('Nur-Sultan' -> 'Astana'), if listed."""
    return _PLACES.get(name_key(name))


def organization_canonical(name: str) -> str | None:
    """The listed canonical name of a well-known organisation ('AFP' -> 'Agence ...')."""
    return _ORGANIZATIONS.get(name_key(name))


def listed_spelling(name: str) -> str:
    """A name printed in capitals as the list writes it ('NUR-SULTAN' -> 'Nur-Sultan',
    'OSCE' stays); unlisted names come back unchanged."""
    if not name.isupper():
        return name
    return _SPELLINGS.get(name_key(name), name)


def is_listed_prefix(words: str) -> bool:
    """True when ``words`` begin some multi-word listed place or organisation name."""
    return name_key(words) in _LISTED_PREFIXES


@cache
def is_given_name(word: str) -> bool:
    return name_key(word) in _GIVEN_NAMES


def sex_of_given_name(word: str) -> str | None:
    """ "female" or "male" when the name is (almost) only ever one sex's, else None."""
    key = word.lower()  # as spelt: "Tony" is a man's name, "Toni" a woman's
    return next((sex for sex, names in _SEXES.items() if key in names), None)


@cache
def is_demonym(word: str) -> bool:
    """'Kazakh', 'Kazakhs', 'Central' (in 'Central Asian'): adjectives, not entities."""
    lowered = word.lower()
    return lowered in _DEMONYMS or (lowered.endswith("s") and lowered[:-1] in _DEMONYMS)


# Titles that make the following name a person ("Deputy Interior Minister X").
CORE_TITLES = word_set(
    """president president-elect vice-president minister premier chancellor secretary
    chairman chairwoman chairperson chair senator sen congressman congresswoman
    governor gov mayor king queen prince princess sheikh emir sultan pope cardinal
    bishop archbishop patriarch imam mr mrs ms miss dr prof professor judge
    ambassador commissioner director spokesman spokeswoman spokesperson general gen
    colonel col lieutenant lt captain capt sergeant sgt major admiral adm commander
    marshal ayatollah rabbi reverend rev father sir dame lord lady deputy mp envoy
    prosecutor-general ombudsman akim ceo cfo coo cto attorney councilman
    councilwoman councillor councilor alderman assemblyman assemblywoman sheriff
    inspector superintendent detective constable officer chief coroner warden
    magistrate pastor representative rep counsel trooper const undersheriff undersecretary
    under-secretary"""
)
# Words that may sit in a title before a core title ("Deputy Interior Minister").
TITLE_MODIFIERS = word_set(
    """former acting interim first second vice deputy prime foreign interior defence
    defense finance economy economic justice health education energy culture
    information trade labour labor agriculture transport emergency emergencies
    security state national regional general chief senior supreme attorney executive
    managing special presidential press prime-minister of the for and opposition
    party district city police assistant corrections financial operating technology
    marketing commercial prosecuting surgeon"""
)
# Titles of two words whose words are no title alone ("Public Defender", "Patrol Agent",
# "Chief Executive"): a title before a name of two words or more.
TWO_WORD_TITLES = frozenset(
    {
        "public defender",
        "public advocate",
        "special agent",
        "patrol agent",
        "border agent",
        "federal agent",
        "chief executive",
        "general manager",
        "head coach",
    }
)
# A player's position or a club's general manager in capitals before the name ("RB
# Reggie Bush", "GM Theo Epstein").
POSITION_ABBREVIATIONS = word_set("qb rb wr te dt de lb cb fb ol ot og gm")
# Last words that make a name an organisation ("Central Election Commission").
ORG_HEADS = word_set(
    """commission ministry party group foundation bureau service organization
    organisation council guard watch agency union committee department office
    institute institution university college academy school association federation
    society league alliance coalition front movement network corporation corp inc
    ltd llc plc company co bank fund trust authority court tribunal parliament
    assembly senate congress government administration army navy police forces force
    brigade battalion regiment charter center centre club church mosque news times
    gazette chronicle telegraph courier inquirer examiner bulletin magazine
    post journal herald tribune radio television tv press broadcasting airlines
    airways railways exchange board cabinet secretariat mission observatory
    international initiative project program programme platform org"""
)
# First words of organisation names built as "X for/of/on Y" ("Bureau for Human Rights").
ORG_HEAD_FIRST = word_set(
    """organization organisation bureau ministry department committee council
    commission union bank university institute agency office federation association
    society centre center court fund foundation league board coalition alliance
    party movement front congress assembly academy school college"""
)
# Last words of a name that runs on across "on", "for" or "of" to what it is about:
# "Convention on Biological Diversity", "High Commissioner for Refugees".
NAMED_FOR_SUBJECT = word_set(
    """convention treaty protocol covenant accord charter declaration commissioner
    tribunal"""
)
PLACE_HEADS = word_set(
    """square street avenue boulevard road lane highway bridge park river lake sea
    ocean gulf bay strait mountains mountain mount hills valley desert island
    islands peninsula province region oblast district county city town village state
    republic airport station port harbour harbor canal plaza quarter prospekt krai
    stadium arena base"""
)
EVENT_HEADS = word_set(
    """election elections war revolution olympics games summit cup championship
    referendum uprising protests massacre spring festival forum congress conference
    show expo exhibition fair marathon flight"""
)
# Lower-case nouns that name a person's role in an apposition or before a name.
ROLE_NOUNS = word_set(
    """journalist activist singer poet musician actor actress diplomat minister
    president leader banker businessman businesswoman lawyer candidate official
    spokesman spokeswoman spokesperson coordinator analyst chairman chairwoman chair
    director head chief secretary ambassador governor mayor senator general
    commander officer judge prosecutor reporter correspondent editor writer author
    blogger economist professor researcher expert politician lawmaker deputy member
    founder daughter son wife husband brother sister father mother dissident student
    filmmaker photographer artist athlete player coach ceo executive owner investor
    doctor priest rapper comedian president-elect premier ruler dictator strongman
    challenger rival opponent envoy mp monitor observer campaigner"""
)
# Words naming someone by the role they hold ("the premier of", "the opposition
# candidate"): a title or a role noun.
PERSON_ROLES = CORE_TITLES | ROLE_NOUNS
# Nouns copy puts before a company's name to say what it does ("chipmaker Nvidia",
# "Insurer Aviva"); any word ending in "maker" is one too.
COMPANY_NOUNS = word_set(
    """retailer insurer reinsurer lender airline carrier automaker carmaker chipmaker
    drugmaker broadcaster miner brewer conglomerate startup start-up supermarket grocer
    regulator manufacturer publisher developer operator exporter producer distributor
    telecom utility"""
)
# Lower-case nouns that make the neighbouring name an organisation ("the DVK party").
ORG_NOUNS = COMPANY_NOUNS | word_set(
    """party movement group organisation organization ministry agency company firm bank
    newspaper website channel broadcaster outlet union council commission committee
    foundation charity watchdog coalition alliance association network portal body
    broadcaster daily weekly"""
)


def is_company_noun(word: str) -> bool:
    """ "chipmaker", "Insurer", "carmaker": what a company is, printed before its name."""
    lower = word.lower()
    return lower in COMPANY_NOUNS or (lower.endswith("maker") and len(lower) > 5)


# Verbs of speech: a name beside one is most likely a person (or an organisation).
SPEECH_CUES = word_set("""said says told added wrote asked stated claimed argued insisted warned""")
# Capitalised words that are never a name or part of one on their own.
STOP_WORDS = word_set(
    """the a an he she it they we i you his her its their our my your this that these
    those there here but and or nor so yet in on at for from by with of to into onto
    after before when while where whether if as since until during despite however
    meanwhile also then now still many some several most all both no not one two
    three four five six seven eight nine ten hundreds thousands dozens each every
    other another such what which who whom whose why how about above across against
    along among around because below beneath beside between beyond like near off
    over through throughout under unlike upon via within without although though
    instead indeed moreover furthermore nevertheless thus therefore hence yes today
    yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october
    november december mr mrs ms source sources update editing reporting additional
    photo photos video file read more related advertisement internet citing
    according asked earlier later last next first second third once again just only
    even ever never always already nearly almost around roughly some any let please
    do does did is are was were be been has have had will would can could should
    shall might must ii iii iv"""
)
# Acronyms of measures and terms, never a name: "German GDP contracted", "CPI rose".
MEASURE_ACRONYMS = word_set(
    """gdp gnp gni cpi ppi pmi hicp ipo eps ebit ebitda vat gst yoy qoq bps ppm mph kph gmt
    bst utc est pst cet"""
)
# Acronyms of common nouns, never a name alone: technology ("built-in GPS", "4GB of RAM",
# "USB 3.0 ports"), charges and test results ("on a DUI charge", "a DNA expert"), sport
# ("47 KO's", "an MVP season", "placed on IR"), clock zones ("7 p.m. EDT", "7:15 a.m. PT"),
# degrees and tests ("a BS in Chemistry", "an I.Q. of 69"), police units ("the SWAT
# team"), chemicals ("DDT", "VX nerve agent"), currency codes ("$99 (USD)"),
# titles ("senior VP") and words ("they were OK"). Inside a longer name they stay ("Apple
# TV", "Mac OS X").
TERM_ACRONYMS = word_set(
    """gps tv tvs hdtv usb ram cpu gpu pc pcs os lcd led oled hd sms mms vpn xml sql html http
    url pdf dvd dvds cd cds mp3 lte gsm cdma ssd sd sdhc oem drm atm atms suv suvs dna id ids
    dui dwi mvp ko tko ok vip vips icbm icbms mba phd qwerty et edt pdt cdt mdt cst mst am pm
    usd eur gbp jpy chf cad aud nzd vp ceo c.e.o. cfo coo cto potus gb pt ir bs iq i.q. swat
    ddt vx"""
)
# Name-part endings that mark a surname (Slavic, Caucasian, Central Asian).
SURNAME_SUFFIXES = (
    "ov",
    "ev",
    "ova",
    "eva",
    "yev",
    "yeva",
    "enko",
    "shvili",
    "dze",
    "uly",
    "kyzy",
    "bekov",
    "sky",
    "ski",
    "skaya",
)
