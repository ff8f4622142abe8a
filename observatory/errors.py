"""What the observatory's services refuse, with a message for the person who asked."""

from django.utils.translation import gettext_lazy as _

from events.errors import DomainError


class NoReportToPublish(DomainError):
    default_message = _("This event has no outcome report yet: there is nothing to publish.")


class NotAFocalPoint(DomainError):
    default_message = _("Only a focal point of this organisation may post its progress updates.")


class EvidenceTwice(DomainError):
    default_message = _("Give either a link or a document as evidence, not both.")
