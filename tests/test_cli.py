"""The `factdesk` command line refuses arguments it cannot store before doing any work."""

from __future__ import annotations

import os

import pytest

from service.cli import build_parser


def test_an_outlet_that_is_not_utf8_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    # What Python makes of the argument $'Reu\xffters' from a UTF-8 shell.
    outlet = os.fsdecode(b"Reu\xffters")
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["ingest", "copy.txt", "--outlet", outlet])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "argument --outlet: not valid UTF-8 text (byte 3)" in error
    assert "Traceback" not in error
    args = build_parser().parse_args(["ingest", "copy.txt", "--outlet", "Reuters"])
    assert args.outlet == "Reuters"
