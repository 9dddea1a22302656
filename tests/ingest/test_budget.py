"""The CPU budget of one article: the stages check it as they go and refuse the article
once it is spent (issue 19). The clock is injected: no test here depends on how fast the
machine is."""

from __future__ import annotations

import pytest

from service.errors import ArticleTooComplexError
from service.ingest.budget import ExtractionBudget
from service.ingest.extract import extract
from service.ingest.figures import find_figures
from service.ingest.nlp.model import analyse
from service.ingest.parse.article import parse_article
from service.ingest.parse.sentences import split_sentences


class Ticks:
    """A clock that moves one second each time it is read."""

    def __init__(self) -> None:
        self.now = 0.0
        self.reads = 0

    def __call__(self) -> float:
        self.now += 1.0
        self.reads += 1
        return self.now


def test_a_budget_holds_until_its_seconds_are_spent() -> None:
    now = [100.0]
    budget = ExtractionBudget(2.0, clock=lambda: now[0])
    budget.check()
    now[0] = 102.0
    budget.check()  # exactly spent is not over
    now[0] = 102.5
    with pytest.raises(ArticleTooComplexError) as refused:
        budget.check()
    assert refused.value.field == "text"
    assert "2 s of CPU" in refused.value.message


def test_the_figure_stage_checks_the_budget_between_figures() -> None:
    body = "Officials counted " + ", ".join(str(n) for n in range(10, 40)) + " dead.\n"
    sentences = split_sentences(body)
    doc = analyse(body)
    clock = Ticks()
    budget = ExtractionBudget(5.0, clock=clock)  # spent on the fifth check
    with pytest.raises(ArticleTooComplexError):
        find_figures(body, sentences, (), (), published_on=None, doc=doc, budget=budget)
    assert clock.reads == 1 + 6  # created, then five checks in budget and the one over it


def test_extraction_within_its_budget_is_the_unbounded_extraction() -> None:
    parsed = parse_article("Headline\n\nOfficials counted 12 dead in Jajarkot on Sunday.\n")
    assert extract(parsed, ExtractionBudget(1e9, clock=Ticks())) == extract(parsed)


def test_an_article_past_its_budget_is_refused_whole() -> None:
    parsed = parse_article("Headline\n\n" + "The toll rose to 157 on Sunday. " * 50)
    with pytest.raises(ArticleTooComplexError):
        extract(parsed, ExtractionBudget(3.0, clock=Ticks()))
