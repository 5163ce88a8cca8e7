"""Re-test mutmut's survivors, each in a fresh Python process: for the mutants its workers cannot test.

mutmut 3 forks every worker from a process that has already imported app/, and runs the tests on
SQLite. So two kinds of mutant "survive" there untested:
- a function called while app/ is imported (the route declarations: `contract.operation`, `link`,
  `params.query_parser`, `negotiation.offers`, ...) ran unmutated before the fork;
- a PostgreSQL branch (`search.ts_query`, the `json_agg` compilers for PostgreSQL) never runs.
Here each mutant gets a new `pytest -x` in mutants/, with MUTANT_UNDER_TEST set before anything is
imported, so import-time code runs mutated; set OPINIONS_DATABASE_URL to test against PostgreSQL.

    .venv/bin/mutmut run ...   # first: it writes mutants/
    .venv/bin/python bench/mutation_fresh.py 'app.api.contract.*' --tests tests/api
    OPINIONS_DATABASE_URL=postgresql+psycopg://... .venv/bin/python bench/mutation_fresh.py 'app.queries.search.*'

Only mutants mutmut reports as survived (or with no tests) are run. One line per mutant: killed
(a test failed, or the app did not even start), survived, or timeout.
"""

from __future__ import annotations

import argparse
import fnmatch
import io
import os
import subprocess
import sys
import time
import tokenize
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "mutants"
MUTMUT = Path(sys.executable).with_name("mutmut")
# the tests mutmut runs (pyproject.toml): what a survivor is re-tested with, unless --tests says otherwise
SELECTION = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mutmut"]["pytest_add_cli_args_test_selection"]


def untested_mutants(patterns: list[str]) -> list[str]:
    """The mutants matching any pattern that mutmut left survived or without tests."""
    out = subprocess.run([str(MUTMUT), "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    names = []
    for line in out.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if status in ("survived", "no tests") and any(fnmatch.fnmatchcase(name, p) for p in patterns):
            names.append(name)
    return names


def diff_lines(name: str) -> tuple[list[str], list[str]]:
    shown = subprocess.run([str(MUTMUT), "show", name], cwd=ROOT, capture_output=True, text=True).stdout.splitlines()
    return ([line[1:] for line in shown if line.startswith("-") and not line.startswith("---")],
            [line[1:] for line in shown if line.startswith("+") and not line.startswith("+++")])


def is_prose(name: str) -> bool:
    """The mutant only rewrites a sentence (a string literal with a space: a description): XX-wrapped, or case."""
    removed, added = diff_lines(name)
    if len(removed) != 1 or len(added) != 1:
        return False
    for literal in string_literals(removed[0]):
        inner = literal[1:-1]
        if " " not in inner:
            continue
        for variant in (f'"XX{inner}XX"', f'"{inner.lower()}"', f'"{inner.upper()}"'):
            if variant != literal and removed[0].replace(literal, variant, 1) == added[0]:
                return True
    return False


def string_literals(line: str) -> list[str]:
    literals = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(line.strip()).readline):
            if token.type == tokenize.STRING and token.string[0] == '"':
                literals.append(token.string)
    except (tokenize.TokenError, IndentationError):
        pass  # a line of a longer statement: the strings before the break are enough
    return literals


def run_one(name: str, mutants: Path, tests: list[str], timeout: float) -> str:
    env = {**os.environ, "MUTANT_UNDER_TEST": name, "PYTHONPATH": str(mutants)}
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests]
    try:
        result = subprocess.run(command, cwd=mutants, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout"
    if result.returncode == 5:
        raise SystemExit(f"no test collected by {tests}")
    return "survived" if result.returncode == 0 else "killed"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("patterns", nargs="+", help="mutant names, with * wildcards")
    parser.add_argument("--tests", nargs="+", default=SELECTION, help="pytest arguments (default: mutmut's)")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--skip-prose", action="store_true",
                        help="report mutants that only rewrite a sentence (a description) as prose, unrun")
    parser.add_argument("--skip-done", type=Path, nargs="*", default=[],
                        help="earlier output of this script: leave out the mutants it judged")
    parser.add_argument("--mutants", type=Path, default=MUTANTS,
                        help="a copy of mutants/ (say, with newer tests), to leave a running mutmut alone")
    args = parser.parse_args()
    done = {line.split()[-1] for log in args.skip_done for line in log.read_text().splitlines() if "  app." in line}
    names = [name for name in untested_mutants(args.patterns) if name not in done]
    counts: dict[str, int] = {}
    started = time.perf_counter()
    for name in names:
        t = time.perf_counter()
        prose = args.skip_prose and is_prose(name)
        verdict = "prose" if prose else run_one(name, args.mutants, args.tests, args.timeout)
        counts[verdict] = counts.get(verdict, 0) + 1
        print(f"{verdict:9} {time.perf_counter() - t:6.1f}s  {name}", flush=True)
    summary = ", ".join(f"{v} {n}" for v, n in sorted(counts.items()))
    print(f"{len(names)} mutants in {time.perf_counter() - started:.0f}s: {summary or 'none'}")


if __name__ == "__main__":
    main()
