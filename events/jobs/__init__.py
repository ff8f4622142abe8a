"""Background jobs: work that may take longer than a web request should (a PDF to render, an import, an
allocation, e-mails in bulk) runs in a worker under a hard time limit, and the page that asked shows that
the file is being prepared until it is ready.

    from events import jobs

    @jobs.register("events.programme_pdf", time_limit=120)    # in <app>/tasks.py
    def programme_pdf(*, event: int, language: str) -> bytes: ...

    job = jobs.request_file(kind="events.programme_pdf", inputs={...}, version=event.content_version, ...)
    return job_response(request, job, ...)                     # events.views.jobs

See docs/architecture.md, "Background jobs".
"""

from .context import in_worker_process, mark_worker_process
from .registry import JobKind, get_kind, kind_names, register
from .service import (
    Outcome,
    execute_here,
    failure_message,
    perform,
    record,
    refresh,
    request_file,
    start_job,
)

__all__ = [
    "JobKind",
    "Outcome",
    "execute_here",
    "failure_message",
    "get_kind",
    "in_worker_process",
    "kind_names",
    "mark_worker_process",
    "perform",
    "record",
    "refresh",
    "register",
    "request_file",
    "start_job",
]
