import shutil

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from app.db import get_engine
from app.ingest import pipeline
from app.ingest.persist import get_or_create_expert
from app.ingest.types import ExtractedExpert
from app.models import Appearance, Document, Expert, ExpertCountry, Statement, StatementCountry, StatementTopic
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
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    report = pipeline.ingest([tmp_path], engine=get_engine(empty_url), taxonomy=taxonomy)
    failed = {r.source.rsplit("/", 1)[-1]: r.reason for r in report.failures}
    assert failed == {"empty.txt": "empty document", "photo.jpg": "binary file (contains NUL bytes)"}
    assert counts(empty_url)["document"] == 1


def test_a_document_failing_mid_write_leaves_nothing_and_the_next_loads(empty_url, taxonomy, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("First\nbody\n")
    (tmp_path / "b.txt").write_text("Second\nbody\n")
    real = pipeline.persist_document

    def fail_on_first(session, **kw):
        real(session, **kw)  # rows are written, then the failure comes
        if kw["raw"].title == "First":
            raise RuntimeError("disk full")

    monkeypatch.setattr(pipeline, "persist_document", fail_on_first)
    report = pipeline.ingest([tmp_path], engine=get_engine(empty_url), taxonomy=taxonomy)
    assert [r.outcome for r in report.results] == ["failed", "loaded"]
    assert "disk full" in report.failures[0].reason
    with Session(get_engine(empty_url)) as session:
        assert session.exec(select(Document.title)).all() == ["Second"]


@pytest.mark.parametrize(
    ("known", "incoming", "merged"),
    [
        ("Zaur Mammadov", "Z. Mammadov", True),
        ("Zaur Mammadov", "Mammadov", True),
        ("Mammadov", "Zaur Mammadov", True),
        ("Zaur Mammadov", "Elnur Mammadov", False),
    ],
)
def test_one_person_across_documents_is_one_expert(empty_url, known, incoming, merged):
    with Session(get_engine(empty_url)) as session:
        first = get_or_create_expert(session.connection(), found=ExtractedExpert(name=known, countries=["AZ"]))
        second = get_or_create_expert(
            session.connection(), found=ExtractedExpert(name=incoming, roles=["political scientist"])
        )
        assert (first == second) is merged
        if merged:
            expert = session.get(Expert, second)
            assert expert.name == "Zaur Mammadov" and "political scientist" in expert.roles
            assert {known, incoming} - {"Zaur Mammadov"} <= set(expert.aliases)


def test_a_surname_shared_by_two_people_is_not_guessed(empty_url):
    with Session(get_engine(empty_url)) as session:
        a = get_or_create_expert(session.connection(), found=ExtractedExpert(name="Anna Petrova"))
        b = get_or_create_expert(session.connection(), found=ExtractedExpert(name="Olga Petrova"))
        c = get_or_create_expert(session.connection(), found=ExtractedExpert(name="Petrova"))
        assert len({a, b, c}) == 3
