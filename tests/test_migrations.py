from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine
from sqlmodel import SQLModel

from app.models import include_object


def test_migrations_on_an_empty_database_match_the_models(empty_url):
    engine = create_engine(empty_url)
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"include_object": include_object}), SQLModel.metadata
        )
    engine.dispose()
    assert diff == []
