"""The fact page's editor forms: POST /facts/{id}/judgements judges a report, POST
/facts/{id}/judgements/{judgement}/withdraw withdraws a judgement. Plain HTML forms: they
work without JavaScript, through the same core as the APIs (service/ingest/judgements.py).

Cross-site request forgery: the editor types their key into the form (a password field).
It travels in the POST body, never in a URL, and is checked as a bearer key is; a page on
another site cannot know it, so it cannot forge a judgement. As a second guard, a request
whose Origin (or, without one, Referer) is not this server is refused before the body is
read. Behind a proxy that rewrites Host the server's own origin is not the one the browser
sees: FACTDESK_PUBLIC_ORIGIN names that one, and only a setting, never a request header,
can add an origin. Success answers 303 to the fact page (post/redirect/get): reloading
never judges again."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from service.auth import editor_name, judge_denial
from service.config import Settings
from service.db import figures as figures_db
from service.desk import links
from service.desk.pages import Page, error_page, pool_of
from service.errors import FactdeskError, InvalidIdError, NotFoundError
from service.ids import decode_id
from service.ingest.idempotency import caller_of
from service.ingest.judgements import checked_kind, judge_value, withdraw_judgement

MAX_FORM_BYTES = 16_384  # a key, a kind, an id and a reason of at most 1,000 characters


class FormRefusedError(Exception):
    """The form may not be acted on: its status and why, shown as an error page."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def _same_origin(request: Request, settings: Settings) -> None:
    own = {f"{request.url.scheme}://{request.url.netloc}", settings.factdesk_public_origin}
    own.discard("")  # no public origin set
    origin = request.headers.get("origin")
    if origin is not None:
        if origin not in own:
            raise FormRefusedError(403, "the form was sent from another site")
        return
    referer = request.headers.get("referer")
    if (
        referer is not None
        and f"{urlsplit(referer).scheme}://{urlsplit(referer).netloc}" not in own
    ):
        raise FormRefusedError(403, "the form was sent from another site")


async def _form(request: Request) -> dict[str, str]:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise FormRefusedError(415, "send the form as application/x-www-form-urlencoded")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise FormRefusedError(413, "the form is too large")
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except UnicodeDecodeError:
        raise FormRefusedError(400, "the form is not UTF-8") from None
    return {name: values[0] for name, values in fields.items()}


def _editor(form: dict[str, str], settings: Settings) -> tuple[str, str]:
    """(editor's name, key fingerprint) for the key typed into the form."""
    key = form.get("key", "").strip()
    headers = {"authorization": f"Bearer {key}"} if key else {}
    denial = judge_denial(headers, settings)
    if denial is not None:
        raise FormRefusedError(401 if denial.code == "unauthorized" else 403, denial.detail)
    name = editor_name(headers, settings)
    assert name is not None
    return name, caller_of(key)


def _form_page(handler: Page, settings: Settings) -> Page:
    """Refusals and bad input as error pages with their status; nothing written."""

    async def page(request: Request) -> Response:
        try:
            _same_origin(request, settings)
            return await handler(request)
        except FormRefusedError as refused:
            return error_page(request, refused.status, "Not judged", refused.detail)
        except (NotFoundError, InvalidIdError) as missing:
            return error_page(request, 404, "Not found", str(missing))
        except FactdeskError as error:
            return error_page(request, 400, "Not judged", str(error))

    return page


def judge_form(settings: Settings) -> Page:
    async def judge(request: Request) -> Response:
        fact_id = decode_id(request.path_params["id"], "Fact")[1]
        form = await _form(request)
        editor, by = _editor(form, settings)
        figure_id = decode_id(form.get("figure", ""), "Figure")[1]
        async with pool_of(request).acquire() as conn:
            figures = await figures_db.list_figures_by_ids(conn, ids=[figure_id])
        if not figures or figures[0].fact_id != fact_id:
            raise NotFoundError("no report of this fact has this id")
        await judge_value(
            pool_of(request),
            figure_id,
            checked_kind(form.get("kind", "")),
            form.get("reason", ""),
            editor=editor,
            by=by,
        )
        return RedirectResponse(links.fact_page(fact_id), status_code=303)

    return _form_page(judge, settings)


def withdraw_form(settings: Settings) -> Page:
    async def withdraw(request: Request) -> Response:
        fact_id = decode_id(request.path_params["id"], "Fact")[1]
        judgement_id = decode_id(request.path_params["judgement"], "Judgement")[1]
        form = await _form(request)
        editor, by = _editor(form, settings)
        await withdraw_judgement(
            pool_of(request), judgement_id, form.get("reason"), editor=editor, by=by
        )
        return RedirectResponse(links.fact_page(fact_id), status_code=303)

    return _form_page(withdraw, settings)
