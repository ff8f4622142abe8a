"""Whether this process is a job worker (a Celery worker process or a local job's child process).

Code that bounds its own time with a child process (`events.pdf.render_pdf`) does the work in-process
there instead: the worker's hard time limit already bounds it, and kills it with everything it started.
"""

_in_worker = False


def mark_worker_process() -> None:
    global _in_worker
    _in_worker = True


def in_worker_process() -> bool:
    return _in_worker
