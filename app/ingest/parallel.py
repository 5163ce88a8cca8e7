"""Analyse documents on every core: extraction and annotation are pure, so they run in worker processes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

from app.annotate.taxonomy import Taxonomy
from app.ingest.analyse import Analysis, analyse
from app.types import RawDocument

_taxonomy: Taxonomy | None = None  # each worker's copy, set once by the pool's initializer


def _init_worker(taxonomy: Taxonomy) -> None:
    global _taxonomy
    _taxonomy = taxonomy


def analyse_or_error(raw: RawDocument, taxonomy: Taxonomy) -> Analysis | str:
    """The analysis of a document, or why it failed (one bad document must not stop the others)."""
    try:
        return analyse(raw.text, taxonomy, published=raw.published)
    except Exception as err:  # noqa: BLE001
        return f"extraction failed: {type(err).__name__}: {err}"


def _in_worker(raw: RawDocument) -> Analysis | str:
    assert _taxonomy is not None
    return analyse_or_error(raw, _taxonomy)


@contextmanager
def analyser(taxonomy: Taxonomy, workers: int | None = None) -> Iterator:
    """Yield a function: documents -> an iterator of their analyses (or error strings), in order.

    With several workers the documents are handed to a process pool at once and the iterator
    waits for each result, so the caller can do other work (store the previous batch) meanwhile.
    With one worker (or one core) everything runs lazily in this process.
    """
    workers = workers or os.cpu_count() or 1
    if workers <= 1:
        yield lambda raws: (analyse_or_error(raw, taxonomy) for raw in raws)
        return
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(taxonomy,)) as pool:
        yield lambda raws: pool.map(_in_worker, raws, chunksize=max(1, len(raws) // (4 * workers)))
