"""Observatory entries: what a meeting recommended, observed in a country or saw as a trend, with its text
per language, its place in the shared taxonomy and where it comes from."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from events.limits import PARAGRAPHS, bounded
from events.models import Document, Event
from reports.models import CollatedFinding, ReportTheme

from .library import LibraryDocument
from .taxonomy import Region, Term


class SourceEvent(models.Model):
    """An event as a source of the observatory: the regions its meeting covered, the published report the
    entries' provenance points to, and when its report's findings were last published as entries."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="observatory")
    regions = models.ManyToManyField(
        Region,
        blank=True,
        related_name="source_events",
        verbose_name=_("regions the meeting covered"),
        help_text=_("Entries that name no country or region are about these regions."),
    )
    report_document = models.ForeignKey(
        Document,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published report"),
        help_text=_("The document of the event that the entries' page numbers refer to."),
    )
    published_at = models.DateTimeField(_("report findings published"), null=True, blank=True)

    class Meta:
        verbose_name = _("observatory source event")
        verbose_name_plural = _("observatory source events")

    def __str__(self):
        return str(self.event)


class Entry(models.Model):
    """One recommendation, country observation or trend of a meeting.

    Text per language (`title`, `text`, `section` are modeltranslation fields; `original_language` is the
    language it was written in). Public only when `is_public` and the event is published: the selectors
    ask both, so unpublishing an event hides its entries everywhere at once.

    Search: one `SearchVectorField` per PostgreSQL text-search configuration, each built from the texts in
    the languages of that configuration by `observatory.services.entries.index_entries` (never by a
    trigger). Each has a GIN index, created by migration 0002 on PostgreSQL only (SQLite searches with
    `icontains`).
    """

    class Kind(models.TextChoices):
        RECOMMENDATION = "recommendation", _("Recommendation")
        COUNTRY_OBSERVATION = "country_observation", _("Country observation")
        TREND = "trend", _("Trend")

    class Provenance(models.TextChoices):
        REPORT = "report", _("Outcome report produced on the portal")
        DOCUMENT = "document", _("Published document of the meeting")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="observatory_entries")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.RECOMMENDATION)
    provenance = models.CharField(
        _("provenance"), max_length=20, choices=Provenance.choices, default=Provenance.DOCUMENT
    )
    collated_finding = models.OneToOneField(
        CollatedFinding, null=True, blank=True, on_delete=models.SET_NULL, related_name="observatory_entry"
    )
    report_theme = models.ForeignKey(
        ReportTheme, null=True, blank=True, on_delete=models.SET_NULL, related_name="observatory_entries"
    )
    source_document = models.ForeignKey(
        LibraryDocument,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="entries",
        verbose_name=_("source document"),
    )
    section = models.CharField(
        _("section"), max_length=300, blank=True, help_text=_("The heading it is printed under.")
    )
    page = models.PositiveSmallIntegerField(_("page"), null=True, blank=True)
    number = models.PositiveIntegerField(_("number"), default=0)
    title = models.CharField(_("title"), max_length=300, blank=True)
    text = models.TextField(_("text"), **bounded(PARAGRAPHS))
    original_language = models.CharField(_("original language"), max_length=10, default="en")
    attribution = models.CharField(
        _("attribution"),
        max_length=250,
        blank=True,
        help_text=_("Organisation and country of the person quoted, only with their consent."),
    )
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    is_public = models.BooleanField(_("public"), default=True)
    terms = models.ManyToManyField(Term, blank=True, related_name="entries", verbose_name=_("terms"))
    regions = models.ManyToManyField(Region, blank=True, related_name="entries", verbose_name=_("regions"))
    search_english = SearchVectorField(null=True, editable=False)
    search_spanish = SearchVectorField(null=True, editable=False)
    search_french = SearchVectorField(null=True, editable=False)
    search_portuguese = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("observatory entry")
        verbose_name_plural = _("observatory entries")
        ordering = ["-year", "event_id", "number", "pk"]
        indexes = [
            models.Index(fields=["event", "kind"], name="obs_entry_event_kind"),
            # Lists are newest first: a walk of this index stops after a page (the INCLUDE spares the
            # rows themselves on PostgreSQL; other databases ignore it).
            models.Index(
                fields=["-year", "event", "number", "id"], include=["is_public"], name="obs_entry_order"
            ),
        ]

    def __str__(self):
        return self.title or self.text[:80]

    def in_language(self, language: str) -> tuple[str, str, str]:
        """(title, text, language shown): the text in `language` when it has one, else as written."""
        from modeltranslation.utils import build_localized_fieldname

        for code in (language, self.original_language, settings.LANGUAGE_CODE):
            text = getattr(self, build_localized_fieldname("text", code), "") if code else ""
            if text:
                return getattr(self, build_localized_fieldname("title", code), "") or "", text, code
        return self.title or "", self.text or "", self.original_language


class EntryCountry(models.Model):
    """A country an entry names (one row per country, so that filters and counts use an index)."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="countries")
    country = CountryField(_("country"))

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["country"]
        constraints = [models.UniqueConstraint(fields=["entry", "country"], name="unique_entry_country")]
        indexes = [models.Index(fields=["country", "entry"], name="obs_entrycountry_country")]

    def __str__(self):
        return self.country.name


class CountryTally(models.Model):
    """How many public entries of an event touch a country: `named` name it, `touching` name it or one of
    its regions. Kept by `observatory.services.entries.refresh_tallies`, which every service that writes
    entries calls; the map and the country pages read these few rows (joined with the events that are
    published) instead of counting a hundred thousand entries per request."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="observatory_tallies")
    country = models.CharField(max_length=2)
    named = models.PositiveIntegerField(default=0)
    touching = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "country"], name="unique_tally_per_event_country")
        ]
        indexes = [models.Index(fields=["country", "event"], name="obs_tally_country")]

    def __str__(self):
        return f"{self.event_id} {self.country}: {self.named}/{self.touching}"
