import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert, select

from app.errors import InvalidParameter
from app.queries.sorting import SortField, fetch_page, parse_sort

rows_table = Table(
    "row",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("name", String),
    Column("score", Integer, nullable=True),
)
FIELDS = {
    "id": SortField(rows_table.c.id, parse=int),
    "name": SortField(rows_table.c.name, parse=str),
    "score": SortField(rows_table.c.score, nullable=True, parse=int),
}
DATA = [(1, "b", 3), (2, "a", None), (3, "b", None), (4, "a", 3), (5, "c", 1), (6, "b", 3), (7, "a", 1)]


@pytest.fixture(scope="module")
def session():
    engine = create_engine("sqlite://")
    rows_table.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(rows_table), [dict(zip(("id", "name", "score"), r, strict=True)) for r in DATA])
    from sqlmodel import Session

    with Session(engine) as s:
        yield s


def walk(session, sort: str, limit: int) -> list[int]:
    keys, ids, cursor = parse_sort(sort, FIELDS), [], None
    while True:
        rows, cursor = fetch_page(session, select(rows_table.c.id), keys, limit=limit, cursor=cursor)
        ids += [r[0] for r in rows]
        if cursor is None:
            return ids


def expected(sort: str) -> list[int]:
    """Python's order for the same sort: nulls last, ties broken by id."""
    out = sorted(DATA, key=lambda r: r[0])
    for part in reversed(sort.split(",")):
        i = {"id": 0, "name": 1, "score": 2}[part.lstrip("-")]
        present = sorted((r for r in out if r[i] is not None), key=lambda r: r[i], reverse=part.startswith("-"))
        out = present + [r for r in out if r[i] is None]
    return [r[0] for r in out]


@pytest.mark.parametrize("sort", ["id", "-id", "name", "-name,id", "score", "-score", "name,-score", "-score,-name"])
@pytest.mark.parametrize("limit", [1, 2, 3, 100])
def test_keyset_pages_walk_the_whole_order_with_ties_and_nulls(session, sort, limit):
    assert walk(session, sort, limit) == expected(sort)


def test_a_cursor_from_another_sort_is_refused(session):
    _, cursor = fetch_page(session, select(rows_table.c.id), parse_sort("name", FIELDS), limit=1, cursor=None)
    with pytest.raises(InvalidParameter, match="sort=name"):
        fetch_page(session, select(rows_table.c.id), parse_sort("-name", FIELDS), limit=1, cursor=cursor)


@pytest.mark.parametrize("sort", ["colour", "name,name", "-"])
def test_bad_sorts_name_the_parameter(sort):
    with pytest.raises(InvalidParameter) as err:
        parse_sort(sort, FIELDS)
    assert err.value.extra["param"] == "sort"
