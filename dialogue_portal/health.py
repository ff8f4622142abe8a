"""GET /health/: whether this web process reaches the database, the cache and the job queue's broker.

JSON, 200 when all three answer and 503 when one does not; for load balancers and monitoring. It names
no host, user or error text, only the kind of error. `workers` counts the Celery workers that answered a
ping (alert when it is 0: jobs would wait until their deadline); it does not make the answer 503, so that
a stopped worker does not take the web processes out of a load balancer.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views import View


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _cache() -> str:
    key, value = "health:" + secrets.token_hex(8), secrets.token_hex(8)
    cache.set(key, value, 10)
    ok = cache.get(key) == value
    cache.delete(key)
    return "ok" if ok else "error: value not kept"


def _broker() -> tuple[str, int | None]:
    if settings.JOBS_RUNNER != "celery":
        return "not used: jobs run in local worker processes", None
    from celery import current_app

    with current_app.connection_for_write() as broker:
        broker.ensure_connection(max_retries=1, timeout=2)
    workers = current_app.control.ping(timeout=0.5)
    return "ok", len(workers)


class HealthView(View):
    def get(self, request):
        report: dict[str, object] = {}
        healthy = True
        for name, check in (("database", _database), ("cache", _cache)):
            try:
                report[name] = check()
            except Exception as error:  # noqa: BLE001 - any failure is a finding, not a crash
                report[name] = f"error: {type(error).__name__}"
            healthy = healthy and report[name] == "ok"
        try:
            report["broker"], workers = _broker()
            if workers is not None:
                report["workers"] = workers
        except Exception as error:  # noqa: BLE001
            report["broker"] = f"error: {type(error).__name__}"
            healthy = False
        report["status"] = "ok" if healthy else "failing"
        response = JsonResponse(report, status=200 if healthy else 503)
        response["Cache-Control"] = "no-store"
        return response
