"""The portal's URLs plus /bench/trivial/, the trivial view the public pages are measured against (it
goes through the same middleware), and a middleware that reports Django's time per request: wall-clock
(app) and the CPU time of the worker process (cpu), which other processes of the machine do not inflate."""

import time

from django.http import HttpResponse
from django.urls import include, path


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


class ServerTimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started, cpu = time.perf_counter(), time.process_time()
        response = self.get_response(request)
        wall_ms, cpu_ms = (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000
        response["Server-Timing"] = f"app;dur={wall_ms:.2f}, cpu;dur={cpu_ms:.2f}"
        return response


urlpatterns = [path("bench/trivial/", trivial), path("", include("dialogue_portal.urls"))]
