from django.conf import settings


def portal(request):
    """Values every page needs: the languages for the switcher."""
    return {"PORTAL_LANGUAGES": settings.LANGUAGES}
