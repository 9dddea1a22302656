"""Jinja2 for the desk: autoescape always on, strict undefined, and the headers every page
sends (a content-security policy that allows nothing but this server's own style)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse

from service.desk import links
from service.ids import encode_id

HERE = Path(__file__).parent
STATIC = HERE / "static"
STATIC_PATH = "/desk/static"

# The pages run no script, load nothing from another host and may not be framed.
PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": PAGE_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def _when(value: dt.datetime | dt.date | None) -> str:
    if value is None:
        return "undated"
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return value.isoformat()


def _utc_input(value: dt.datetime | None) -> str:
    """A time as an `<input type="datetime-local">` value, in UTC; empty for none."""
    if value is None:
        return ""
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="seconds")


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.10g}"


def web_link(url: str | None) -> str | None:
    """An article's own address, only when it is http(s): a `javascript:` url is shown,
    never linked."""
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return url
    return None


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every template, whatever its name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = _when
    env.filters["utc_input"] = _utc_input
    env.filters["number"] = _number
    env.globals.update(
        static=STATIC_PATH,
        entity_page=links.entity_page,
        fact_page=links.fact_page,
        article_page=links.article_page,
        search_page=links.search_page,
        web_link=web_link,
        global_id=encode_id,
    )
    return env


ENVIRONMENT = _environment()


def pages_identity() -> str:
    """A digest of the templates and style sheet: part of every page's ETag, so a deploy
    that changes how pages look changes their tags."""
    digest = hashlib.sha256()
    for path in sorted([*(HERE / "templates").glob("*.html"), STATIC / "desk.css"]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def render(
    request: Request, template: str, *, status_code: int = 200, **context: Any
) -> HTMLResponse:
    html = ENVIRONMENT.get_template(template).render(request_path=request.url.path, **context)
    return HTMLResponse(html, status_code=status_code, headers=PAGE_HEADERS)
