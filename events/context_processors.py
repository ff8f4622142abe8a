from django.conf import settings

from . import navigation
from .rules import has_perm


def portal(request):
    """Values every page needs: the languages for the switcher; on an event's pages, its navigation."""
    context = {"PORTAL_LANGUAGES": settings.LANGUAGES}
    event = getattr(request, "event", None)
    if event is not None and has_perm(request.user, event, "event.view"):
        menu = navigation.manage_menu(request, event)
        context.update(
            event_links=navigation.event_links(request, event),
            manage_menu=menu,
            manage_group=next((group for group in menu if group.current), None),
        )
    return context
