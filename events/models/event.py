"""Events, their series, organisations and partners, documents, and who holds which role."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from ..dates import long_date
from ..limits import LONG, PARAGRAPHS, bounded
from ..uploads import DocumentFileField, ImageFileField

LANGUAGE_CHOICES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("pt-br", _("Brazilian Portuguese")),
]


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


def validate_languages(value) -> None:
    known = {code for code, _label in LANGUAGE_CHOICES}
    if not isinstance(value, list) or not value or any(code not in known for code in value):
        raise ValidationError(_("Choose one or more of the portal's languages."))


class SeriesManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Series(models.Model):
    """A series of regional dialogues (e.g. “Collective Action”: Nairobi 2023, Bangkok 2024, ...)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), unique=True)
    description = models.TextField(_("description"), blank=True, **bounded(PARAGRAPHS))

    objects = SeriesManager()

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class SeriesEditionManager(models.Manager):
    def get_by_natural_key(self, series, start_date, city):
        return self.get(series=Series.objects.get_by_natural_key(*series), start_date=start_date, city=city)


class SeriesEdition(models.Model):
    """An edition of a series, past or future, which may or may not be an event on this portal."""

    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="editions")
    title = models.CharField(_("title"), max_length=200)
    city = models.CharField(_("city"), max_length=100)
    country = CountryField(_("country"))
    start_date = models.DateField(_("start date"))
    event = models.OneToOneField(
        "Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="series_edition"
    )

    objects = SeriesEditionManager()

    class Meta:
        verbose_name = _("series edition")
        verbose_name_plural = _("series editions")
        ordering = ["start_date"]

    def __str__(self):
        return f"{self.city} {self.start_date:%Y}"

    def natural_key(self):
        return (self.series.natural_key(), self.start_date, self.city)

    natural_key.dependencies = ["events.series"]


def logo_upload_to(instance, filename):
    return f"logos/{filename}"


class OrganisationManager(models.Manager):
    def get_by_natural_key(self, name):
        # The name is not unique in the database: the oldest organisation of that name is the one meant.
        organisation = self.filter(name=name).order_by("pk").first()
        if organisation is None:
            raise self.model.DoesNotExist(f"No organisation named {name!r}.")
        return organisation


class Organisation(models.Model):
    """A host, co-organiser, funder or partner, with its logo for pages, programme and report."""

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = ImageFileField(_("logo"), upload_to=logo_upload_to, blank=True, max_side=800)
    logo_alt = models.CharField(
        _("logo description"),
        max_length=200,
        blank=True,
        help_text=_("Alternative text read by screen readers."),
    )
    description = models.TextField(_("about"), blank=True, **bounded(PARAGRAPHS))

    objects = OrganisationManager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name,)


class EventManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Event(models.Model):
    """A multi-day dialogue event. Its slug is its public address."""

    title = models.CharField(_("title"), max_length=250)
    subtitle = models.CharField(_("subtitle"), max_length=250, blank=True)
    slug = models.SlugField(_("short name"), unique=True, max_length=80)
    series = models.ForeignKey(
        Series,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("series"),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC", validators=[validate_timezone])
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    languages = models.JSONField(_("languages offered"), default=list, validators=[validate_languages])
    default_language = models.CharField(
        _("default language"), max_length=5, choices=LANGUAGE_CHOICES, default="en"
    )
    description = models.TextField(_("purpose"), blank=True, **bounded(LONG))
    objectives = models.TextField(
        _("objectives"), blank=True, help_text=_("One objective per line."), **bounded(PARAGRAPHS)
    )
    practical_information = models.TextField(_("practical information"), blank=True, **bounded(LONG))
    host = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_events",
        verbose_name=_("host"),
    )
    is_published = models.BooleanField(_("published"), default=False)
    # Registration (issue 3) lives with the event because capacity is the event's.
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    signup_opens = models.DateTimeField(_("sign-up opens"), null=True, blank=True)
    signup_closes = models.DateTimeField(_("sign-up closes"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Bumped by `events.services.bump_content_version` whenever anything shown on the event's public pages
    # or in its printed programme changes: cached pages and generated files are keyed by it.
    content_version = models.PositiveIntegerField(default=1, editable=False)
    content_changed_at = models.DateTimeField(default=now, editable=False)

    objects = EventManager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="event_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first day.")
        if self.languages and self.default_language and self.default_language not in self.languages:
            errors["default_language"] = _("The default language must be one of the languages offered.")
        if self.signup_opens and self.signup_closes and self.signup_closes <= self.signup_opens:
            errors["signup_closes"] = _("Sign-up must close after it opens.")
        if not errors and self.pk and self.start_date and self.end_date:
            # Shortening an event must not strand days that already have an agenda.
            stranded = self.days.exclude(date__range=(self.start_date, self.end_date)).order_by("date")
            dates = [day.date for day in stranded]
            if dates:
                errors["start_date"] = _(
                    "These days of the agenda would fall outside the event: %(dates)s. "
                    "Move or delete them first."
                ) % {"dates": ", ".join(long_date(date) for date in dates)}
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """Saving an existing event moves its content version (cached pages and files are keyed by it).

        The version moves by an atomic F() update, never by writing back the number this instance was
        loaded with: an instance loaded before another change must not bring an old version back.
        """
        content_fields = {"content_version", "content_changed_at"}
        if self._state.adding or kwargs.get("force_insert"):
            super().save(*args, **kwargs)
        else:
            fields = kwargs.get("update_fields")
            if fields is None:
                fields = [f.name for f in self._meta.concrete_fields if not f.primary_key]
            kwargs["update_fields"] = sorted(set(fields) | content_fields)
            self.content_version = models.F("content_version") + 1
            self.content_changed_at = now()
            super().save(*args, **kwargs)
            self.refresh_from_db(fields=["content_version"])
        from ..page_cache import forget_cached_event  # publication and slug decide what is served

        forget_cached_event(self.slug)

    def delete(self, *args, **kwargs):
        from ..page_cache import forget_cached_event

        forget_cached_event(self.slug)
        return super().delete(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:event_home", kwargs={"slug": self.slug})

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        """The event's time zone; UTC for a name this machine does not know (one stored before it was
        validated, or from a newer time zone database), so that no page or export fails on it."""
        try:
            return zoneinfo.ZoneInfo(self.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
            return zoneinfo.ZoneInfo("UTC")

    def objectives_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in (self.objectives or "").splitlines() if line.strip(" -•\t")]


class EventPartnerManager(models.Manager):
    def get_by_natural_key(self, event, organisation, kind):
        return self.get(
            event=Event.objects.get_by_natural_key(*event),
            organisation=Organisation.objects.get_by_natural_key(*organisation),
            kind=kind,
        )


class EventPartner(models.Model):
    class Kind(models.TextChoices):
        HOST = "host", _("Host")
        CO_ORGANISER = "co_organiser", _("Co-organiser")
        FUNDER = "funder", _("Funder")
        PARTNER = "partner", _("Partner")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="partnerships")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PARTNER)
    order = models.PositiveIntegerField(_("order"), default=0)

    objects = EventPartnerManager()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "organisation", "kind"], name="unique_event_partner"),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_kind_display()})"

    def natural_key(self):
        return (self.event.natural_key(), self.organisation.natural_key(), self.kind)

    natural_key.dependencies = ["events.event", "events.organisation"]


def document_upload_to(instance, filename):
    return f"documents/{instance.event_id}/{filename}"


class Document(models.Model):
    """A file or link in the event's library: the event is zero-paper."""

    class Kind(models.TextChoices):
        CONCEPT_NOTE = "concept_note", _("Concept note")
        BACKGROUND = "background", _("Background paper")
        MATERIAL = "material", _("Material")
        REPORT = "report", _("Report")
        OTHER = "other", _("Other")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=250)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MATERIAL)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, default="en")
    file = DocumentFileField(_("file"), upload_to=document_upload_to, blank=True)
    url = models.URLField(_("link"), blank=True)
    is_public = models.BooleanField(_("public"), default=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        if bool(self.file) == bool(self.url):
            raise ValidationError(_("Give either a file or a link."))


class Role(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    FACILITATOR = "facilitator", _("Facilitator")
    RAPPORTEUR = "rapporteur", _("Rapporteur")
    PARTICIPANT = "participant", _("Participant")
    MEMBER = "member", _("Network member")
    CHECKIN = "checkin", _("Check-in desk")


class EventRoleManager(models.Manager):
    def get_by_natural_key(self, event, email, role):
        return self.get(event=Event.objects.get_by_natural_key(*event), user__email__iexact=email, role=role)


class EventRole(models.Model):
    """A user's role in one event. Roles never carry over from one event to another."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="roles")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    objects = EventRoleManager()

    class Meta:
        verbose_name = _("event role")
        verbose_name_plural = _("event roles")
        constraints = [models.UniqueConstraint(fields=["event", "user", "role"], name="unique_event_role")]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.event}"

    def natural_key(self):
        # A user is known by e-mail address across installations (docs/event-format.md).
        return (self.event.natural_key(), self.user.email, self.role)

    natural_key.dependencies = ["events.event"]
