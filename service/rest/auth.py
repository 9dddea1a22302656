"""REST requests refused by service.auth become 401/403 problem documents."""

from __future__ import annotations

from collections.abc import Mapping

from service.auth import Denial, read_denial, write_denial
from service.config import Settings
from service.problems import ProblemError


def denial_problem(denial: Denial) -> ProblemError:
    return ProblemError(denial.code, denial.detail, headers=denial.headers)


def require_write(headers: Mapping[str, str], settings: Settings) -> None:
    denial = write_denial(headers, settings)
    if denial is not None:
        raise denial_problem(denial)


def require_read(headers: Mapping[str, str], settings: Settings) -> None:
    denial = read_denial(headers, settings)
    if denial is not None:
        raise denial_problem(denial)
