"""Giving feedback on an agenda item: anonymous, one per person and item (a second time changes it)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from events.models import AgendaItem

from ..errors import FeedbackError
from ..models import SessionFeedback
from ..selectors.feedback import has_started, voter_of


def give_feedback(*, item: AgendaItem, user, rating: int, comment: str = "") -> tuple[SessionFeedback, bool]:
    """Record `user`'s rating of `item`, or change the one they gave: (feedback, created).

    A person changes their mind or mistyped on a phone: the second time replaces the first, so each
    person still counts once. Refused before the item starts."""
    if not has_started(item):
        raise FeedbackError(_("Feedback opens when the session starts."))
    if rating not in range(1, 6):
        raise FeedbackError(_("Choose a rating from 1 to 5."))
    voter = voter_of(user=user, item=item)
    values = {"rating": rating, "comment": comment.strip()}
    try:
        with transaction.atomic():
            return SessionFeedback.objects.update_or_create(item=item, voter=voter, defaults=values)
    except IntegrityError:  # the same person from two tabs at once: the other request created it
        with transaction.atomic():
            feedback, _created = SessionFeedback.objects.update_or_create(
                item=item, voter=voter, defaults=values
            )
            return feedback, False
