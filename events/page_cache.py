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


def page_cache_key(*, event_pk: int, version: int, changed_at, path: str) -> str:
    digest = hashlib.sha256(path.encode()).hexdigest()[:32]
    return f"page:{event_pk}:{version}:{changed_at.timestamp():.6f}:{get_language()}:{digest}"


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
    before it loads the event: a cached page costs one small query (the event's version), no more."""
    view_class = getattr(view_func, "view_class", None)
    if not getattr(view_class, "cache_public_page", False) or not _cacheable(request):
        return None
    found = _event_version(slug)
    if not found or not found[3]:  # no such event, or not published
        return None
    pk, version, changed_at, _published = found
    entry = _get_entry(page_cache_key(event_pk=pk, version=version, changed_at=changed_at, path=request.path))
    return None if entry is None else _serve(request, entry, changed_at)


#: How long the version of an event is taken from the cache. Every bump forgets it at once; this bounds
#: what a change made some other way (an update in the shell, a renamed slug) takes to show.
VERSION_SECONDS = 30


def _version_key(slug: str) -> str:
    return f"event-version:{slug}"


def _event_version(slug: str) -> tuple:
    """(pk, content_version, content_changed_at, is_published) of the event, or () when there is none."""
    found = cache.get(_version_key(slug))
    if found is None:
        found = (
            Event.objects.filter(slug=slug)
            .values_list("pk", "content_version", "content_changed_at", "is_published")
            .first()
        ) or ()
        cache.set(_version_key(slug), found, VERSION_SECONDS)
    return found


def public_page_event(slug: str) -> Event | None:
    """The event (with its series and host) for a public page, from the cache while its version is
    current: the pages that read it are cached by that version anyway."""
    found = _event_version(slug)
    if not found:
        return None
    key = f"event:{found[0]}:{found[1]}"
    event = cache.get(key)
    if event is None:
        event = Event.objects.select_related("series", "host").filter(pk=found[0]).first()
        if event is not None:
            cache.set(f"event:{event.pk}:{event.content_version}", event, settings.PAGE_CACHE_SECONDS)
    return event


def forget_event_version(slug: str) -> None:
    """The event's version (or publication) changed: read it from the database again, now and once the
    change is committed (a reader in between would otherwise cache the old version)."""
    cache.delete(_version_key(slug))
    transaction.on_commit(lambda: cache.delete(_version_key(slug)))


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
        key = page_cache_key(
            event_pk=event.pk,
            version=event.content_version,
            changed_at=event.content_changed_at,
            path=request.path,
        )
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
