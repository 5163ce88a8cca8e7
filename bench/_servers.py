"""Start and stop the servers under test (uvicorn with our API, Datasette) on loopback ports."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"


def free_port() -> int:
    """A port nobody listens on right now (the OS picks it)."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_ready(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    """Poll `url` until it answers 200, or fail when the process dies or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before {url} answered")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


@dataclass(frozen=True, slots=True)
class Server:
    base: str
    process: psutil.Process

    def cpu_seconds(self) -> float:
        """CPU time (user + system) of the server and its worker processes so far."""
        total = 0.0
        for process in [self.process, *self.process.children(recursive=True)]:
            try:
                times = process.cpu_times()
            except psutil.NoSuchProcess:
                continue
            total += times.user + times.system
        return total


@contextmanager
def serving(command: list[str], ready_path: str, port: int, env: dict[str, str] | None = None,
            log: Path | None = None) -> Iterator[Server]:
    """Run a server command, yield it once `ready_path` answers, then stop exactly that process."""
    out = log.open("w") if log else subprocess.DEVNULL
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=out,
                               stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://{HOST}:{port}"
    try:
        wait_ready(base + ready_path, process)
        yield Server(base, psutil.Process(process.pid))
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log:
            out.close()


def api_command(port: int, workers: int = 1) -> list[str]:
    """uvicorn serving app.main:create_app (as `opinions serve --workers N` does), no access log."""
    return [str(BIN / "uvicorn"), "--factory", "app.main:create_app", "--host", HOST, "--port", str(port),
            "--workers", str(workers), "--no-access-log", "--log-level", "warning"]


def floor_command(port: int) -> list[str]:
    """uvicorn serving bench/_floor.py: the same stack answering a fixed page, no database work."""
    return [str(BIN / "uvicorn"), "--factory", "bench._floor:create_floor_app", "--host", HOST, "--port", str(port),
            "--no-access-log", "--log-level", "warning"]


def datasette_command(db: Path, port: int) -> list[str]:
    """Datasette on the same file, with a time limit high enough that no benchmark query is cut."""
    return [str(BIN / "datasette"), "serve", str(db), "--host", HOST, "--port", str(port),
            "--setting", "sql_time_limit_ms", "20000", "--setting", "max_returned_rows", "1000"]
