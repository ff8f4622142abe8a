"""Job kinds for the tests of the job runners: they run in real child processes, so they live in a module
the child can import, and touch no database (the SQLite test database lives in the test process's
memory)."""

import subprocess
import time
from pathlib import Path

from events import jobs


@jobs.register("tests.hang", time_limit=1)
def hang(*, pid_file: str) -> bytes:
    """Start a process of its own, say which, then never finish."""
    helper = subprocess.Popen(["sleep", "120"])
    Path(pid_file).write_text(f"{helper.pid}\n")
    time.sleep(120)
    return b"never"


@jobs.register("tests.greet", time_limit=30, content_type="text/plain")
def greet(*, name: str) -> bytes:
    return f"Hello, {name}".encode()


@jobs.register("tests.crash", time_limit=30)
def crash() -> bytes:
    raise RuntimeError("the disk is full")


@jobs.register("tests.event_language", time_limit=30, content_type="text/plain")
def event_language(*, label: str) -> bytes:
    """The language translated fields fall back to first while the job runs (`label` tells jobs apart)."""
    from dialogue_portal.i18n import current_event_language

    return (current_event_language() or "none").encode()
