"""Event content falls back to the event's default language.

django-modeltranslation resolves a translated field (``event.title``) by trying the active language and
then the fallback languages from ``MODELTRANSLATION_FALLBACK_LANGUAGES``, a global setting. A dialogue
held in Spanish should show its Spanish title to a French reader whose translation is missing, not the
English one. So the setting is an :class:`EventFallbackLanguages` mapping: while an event is "current",
it puts that event's default language right after the active language, ahead of the global order.

The Event model's own translated fields always fall back to that event's language first
(:func:`install_event_fallbacks`, called when the apps are ready), so lists of events read right too.
For the other models (days, items, people...) the current event is a context variable (per thread and
per async task), set:

* by :class:`EventLanguageFallbackMiddleware` for every URL with a ``slug`` under ``/e/<slug>/``: the
  first ``Event`` with that slug that the view loads (``EventPermissionMixin`` loads it first) sets it,
  through a ``post_init`` signal, so no extra query is made;
* explicitly with :func:`event_language_fallback` (exports, management commands, tests).
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_current_slug: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "dialogue_event_slug", default=None
)
_event_language: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "dialogue_event_language", default=None
)


class EventFallbackLanguages(dict):
    """``MODELTRANSLATION_FALLBACK_LANGUAGES`` with the current event's default language first.

    modeltranslation (``modeltranslation.utils.resolution_order``) tries
    ``(active,) + FALLBACK_LANGUAGES.get(active, ()) + FALLBACK_LANGUAGES["default"]``;
    ``get`` for a language inserts the event's language.
    """

    def get(self, key: Any, default: Any = None) -> Any:
        value = super().get(key, default)
        language = _event_language.get()
        if key != "default" and language:
            return (language, *(value or ()))
        return value


def current_event_language() -> str | None:
    """The default language of the event whose content is being shown, if any."""
    return _event_language.get()


@contextmanager
def event_language_fallback(language: str | None) -> Iterator[None]:
    """Within the block, translated fields fall back to ``language`` (an event's default language) first."""
    token = _event_language.set(language or None)
    try:
        yield
    finally:
        _event_language.reset(token)


def _event_loaded(sender, instance, **kwargs) -> None:
    slug = _current_slug.get()
    if slug is None or _event_language.get() is not None:
        return
    # Only look at fields already loaded: never trigger a query for a deferred field.
    if instance.__dict__.get("slug") == slug and instance.__dict__.get("default_language"):
        _event_language.set(instance.__dict__["default_language"])


class EventLanguageFallbackMiddleware:
    """For pages of one event (``/e/<slug>/...``), fall back to that event's default language."""

    def __init__(self, get_response) -> None:
        from django.db.models.signals import post_init

        self.get_response = get_response
        post_init.connect(_event_loaded, sender="events.Event", dispatch_uid="dialogue_event_language")

    def __call__(self, request):
        slug_token = _current_slug.set(None)
        language_token = _event_language.set(None)
        try:
            return self.get_response(request)
        finally:
            _event_language.reset(language_token)
            _current_slug.reset(slug_token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.get("slug")
        if slug and request.path_info.startswith("/e/"):
            _current_slug.set(slug)
        return None


def _own_language_descriptor_class():
    from modeltranslation.fields import TranslationFieldDescriptor

    class OwnLanguageDescriptor(TranslationFieldDescriptor):
        """A translated field of an Event: its missing translations fall back to that event's language."""

        def __get__(self, instance, owner):
            language = instance.__dict__.get("default_language") if instance is not None else None
            if not language:
                return super().__get__(instance, owner)
            with event_language_fallback(language):
                return super().__get__(instance, owner)

    return OwnLanguageDescriptor


def install_event_fallbacks() -> None:
    """Give the Event model's translated fields their own event's language as first fallback.

    Lists of events (home page, dashboard) then show each event in its own default language where a
    translation is missing, with no query. Called from :class:`dialogue_portal.apps.PortalConfig`.
    """
    from django.apps import apps
    from modeltranslation.fields import TranslationFieldDescriptor
    from modeltranslation.translator import translator

    descriptor_class = _own_language_descriptor_class()
    event_model = apps.get_model("events", "Event")
    for name in translator.get_options_for_model(event_model).fields:
        current = event_model.__dict__.get(name)
        if type(current) is TranslationFieldDescriptor:
            setattr(
                event_model,
                name,
                descriptor_class(
                    current.field,
                    fallback_languages=current.fallback_languages,
                    fallback_value=current.fallback_value,
                    fallback_undefined=current.fallback_undefined,
                ),
            )
