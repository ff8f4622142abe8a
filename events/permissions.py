"""Transitional: the permission vocabulary moved to `events.rules`, the mixin to `events.views.mixins`."""

from .rules import (  # noqa: F401
    can_see_audience,
    forget_roles,
    has_perm,
    roles_for,
    visible_audiences,
    visible_days,
)
from .views.mixins import EventPermissionMixin  # noqa: F401
