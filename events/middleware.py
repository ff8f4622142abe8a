"""The event of an event page, loaded once per request."""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone

from dialogue_portal.i18n import event_language_fallback

from .models import Event
from .page_cache import current_event, serve_cached_page


class EventMiddleware:
    """For every URL under ``/e/<slug>/``: ``request.event`` (404 when no event has that slug), the event's
    time zone active, and translated content falling back to the event's default language.

    Whether the reader may see the event at all (unpublished events) is the view's permission check.
    An anonymous reader's copy of a public page comes from the cache before the event is loaded
    (`events.page_cache`).
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        request.event = None
        request._event_scope = None
        try:
            return self.get_response(request)
        finally:
            scope = request._event_scope
            if scope is not None:
                scope.__exit__(None, None, None)
                timezone.deactivate()

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.get("slug")
        if not slug or not request.path_info.startswith("/e/"):
            return None
        cached = serve_cached_page(request, view_func, slug)
        if cached is not None:
            return cached
        if getattr(getattr(view_func, "view_class", None), "cache_public_page", False):
            event = current_event(slug)
        else:
            event = Event.objects.select_related("series", "host").filter(slug=slug).first()
        if event is None:
            raise Http404
        request.event = event
        timezone.activate(event.tz)
        request._event_scope = event_language_fallback(event.default_language)
        request._event_scope.__enter__()
        return None
