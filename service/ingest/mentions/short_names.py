"""Which organisation a name printed short stands for: the final words of exactly one
organisation's full name in the article ("Saints" of "New Orleans Saints", "Red Sox" of
"Boston Red Sox", "Federal Reserve" of "U.S. Federal Reserve"), as a surname stands for
the full name of a person."""

from __future__ import annotations

from collections.abc import Sequence

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.names import is_acronym, name_key
from service.ingest.model import EntityKind

# Single words short for the one full name in the story that ends in them, like any
# short name ("the Navy" of "Indian Navy", "the Commission" of "European Commission",
# "the Times" of "New York Times"), except these, which stand for another body of their
# kind: "the House" is the House of Representatives beside "White House", "the Court"
# the higher court an appeal is argued before, "the State" the prosecution.
_NEVER_SHORT = gz.word_set("""house court tribunal state states fed reserve air store""")
# Kinds a short name of an organisation may have been given by the recogniser.
_SHORT_KINDS = (EntityKind.ORGANIZATION, EntityKind.OTHER)


def organisations_named_short(candidates: Sequence[Candidate]) -> dict[str, str]:
    """Short name -> the one organisation name of several words in the article that ends
    in its words: "Saints" -> "New Orleans Saints", "Blazers" -> "Portland Trail Blazers"
    (beside "Trail Blazers", itself short for it). None where two organisations end in it
    ("Times" beside "New York Times" and "Los Angeles Times"), for a single word that
    stands for another body of its kind ("Court" of "Supreme Court"), an acronym (the
    "RCMP" of "Creston RCMP" is the whole force), a place ("Japan" of "Bank of Japan"),
    or the words after "of" in the full name ("Alabama" of "University of Alabama")."""
    fulls: dict[str, str] = {}
    first: dict[str, int] = {}
    for c in candidates:
        key = name_key(c.name)
        first.setdefault(key, c.start)
        if c.kind is EntityKind.ORGANIZATION and not is_acronym(c.name) and len(key.split()) > 1:
            fulls.setdefault(key, c.name)
    found: dict[str, str] = {}
    for cand in candidates:
        key = name_key(cand.name)
        words = key.split()
        if (
            cand.kind not in _SHORT_KINDS
            or cand.name in found
            or not words
            or is_acronym(cand.name)
            or gz.place_canonical(cand.name)
            or (len(words) == 1 and cand.name.lower() in _NEVER_SHORT)
            or len([w for w in words if w not in _CONNECTORS]) > 2
        ):
            continue
        options = [
            full
            for full in fulls
            if len(full.split()) > len(words)
            and full.split()[-len(words) :] == words
            and full.split()[-len(words) - 1] not in _CONNECTORS | _COMPANY_SUFFIXES
        ]
        # The longest names only: "Trail Blazers" is itself short for "Portland Trail Blazers".
        longest = [o for o in options if not any(p != o and p.endswith(" " + o) for p in options)]
        if len(longest) == 1 and first[longest[0]] < first[key]:
            found[cand.name] = fulls[longest[0]]
    return found


_CONNECTORS = frozenset({"of", "for", "on", "and", "de", "the", "in"})
# Words that end a company's name: a name that runs on past one ("TallGrass Distribution
# Ltd Christmas") is the company and the next word, never a company called "Christmas".
_COMPANY_SUFFIXES = frozenset({"ltd", "inc", "co", "corp", "llc", "plc", "ag", "sa", "gmbh"})
