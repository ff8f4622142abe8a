"""The event's evaluation: questions, who answered, and the anonymous answers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from events.limits import PARAGRAPHS, bounded
from events.models import Event


class EvaluationManager(models.Manager):
    def get_by_natural_key(self, event):
        return self.get(event=Event.objects.get_by_natural_key(*event))


class Evaluation(models.Model):
    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="evaluation")
    title = models.CharField(_("title"), max_length=200)
    is_open = models.BooleanField(_("open for answers"), default=False)

    objects = EvaluationManager()

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.event.natural_key(),)

    natural_key.dependencies = ["events.event"]


class EvaluationQuestion(models.Model):
    class Kind(models.TextChoices):
        RATING = "rating", _("Rating scale")
        TEXT = "text", _("Free text")

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.RATING)
    text = models.CharField(_("question"), max_length=300)
    scale_max = models.PositiveSmallIntegerField(_("highest rating"), default=5)
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text


class EvaluationResponse(models.Model):
    """An anonymous set of answers: nothing links it to a person (not even its creation time)."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="responses")

    def __str__(self):
        return str(_("Anonymous response"))


class EvaluationAnswer(models.Model):
    response = models.ForeignKey(EvaluationResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(EvaluationQuestion, on_delete=models.CASCADE, related_name="answers")
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True, **bounded(PARAGRAPHS))

    def __str__(self):
        return str(_("Anonymous answer"))


class EvaluationSubmissionManager(models.Manager):
    def get_by_natural_key(self, evaluation, email):
        evaluation = Evaluation.objects.get_by_natural_key(*evaluation)
        return self.get(evaluation=evaluation, user__email__iexact=email)


class EvaluationSubmission(models.Model):
    """Who has answered (so nobody answers twice), kept apart from what they answered."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="submissions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    objects = EvaluationSubmissionManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["evaluation", "user"], name="answer_evaluation_once")]

    def __str__(self):
        return f"{self.evaluation} – {self.user}"

    def natural_key(self):
        return (self.evaluation.natural_key(), self.user.email)

    natural_key.dependencies = ["reports.evaluation"]
