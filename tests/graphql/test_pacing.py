"""A large answer is completed in slices, the event loop serving others between them."""

from __future__ import annotations

import asyncio
from time import monotonic
from typing import Any

import asyncpg
import httpx
from prometheus_client import REGISTRY

from service.app import create_app
from service.config import Settings
from service.graphql import pacing
from tests.graphql.arrivals import arriving_requests
from tests.graphql.compiled_apps import executed

# Every mention of five articles, with its entity and that entity's own mentions: a few
# thousand values completed by the executor from loaded rows (compiled_apps.executed).
LARGE = executed("""{ articles(first: 5) { edges { node { headline
    mentions(first: 100) { text entity { name
        mentions(first: 10) { edges { node { text span { start } } } } } }
} } } }""")


class Turns:
    """Counts the event loop's turns while it runs (a task that does nothing else)."""

    def __init__(self) -> None:
        self.count = 0
        self._stop = False

    async def run(self) -> None:
        while not self._stop:
            self.count += 1
            await asyncio.sleep(0)

    def stop(self) -> None:
        self._stop = True


async def test_a_completion_past_its_slice_lets_the_loop_turn() -> None:
    turns = Turns()
    seen: list[int] = []

    def work() -> str:
        for _ in range(5):
            seen.append(turns.count)
            pacing.pause_if_spent(monotonic() + 1)  # as if a second had passed
        return "done"

    ticking = asyncio.create_task(turns.run())
    await asyncio.sleep(0)
    result = pacing.complete(work, seconds=0.5)
    assert asyncio.iscoroutine(result)  # it paused: the rest is awaited
    assert await result == "done"
    turns.stop()
    await ticking
    assert seen == sorted(seen)
    assert seen[-1] > seen[0]  # the loop turned between the slices


async def test_a_completion_within_its_slice_answers_at_once() -> None:
    def work() -> int:
        pacing.pause_if_spent(monotonic())
        return 7

    assert pacing.complete(work, seconds=60) == 7


def _pauses() -> float:
    return REGISTRY.get_sample_value("factdesk_graphql_completion_pauses_total") or 0.0


async def test_a_resolver_past_the_slice_starts_at_a_later_turn() -> None:
    turns = Turns()
    ticking = asyncio.create_task(turns.run())
    await asyncio.sleep(0)
    await pacing.turn_with_time_left(60)  # starts this turn's slice: time left
    started = turns.count
    await pacing.turn_with_time_left(60)
    assert turns.count == started  # time left: on at once, no turn taken
    spent = 1e-9
    await asyncio.sleep(0)  # a fresh turn
    await pacing.turn_with_time_left(spent)  # starts a slice that is spent at once
    started = turns.count
    await pacing.turn_with_time_left(spent)
    assert turns.count > started  # waited for a later turn
    turns.stop()
    await ticking


async def test_a_pause_after_io_lets_what_arrived_run_before_the_next_slice() -> None:
    order: list[str] = []
    with arriving_requests(order) as client:
        spent = 1e-9
        await asyncio.sleep(0)  # a fresh turn
        await pacing.turn_with_time_left(spent)  # starts a slice, spent at once
        client.send(b"x")  # a request arrives while the slice runs
        await pacing.turn_with_time_left(spent)  # pauses
        order.append("next slice")
        await asyncio.sleep(0)
    # Paused with asyncio.sleep(0), the next slice would run first: the task was queued
    # before the loop polled, and the request's task starts a turn after that.
    assert order == ["request", "next slice"]


async def test_a_paused_completion_lets_what_arrived_run_before_its_next_slice() -> None:
    """The completions themselves (not only the writer): paused midway, a completion goes
    on after the request that arrived meanwhile has started, not before it."""
    order: list[str] = []
    with arriving_requests(order) as client:

        def work() -> str:
            client.send(b"x")  # a request arrives while the completion runs
            order.append("first slice")
            pacing.pause_if_spent(monotonic() + 1)  # as if a second had passed
            order.append("next slice")
            return "done"

        await asyncio.sleep(0)  # a fresh turn
        result = pacing.complete(work, seconds=0.5)
        assert asyncio.iscoroutine(result)
        assert await result == "done"
        await asyncio.sleep(0)
    # Paused with asyncio.sleep(0), the next slice ran first: the completion was queued
    # before the loop polled, and the request's task starts a turn after that.
    assert order == ["first slice", "request", "next slice"]


async def test_completions_paused_together_share_one_wake_and_survive_a_cancelled_one() -> None:
    """Hundreds of completions pause in one turn: one timer wakes them all, and one of
    them cancelled (its request's timeout) does not cancel the others' wait."""
    waits = [asyncio.ensure_future(pacing.after_next_poll()) for _ in range(3)]
    await asyncio.sleep(0)  # all three waiting on the turn's one wake
    waits[0].cancel()
    await asyncio.gather(*waits[1:])
    assert waits[0].cancelled()


async def _answer(pool: asyncpg.Pool, slice_seconds: float) -> tuple[dict[str, Any], float]:
    """The answer to LARGE and how many times its completion paused."""
    settings = Settings(
        factdesk_load_seeds=False,
        factdesk_response_cache=False,  # every request executes
        factdesk_graphql_completion_slice=slice_seconds,
    )
    app = create_app(settings)
    app.state.pool = pool
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        await client.post("/graphql", json={"query": LARGE})  # plans and statements warm
        before = _pauses()
        response = await client.post("/graphql", json={"query": LARGE})
        pauses = _pauses() - before
    payload = response.json()
    assert "errors" not in payload, payload
    return payload, pauses


async def test_a_paced_answer_is_the_same_answer(seeded_pool: asyncpg.Pool) -> None:
    whole, whole_pauses = await _answer(seeded_pool, 60.0)  # a slice longer than the answer
    paced, paced_pauses = await _answer(seeded_pool, 1e-9)  # spent at every look at the clock
    assert whole_pauses == 0
    assert paced_pauses > 20  # every few dozen fields (and every completion after an await)
    assert paced == whole
    mentions = [m for e in whole["data"]["articles"]["edges"] for m in e["node"]["mentions"]]
    assert len(mentions) > 100  # the answer is really large
