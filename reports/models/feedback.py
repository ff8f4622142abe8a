"""Feedback per agenda item: a 1–5 rating and an optional comment, anonymous.

Nobody's account is stored with a rating: `voter` is a one-way hash (an HMAC keyed by the site's secret)
of the person and the item, so the portal can find the person's own rating again, to let them change it,
and keep it to one per person, while organisers (and the database) cannot tell whose it is. Erasing an
account leaves its ratings, which name nobody. Not part of the whole-event export: the hash means nothing
under another secret.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from events.limits import NOTE, bounded
from events.models import AgendaItem

RATINGS = range(1, 6)


class SessionFeedback(models.Model):
    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("agenda item")
    )
    voter = models.CharField(max_length=64, editable=False)
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), blank=True, **bounded(NOTE))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("session feedback")
        verbose_name_plural = _("session feedback")
        constraints = [
            models.UniqueConstraint(fields=["item", "voter"], name="one_feedback_per_person_and_item"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="feedback_rating_one_to_five"
            ),
        ]

    def __str__(self):
        return f"{self.item} · {self.rating}"
