"""The parse stage on the seed copy and on small copies in other outlets' styles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from service.errors import EmptyArticleError, InvalidArticleError
from service.ingest.model import ArticleMeta, ParsedArticle
from service.ingest.parse.article import content_hash, headline_from_body, parse_article

SEEDS = Path(__file__).parents[3] / "seeds"


@dataclass(frozen=True)
class SeedExpectation:
    file: str
    headline: str | None  # None: the copy has none (a headline is derived from the body)
    standfirst: str | None
    dateline: str | None
    bylines: tuple[str, ...]
    captions: tuple[str, ...]
    original_source: str | None
    outlet: str | None
    published_at: dt.datetime | None
    paragraphs: int
    first_words: str
    last_words: str
    # Every navigation, promo, credit, copyright, caption and label string of the copy.
    forbidden: tuple[str, ...]
    # Paragraphs that must not be in the body on their own (labels, crossheads).
    forbidden_paragraphs: tuple[str, ...] = ()


SEED_EXPECTATIONS = (
    SeedExpectation(
        file="000_f9b1461cc6b3d973.txt",
        headline=None,
        standfirst=None,
        dateline="ALMATY, Kazakhstan",
        bylines=(),
        captions=(
            "Kazakh interim President Qasym-Zhomart Toqaev (left) and former President "
            "Nursultan Nazarbaev (file photo)",
        ),
        original_source="RFE/RL",
        outlet="RFE/RL",
        published_at=dt.datetime(2019, 6, 10, 16, 45, tzinfo=dt.UTC),
        paragraphs=23,
        first_words="Reports from Kazakhstan say authorities have been arresting",
        last_words="with police acting quickly to end any rallies.",
        forbidden=(
            "11 Jun 2019",
            "GMT+10",
            "ALMATY, Kazakhstan --",
            "(left)",
            "(file photo)",
            "'Scant Respect' For Democratic Standards",
            "Scant Respect' For",
            "Copyright",
            "RFE/RL, Inc.",
            "Republished with the permission",
            "1201 Connecticut Ave",
            "Get a daily dose",
            "South East Asia Post",
            "Publish news of your business",
            "More Information",
            "CONCORD, New Hampshire",
            "DUBAI, U.A.E.",
            "WASHINGTON, D.C.",
            "ECAULT BEACH",
            "ATLANTA, Georgia",
            "23 Israeli soldiers",
            "BATTLE CREEK",
            "NEW DELHI",
            "Nvidia",
            "REDMOND",
            "subscriptions",
            "...",
        ),
        forbidden_paragraphs=("RFE",),
    ),
    SeedExpectation(
        file="001_e8ec52d21348fffb.txt",
        headline=(
            "Kazakh Human Rights Groups Demand Thorough Investigation Of Mass Detentions "
            "During Election"
        ),
        standfirst=None,
        dateline="NUR-SULTAN/ALMATY",
        bylines=(),
        captions=(
            "Kazakh President-elect Qasym-Zhomart Toqaev speaks to the media in Nur-Sultan "
            "on June 10.",
            "Supporters of singer Rinat Zaitov gather in Almaty overnight on June 10-11.",
        ),
        original_source=None,
        outlet=None,
        published_at=None,
        paragraphs=26,
        first_words="Two leading Kazakh human rights groups have urged",
        last_words="some young male activists were suddenly drafted into the army.",
        forbidden=(
            "Accessibility links",
            "Breaking News",
            "Demand Thorough Investigation",
            "speaks to the media in Nur-Sultan on June 10.",
            "Supporters of singer Rinat Zaitov gather",
            "NUR-SULTAN/ALMATY",
            "With reporting by",
            "TASS",
            "Kazinform",
            "16x9 Image",
            "•",
            "RFE/RL's Kazakh Service",
            "offers informed and accurate reporting",
            "free exchange of news and ideas",
        ),
    ),
    SeedExpectation(
        file="002_5ff466a66850c255.txt",
        headline="Hundreds more arrested as Kazakhs protest 'rigged vote'",
        standfirst=(
            "Police on high alert in Almaty after 200 additional people arrested amid "
            "protests against vote to elect new president."
        ),
        dateline=None,
        bylines=(),
        captions=(
            "At least 700 people have been arrested since Sunday in protests against "
            "Kazakhstan's presidential election",
            "Career diplomat Kassym-Jomart Tokayev is Kazakhstan's second president since it "
            "gained independence",
        ),
        original_source=None,
        outlet=None,
        published_at=None,
        paragraphs=23,
        first_words="Police in Kazakhstan have arrested 200 more people, the interior ministry",
        last_words="results being altered at some polling stations.",
        forbidden=(
            "Hundreds more arrested as Kazakhs protest",
            "Police on high alert",
            "At least 700 people have been arrested since Sunday",
            "[Ruslan Pryanikov/AFP]",
            "Ruslan Pryanikov",
            "'Wave of popular anger'",
            "Career diplomat Kassym-Jomart Tokayev is Kazakhstan's second president",
            "[File:",
            "Muhktar Kholdorbekov",
            "SOURCE:",
            "Al Jazeera and news agencies",
        ),
        forbidden_paragraphs=("Kassym-Jomart Tokayev",),
    ),
    SeedExpectation(
        file="003_e2791c5ec8a80bf6.txt",
        headline="Kazakh activists call for more protests over presidential vote",
        standfirst=None,
        dateline="ALMATY (Reuters)",
        bylines=("Mariya Gordeyeva", "Olzhas Auyezov", "Tamara Vaal"),
        captions=(
            "Police officers block opposition supporters during a protest against "
            "presidential election",
        ),
        original_source="Reuters",
        outlet=None,
        published_at=None,
        paragraphs=14,
        # The missing space is the copy's; parse never rewrites words.
        first_words="Anti-governmentactivists called on Monday for more protests",
        last_words='will be stopped in strict accordance with the law," it said in a statement.',
        forbidden=(
            "Kazakh activists call for more protests over presidential vote",
            "Police officers Kazakhstan",
            "Police officers block opposition supporters",
            "ALMATY (Reuters)",
            "(Reuters)",
            "POET DETAINED",
            "Reporting by",
            "Mariya Gordeyeva",
            "Tamara Vaal",
            "Editing by",
            "Nick Macfie",
            "Original source",
            "REUTERS",
            "Committee against Torture",
            "More details",
            "Not the time to resolve differences",
            "Oil majors sued",
        ),
    ),
    SeedExpectation(
        file="004_d5dc6f06da05cd96.txt",
        headline="Kazakh police arrest hundreds of election protesters",
        standfirst=None,
        dateline=None,
        bylines=(),
        captions=("Dariga Nazarbayeva.",),
        original_source=None,
        outlet=None,
        published_at=None,
        paragraphs=17,
        first_words="Police in Kazakhstan arrested hundreds of protesters",
        last_words="people who grew up in the Soviet Union.”",
        forbidden=(
            "Kazakh police arrest hundreds of election protesters",
            "Dariga Nazarbayeva. ",
            "Picture credit",
            "Wikimedia",
            "Leave a Reply",
            "Akismet",
            "Learn how your comment data is processed",
        ),
        forbidden_paragraphs=("Dariga Nazarbayeva.",),
    ),
)


def _read_seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


@pytest.fixture(params=SEED_EXPECTATIONS, ids=lambda expected: expected.file[:3])
def seed(request: pytest.FixtureRequest) -> tuple[SeedExpectation, ParsedArticle]:
    expected: SeedExpectation = request.param
    return expected, parse_article(_read_seed(expected.file))


def test_seed_body_has_no_boilerplate(seed: tuple[SeedExpectation, ParsedArticle]) -> None:
    expected, article = seed
    leaked = [text for text in expected.forbidden if text in article.body]
    assert leaked == []
    paragraphs = article.body.split("\n\n")
    assert [p for p in paragraphs if p in expected.forbidden_paragraphs] == []


def test_seed_body_starts_and_ends_with_the_story(
    seed: tuple[SeedExpectation, ParsedArticle],
) -> None:
    expected, article = seed
    assert article.body.startswith(expected.first_words)
    assert article.body.endswith(expected.last_words)
    assert len(article.body.split("\n\n")) == expected.paragraphs


def test_seed_metadata(seed: tuple[SeedExpectation, ParsedArticle]) -> None:
    expected, article = seed
    if expected.headline is not None:
        assert article.headline == expected.headline
    assert article.standfirst == expected.standfirst
    assert article.dateline == expected.dateline
    assert article.bylines == expected.bylines
    assert article.original_source == expected.original_source
    assert article.outlet == expected.outlet
    assert article.published_at == expected.published_at


def test_seed_captions_are_kept_apart_once(seed: tuple[SeedExpectation, ParsedArticle]) -> None:
    expected, article = seed
    assert article.captions == expected.captions
    assert len(set(article.captions)) == len(article.captions)
    for caption in article.captions:
        assert caption not in article.body


def test_seed_paragraphs_are_lines_of_the_copy(
    seed: tuple[SeedExpectation, ParsedArticle],
) -> None:
    """No rewriting and no gluing: each paragraph is a whole line of the copy with only
    its edges trimmed (the first may be what follows its dateline)."""
    expected, article = seed
    lines = [line.strip() for line in article.raw_text.splitlines()]
    paragraphs = article.body.split("\n\n")
    for index, paragraph in enumerate(paragraphs):
        assert paragraph, "empty paragraph"
        assert paragraph == paragraph.strip()
        assert "\n" not in paragraph
        assert paragraph in article.raw_text
        after_dateline = index == 0 and any(
            line.startswith(expected.dateline or "\0") and line.endswith(paragraph)
            for line in lines
        )
        assert paragraph in lines or after_dateline, paragraph


def test_seed_raw_text_and_hash(seed: tuple[SeedExpectation, ParsedArticle]) -> None:
    expected, article = seed
    raw = _read_seed(expected.file)
    assert article.raw_text == raw
    assert article.content_hash == content_hash(raw)
    assert parse_article(raw) == article  # deterministic
    crlf = parse_article(raw.replace("\n", "\r\n"))
    assert crlf.content_hash == article.content_hash
    assert crlf.body == article.body
    assert crlf.raw_text != article.raw_text  # the raw copy is kept exactly as given


def test_other_copy_has_another_hash() -> None:
    raw = _read_seed(SEED_EXPECTATIONS[0].file)
    assert content_hash(raw) != content_hash(raw + "\nA late correction.")


def test_headline_derived_from_body_when_copy_and_meta_have_none() -> None:
    article = parse_article(_read_seed("000_f9b1461cc6b3d973.txt"))
    assert article.headline is not None
    assert article.headline.startswith("Reports from Kazakhstan say authorities")
    assert len(article.headline) <= 101
    assert article.headline.endswith("…")


def test_meta_takes_precedence() -> None:
    published = dt.datetime(2019, 6, 11, 2, 45, tzinfo=dt.timezone(dt.timedelta(hours=10)))
    meta = ArticleMeta(
        outlet="South East Asia Post",
        original_source="RFE/RL",
        headline="Kazakh police arrest protesters in Almaty",
        published_at=published,
    )
    article = parse_article(_read_seed("000_f9b1461cc6b3d973.txt"), meta)
    assert article.outlet == "South East Asia Post"
    assert article.original_source == "RFE/RL"
    assert article.headline == "Kazakh police arrest protesters in Almaty"
    assert article.published_at == published
    # Meta changes no story text.
    assert article.body == parse_article(_read_seed("000_f9b1461cc6b3d973.txt")).body


def test_pictured_inside_a_sentence_stays() -> None:
    article = parse_article(_read_seed("004_d5dc6f06da05cd96.txt"))
    assert "daughter, Dariga Nazarbayeva (pictured), as president." in article.body


# --- bad input -------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \r\n", "\u00a0\n\u200b"])
def test_empty_copy_is_rejected(text: str) -> None:
    with pytest.raises(EmptyArticleError):
        parse_article(text)


def test_copy_of_boilerplate_only_is_empty() -> None:
    text = "Accessibility links\n\nBreaking News\n\n16x9 Image\n\nLeave a Reply\n"
    with pytest.raises(EmptyArticleError):
        parse_article(text)


def test_nul_bytes_are_rejected() -> None:
    with pytest.raises(InvalidArticleError) as raised:
        parse_article("Police detained protesters.\x00\x00 More text.")
    assert not isinstance(raised.value, EmptyArticleError)
    assert raised.value.code == "invalid_article"


def test_binary_is_rejected() -> None:
    blob = bytes(range(1, 32)).decode("latin-1") * 20 + "Police detained protesters."
    with pytest.raises(InvalidArticleError) as raised:
        parse_article(blob)
    assert not isinstance(raised.value, EmptyArticleError)


def test_a_stray_control_character_is_tolerated() -> None:
    text = "Police detained protesters\x0c in Almaty on Monday.\n" + "".join(
        f"Officers were out again on day {day}, the interior ministry said.\n" for day in range(3)
    )
    article = parse_article(text)
    assert article.body.startswith("Police detained protesters\x0c in Almaty on Monday.\n\n")


# --- other outlets' styles ---------------------------------------------------------


def test_ap_style_dateline_byline_and_trailer() -> None:
    text = (
        "Kazakhstan's new president sworn in amid protests\n"
        "By JIM HEINTZ\n"
        "June 12, 2019 10:15 AM GMT\n"
        "NUR-SULTAN, Kazakhstan (AP) — Kazakhstan's new president took the oath of office on"
        " Wednesday.\n"
        "RELATED: Kazakh protests spread to the capital\n"
        "Police detained dozens of protesters in Almaty, officials said.\n"
        "Associated Press writer Dar Yasin in Moscow contributed to this report.\n"
        "Copyright 2019 The Associated Press. All rights reserved.\n"
    )
    article = parse_article(text)
    assert article.headline == "Kazakhstan's new president sworn in amid protests"
    assert article.dateline == "NUR-SULTAN, Kazakhstan (AP)"
    assert article.original_source == "Associated Press"
    assert article.bylines == ("JIM HEINTZ", "Dar Yasin")
    assert article.published_at == dt.datetime(2019, 6, 12, 10, 15, tzinfo=dt.UTC)
    assert article.body == (
        "Kazakhstan's new president took the oath of office on Wednesday.\n\n"
        "Police detained dozens of protesters in Almaty, officials said."
    )


def test_reuters_style_dateline_with_date() -> None:
    text = (
        "ALMATY, June 11 (Reuters) - Kazakh police detained 200 more protesters.\n"
        "(Reporting by Olzhas Auyezov; Editing by Nick Macfie)\n"
    )
    article = parse_article(text)
    assert article.dateline == "ALMATY, June 11 (Reuters)"
    assert article.original_source == "Reuters"
    assert article.bylines == ("Olzhas Auyezov",)
    assert article.body == "Kazakh police detained 200 more protesters."


def test_related_promo_trailer() -> None:
    text = (
        "Ministers agree budget after all-night talks\n\n"
        "LONDON -- Ministers agreed a budget early on Friday after talks that ran all night.\n\n"
        "The deal still needs a vote in parliament next week.\n\n"
        "Related:\n\n"
        "Opposition attacks budget plans\n\n"
        "Markets rally on budget hopes\n"
    )
    article = parse_article(text)
    assert article.dateline == "LONDON"
    assert article.body.startswith("Ministers agreed a budget")
    assert article.body.endswith("a vote in parliament next week.")
    for promo in ("Related", "Opposition attacks", "Markets rally"):
        assert promo not in article.body


def test_bbc_style_captions_and_credits() -> None:
    text = (
        "Kazakhstan election: Protesters detained in Almaty\n\n"
        "Image source, Getty Images\n\n"
        "Image caption, Police detained protesters in Almaty on Sunday\n\n"
        "Police in Kazakhstan have detained hundreds of people protesting against the vote.\n\n"
        "The vote was won by the interim president, Kassym-Jomart Tokayev.\n\n"
        "Media caption, Watch: protesters clash with police\n\n"
        "More on this story\n\n"
        "Kazakhstan country profile\n"
    )
    article = parse_article(text)
    assert article.headline == "Kazakhstan election: Protesters detained in Almaty"
    assert article.standfirst is None
    assert article.captions == (
        "Police detained protesters in Almaty on Sunday",
        "Watch: protesters clash with police",
    )
    assert article.body == (
        "Police in Kazakhstan have detained hundreds of people protesting against the vote."
        "\n\nThe vote was won by the interim president, Kassym-Jomart Tokayev."
    )


def test_blog_style_repeated_headline_crosshead_and_credits() -> None:
    text = (
        "Opposition rallies in Bishkek\n\n"
        "Opposition rallies in Bishkek\n\n"
        "Thousands rallied in the Kyrgyz capital on Saturday, organisers said.\n\n"
        "CROWDS GROW\n\n"
        "By evening the crowd had grown to several thousand people.\n\n"
        "Protesters gathered on Ala-Too Square (Photo by Vyacheslav Oseledko/AFP via Getty Images)"
        "\n\n"
        "Sign up for our weekly newsletter and never miss a story.\n\n"
        "Police did not intervene.\n\n"
        "BISHKEK, Kyrgyzstan: Parliament votes on a new budget after weeks of...\n\n"
        "Leave a Comment\n\n"
        "Great article, thanks!\n"
    )
    article = parse_article(text)
    assert article.headline == "Opposition rallies in Bishkek"
    assert article.captions == ("Protesters gathered on Ala-Too Square",)
    assert article.body == (
        "Thousands rallied in the Kyrgyz capital on Saturday, organisers said.\n\n"
        "By evening the crowd had grown to several thousand people.\n\n"
        "Police did not intervene."
    )


def test_standfirst_sits_between_headline_and_furniture() -> None:
    text = (
        "Kyrgyz parliament passes budget\n"
        "Lawmakers approved the plan after weeks of debate over spending cuts.\n"
        "By Jane Doe and John Roe, Reuters\n"
        "Lawmakers in Kyrgyzstan approved the budget on Thursday.\n"
    )
    article = parse_article(text)
    assert article.standfirst == (
        "Lawmakers approved the plan after weeks of debate over spending cuts."
    )
    assert article.bylines == ("Jane Doe", "John Roe")
    assert article.body == "Lawmakers in Kyrgyzstan approved the budget on Thursday."


def test_sentence_starting_with_by_is_story() -> None:
    text = "Budget vote delayed\nBy Monday, lawmakers had still not voted on the budget.\n"
    article = parse_article(text)
    assert article.bylines == ()
    assert article.body == "By Monday, lawmakers had still not voted on the budget."


def test_teaser_run_without_city_lead_is_dropped() -> None:
    text = (
        "Lawmakers approved the budget on Thursday after a long debate.\n"
        "In other news, a cargo ship sank in the Red Sea following an attack...\n"
        "The measles outbreak is the worst in more than three decades, with cases...\n"
    )
    assert parse_article(text).body == (
        "Lawmakers approved the budget on Thursday after a long debate."
    )


@pytest.mark.parametrize(
    ("body", "headline"),
    [
        ("Police detained 200 people. More followed.", "Police detained 200 people"),
        ("Mr. Tokayev won the vote. Protests followed.", "Mr. Tokayev won the vote"),
    ],
)
def test_headline_from_body_takes_the_first_sentence(body: str, headline: str) -> None:
    assert headline_from_body(body) == headline


def test_blog_post_meta_comment_thread_and_contact_lines_stay_out() -> None:
    raw = (
        "Notes from the square\n\n"
        "Posted on June 14, 2019 by Saule B. | 3 Comments\n\n"
        "I stood near the square with friends. There were maybe 300 of us at first.\n\n"
        "Share this:\nTwitter\nFacebook\n\n"
        '3 thoughts on "Notes from the square"\n\n'
        "Marat K. says:\nBrave post. 500 is surely too low.\nReply\n\n"
        "Got a tip? Email tips@example.org or call 1-800-555-0199.\n"
    )
    parsed = parse_article(raw)
    assert parsed.body == (
        "I stood near the square with friends. There were maybe 300 of us at first."
    )
    assert parsed.bylines == ("Saule B.",)


def test_contact_line_inside_the_story_is_dropped() -> None:
    raw = (
        "Headline here\n\n"
        "The ministry said 40 people were detained on Saturday.\n\n"
        "Got a claim you want checked? Email factcheck@example.org or call 1-800-555-0199.\n\n"
        "Police said the rally was illegal.\n"
    )
    body = parse_article(raw).body
    assert "example.org" not in body
    assert body.endswith("Police said the rally was illegal.")


def test_a_paragraph_longer_than_any_caption_is_story_whatever_it_ends_with() -> None:
    paragraph = "Police detained 500 people in Almaty on Monday. " * 50 + "(Photo: AFP)"
    article = parse_article("Headline\n\n" + paragraph + "\n")
    assert article.captions == ()
    assert article.body.startswith("Police detained 500 people")


def test_seed_every_line_is_story_or_removed(seed: tuple[SeedExpectation, ParsedArticle]) -> None:
    """Each line of the copy is the headline, standfirst, dateline, a paragraph or a
    caption of the story, or among the lines intake removed (shown apart on the desk)."""
    _, article = seed
    kept = {article.headline, article.standfirst, *article.body.split("\n\n")}
    unaccounted = [
        line
        for line in (
            raw.strip().strip("\u200b\ufeff").strip() for raw in article.raw_text.split("\n")
        )
        if line
        and line not in kept
        and line not in article.removed
        and not any(caption in line for caption in article.captions)
        and not (article.dateline and line.startswith(article.dateline))
    ]
    assert unaccounted == []
    assert set(article.removed) & set(article.body.split("\n\n")) == set()


def test_removed_lines_are_kept_in_order() -> None:
    copy = (
        "Skip to main content\n\nQuake toll rises\n\nOfficials said 120 people died.\n\n"
        "RESCUE EFFORTS\n\nMore than 400 were injured.\n\nRelated stories\n\nOther quake\n"
    )
    article = parse_article(copy)
    assert article.removed == (
        "Skip to main content",
        "RESCUE EFFORTS",
        "Related stories",
        "Other quake",
    )
    assert article.body == "Officials said 120 people died.\n\nMore than 400 were injured."


def test_a_lede_printed_above_itself_is_the_headline_not_story_twice() -> None:
    lede = "Strong winds cause a crane collapse at the mosque killing 107 people."
    article = parse_article(f"{lede}\n\n{lede} Most of the people killed were pilgrims.\n")
    assert article.headline == lede
    assert article.body == f"{lede} Most of the people killed were pilgrims."


def test_a_quotation_whose_attribution_lost_its_full_stop_stays_in_the_story() -> None:
    copy = (
        "Harbour reopens after storm\n\n"
        "The harbour reopened on Tuesday after three days of gales, the port authority "
        "said.\n\n"
        '"We never saw it coming," she said\n\n'
        "Repairs to the outer wall will take a month."
    )
    assert '"We never saw it coming," she said' in parse_article(copy).body


def test_a_quoted_paragraph_printed_twice_in_a_row_is_story_not_a_caption() -> None:
    copy = (
        "Ferry service halted\n\n"
        "The ferry company cannot say when crossings will resume, a spokesman said.\n\n"
        '"The first possibility is a fault in the engine room," he said.\n\n'
        '"Or the hull may have struck debris during the night."\n\n'
        '"Or the hull may have struck debris during the night."\n\n'
        "Divers will inspect the vessel on Thursday."
    )
    article = parse_article(copy)
    assert '"Or the hull may have struck debris during the night."' in article.body
    assert not article.captions
