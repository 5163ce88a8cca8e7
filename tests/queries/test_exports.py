"""Exports read the matching statements a chunk at a time: every one, once, in the list's order."""

import pytest
from sqlmodel import Session

from app.db import get_engine
from app.queries.statements import iter_statements
from app.schemas import StatementFilters
from tests.api.reference import keeps, picks, sort_rows


@pytest.mark.parametrize("sort", ["id", "-published,expert"])
def test_every_statement_once_across_chunks(corpus_url, stored, sort):
    params = {"topic": [picks(stored).topic]}
    expected = [row.id for row in sort_rows([row for row in stored.rows if keeps(params)(row)], sort)]
    with Session(get_engine(corpus_url)) as session:
        exported = [item["id"] for item in iter_statements(session, filters=StatementFilters(**params, sort=sort),
                                                           chunk=7)]
    assert len(expected) > 2 * 7 and exported == expected
