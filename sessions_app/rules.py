"""Who may do what in the tables area: registration desk, allocation, taking part, facilitating."""

from events.models import Role
from events.rules import EVERY_ROLE, has_role, register

register("registrations.manage", has_role(Role.ORGANISER))
register("allocation.manage", has_role(Role.ORGANISER))
register("tables.take_part", has_role(Role.PARTICIPANT))
register("tables.register", lambda user, event, obj=None: True)  # anyone may open the sign-up page
register("tables.facilitate", has_role(Role.FACILITATOR, Role.ORGANISER))
register("directory.view", has_role(*EVERY_ROLE))
