"""The judgeValue and withdrawJudgement mutations, over the same core as REST's POST
/api/v1/figures/{id}/judgements and DELETE /api/v1/judgements/{id}
(service/ingest/judgements.py). They need an editor's key (service/auth.py)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from service.errors import FactdeskError
from service.graphql.context import Info
from service.graphql.types.fact import Fact
from service.graphql.types.judgement import Judgement, JudgementKind
from service.graphql.user_errors import UserError
from service.ids import decode_id
from service.ingest.facts.ranks import Kind
from service.ingest.judgements import Judged, judge_value, withdraw_judgement


@strawberry.input(description="Which report to judge, how, and why.")
class JudgeValueInput:
    figure_id: strawberry.ID = strawberry.field(
        description="The report judged (`Figure.id`; a fact's values list theirs under "
        "`Fact.reports`). PREFERRED and DEPRECATED rank the value it prints in its fact."
    )
    kind: JudgementKind = strawberry.field(description="What the judgement says.")
    reason: str = strawberry.field(
        description="Why, for readers and the audit log: required, at most 1,000 characters."
    )


@strawberry.type(description="What judgeValue or withdrawJudgement did.")
class JudgementPayload:
    judgement: Judgement | None = strawberry.field(
        description="The judgement as stored; null when `errors` is not empty."
    )
    fact: Fact | None = strawberry.field(
        description="The fact whose ranks it changed, as it is now (its `disputed` and "
        "`preferred` computed again); null when the report belongs to no fact or on errors."
    )
    errors: list[UserError] = strawberry.field(
        description="Why nothing was written (unauthorized, forbidden, not_an_editor, "
        "not_found, invalid_id, invalid_field, judgement_withdrawn); empty on success."
    )


def _refusal(info: Info) -> JudgementPayload | None:
    denial = info.context.judge_denial
    if denial is None:
        return None
    error = UserError(field=None, message=denial.detail, code=denial.code)
    return JudgementPayload(judgement=None, fact=None, errors=[error])


def _failed(error: FactdeskError, id_field: str, prefix: str = "") -> JudgementPayload:
    """The error as a UserError: a bad or unknown id names `id_field`, the others the
    input field at fault."""
    if error.code in ("invalid_id", "not_found", "judgement_withdrawn") or error.field is None:
        error_field = id_field
    else:
        error_field = prefix + error.field
    return JudgementPayload(
        judgement=None,
        fact=None,
        errors=[UserError(field=error_field, message=error.message, code=error.code)],
    )


async def _payload(info: Info, done: Judged) -> JudgementPayload:
    info.context.wrote()  # what it changed is read back from the primary
    fact = None
    if done.fact_id is not None:
        row = await info.context.loaders.fact.load(done.fact_id)
        fact = Fact.from_row(row) if row is not None else None
    return JudgementPayload(judgement=Judgement.from_row(done.judgement), fact=fact, errors=[])


@strawberry.type
class JudgementMutations:
    @strawberry.mutation(
        description="Judges one report: ranks the value it prints PREFERRED or DEPRECATED, "
        "or flags the extraction as wrong. The report is never changed; the fact's "
        "`disputed` is computed again in the same transaction. A report's earlier "
        "judgement in force is withdrawn (kept as history). Needs an editor's API key "
        "(FACTDESK_EDITOR_KEYS); audited."
    )
    async def judge_value(
        self,
        info: Info,
        input: Annotated[JudgeValueInput, strawberry.argument(description="The judgement.")],
    ) -> JudgementPayload:
        refused = _refusal(info)
        if refused is not None:
            return refused
        assert info.context.editor is not None
        try:
            figure_id = decode_id(input.figure_id, "Figure")[1]
            done = await judge_value(
                info.context.pool,
                figure_id,
                Kind[input.kind.name],
                input.reason,
                editor=info.context.editor,
                by=info.context.caller,
            )
        except FactdeskError as error:
            return _failed(error, "input.figureId", "input.")
        return await _payload(info, done)

    @strawberry.mutation(
        description="Withdraws a judgement: it stays in the report's history, no longer in "
        "force, and the fact's `disputed` is computed again. Needs an editor's API key; "
        "audited."
    )
    async def withdraw_judgement(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="`Judgement.id`.")],
        reason: Annotated[
            str | None,
            strawberry.argument(description="Why, for the audit log; at most 1,000 characters."),
        ] = None,
    ) -> JudgementPayload:
        refused = _refusal(info)
        if refused is not None:
            return refused
        assert info.context.editor is not None
        try:
            judgement_id = decode_id(id, "Judgement")[1]
            done = await withdraw_judgement(
                info.context.pool,
                judgement_id,
                reason,
                editor=info.context.editor,
                by=info.context.caller,
            )
        except FactdeskError as error:
            return _failed(error, "id")
        return await _payload(info, done)
