"""The people of benchmarks/load.py: a browser-like HTTP client per person (session and CSRF cookies, one
connection, every request timed) and a step that runs all of them at the same instant."""

from __future__ import annotations

import http.client
import re
import statistics
import threading
import time
from collections import Counter
from urllib.parse import urlencode

HOST = "127.0.0.1"
STEP_SECONDS = 180  # the longest any step may take
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Person:
    """One browser: a session cookie, a CSRF cookie, one connection; times every request."""

    def __init__(self, port: int, session: str):
        self.port, self.cookies = port, {"sessionid": session}
        self.connection = http.client.HTTPConnection(HOST, port, timeout=STEP_SECONDS)

    def request(self, method: str, path: str, data: dict | None = None):
        headers = {"Host": HOST, "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = http.client.HTTPConnection(HOST, self.port, timeout=STEP_SECONDS)
            raise
        elapsed = (time.perf_counter() - started) * 1000
        for header in response.msg.get_all("Set-Cookie") or []:
            name, _sep, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, content.decode(errors="replace"), response.getheader("Location"), elapsed

    def form(self, path: str, data: dict):
        """Open the form page and post it with its CSRF token: (status, ms) of the GET, of the POST, body."""
        status, page, _location, get_ms = self.request("GET", path)
        token = CSRF.search(page)
        if status != 200 or token is None:
            return (status, get_ms), None, page
        status, body, location, post_ms = self.request(
            "POST", path, {"csrfmiddlewaretoken": token.group(1), **data}
        )
        return (200, get_ms), (status, post_ms, location), body


class Step:
    """Run `work(person, index)` for every person at once; collect latencies and unexpected answers."""

    def __init__(self, name: str):
        self.name, self.latencies, self.errors, self.outcomes = name, [], [], Counter()
        self.lock = threading.Lock()

    def run(self, people: list[Person], work) -> None:
        barrier = threading.Barrier(len(people))

        def one(index: int, person: Person) -> None:
            try:
                barrier.wait(60)
                work(self, person, index)
            except Exception as error:  # noqa: BLE001 - a failed connection counts as an error
                self.error(f"{type(error).__name__}: {error}")

        threads = [threading.Thread(target=one, args=(i, p), daemon=True) for i, p in enumerate(people)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(max(0.0, STEP_SECONDS - (time.monotonic() - started)))
        if any(thread.is_alive() for thread in threads):
            self.error(f"step not finished after {STEP_SECONDS} s")
        self.seconds = time.monotonic() - started

    def timed(self, ms: float) -> None:
        with self.lock:
            self.latencies.append(ms)

    def error(self, what: str) -> None:
        with self.lock:
            self.errors.append(what)

    def outcome(self, what: str) -> None:
        with self.lock:
            self.outcomes[what] += 1

    def summary(self) -> dict:
        ordered = sorted(self.latencies)
        return {
            "requests": len(ordered),
            "errors": len(self.errors),
            "first_errors": self.errors[:3],
            "outcomes": dict(self.outcomes),
            "p50_ms": round(statistics.median(ordered), 1) if ordered else None,
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1) if ordered else None,
            "max_ms": round(ordered[-1], 1) if ordered else None,
            "seconds": round(self.seconds, 1),
        }


def expect_redirect(step: Step, get, post, body: str, outcome: str) -> None:
    step.timed(get[1])
    if post is None:
        step.error(f"GET answered {get[0]}")
        return
    step.timed(post[1])
    if post[0] == 302:
        step.outcome(outcome)
    else:
        step.error(f"POST answered {post[0]}")


def follow_job(person: Person, path: str, step: Step) -> str:
    """POST a back-office action that starts a job, then poll its page until it answers with a redirect
    to the result (the waiting page answers 202 meanwhile). Returns the page it ends on."""
    status, page, _location, ms = person.request("GET", path.rsplit("/", 2)[0] + "/")
    token = CSRF.search(page).group(1)
    status, _body, location, ms = person.request("POST", path, {"csrfmiddlewaretoken": token})
    step.timed(ms)
    deadline = time.monotonic() + STEP_SECONDS
    while time.monotonic() < deadline:
        status, body, next_location, ms = person.request("GET", location)
        step.timed(ms)
        if status == 302:
            status, body, _loc, ms = person.request("GET", next_location)
            return body
        if status != 202:
            step.error(f"job page answered {status}")
            return body
        time.sleep(0.5)
    step.error("job not finished in time")
    return ""
