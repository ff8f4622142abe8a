"""The portal's URLs plus /bench/trivial/, the trivial view the public pages are measured against (it
goes through the same middleware), and a middleware that reports Django's time per request."""

import time

from django.http import HttpResponse
from django.urls import include, path


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


class ServerTimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        response["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.2f}"
        return response


urlpatterns = [path("bench/trivial/", trivial), path("", include("dialogue_portal.urls"))]
