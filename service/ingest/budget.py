"""How much CPU reading one article may take, checked by the stages as they go.

The stages' bounds (characters read, tokens for the model, sentence length, figures)
make the work of any body finite; this budget makes it short. A stage that finds it
spent stops with ArticleTooComplexError (422 ``article_too_complex``): the article is
refused whole, never stored half read, and the worker that read it goes on to the next
one (stopping a worker from outside costs a model load, which a client sending such
copy again and again could make the server pay each time).

The clock is the thread's CPU time, not the wall clock: on a loaded machine an article
waits longer for a core, and it is not more complex for that.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from service.errors import ArticleTooComplexError


class ExtractionBudget:
    """At most ``seconds`` of ``clock`` (this thread's CPU time) from creation on."""

    def __init__(self, seconds: float, *, clock: Callable[[], float] = time.thread_time) -> None:
        self.seconds = seconds
        self._clock = clock
        self._deadline = clock() + seconds

    def check(self) -> None:
        """Raise ArticleTooComplexError once the budget is spent."""
        if self._clock() > self._deadline:
            raise ArticleTooComplexError(
                f"the copy took more than {self.seconds:g} s of CPU to read: it is a "
                "table or a dump, not an article",
                field="text",
            )


class UnlimitedBudget(ExtractionBudget):
    """No limit (scoring, benchmarks and tests of the rules themselves)."""

    def __init__(self) -> None:
        super().__init__(float("inf"))

    def check(self) -> None:
        return None


UNLIMITED = UnlimitedBudget()
