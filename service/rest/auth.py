"""REST requests refused by service.auth become 401/403 problem documents."""

from __future__ import annotations

from starlette.datastructures import Headers

from service.auth import Denial, editor_name, judge_denial, read_denial, write_denial
from service.config import Settings
from service.problems import ProblemError


def denial_problem(denial: Denial) -> ProblemError:
    return ProblemError(denial.code, denial.detail, headers=denial.headers)


def _one_authorization(headers: Headers) -> None:
    """Two Authorization headers are a 400, as on /graphql: which one counts is ambiguous."""
    if len(headers.getlist("authorization")) > 1:
        raise ProblemError("duplicate_header", "send one Authorization header, not several")


def require_write(headers: Headers, settings: Settings) -> None:
    _one_authorization(headers)
    denial = write_denial(headers, settings)
    if denial is not None:
        raise denial_problem(denial)


def require_read(headers: Headers, settings: Settings) -> None:
    _one_authorization(headers)
    denial = read_denial(headers, settings)
    if denial is not None:
        raise denial_problem(denial)


def require_editor(headers: Headers, settings: Settings) -> str:
    """The name of the editor whose key the request carries; 401/403 when it has none."""
    _one_authorization(headers)
    denial = judge_denial(headers, settings)
    if denial is not None:
        raise denial_problem(denial)
    name = editor_name(headers, settings)
    assert name is not None
    return name
