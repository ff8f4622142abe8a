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
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.crypto import salted_hmac
from django.utils.http import http_date
from django.utils.translation import get_language

from .models import Event

CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+(")')
PLACEHOLDER = b"@@csrf-token@@"
KEPT_HEADERS = ("Content-Type", "Content-Disposition")


def _key_for(event: Event, path: str) -> str:
    """One page of one content version of an event, in the active language. (The time of the change is in
    it too: a key is never reused, even by a database that gives a deleted event's id to a new one.)"""
    digest = hashlib.sha256(path.encode()).hexdigest()[:32]
    changed = f"{event.content_changed_at.timestamp():.6f}"
    return f"page:{event.pk}:{event.content_version}:{changed}:{get_language()}:{digest}"


class _Recent:
    """The last pages this process served, in front of the shared cache. A key names one version of a
    page, whose content never changes, so nothing here needs invalidating: old versions just age out."""

    def __init__(self, size: int = 256) -> None:
        self.size, self.entries, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key: str):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: dict) -> None:
        with self.lock:
            self.entries[key] = entry
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


_recent = _Recent()


def _get_entry(key: str):
    entry = _recent.get(key)
    if entry is None:
        entry = cache.get(key)
        if entry is not None:
            _recent.put(key, entry)
    return entry


def _set_entry(key: str, entry: dict) -> None:
    cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
    _recent.put(key, entry)


def _cacheable(request) -> bool:
    """A GET of a page that reads the same for every anonymous reader."""
    if request.method not in ("GET", "HEAD") or request.GET or request.user.is_authenticated:
        return False
    messages = getattr(request, "_messages", None)
    return messages is None or len(messages) == 0


def serve_cached_page(request, view_func, slug: str):
    """The cached copy of an event's public page, or None. Called by `events.middleware.EventMiddleware`
    before it loads the event: a cached page costs no query."""
    view_class = getattr(view_func, "view_class", None)
    if not getattr(view_class, "cache_public_page", False) or not _cacheable(request):
        return None
    event = current_event(slug, local_seconds=settings.PAGE_CACHE_LOCAL_VERSION_SECONDS)
    if event is None or not event.is_published:
        return None
    entry = _get_entry(_key_for(event, request.path))
    return None if entry is None else _serve(request, entry, event.content_changed_at)


#: How long an event is taken from the cache. Every change of it (a save, a content version bump)
#: forgets it at once; this bounds what a change made some other way (an update in the shell) takes.
EVENT_SECONDS = 30

#: Events this process read for anonymous pages: (when, event) by slug.
_local_events: dict[str, tuple[float, Event]] = {}


def _event_key(slug: str) -> str:
    return f"event:{slug}"


def current_event(slug: str, *, local_seconds: float = 0) -> Event | None:
    """The event with this slug (its series and host loaded), from the cache: for the public pages, which
    are themselves cached by the event's content version, and read nothing the version does not cover.

    With `local_seconds`, an event this process read that recently is used without asking the shared
    cache (a network round trip otherwise): anonymous readers of the other processes may get the previous
    version of a page for that long after a change. Signed-in readers never do.
    """
    if local_seconds:
        held = _local_events.get(slug)
        if held is not None and time.monotonic() - held[0] < local_seconds:
            return held[1]
    event = cache.get(_event_key(slug))
    if event is None:
        event = Event.objects.select_related("series", "host").filter(slug=slug).first()
        if event is None:
            return None  # not remembered: an event imported under this slug must show at once
        cache.set(_event_key(slug), event, EVENT_SECONDS)
    if local_seconds:
        if len(_local_events) > 1000:
            _local_events.clear()
        _local_events[slug] = (time.monotonic(), event)
    return event


def forget_cached_event(slug: str) -> None:
    """The event changed (its content version, publication, fields): read it from the database again, now
    and once the change is committed (a reader in between would otherwise cache the old event)."""
    _local_events.pop(slug, None)
    cache.delete(_event_key(slug))
    transaction.on_commit(lambda: cache.delete(_event_key(slug)))


def _entry(response) -> dict:
    body = CSRF_INPUT.sub(rb"\1" + PLACEHOLDER + rb"\2", response.content)
    return {
        "body": body,
        "digest": hashlib.sha256(body).hexdigest()[:24],
        "headers": {name: response[name] for name in KEPT_HEADERS if response.has_header(name)},
    }


def _serve(request, entry: dict, changed_at):
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
    response["Last-Modified"] = http_date(changed_at.timestamp())
    # Browsers check with the server each time (and get 304); shared proxies keep nothing: the page
    # holds the reader's form token.
    patch_cache_control(response, private=True, no_cache=True)
    return get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=int(changed_at.timestamp()),
        response=response,
    )


class CachedPublicPageMixin:
    """First in the bases of a public page's view: the page an anonymous reader gets is kept in the cache
    (the middleware serves it from there while it is current)."""

    cache_public_page = True

    def dispatch(self, request, *args, **kwargs):
        event = getattr(request, "event", None)
        if event is None or not event.is_published or not self.cache_public_page or not _cacheable(request):
            return super().dispatch(request, *args, **kwargs)
        key = _key_for(event, request.path)
        entry = _get_entry(key)
        if entry is None:
            response = super().dispatch(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            if hasattr(response, "render"):
                response.render()
            entry = _entry(response)
            _set_entry(key, entry)
        return _serve(request, entry, event.content_changed_at)
