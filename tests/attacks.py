"""The hostile requests of issue 19, as data: replayed by tests/test_hostile.py against a
real server, with bounds, and by bench/hostile.py, which measures each one.

Every attack is named; an HTTP attack is (method, path, request keyword arguments,
expected status, expected code or None), copy attacks are the text to ingest, and a slow
body is sent over a raw socket (`send_slowly`: an HTTP client sends a body as fast as it has
it).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

KEY = "hostile-suite-key"  # the key the server under attack is given


def fan_out(fragments: int) -> str:
    chain = " ".join(
        f"fragment F{n} on Outlet {{ name ...F{n + 1} ...F{n + 1} }}" for n in range(fragments)
    )
    return f"query {{ outlets {{ ...F0 }} }} {chain} fragment F{fragments} on Outlet {{ id }}"


async def ten_megabytes() -> AsyncIterator[bytes]:
    for _ in range(10):
        yield b" " * 1_000_000


MENTIONS = "mentions { article { " * 3 + "headline" + " } }" * 3
BODIES = " ".join(f"b{n}: body" for n in range(20))
JSON = {"content-type": "application/json"}


def graphql_body(query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"query": query, "variables": variables}


def error_code(response: httpx.Response) -> str:
    payload = response.json()
    if "errors" in payload:
        code: str = payload["errors"][0]["extensions"]["code"]
        return code
    return str(payload.get("code"))


# name -> (method, path, request keyword arguments, expected status, expected code or None)
ATTACKS: dict[str, tuple[str, str, dict[str, Any], int, str | None]] = {
    # 2^25 paths through 1.2 KB of fragments: all spreads of one list of outlets.
    "fragment fan-out": ("POST", "/graphql", {"json": graphql_body(fan_out(25))}, 200, None),
    "fragment cycle": (
        "POST",
        "/graphql",
        {"json": graphql_body("{ outlets { ...A } } fragment A on Outlet { ...A }")},
        200,
        "GRAPHQL_VALIDATION_FAILED",
    ),
    "10 MB body declared": (
        "POST",
        "/graphql",
        {"content": b"{" + b" " * 10_000_000 + b"}", "headers": JSON},
        413,
        "request_too_large",
    ),
    "10 MB body streamed": (
        "POST",
        "/graphql",
        {"content": "streamed", "headers": JSON},
        413,
        "request_too_large",
    ),
    "nested plain lists": (
        "POST",
        "/graphql",
        {"json": graphql_body("{ articles(first: 5) { edges { node { " + MENTIONS + " } } } }")},
        200,
        "query_too_costly",
    ),
    "twenty aliases of body": (
        "POST",
        "/graphql",
        {"json": graphql_body("{ articles(first: 100) { edges { node { " + BODIES + " } } } }")},
        200,
        "query_too_costly",
    ),
    "first from a variable default": (
        "POST",
        "/graphql",
        {"json": graphql_body("query($n: Int = 1000) { entities(first: $n) { totalCount } }")},
        200,
        "page_size_out_of_range",
    ),
    "wrong-typed variable": (
        "POST",
        "/graphql",
        {
            "json": graphql_body(
                "query($n: Int) { entities(first: $n) { totalCount } }", {"n": "abc"}
            )
        },
        200,
        "BAD_USER_INPUT",
    ),
    "invalid UTF-8 body": (
        "POST",
        "/graphql",
        {"content": b'{"query": "{ outlets { name } }\xff"}', "headers": JSON},
        400,
        "bad_request",
    ),
    "JSON nested 100,000 deep": (
        "POST",
        "/graphql",
        {"content": b"[" * 100_000 + b"]" * 100_000, "headers": JSON},
        400,
        "bad_request",
    ),
    "200 KB search": (
        "POST",
        "/graphql",
        {
            "json": graphql_body(
                "query($s: String!) { search(query: $s) { __typename } }", {"s": "word " * 40_000}
            )
        },
        200,
        "search_too_long",
    ),
    "two Authorization headers": (
        "POST",
        "/graphql",
        {
            "json": graphql_body("{ outlets { name } }"),
            "headers": [("authorization", f"Bearer {KEY}"), ("authorization", "")],
        },
        400,
        "duplicate_header",
    ),
    "PUT on /graphql": ("PUT", "/graphql", {"json": {}}, 405, "method_not_allowed"),
    # Before the head's bound (service/request_head.py) both were read whole and answered;
    # 100 MB of header doubled the server's memory (tests/test_request_head.py).
    "one 1 MB header": (
        "GET",
        "/api/v1/articles",
        {"headers": {"x-big": "v" * 1_000_000}},
        431,
        "request_head_too_large",
    ),
    "1,000 headers": (
        "GET",
        "/api/v1/articles",
        {"headers": [(f"x-h{n}", "v" * 100) for n in range(1000)]},
        431,
        "request_head_too_large",
    ),
    "OPTIONS on REST": ("OPTIONS", "/api/v1/articles", {}, 405, "method_not_allowed"),
}


STORY = "Police detained 500 people in Almaty on Monday, officials said.\n"
# Copy with one pathological token each: a word, capitals, spaces, an unclosed comment.
LONG_TOKENS = {
    "a 900 KB word": STORY + "a" * 900_000 + "\n" + STORY,
    "900 KB of capitals": STORY + "A" * 900_000 + "\n" + STORY,
    "900 KB of spaces": STORY + "x " + " " * 900_000 + "y\n" + STORY,
    "900 KB in an HTML comment": "<p>" + STORY + "</p><!--" + "a" * 900_000,
}


# Copy that is all figures, each at the ingest cap or far below it: before the bounds,
# 10 KB of numbers took 3.3 s and 1 MiB never finished (and held SIGTERM up).
NUMBER_FLOODS = {
    "10 KB of numbers": "Headline\n\n" + "1 " * 5_000,
    "1 MiB of numbers": "Headline\n\n" + "1 " * 520_000,
    "1 MiB of sentences with a figure each": (
        "Headline\n\n" + "The death toll rose to 157 on Sunday. " * 27_000
    ),
}


def request_of(name: str) -> tuple[str, str, dict[str, Any]]:
    """The HTTP request of any attack by name: method, path and httpx keyword arguments
    (a streamed body is made afresh for each call)."""
    if name in ATTACKS:
        method, path, kwargs, _, _ = ATTACKS[name]
        if kwargs.get("content") == "streamed":
            kwargs = {**kwargs, "content": ten_megabytes()}  # no Content-Length: chunked
        return method, path, kwargs
    text = {**LONG_TOKENS, **NUMBER_FLOODS}[name]
    kind = "text/html" if text.startswith("<") else "text/plain"
    headers = {"authorization": f"Bearer {KEY}", "content-type": kind}
    return "POST", "/api/v1/articles", {"content": text.encode(), "headers": headers}


def _head(path: str, kind: str, length: int, *, key: bool) -> bytes:
    auth = b"authorization: Bearer %s\r\n" % KEY.encode() if key else b""
    return b"POST %s HTTP/1.1\r\nhost: x\r\ncontent-type: %s\r\n%scontent-length: %d\r\n\r\n" % (
        path.encode(),
        kind.encode(),
        auth,
        length,
    )


# Slow loris on the body: name -> (the head and the body's first bytes, seconds between the
# bytes that follow, one at a time (None: nothing follows), expected status, expected code).
# Before the body's time bound (service/request_body.py) both were held for as long as the
# client liked and never answered.
SLOW_BODIES: dict[str, tuple[bytes, float | None, int, str]] = {
    "1 MB ingest trickled a byte at a time": (
        _head("/api/v1/articles", "text/plain", 1_000_000, key=True),
        0.1,  # far below FACTDESK_REQUEST_BODY_MIN_RATE
        408,
        "request_body_timeout",
    ),
    "GraphQL body that stops midway": (
        _head("/graphql", "application/json", 100, key=False) + b'{"query": "{ outlets',
        None,
        408,
        "request_body_timeout",
    ),
}


@dataclass(frozen=True)
class RawAnswer:
    status: int
    code: str  # the problem's or GraphQL error's code, "" for none

    @property
    def text(self) -> str:
        return f"{self.status} {self.code}".strip()


async def send_slowly(base_url: str, name: str) -> RawAnswer:
    """Sends the slow body `name` to the server at `base_url` over a raw socket, the rest of
    the body a byte at a time at its pace, until the server answers and closes."""
    start, pace, _, _ = SLOW_BODIES[name]
    address = urlsplit(base_url)
    reader, writer = await asyncio.open_connection(address.hostname, address.port)

    async def trickle() -> None:
        writer.write(start)
        try:
            while pace is not None and not reader.at_eof():
                writer.write(b"x")
                await writer.drain()
                await asyncio.sleep(pace)  # the attacker's pace
        except ConnectionError:
            pass  # the server closed

    sender = asyncio.create_task(trickle())
    try:
        answer = await reader.read()  # until the server closes
    finally:
        sender.cancel()
        writer.close()
    status = int(answer.split(b" ", 2)[1]) if answer else 0
    code = re.search(rb'"code":\s*"([^"]+)"', answer)
    return RawAnswer(status, code.group(1).decode() if code else "")
