"""A selection as the SQL writers of a whole answer see it (db/trees.py, db/columns.py,
db/operations.py): the fields picked, the table aliases of one statement, and how each field
is answered."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Pick:
    """One field of a selection: its key in the answer, its name, what it selects, and for
    a list, how many items it asks for (`first`; None: the relation's bound)."""

    key: str
    field: str
    picks: tuple[Pick, ...] = ()
    first: int | None = None
    # A `first` given by this variable: the compiler reads it per request (and the
    # statement is not built before it has).
    first_variable: str | None = None
    # A connection below an object: the name its window's parameters go by (the compiler
    # reads its arguments per request), and "from_end" when it is read backwards (`last`).
    page: str | None = None
    options: tuple[str, ...] = ()


@dataclass
class ValueGroup:
    """The figures query a SourcedValue list groups: `sources` adds its aggregates there."""

    figure: str  # the alias of the figure rows being grouped
    fact: str  # the alias of their fact's row
    aggregates: list[str] = field(default_factory=list)
    # Rows the aggregates read, joined to each figure once (`sources`: its article and the
    # article's outlet) rather than looked up by a subquery per figure.
    joins: list[str] = field(default_factory=list)
    numbered: bool = False  # a field asks for the value's place among its fact's (`n`)
    shown: int = 1  # how many of each value's first figures `sources` reads (at most)
    # The rules' inputs of the fact (known_values.value_inputs_sql) its values' rank and
    # conflicting read: one reading per list, `{alias}_in.inputs`, not one per value.
    inputs: str | None = None


@dataclass
class Scope:
    """Table aliases, unique within a statement, and the group being built, if any."""

    count: int = 0
    group: ValueGroup | None = None
    article: str | None = None  # the alias of the citation's article, while building one
    # (article alias, outlet alias) when that article's outlet is joined to its row
    # (trees._sources); a citation built with another article looks its outlet up.
    outlet: tuple[str, str] | None = None
    # The time (SQL, a parameter) a `fact(asOf:)` is answered as of, while building its
    # own fields, values and their sources; what they lead to (a subject, an article's
    # quotes) is read as it is now, as the resolvers read it.
    as_of: str | None = None
    # Whether the text may hold values Python computes (computed_sql): a whole
    # operation's statement, whose text service/computed.py fills, yes; `tree_sql`, whose
    # text is decoded as it is, no.
    computed: bool = True
    # How the statement takes a request's value (key, argument, SQL type) -> `$n::type`:
    # a nested connection's window. None (`tree_sql`): such fields are the resolvers'.
    parameter: Callable[[str, str, str], str] | None = None

    def next(self) -> str:
        self.count += 1
        return f"t{self.count}"

    def now(self, build: Callable[[], str | None]) -> str | None:
        """What `build` writes outside the time answered as of (a related object: now)."""
        outer, self.as_of = self.as_of, None
        try:
            return build()
        finally:
            self.as_of = outer


# How one field is answered: (the field's pick, the row alias of its object) -> SQL.
Answer = Callable[[Pick, str, Scope], str | None]


@dataclass(frozen=True, slots=True)
class Field:
    answer: Answer
    type: str | None = None  # the object type it returns, None for a leaf


NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]*\Z")
