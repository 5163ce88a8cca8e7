import pytest

from app.ingest import identity
from app.types import ExtractedExpert


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


@pytest.mark.parametrize(
    ("appearances", "experts"),
    [
        (["Zaur Mammadov", "Z. Mammadov", "Mammadov"], ["Zaur Mammadov"]),
        (["Mammadov", "Zaur Mammadov"], ["Zaur Mammadov"]),  # the fuller name replaces the partial one
        (["Anna Petrova", "Olga Petrova", "Petrova"], ["Anna Petrova", "Olga Petrova", "Petrova"]),
        (["Anna Petrova", "Olga Petrova", "O. Petrova"], ["Anna Petrova", "Olga Petrova"]),
    ],
)
def test_a_run_resolves_names_to_the_people_it_knows(appearances, experts):
    people = identity.People()
    people.know({identity.surname_key(name) for name in appearances}, [])
    persons = [people.resolve(ExtractedExpert(name)) for name in appearances]
    assert sorted({p.name for p in persons}) == experts


def test_a_merge_keeps_the_other_names_as_aliases_and_adds_roles():
    people = identity.People()
    people.know(["mammadov"], [identity.Person("Mammadov", roles=["analyst"], id=7)])
    person = people.resolve(ExtractedExpert("Zaur Mammadov", roles=["Analyst", "economist"], nationality="Azerbaijani"))
    assert (person.id, person.name, person.aliases) == (7, "Zaur Mammadov", ["Mammadov"])
    assert person.roles == ["analyst", "economist"] and person.nationality == "Azerbaijani"
    assert people.take_changed() == [person] and people.take_changed() == []


def test_an_appearance_adding_nothing_leaves_the_person_unchanged():
    people = identity.People()
    people.know(["petrova"], [identity.Person("Anna Petrova", roles=["economist"], id=3)])
    people.resolve(ExtractedExpert("A. Petrova", roles=["economist"]))
    assert [p.aliases for p in people.take_changed()] == [["A. Petrova"]]
    people.resolve(ExtractedExpert("Anna Petrova", roles=["economist"]))
    assert people.take_changed() == []
