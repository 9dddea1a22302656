"""SQL expressions that write JSON text as orjson writes the executor's answer: arrays,
strings, times as `datetime.isoformat` writes them, global ids, and the marks of a value
left to Python (service/computed.py)."""

from __future__ import annotations


def text_json(expression: str, value: str) -> str:
    """The JSON string of `value` (text no JSON escape applies to), null with `expression`."""
    return f"CASE WHEN {expression} IS NULL THEN 'null' ELSE '\"' || {value} || '\"' END"


def list_json(item: str, order: str) -> str:
    """The JSON array of `item` over the rows of a FROM that follows, `[]` for none."""
    return f"coalesce('[' || string_agg({item}, ',' ORDER BY {order}) || ']', '[]')"


def isoformat_sql(expression: str) -> str:
    """A timestamptz as `datetime.isoformat` writes the UTC datetimes asyncpg returns."""
    utc = f"({expression} AT TIME ZONE 'UTC')"
    return (
        f"""to_char({utc}, 'YYYY-MM-DD"T"HH24:MI:SS') """
        f"|| CASE WHEN to_char({utc}, 'US') = '000000' THEN '' "
        f"ELSE '.' || to_char({utc}, 'US') END || '+00:00'"
    )


# Where a value goes that the statement leaves to Python (service/computed.py):
# OPEN, what it is (`disputed`, `rank:N`, ...), SPLIT, the rule's inputs
# (known_values.value_inputs_sql), and for a choice SPLIT and each candidate's JSON, then CLOSE.
# JSON text never holds them raw (PostgreSQL writes a control character in a string as
# \u0001), so they mark nothing else.
OPEN, SPLIT, CLOSE = "\x01", "\x02", "\x03"


def computed_sql(what: str, inputs: str, candidates: str | None = None) -> str:
    """The marked place of a value Python computes (`what` and `inputs`: SQL text)."""
    chosen = "" if candidates is None else f" || coalesce(chr(2) || {candidates}, '')"
    return f"(chr(1) || {what} || chr(2) || {inputs}{chosen} || chr(3))"


def b64(raw: str) -> str:
    """`base64.urlsafe_b64encode(raw).rstrip(b"=")` of the bytea `raw` (PostgreSQL breaks
    its base64 into lines of 76: translate drops the newlines)."""
    return f"rtrim(translate(encode({raw}, 'base64'), '+/' || chr(10), '-_'), '=')"
