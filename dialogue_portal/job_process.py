"""The entry point of a local job's child process (as wsgi.py is a web process's and celery.py a
worker's), started by `events.jobs.runners.LocalExecutor`.

The child leads its own process group (so that its parent can kill it with everything it started), dies
with its parent, and sends its outcome back through a pipe. The parent records the outcome: the child only
does the work, so a child killed at its limit leaves no half-written job behind.
"""

from __future__ import annotations

import ctypes
import importlib
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass


def _set_up_django(settings_for_child: dict) -> None:
    import django
    from django.conf import settings

    if not settings.configured or not django.apps.apps.ready:
        django.setup()
    for name, value in settings_for_child.items():
        setattr(settings, name, value)
    from asgiref.local import Local
    from django.db import connections

    # The database settings may have changed since the fork server loaded Django (tests point them at a
    # test database): forget what Django's connection handler read from them, and any connection object
    # inherited from the fork server (never close it: its socket would be the fork server's too).
    connections._settings = None
    connections.__dict__.pop("settings", None)
    connections._connections = Local(connections.thread_critical)


def main(
    module: str, qualname: str, inputs: dict, settings_for_child: dict, connection, event_language=None
) -> None:
    os.setsid()
    _die_with_parent()
    try:
        _set_up_django(settings_for_child)
        from events.jobs.context import mark_worker_process
        from events.jobs.service import perform

        mark_worker_process()
        function = importlib.import_module(module)
        for part in qualname.split("."):
            function = getattr(function, part)
        outcome = perform(function, inputs, event_language=event_language)
    except BaseException as error:  # noqa: BLE001 - whatever happens, the parent hears of it
        from events.jobs.service import Outcome

        outcome = Outcome(False, failure="error", detail=f"{type(error).__name__}: {error}"[:2000])
    try:
        connection.send(outcome)
    finally:
        connection.close()
