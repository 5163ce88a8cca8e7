"""Headless Chromium (Debian's `chromium`) driven over the DevTools protocol: load a page at a given
width, collect its console errors and uncaught exceptions, evaluate JavaScript, take a screenshot.

The protocol is JSON over one websocket (`websockets`, installed with uvicorn[standard]); the few
commands used here are Page.navigate, Runtime.evaluate, Emulation.setDeviceMetricsOverride and
Page.captureScreenshot.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from websockets.sync.client import connect

CHROMIUM = shutil.which("chromium")
STARTUP_TIMEOUT_S, COMMAND_TIMEOUT_S = 30, 30


class Chromium:
    """One headless browser with one tab; use as a context manager."""

    def __init__(self, width: int = 1280, height: int = 900) -> None:
        self.width, self.height = width, height
        self.errors: list[str] = []  # console errors, failed loads and uncaught exceptions, since the last load
        self._next_id = 0

    def __enter__(self) -> Chromium:
        self._profile = tempfile.TemporaryDirectory(prefix="chromium-")
        self._log = open(Path(self._profile.name) / "stderr.log", "w+")  # noqa: SIM115 (closed in __exit__)
        self._process = subprocess.Popen(
            [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             "--remote-debugging-port=0", f"--user-data-dir={self._profile.name}",
             f"--window-size={self.width},{self.height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=self._log, start_new_session=True)  # its helpers die with it
        try:
            port = self._devtools_port()
            page = next(t for t in httpx.get(f"http://127.0.0.1:{port}/json/list").json() if t["type"] == "page")
            self._socket = connect(page["webSocketDebuggerUrl"], max_size=None,
                                   open_timeout=STARTUP_TIMEOUT_S).__enter__()
            for domain in ("Page", "Runtime", "Log"):
                self.send(f"{domain}.enable")
            self.send("Emulation.setDeviceMetricsOverride", width=self.width, height=self.height,
                      deviceScaleFactor=1, mobile=False)
        except BaseException:
            self._stop()
            raise
        return self

    def __exit__(self, *_: object) -> None:
        self._socket.__exit__(None, None, None)
        self._stop()

    def _stop(self) -> None:
        """End Chromium and every process it started (its session), then remove its profile."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._process.pid, signal.SIGTERM)
        try:
            self._process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait()
        self._log.close()
        self._profile.cleanup()

    def _devtools_port(self) -> int:
        """The port Chromium chose, from the line it prints: `DevTools listening on ws://127.0.0.1:PORT/...`."""
        started = time.monotonic()
        while time.monotonic() - started < STARTUP_TIMEOUT_S:
            self._log.seek(0)
            for line in self._log:
                if line.startswith("DevTools listening on ws://"):
                    return int(line.split("ws://", 1)[1].split("/", 1)[0].rsplit(":", 1)[1])
            if self._process.poll() is not None:
                break
            time.sleep(0.1)
        self._log.seek(0)
        raise RuntimeError(f"chromium did not start: {self._log.read()[-2000:]}")

    def send(self, method: str, **params: Any) -> dict:
        """Run a protocol command and answer its result; events that arrive meanwhile are read for errors."""
        self._next_id += 1
        self._socket.send(json.dumps({"id": self._next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv(timeout=COMMAND_TIMEOUT_S))
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]
            self._event(message)

    def _event(self, message: dict) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            self.errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
        elif method == "Runtime.exceptionThrown":
            self.errors.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            self.errors.append(f"{params['entry']['text']} ({params['entry'].get('url', '')})")
        elif method == "Page.loadEventFired":
            self._loaded = True

    def load(self, url: str) -> None:
        """Open `url` and wait for its load event (stylesheets and images loaded)."""
        self.errors, self._loaded = [], False
        navigation = self.send("Page.navigate", url=url)
        if navigation.get("errorText"):
            raise RuntimeError(f"{url}: {navigation['errorText']}")
        self._loaded |= "loaderId" not in navigation  # a move within the page loads nothing
        deadline = time.monotonic() + COMMAND_TIMEOUT_S
        while not self._loaded:
            self._event(json.loads(self._socket.recv(timeout=max(0.1, deadline - time.monotonic()))))
        self.evaluate("0")  # let the events of the load (console messages) arrive

    def submit(self, selector: str) -> None:
        """Click the element (a form's button) and wait for the page the form leads to."""
        self.errors, self._loaded = [], False
        self.evaluate(f"document.querySelector({json.dumps(selector)}).click()")
        deadline = time.monotonic() + COMMAND_TIMEOUT_S
        while not self._loaded:
            self._event(json.loads(self._socket.recv(timeout=max(0.1, deadline - time.monotonic()))))
        self.evaluate("0")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (JSON-serialisable)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("text"))
        return result["result"].get("value")

    def screenshot(self, path: Path, *, full_page: bool = False) -> None:
        """Save a PNG of the viewport (or of the whole page)."""
        shot = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=full_page)
        path.write_bytes(base64.b64decode(shot["data"]))
