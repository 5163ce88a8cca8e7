"""`opinions serve` loads the seeds only into a database without documents: `has_documents` decides."""

from app.db import get_engine
from app.queries.documents import has_documents


def test_an_empty_database_has_no_documents_and_the_corpus_has(empty_url, corpus_url):
    assert has_documents(get_engine(empty_url)) is False
    assert has_documents(get_engine(corpus_url)) is True
