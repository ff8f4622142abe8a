"""Who may do what with findings, collation, the evaluation and the outcome report."""

from events.models import Role
from events.rules import EVERY_ROLE, has_role, register

register("findings.view", has_role(*EVERY_ROLE))
register("findings.write", has_role(Role.FACILITATOR))
register("findings.review", has_role(Role.RAPPORTEUR, Role.ORGANISER))
register("takeaways.write", has_role(*EVERY_ROLE))
register("evaluation.answer", has_role(Role.PARTICIPANT, Role.MEMBER))
register("evaluation.manage", has_role(Role.ORGANISER))
register("report.manage", has_role(Role.RAPPORTEUR, Role.ORGANISER))
register("findings.work", has_role(Role.FACILITATOR, Role.RAPPORTEUR, Role.ORGANISER))
