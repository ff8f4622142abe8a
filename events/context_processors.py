from django.conf import settings
from django.utils.functional import SimpleLazyObject

from . import navigation
from .rules import has_perm


def portal(request):
    """Values every page needs: the languages for the switcher; on an event's pages, its navigation.

    The back-office menu is worked out only by the pages that show it (lazily): the public pages do not
    pay for a permission check per menu entry.
    """
    context = {"PORTAL_LANGUAGES": settings.LANGUAGES}
    event = getattr(request, "event", None)
    if event is not None and has_perm(request.user, event, "event.view"):
        menu = SimpleLazyObject(lambda: navigation.manage_menu(request, event))
        context.update(
            event_links=navigation.event_links(request, event),
            manage_menu=menu,
            manage_group=SimpleLazyObject(lambda: next((group for group in menu if group.current), None)),
        )
    return context
