"""Event content falls back to the event's default language: the portal's one fallback mechanism.

django-modeltranslation resolves a translated field (``day.focus``) by trying the active language and
then the fallback languages from ``MODELTRANSLATION_FALLBACK_LANGUAGES``, a global setting. A dialogue
held in Spanish should show its Spanish text to a French reader whose translation is missing, not the
English one. So the setting is an :class:`EventFallbackLanguages` mapping: while an event's language is
set in a context variable (per thread and per async task), it puts that language right after the active
language, ahead of the global order.

The context variable is set explicitly, never by a signal:

* for every page under ``/e/<slug>/`` by ``events.middleware.EventMiddleware``, from ``request.event``;
* around each event of a list of events by the ``{% event_language event %}`` block tag
  (``events/templatetags/event_language.py``);
* with :func:`event_language_fallback` by exports, background work, management commands and tests.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

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
