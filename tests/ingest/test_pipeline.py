import shutil

import pytest
from sqlalchemy import event, func
from sqlmodel import Session, select

from app.db import get_engine
from app.ingest import pipeline
from app.ingest.analyse import Analysis, content_hash
from app.ingest.identity import People
from app.models import Appearance, Document, Expert, ExpertCountry, Statement, StatementCountry, StatementTopic
from app.types import Annotation, ExtractedExpert, ExtractedStatement, Extraction, RawDocument
from tests.conftest import SEEDS

TABLES = (Document, Expert, ExpertCountry, Appearance, Statement, StatementTopic, StatementCountry)


def counts(url: str) -> dict[str, int]:
    with Session(get_engine(url)) as session:
        return {t.__tablename__: session.exec(select(func.count()).select_from(t)).one() for t in TABLES}


def test_ingesting_the_same_folder_twice_changes_no_count(empty_url, taxonomy):
    first = pipeline.ingest([SEEDS], engine=get_engine(empty_url), taxonomy=taxonomy)
    before = counts(empty_url)
    second = pipeline.ingest([SEEDS], engine=get_engine(empty_url), taxonomy=taxonomy)
    assert first.count("loaded") == 1 and second.count("unchanged") == 1
    assert counts(empty_url) == before and before["statement"] > 0


