import pytest

from app.errors import InvalidParameter
from app.queries.search import fts5_query, parse_search, tsquery


@pytest.mark.parametrize(
    ("q", "fts5", "ts"),
    [
        ("energy security", '"energy" "security"', "(energy) & (security)"),
        ('"energy security" sanction*', '"energy security" "sanction"*', "(energy <-> security) & (sanction:*)"),
        ("U.S. ties", '"u s" "ties"', "(u <-> s) & (ties)"),
        ("Türkiye's role", '"türkiye s" "role"', "(türkiye <-> s) & (role)"),
        ("NEAR(a b) OR c", '"near a" "b" "or" "c"', "(near <-> a) & (b) & (or) & (c)"),  # no operators leak
    ],
)
def test_queries_become_safe_database_syntax(q, fts5, ts):
    terms = parse_search(q)
    assert fts5_query(terms) == fts5 and tsquery(terms) == ts


@pytest.mark.parametrize(
    ("q", "reason"),
    [
        ('"unclosed phrase', "quotes in pairs"),
        ('energy"security"', "quotes in pairs"),
        ("a*b", "only at the end"),
        ("***", "only at the end"),
        ('"sec*"', "only at the end"),
    ],
)
def test_bad_syntax_is_an_error_naming_q(q, reason):
    with pytest.raises(InvalidParameter) as err:
        parse_search(q)
    assert err.value.extra["param"] == "q" and reason in err.value.detail


@pytest.mark.parametrize("q", ["--- ...", '"" -', "\t"])
def test_terms_without_words_are_left_out_and_none_left_matches_nothing(q):
    assert parse_search(q) == [] and fts5_query([]) == '""' and tsquery([]) == ""
    assert parse_search(q + " energy") == parse_search("energy")
