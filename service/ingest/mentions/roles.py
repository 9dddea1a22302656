"""The role a person is described by (pure): the words before the name ("former journalist
Amirzhan Qosanov", the rules' own title) or an apposition after it ("George Tsereteli,
special coordinator of ...").
"""

from __future__ import annotations

import re

from service.ingest.mentions import gazetteer as gz
from service.ingest.model import Sentence

_CLAUSE_WORDS = gz.SPEECH_CUES | {"who", "which", "whose", "that"}
_NAMED_CUES = frozenset(("named", "called", "dubbed"))
_ROLE_WORDS = gz.CORE_TITLES | gz.TITLE_MODIFIERS | gz.ROLE_NOUNS
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
APPOSITION = re.compile(
    r",\s+(?:(?:a|an|the|his|her|their|its)\s+)?([^,.;:()\"“”]{2,120}?)(?=[,.;:)]|$)"
)
_DESCRIPTION_WORD = re.compile(r"[^\W\d_][\w-]*|\d+-[\w-]+")  # "former", "78-year-old"


def description(body: str, start: int, end: int, sentence: Sentence) -> str | None:
    """The role written before or after the name at ``start``..``end``, no title of
    the rules' own before it."""
    return role_description(body, start, start, end, sentence)


def role_description(
    body: str, title_start: int, name_start: int, name_end: int, sentence: Sentence
) -> str | None:
    """The role written before the name ('former journalist') or in an apposition."""
    words: list[str] = []
    if title_start < name_start:
        # the rules' own title, in lower case but for a people's or a place's word
        # ("deputy public defender", "home affairs secretary")
        words = [w if gz.is_demonym(w) else w.lower() for w in body[title_start:name_start].split()]
    window_start = max(sentence.span.start, title_start - 80)
    at_sentence_start = window_start == sentence.span.start
    before = body[window_start:title_start]
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
        m = APPOSITION.match(body, name_end, sentence.span.end)
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