def test_bad_files_are_reported_and_leave_no_rows(empty_url, taxonomy, tmp_path):
    shutil.copy(next(SEEDS.glob("*.txt")), tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")  # no document: passed over
    report = pipeline.ingest([tmp_path], engine=get_engine(empty_url), taxonomy=taxonomy)
    failed = {r.source.rsplit("/", 1)[-1]: r.reason for r in report.failures}
    assert failed == {"empty.txt": "empty document"}
    assert len(report.results) == 2
    assert counts(empty_url)["document"] == 1


def test_a_document_failing_mid_write_leaves_nothing_and_the_next_loads(empty_url, taxonomy, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("First\nbody\n")
    (tmp_path / "b.txt").write_text("Second\nbody\n")
    real = pipeline.persist_documents

    def fail_on_first(session, documents, **kw):
        real(session, documents, **kw)  # rows are written, then the failure comes
        if any(raw.title == "First" for raw, _ in documents):
            raise RuntimeError("disk full")

    monkeypatch.setattr(pipeline, "persist_documents", fail_on_first)
    report = pipeline.ingest([tmp_path], engine=get_engine(empty_url), taxonomy=taxonomy)
    assert [r.outcome for r in report.results] == ["failed", "loaded"]
    assert "disk full" in report.failures[0].reason
    with Session(get_engine(empty_url)) as session:
        assert session.exec(select(Document.title)).all() == ["Second"]


def analysed(title: str, speakers: list[ExtractedExpert], spans: list[tuple[str, int, int]]):
    """A document as the workers hand it over: its text, experts, statements and their annotations."""
    text = f"{title}\nThe talks will go on, analysts said. Prices rose sharply, they added.\n"
    statements = [ExtractedStatement(name, "indirect", a, b, text[a:b], "said", 1) for name, a, b in spans]
    annotations = [Annotation({}, [], 0.0, False) for _ in statements]
    raw = RawDocument(f"{title}.txt", text, title)
    return raw, Analysis(content_hash(text), Extraction(speakers, statements), annotations)


def store(url: str, group: list) -> list[str]:
    results = pipeline.store_group(group, engine=get_engine(url), topic_ids={}, people=People())
    return [r.outcome for r in results]


@pytest.mark.parametrize(
    ("known", "incoming", "merged"),
    [
        ("Zaur Mammadov", "Z. Mammadov", True),
        ("Zaur Mammadov", "Mammadov", True),
        ("Mammadov", "Zaur Mammadov", True),
        ("Zaur Mammadov", "Elnur Mammadov", False),
    ],
)
def test_one_person_across_runs_is_one_expert(empty_url, known, incoming, merged):
    store(empty_url, [analysed("One", [ExtractedExpert(known, countries=["AZ"])], [(known, 4, 26)])])
    later = analysed("Two", [ExtractedExpert(incoming, roles=["political scientist"])], [(incoming, 4, 26)])
    store(empty_url, [later])  # a later run: the known expert comes from the database
    with Session(get_engine(empty_url)) as session:
        experts = session.exec(select(Expert)).all()
        assert len(experts) == (1 if merged else 2)
        if merged:
            assert experts[0].name == "Zaur Mammadov" and "political scientist" in experts[0].roles
            assert {known, incoming} - {"Zaur Mammadov"} <= set(experts[0].aliases)


def test_a_surname_shared_by_two_people_is_not_guessed(empty_url):
    for title, name in [("One", "Anna Petrova"), ("Two", "Olga Petrova"), ("Three", "Petrova")]:
        store(empty_url, [analysed(title, [ExtractedExpert(name)], [(name, 4, 26)])])
    with Session(get_engine(empty_url)) as session:
        assert sorted(session.exec(select(Expert.name))) == ["Anna Petrova", "Olga Petrova", "Petrova"]


def test_a_failing_document_inside_a_group_leaves_nothing_the_others_load(empty_url):
    first = analysed("One", [ExtractedExpert("Zaur Mammadov", roles=["economist"])], [("Zaur Mammadov", 4, 26)])
    repeated_span = [("Mammadov", 4, 26), ("Mammadov", 4, 26)]  # the same statement twice: a unique key breaks
    broken = analysed("Two", [ExtractedExpert("Mammadov", roles=["spy"]), ExtractedExpert("Olga Petrova")],
                      repeated_span)
    third = analysed("Three", [ExtractedExpert("Olga Petrova"), ExtractedExpert("Mammadov", roles=["professor"])],
                     [("Olga Petrova", 38, 61), ("Mammadov", 4, 26)])
    assert store(empty_url, [first, broken, third]) == ["loaded", "failed", "loaded"]
    with Session(get_engine(empty_url)) as session:
        assert session.exec(select(Document.title).order_by(Document.title)).all() == ["One", "Three"]
        experts = {e.name: e for e in session.exec(select(Expert))}
        assert set(experts) == {"Zaur Mammadov", "Olga Petrova"}
        assert experts["Zaur Mammadov"].roles == ["economist", "professor"]  # the failed document's role is gone
        assert session.exec(select(func.count()).select_from(Statement)).one() == 3


def test_a_group_whose_commit_fails_stores_none_of_its_documents_and_names_each(empty_url):
    group = [analysed(title, [ExtractedExpert("Olga Petrova")], [("Olga Petrova", 4, 26)]) for title in ("One", "Two")]

    def refuse(_session):
        raise OSError("disk full")

    event.listen(Session, "before_commit", refuse)
    try:
        results = pipeline.store_group(group, engine=get_engine(empty_url), topic_ids={}, people=People())
    finally:
        event.remove(Session, "before_commit", refuse)
    assert [(r.outcome, "disk full" in r.reason) for r in results] == [("failed", True)] * 2
    assert set(counts(empty_url).values()) == {0}
    assert store(empty_url, group) == ["loaded", "loaded"]  # the next run loads them


def test_names_resolve_across_the_documents_of_one_group(empty_url):
    full = analysed("One", [ExtractedExpert("Zaur Mammadov")], [("Zaur Mammadov", 4, 26)])
    partial = analysed("Two", [ExtractedExpert("Mammadov", roles=["economist"])], [("Mammadov", 4, 26)])
    namesake = analysed("Three", [ExtractedExpert("Elnur Mammadov")], [("Elnur Mammadov", 4, 26)])
    assert store(empty_url, [full, partial, namesake]) == ["loaded"] * 3
    with Session(get_engine(empty_url)) as session:
        experts = {e.name: e for e in session.exec(select(Expert))}
        assert set(experts) == {"Zaur Mammadov", "Elnur Mammadov"} and experts["Zaur Mammadov"].roles == ["economist"]
        speakers = session.exec(select(Expert.name).join(Statement).order_by(Statement.document_id)).all()
        assert speakers == ["Zaur Mammadov", "Zaur Mammadov", "Elnur Mammadov"]


def test_a_copy_within_one_group_is_unchanged_not_failed(empty_url):
    one = analysed("One", [], [])
    assert store(empty_url, [one, one]) == ["loaded", "unchanged"]
