"""Items a person starred for their own agenda (personal: never exported, never shown to others)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .agenda import AgendaItem


class Star(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_stars")
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="stars")
    created_at = models.DateTimeField(_("starred at"), auto_now_add=True)

    class Meta:
        verbose_name = _("starred item")
        verbose_name_plural = _("starred items")
        constraints = [models.UniqueConstraint(fields=["user", "item"], name="one_star_per_user_and_item")]

    def __str__(self):
        return f"{self.user} ★ {self.item}"
