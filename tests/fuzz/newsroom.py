"""A Hypothesis strategy for copy that looks like news, so fuzzed ingests reach every stage.

Random unicode mostly stops at the first gate (empty after boilerplate, control characters);
these stories carry names in several spellings, acronyms, quotes with cue verbs, figures in
many formats, dates and attributions, mixed with a little noise, sometimes as HTML.
"""

from __future__ import annotations

from hypothesis import strategies as st

NAMES = [
    "Kassym-Jomart Tokayev",
    "Tokayev",
    "Toqaev",
    "Qasym-Zhomart Toqaev",
    "President Nursultan Nazarbayev",
    "Nazarbaev",
    "the interior ministry",
    "Interior Minister Yerlan Turgumbayev",
    "the Central Election Commission (CEC)",
    "the CEC",
    "the Organization for Security and Co-operation in Europe (OSCE)",
    "OSCE observers",
    "Human Rights Watch",
    "an unnamed young woman",
    "Almaty police",
    "Nur-Sultan",
    "José Müller-Łukasz",
    "Ақорда",
]
FIGURES = [
    "71 percent of the vote",
    "70.96% of the votes",
    "nearly 500 people",
    "about 1,000 protesters",
    "more than 4,000 demonstrators",
    "between 100 and 200 people",
    "2.5 million voters",
    "at least 700 people",
    "16 percent",
    "seven people",
    "dozens of people",
    "a third of the ballots",
    "$3 billion",
    "95.1 per cent",
    "77.4 percent turnout",
    "0 votes",
    "-3 percent",
    "1.000.000 voters",
    "12–15 journalists",
    "up to 9,999,999,999,999 people",
]
VERBS = ["said", "told reporters", "announced", "reported", "claimed", "denied", "added"]
WHEN = ["", " on Monday", " on June 9", " in 2019", " late on June 10", " last week", " 31/02/2019"]
QUOTES = [
    "We will not allow disorder",
    "The election was free and fair",
    "They took my brother away",
    "Nothing happened",
    "It was a sham",
]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(NAMES))
    other = draw(st.sampled_from(NAMES))
    figure = draw(st.sampled_from(FIGURES))
    verb = draw(st.sampled_from(VERBS))
    when = draw(st.sampled_from(WHEN))
    quote = draw(st.sampled_from(QUOTES))
    templates = [
        f"{name} {verb} {figure} were detained{when}.",
        f"According to {name}, {other} won {figure}{when}.",
        f'"{quote}," {name} {verb}.',
        f"“{quote},” {verb} {name}{when}.",
        f"{name}, who {verb} {figure}, met {other}{when}.",
        f"{name.upper()} -- {other} {verb} that {figure} had turned out{when}.",
        f"'{quote}', {name} {verb}, adding that {figure} were held.",
    ]
    sentence = draw(st.sampled_from(templates))
    if draw(st.integers(0, 9)) == 0:
        # Printable noise: control characters are refused outright (tested elsewhere).
        noise = st.characters(blacklist_categories=["Cc", "Cs"])
        sentence += " " + draw(st.text(noise, min_size=1, max_size=20))
    return sentence


@st.composite
def news_copy(draw: st.DrawFn) -> str:
    """A headline and a few paragraphs of sentences; now and then as HTML."""
    headline = draw(st.sampled_from(["Protests in Almaty", "Kazakhstan votes", "Election day"]))
    # Distinct paragraphs: a line printed twice is furniture to the parser (a caption or a
    # promo), so copy made of one repeated paragraph is rightly refused as empty.
    texts = draw(
        st.lists(
            st.lists(sentences(), min_size=1, max_size=3).map(" ".join),
            min_size=1,
            max_size=5,
            unique=True,
        )
    )
    if draw(st.booleans()) and draw(st.booleans()):
        return f"<h1>{headline}</h1>" + "".join(f"<p>{t}</p>" for t in texts)
    return headline + "\n\n" + "\n\n".join(texts)
