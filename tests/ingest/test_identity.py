import pytest

from app.ingest import identity


@pytest.mark.parametrize(
    ("partial", "full", "expected"),
    [
        ("Kudryats", "Evgeny Kudryats", True),
        ("E. Kudryats", "Evgeny Kudryats", True),
        ("Z. Mammadov", "Zaur Məmmədov", True),
        ("A. Kudryats", "Evgeny Kudryats", False),
        ("Smith", "John Smithson", False),
    ],
)
def test_partial_names_fit_full_names(partial, full, expected):
    assert identity.compatible(partial, full) is expected


@pytest.mark.parametrize(
    ("name", "partial"),
    [
        ("Kudryats", True),
        ("Z. Mammadov", True),
        ("Zaur Mammadov", False),
        ("Jean-Paul Sartre", False),
    ],
)
def test_is_partial(name, partial):
    assert identity.is_partial(name) is partial


def test_name_key_ignores_case_and_accents():
    assert identity.name_key("Ilham ƏLİYEV") == identity.name_key("ilham aliyev")
