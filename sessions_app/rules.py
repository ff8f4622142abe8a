"""Who may do what in the tables area: registration desk, allocation, taking part, facilitating.

| name | object | who |
| --- | --- | --- |
| registrations.manage, allocation.manage | – | organisers |
| tables.take_part | – | participants (approved registrations) |
| tables.register | – | anyone (the sign-up page; views send anonymous visitors to log in) |
| tables.facilitate | – | facilitators and organisers: the "Tables I facilitate" page |
| tables.view_roster | table | organisers (every table) and the table's facilitators |
| directory.view | – | anyone with a role in the event |
| checkin.manage | – | organisers and the check-in desk: the desk, the live count, the badges |
"""

from events.models import Role
from events.rules import EVERY_ROLE, has_perm, has_role, register


def facilitates_table(user, table) -> bool:
    return user.is_authenticated and table.facilitators.filter(pk=user.pk).exists()


def can_view_roster(user, event, table) -> bool:
    """Organisers see every table's roster, facilitators those of their own tables."""
    return has_perm(user, event, "allocation.manage") or facilitates_table(user, table)


register("registrations.manage", has_role(Role.ORGANISER))
register("allocation.manage", has_role(Role.ORGANISER))
register("tables.take_part", has_role(Role.PARTICIPANT))
register("tables.register", lambda user, event, obj=None: True)  # anyone may open the sign-up page
register("tables.facilitate", has_role(Role.FACILITATOR, Role.ORGANISER))
register("tables.view_roster", can_view_roster)
register("directory.view", has_role(*EVERY_ROLE))
register("checkin.manage", has_role(Role.ORGANISER, Role.CHECKIN))
