"""Extraction throughput on a folder of .txt documents (no database), plus pathological inputs.

    .venv/bin/python bench/extract_throughput.py [DOCS_DIR]   # default /work/polnear/dev/docs

Prints documents/s and MB/s on one core, the machine, the data size, and the time of three
adversarial documents (a 5 MB article, one 1 MB line, 100,000 quotation marks), each of which
must finish in under 10 seconds.
"""
from __future__ import annotations

import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.extract.pipeline import extract  # noqa: E402

LIMIT_S = 10.0


def _timed(text: str) -> float:
    start = time.perf_counter()
    extract(text)
    return time.perf_counter() - start


def throughput(docs: list[str]) -> None:
    """Extract every document once (after one warm-up pass) and print the rates."""
    for text in docs[:5]:
        extract(text)
    size = sum(len(t.encode("utf-8")) for t in docs)
    elapsed = sum(_timed(t) for t in docs)
    print(f"documents: {len(docs)}, {size / 1e6:.2f} MB")
    print(f"throughput: {len(docs) / elapsed:.0f} docs/s, {size / 1e6 / elapsed:.2f} MB/s (one core, {elapsed:.2f} s)")


def pathological(sample: str) -> None:
    """Time the adversarial inputs."""
    cases = {
        "5 MB document": (sample + "\n\n") * (5_000_000 // (len(sample) + 2) + 1),
        "one line of 1 MB": ("“It is fine,” said Jane Roe, a professor. " * 25_000)[:1_000_000].replace("\n", " "),
        "100,000 quotation marks": "Start. " + "“a” said Jo " * 25_000 + '" ' * 50_000,
    }
    for name, text in cases.items():
        seconds = _timed(text)
        verdict = "ok" if seconds < LIMIT_S else "TOO SLOW"
        print(f"{name:26s} {len(text) / 1e6:5.2f} M chars  {seconds:6.2f} s  {verdict}")


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/polnear/dev/docs")
    docs = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not docs:
        sys.exit(f"no .txt documents in {folder}")
    print(f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
          f"python {platform.python_version()}, nproc {os.cpu_count()}")
    throughput(docs)
    pathological(max(docs, key=len))


if __name__ == "__main__":
    main()
