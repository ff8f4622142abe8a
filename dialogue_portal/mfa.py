"""Two-factor authentication before the back office.

allauth asks for the second factor at log-in once a person has set it up, but it does not make anyone set
it up. The portal does: whenever `MFA_REQUIRED_FOR_BACK_OFFICE` is on (debug off), staff and the
organisers of any event who have no authenticator app are sent to set one up before they reach an event's
back office (`/e/<slug>/manage/`), the site's (`/manage/`) or the admin (`/admin/`).
"""

from __future__ import annotations

import re

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from events.models import EventRole, Role

BACK_OFFICE = re.compile(r"^/(?:admin/|manage/|e/[^/]+/manage/)")


def must_use_mfa(user) -> bool:
    """Staff, and whoever organises an event: they can change what everyone else sees."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return EventRole.objects.filter(user=user, role=Role.ORGANISER).exists()


class RequireMFAMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.MFA_REQUIRED_FOR_BACK_OFFICE
            and BACK_OFFICE.match(request.path_info)
            and must_use_mfa(request.user)
            and not is_mfa_enabled(request.user)
        ):
            messages.warning(
                request,
                _(
                    "The back office needs two-factor authentication. Set up an authenticator app on your "
                    "phone, then open the back office again."
                ),
            )
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
