"""Anonymous readers' copies of an event's public pages, kept in the cache.

The event's home, agenda, days, people and calendar feeds read the same for every anonymous reader in one
language, so each is rendered once per content version (`Event.content_version`, bumped by every change
of the event's content) and language, and then served from the cache (Redis when REDIS_URL is set),
with an ETag and a Last-Modified date so that a browser that has the page gets 304 Not Modified.

Two things differ from one reader to the next and are never taken from the cache: the form token of the
language switcher (stored as a placeholder and filled in for each reader, whose token also goes into the
ETag) and the messages shown after an action (a request that has messages gets a fresh page). Signed-in
readers, query strings and unpublished events always get a fresh page.
"""

from __future__ import annotations

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.crypto import salted_hmac
from django.utils.http import http_date
from django.utils.translation import get_language

CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+(")')
PLACEHOLDER = b"@@csrf-token@@"
KEPT_HEADERS = ("Content-Type", "Content-Disposition")


def page_cache_key(request) -> str:
    event = request.event
    path = hashlib.sha256(request.path.encode()).hexdigest()[:32]
    return f"page:{event.pk}:{event.content_version}:{get_language()}:{path}"


def _cacheable(request) -> bool:
    event = getattr(request, "event", None)
    if request.method not in ("GET", "HEAD") or event is None or not event.is_published or request.GET:
        return False
    if request.user.is_authenticated:
        return False
    messages = getattr(request, "_messages", None)
    return messages is None or len(messages) == 0


def _entry(response) -> dict:
    body = CSRF_INPUT.sub(rb"\1" + PLACEHOLDER + rb"\2", response.content)
    return {
        "body": body,
        "digest": hashlib.sha256(body).hexdigest()[:24],
        "headers": {name: response[name] for name in KEPT_HEADERS if response.has_header(name)},
    }


def _serve(request, entry: dict):
    body, etag = entry["body"], entry["digest"]
    if PLACEHOLDER in body:
        token = get_token(request)  # the reader's own token (and their CSRF cookie if they had none)
        body = body.replace(PLACEHOLDER, token.encode())
        # A browser's copy holds the token of the cookie it had then: a new cookie makes a new ETag.
        etag += "-" + salted_hmac("page-cache-etag", request.META["CSRF_COOKIE"]).hexdigest()[:12]
    response = HttpResponse(body)
    for name, value in entry["headers"].items():
        response[name] = value
    response["ETag"] = f'W/"{etag}"'
    response["Last-Modified"] = http_date(request.event.content_changed_at.timestamp())
    # Browsers check with the server each time (and get 304); shared proxies keep nothing: the page
    # holds the reader's form token.
    patch_cache_control(response, private=True, no_cache=True)
    return get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=int(request.event.content_changed_at.timestamp()),
        response=response,
    )


class CachedPublicPageMixin:
    """First in the bases of a public page's view: anonymous readers get the page from the cache."""

    cache_public_page = True

    def dispatch(self, request, *args, **kwargs):
        if not (self.cache_public_page and _cacheable(request)):
            return super().dispatch(request, *args, **kwargs)
        key = page_cache_key(request)
        entry = cache.get(key)
        if entry is None:
            response = super().dispatch(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            if hasattr(response, "render"):
                response.render()
            entry = _entry(response)
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        return _serve(request, entry)
