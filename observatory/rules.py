"""Who may do what in the observatory.

Event-scoped permissions are registered with `events.rules.register` (the back-office pages of an event
name them): organisers publish their report's findings, map report themes and edit entries. Observatory
editors are the portal's staff (``is_staff``, who also create events): they hold the same permissions in
every event and enter what past meetings recommended. Asking is cheap (no query): every back-office page
asks it for its menu. Focal points post updates for their own organisation only.
"""

from __future__ import annotations

from events.models import Role
from events.rules import any_of, has_role, register


def is_editor(user, event=None, obj=None) -> bool:
    """An observatory editor (staff or superuser): may edit entries and commitments of every event."""
    return bool(user is not None and user.is_authenticated and (user.is_staff or user.is_superuser))


def focal_point_for(user, commitment):
    """The user's active focal point for the commitment's organisation (and country), or None."""
    if user is None or not user.is_authenticated:
        return None
    points = user.focal_points.filter(organisation_id=commitment.organisation_id, is_active=True)
    if commitment.country:
        points = points.filter(country__in=[commitment.country, ""])
    return points.order_by("-country").first()


def can_post_update(user, commitment) -> bool:
    """Focal points post updates for their own organisation only; editors for every organisation."""
    return is_editor(user) or focal_point_for(user, commitment) is not None


register("observatory.manage", any_of(has_role(Role.ORGANISER), is_editor))
