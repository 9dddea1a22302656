"""Two names the rules read as one run of capitals, cut apart (pure): a title's place and
its holder ("President of Kazakhstan Kassym-Zhomart Tokayev"), a body's name and the
speaker after it ("the Council on American-Islamic Relations Alia Salem said").
"""

from __future__ import annotations

import re
from dataclasses import replace

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.candidate import Candidate
from service.ingest.model import EntityKind


def titled_person(body: str, cand: Candidate) -> list[Candidate] | None:
    """ "President of Kazakhstan Kassym-Zhomart Tokayev" read as one name: the place the
    title is of, and the person (a given name and more) that follows it; "the" stays out
    of the place ("The President of the United States Donald Trump")."""
    words = list(re.finditer(r"\S+", body[cand.start : cand.end]))
    for i in range(2, len(words) - 1):
        if not gz.is_given_name(words[i].group()) or words[i - 1].group().endswith(","):
            continue
        for k in (1, 2, 3):
            if i - k < 1 or words[i - k - 1].group().lower() != "of":
                continue
            titles = gz.CORE_TITLES | gz.TITLE_MODIFIERS
            if not any(w.group().lower() in titles for w in words[: i - k - 1]):
                continue  # "Bank of America Merrill Lynch": no title, a firm's name
            first = i - k + (words[i - k].group().lower() == "the")  # "of the United States"
            if first >= i:
                continue
            place_start, place_end = (
                cand.start + words[first].start(),
                cand.start + words[i - 1].end(),
            )
            place = " ".join(body[place_start:place_end].split())
            if gz.place_canonical(place) is None:
                continue
            person = " ".join(body[cand.start + words[i].start() : cand.end].split())
            return [
                replace(cand, start=place_start, end=place_end, name=place, kind=EntityKind.PLACE),
                replace(
                    cand, start=cand.start + words[i].start(), name=person, kind=EntityKind.PERSON
                ),
            ]
    return None


# After a name, words that make it the speaker: "... Relations Alia Salem said"
_SPEAKS = re.compile(r"\s*,|\s+(?:said|says|told|added|stated|explained|noted|warned)\b")
_JOINING = gz.word_set("of for on and the in at to")


def body_then_speaker(body: str, cand: Candidate) -> list[Candidate] | None:
    """ "the Council on American-Islamic Relations Alia Salem said": a body's name with the
    speaker's name (a given name and a surname) run on after it."""
    words = list(re.finditer(r"\S+", body[cand.start : cand.end]))
    if len(words) < 5 or not _SPEAKS.match(body, cand.end):
        return None
    given, surname, last_of_body = words[-2].group(), words[-1].group(), words[-3].group()
    # "Director of Public Prosecutions Noordin Haji said": an office's title vouches for
    # a given name no list knows
    titled = words[0].group().lower() in gz.CORE_TITLES
    if (
        not (gz.is_given_name(given) or (titled and given[:1].isupper()))
        or not surname[:1].isupper()
        or surname.lower() in gz.ORG_HEADS
        or last_of_body.lower() in _JOINING
        # the body's name ends as bodies' names do ("... Relations", "... Council"), not
        # as a firm named after people does ("Bank of America Merrill Lynch")
        or not (last_of_body.lower() in gz.ORG_HEADS or re.fullmatch(r"[A-Z]\w{3,}s", last_of_body))
    ):
        return None
    split = cand.start + words[-2].start()
    end_of_body = cand.start + words[-3].end()
    start_of_body = cand.start
    if titled:  # "Chairman of the Central Electoral Commission": the body is after "of"
        of = next((i for i, w in enumerate(words[:-3]) if w.group() == "of"), None)
        if of is None:
            return None
        after = of + 2 if words[of + 1].group().lower() == "the" else of + 1
        if after > len(words) - 3:
            return None
        start_of_body = cand.start + words[after].start()
    return [
        replace(
            cand,
            start=start_of_body,
            end=end_of_body,
            name=" ".join(body[start_of_body:end_of_body].split()),
        ),
        replace(
            cand,
            start=split,
            name=" ".join(body[split : cand.end].split()),
            kind=EntityKind.PERSON,
        ),
    ]
