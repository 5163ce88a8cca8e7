"""JSON aggregates as text, the same on SQLite and PostgreSQL, so a row can carry its child rows.

`json_array_agg(x)` -> '[x, ...]' and `json_object_agg(k, v)` -> '{"k": v, ...}' (v a JSON column).
Both come back as text for the caller to decode with a fast parser; over no rows they are null.
"""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class json_array_agg(FunctionElement):  # noqa: N801 - named like the SQL function it stands for
    type = String()
    inherit_cache = True


class json_object_agg(FunctionElement):  # noqa: N801
    type = String()
    inherit_cache = True


@compiles(json_array_agg, "sqlite")
def _sqlite_array(element, compiler, **kw) -> str:
    return f"nullif(json_group_array({compiler.process(element.clauses, **kw)}), '[]')"


@compiles(json_array_agg, "postgresql")
def _postgresql_array(element, compiler, **kw) -> str:
    return f"CAST(json_agg({compiler.process(element.clauses, **kw)}) AS TEXT)"


@compiles(json_object_agg, "sqlite")
def _sqlite_object(element, compiler, **kw) -> str:
    key, value = (compiler.process(c, **kw) for c in element.clauses)
    return f"nullif(json_group_object({key}, json({value})), '{{}}')"


@compiles(json_object_agg, "postgresql")
def _postgresql_object(element, compiler, **kw) -> str:
    key, value = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(json_object_agg({key}, {value}) AS TEXT)"
