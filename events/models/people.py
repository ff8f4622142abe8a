"""The people printed on the agenda (speakers, moderators, facilitators, institutions) and their
appearances on its items."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from ..limits import PARAGRAPHS, bounded
from ..uploads import ImageFileField
from .agenda import AgendaItem
from .event import Event


def person_photo_upload_to(instance, filename):
    return f"people/{instance.event_id}/{filename}"


class PersonManager(models.Manager):
    def get_by_natural_key(self, event, slug):
        return self.get(event=Event.objects.get_by_natural_key(*event), slug=slug)


class Person(models.Model):
    """A speaker, moderator or facilitator as printed on the programme (not necessarily a user)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="people")
    honorific = models.CharField(_("honorific"), max_length=20, blank=True)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=100)
    job_title = models.CharField(_("job title"), max_length=250, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    bio = models.TextField(_("biography"), blank=True, **bounded(PARAGRAPHS))
    photo = ImageFileField(_("photo"), upload_to=person_photo_upload_to, blank=True, max_side=600)
    is_institution = models.BooleanField(
        _("an institution, not a named person"),
        default=False,
        help_text=_("For example “Government of Costa Rica”, represented by senior representatives."),
    )
    institution_name = models.CharField(
        _("institution's name in this language"),
        max_length=200,
        blank=True,
        help_text=_("For an institution only. Leave empty to print its name as written above."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speaker_profiles",
    )

    objects = PersonManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["event", "slug"], name="unique_person_slug_per_event")]

    def __str__(self):
        return self.display_name

    def natural_key(self):
        return (self.event.natural_key(), self.slug)

    natural_key.dependencies = ["events.event"]

    @property
    def display_name(self) -> str:
        """The name as printed: an institution's name in the reader's language when it has one (never
        another language's), else the name as written, with the honorific."""
        if self.is_institution:
            language = get_language() or settings.LANGUAGE_CODE
            translated = getattr(self, build_localized_fieldname("institution_name", language), "")
            if translated:
                return translated
        return f"{self.honorific} {self.name}".strip()

    def get_absolute_url(self):
        return reverse("events:person_detail", kwargs={"slug": self.event.slug, "person_slug": self.slug})


class AppearanceRole(models.TextChoices):
    """What a person does on an agenda item (not to be confused with `Role`, what a user is in an event)."""

    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Moderator")
    FACILITATOR = "facilitator", _("Facilitator")


class ItemPersonManager(models.Manager):
    def get_by_natural_key(self, item, person, role):
        return self.get(
            item=AgendaItem.objects.get_by_natural_key(*item),
            person=Person.objects.get_by_natural_key(*person),
            role=role,
        )


class ItemPerson(models.Model):
    """A person's appearance on an agenda item, in the order printed on the programme."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="appearances")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="appearances")
    role = models.CharField(
        _("role"), max_length=20, choices=AppearanceRole.choices, default=AppearanceRole.SPEAKER
    )
    job_title = models.CharField(
        _("job title on this item"),
        max_length=250,
        blank=True,
        help_text=_("Leave empty to print the person's own job title."),
    )
    remote = models.BooleanField(_("remote"), default=False)
    to_be_confirmed = models.BooleanField(_("to be confirmed"), default=False)
    order = models.PositiveIntegerField(_("order"), default=0)

    objects = ItemPersonManager()

    class Meta:
        verbose_name = _("appearance")
        verbose_name_plural = _("appearances")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "person", "role"], name="unique_person_role_per_item"),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()}"

    def natural_key(self):
        return (self.item.natural_key(), self.person.natural_key(), self.role)

    natural_key.dependencies = ["events.agendaitem", "events.person"]

    @property
    def printed_job_title(self) -> str:
        """The job title printed with this appearance: its own, else the person's."""
        return self.job_title or self.person.job_title

    @property
    def credit(self) -> str:
        """What follows the name on the programme: ", job title, organisation" for a person (with the title
        of this appearance), " (senior representatives)" for an institution."""
        title = self.printed_job_title
        if self.person.is_institution:
            return f" ({title})" if title else ""
        return "".join(f", {part}" for part in (title, self.person.organisation) if part)
