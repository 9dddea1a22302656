"""What kind of value the copy says a figure is (service/ingest/figures/status.py)."""

from __future__ import annotations

import pytest

from service.ingest.figures.status import value_status


@pytest.mark.parametrize(
    ("sentence", "number", "status"),
    [
        # a forecast of its own after "and" leaves the count before it counted
        ("The death toll stood at 310 and is expected to rise further.", "310", None),
        ("The death toll stood at 310 and could reach 500.", "500", "forecast"),
        ("Profits rose 4% and are expected to reach 6% next year.", "6%", "forecast"),
        ("About 2,000 jobs are expected to go.", "2,000", "forecast"),
        # "will cut" is a plan: no forecast of its clause's other figures; "could cut" is
        ("The mill will cut 800 jobs after a $90 million loss.", "$90 million", None),
        ("Some 600 of its 4,100 workers will be cut.", "4,100", None),
        ("The levy could cut exports by 12 percent.", "12 percent", "forecast"),
        # a count of who makes up the subject's group is no forecast of the cue after it
        ("A convoy of 40 trucks is expected to reach the port.", "40", None),
        ("A total of 40 trucks is expected to reach the port.", "40", "forecast"),
        # the term a deal comes with is no forecast
        ("The handset will cost $199 with a two-year contract.", "two-year", None),
        ("The damage is estimated at $3 million.", "$3 million", "estimate"),
        # set against a forecast, a figure is what came true; the forecast keeps its cue
        ("Losses were 26 cents a share, worse than analysts had forecast.", "26 cents", None),
        ("The carmaker beat predictions with a profit of $2 billion.", "$2 billion", None),
        ("Sales rose 8%, above analysts' expectations.", "8%", None),
        ("Profit of $3 billion was in line with estimates.", "$3 billion", None),
        ("Analysts had forecast 20 cents a share.", "20 cents", "forecast"),
        # a participle after a comma is a predication of its own
        ("Shares fell 5%, deepening fears the bank will be sold.", "5%", None),
        ("About 2,000 jobs are expected to go, leaving 300.", "2,000", "forecast"),
        ("The bank now holds 30 percent, expected to rise to 40% in May.", "30 percent", None),
        ("The bank now holds 30 percent, expected to rise to 40% in May.", "40%", "forecast"),
        # "expected to" forecasts a figure a few words on, not the counts of a scene beyond
        ("She is expected to be out for six weeks.", "six weeks", "forecast"),
        (
            "He is expected to appear today before the High Court on three counts of fraud.",
            "three counts",
            None,
        ),
        # a definite count names things known, no value to come
        ("Critics fear the tariff will cut trade between the three countries.", "three", None),
        # so does a relative clause: it tells of the noun before it
        (
            "The mill has 900 workers and a lease, which analysts estimate is worth $9 million.",
            "900",
            None,
        ),
        ("The deficit will be larger than forecast, at $40 billion.", "$40 billion", "forecast"),
        # "will be" forecasts the figure or level after it, not what is to happen to things
        ("The first six engines will be built at the plant in Derby.", "six", None),
        ("She will be charged today with three counts of fraud.", "three counts", None),
        ("The new turbine will be 30% more efficient.", "30%", "forecast"),
        ("The bridge will be about $4 billion over budget.", "$4 billion", "forecast"),
        ("Economists are predicting losses could run to $9 billion.", "$9 billion", "forecast"),
        # an estimate that names its own value is not of the figure before it
        (
            "The city may need $4 billion, an increase over its earlier estimate of $3 billion.",
            "$4 billion",
            None,
        ),
        (
            "The city may need $4 billion, an increase over its earlier estimate of $3 billion.",
            "$3 billion",
            "estimate",
        ),
        (
            "The bank cut its estimate to 1.8 percent from an earlier forecast of 2.5 percent.",
            "1.8 percent",
            "estimate",
        ),
        (
            "The bank cut its estimate to 1.8 percent from an earlier forecast of 2.5 percent.",
            "2.5 percent",
            "forecast",
        ),
        # a figure counting who estimates or forecasts is none of their values
        ("The buyer will pay the mean of the estimates of three auditing firms.", "three", None),
        ("The median forecast of 25 economists was 2.8 percent.", "25", None),
        ("The median forecast of 25 economists was 2.8 percent.", "2.8 percent", "forecast"),
        ("Estimates of 400 deaths could not be confirmed.", "400", "estimate"),
        # a value set beside the figure after a comma is out of a cue's reach
        (
            "The firm estimates the deal gives it 12 percent, compared with a rival's 20 percent.",
            "12 percent",
            "estimate",
        ),
        (
            "The firm estimates the deal gives it 12 percent, compared with a rival's 20 percent.",
            "20 percent",
            None,
        ),
        ("Sales are expected to reach $5 billion, up from $4 billion.", "$5 billion", "forecast"),
        ("Sales are expected to reach $5 billion, up from $4 billion.", "$4 billion", None),
        # a relative clause after a comma before the figure is out of a cue's reach
        (
            "Police estimate the group has 400 members led by Mr Hale, who faces trial on"
            " two counts of fraud.",
            "two counts",
            None,
        ),
        (
            "Police estimate the group has 400 members led by Mr Hale, who faces trial on"
            " two counts of fraud.",
            "400",
            "estimate",
        ),
        # a definite count is no estimate either
        (
            "Officials estimated that 40 percent of homes in the 15 hardest-hit towns were lost.",
            "15",
            None,
        ),
        (
            "Officials estimated that 40 percent of homes in the 15 hardest-hit towns were lost.",
            "40 percent",
            "estimate",
        ),
        # a cue opening a relative clause tells of the noun just before it
        (
            "Aid will flow only if 75% of creditors accept terms that would cut the debt.",
            "75%",
            None,
        ),
        (
            "Profit came to 40 cents a share, far from the 25-cent loss that analysts forecast.",
            "40 cents",
            None,
        ),
        (
            "Profit came to 40 cents a share, far from the 25-cent loss that analysts forecast.",
            "25-cent",
            "forecast",
        ),
        # a past expectation is a forecast as reported
        (
            "Revenue was $4.2 billion, while analysts expected only $3.9 billion.",
            "$3.9 billion",
            "forecast",
        ),
        (
            "Revenue was $4.2 billion, while analysts expected only $3.9 billion.",
            "$4.2 billion",
            None,
        ),
        (
            "Profit came to 40 cents a share, far from the 25-cent loss that had been anticipated.",
            "25-cent",
            "forecast",
        ),
        ("A loss of $2 billion expected by analysts never came.", "$2 billion", "forecast"),
        ("Fans had long expected the return of the 12-string guitar.", "12-string", None),
        # what the copy only believes, or what may be held, is a guess at the value after it
        ("The painting is believed to be worth about $4 million.", "$4 million", "estimate"),
        ("The ferry is thought to have carried 300 passengers.", "300", "estimate"),
        ("Three men, believed to be brothers, were held overnight.", "Three", None),
        ("The striker is believed to be seeking a three-year contract.", "three-year", None),
        ("The new seam could contain 40 million tonnes of coal.", "40 million tonnes", "estimate"),
        # who envisions or foresees a value forecasts it, as an analyst's price target does
        ("The mayor envisions the repairs will take 18 months.", "18 months", "forecast"),
        ("The broker raised its price target to $48.", "$48", "forecast"),
        ("The central bank kept its target rate of 4.5%.", "4.5%", None),
    ],
)
def test_value_status(sentence: str, number: str, status: str | None) -> None:
    start = sentence.index(number)
    assert value_status(sentence, start, start + len(number), share=False) == status


def test_a_share_in_a_poll_is_a_poll_answer() -> None:
    sentence = "In a new poll, 61% said they backed the plan."
    start = sentence.index("61%")
    assert value_status(sentence, start, start + 3, share=True) == "poll_answer"
