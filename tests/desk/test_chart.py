"""The number line's layout: points, intervals, open ends, the agreed band."""

from __future__ import annotations

import dataclasses

from service.db.rows import FigureRow
from service.desk.chart import LEFT, RIGHT, WIDTH, number_line
from service.desk.values import value_groups

BASE = FigureRow(
    id=1, article_id=1, fact_id=1, subject_id=1, attributed_to_id=None,
    attributed_to_text=None, value=0.0, upper_bound=None, approximation="EXACT",
    unit="percent", text="", property="vote_share", qualifier=None, status=None,
    refers_to=None, start_offset=0, end_offset=1, sentence_start=0, sentence_end=1,
    part="BODY", caption_index=None,
)  # fmt: skip


def _figure(
    value: float, text: str, approximation: str = "EXACT", status: str | None = None
) -> FigureRow:
    """A report of its own value (value_group: as its query would number its value)."""
    return dataclasses.replace(
        BASE,
        value=value,
        text=text,
        approximation=approximation,
        status=status,
        value_group=hash((value, approximation)),
    )


def test_conflicting_values_and_open_ends() -> None:
    groups = value_groups(
        [
            _figure(70.0, "more than 70 percent", "MORE_THAN", status="preliminary"),
            _figure(70.76, "70.76 percent"),
            _figure(70.96, "70.96 percent", status="final"),
            _figure(70.96, "70.96 percent", status="final"),
        ]
    )
    assert [(g.number, len(g.reports), g.conflicts) for g in groups] == [
        (1, 1, []),
        (2, 1, [3]),
        (3, 2, [2]),
    ]
    line = number_line(groups)
    assert line is not None
    assert [b.conflicting for b in line.bars] == [False, True, True]
    assert [b.status for b in line.bars] == ["preliminary", "", "final"]
    assert line.bars[0].open_high
    assert not line.bars[0].open_low
    assert line.bars[0].high == WIDTH - RIGHT
    assert LEFT < line.bars[1].point < line.bars[2].point < WIDTH - RIGHT
    assert line.agreed is None
    assert all(LEFT <= x <= WIDTH - RIGHT for x, _ in line.ticks)
    assert [label for _, label in line.ticks] == ["70.0", "70.5", "71.0"]


def test_agreeing_values_share_a_band() -> None:
    groups = value_groups([_figure(71.0, "nearly 71 percent", "NEARLY"), _figure(70.9, "70.9")])
    line = number_line(groups)
    assert line is not None
    assert line.agreed is not None
    low, high = line.agreed
    assert low <= line.bars[1].point <= high


def test_one_value_and_none() -> None:
    line = number_line(value_groups([_figure(66.0, "66")]))
    assert line is not None
    assert len(line.bars) == 1
    assert line.ticks
    assert number_line([]) is None
