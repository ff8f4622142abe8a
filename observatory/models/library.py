"""The library: documents across events (legislation, public policy, good practices, statistics, research,
country and meeting reports), indexed by kind, country, theme and language."""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from events.limits import PARAGRAPHS, bounded
from events.models import LANGUAGE_CHOICES, Document, Event
from events.uploads import DocumentFileField

from .taxonomy import Region, Term


def library_upload_to(instance, filename):
    return f"observatory/library/{filename}"


class LibraryDocument(models.Model):
    """A document in one language, with its summary. A file of an event's documents, an upload or a link;
    a document cited by a meeting may have neither (a reference only). Public when `is_public`, and, for a
    document of an event, when the event is published and its document is public.

    Searched like entries (`observatory.search`): the title and summary go into the search column of the
    document's language, the names of its terms, countries and regions into every column; built by
    `observatory.services.library.index_documents` (GIN indexes on PostgreSQL, migration 0002).
    """

    class Kind(models.TextChoices):
        LEGISLATION = "legislation", _("Legislation")
        PUBLIC_POLICY = "public_policy", _("Public policy")
        GOOD_PRACTICE = "good_practice", _("Good practice")
        STATISTICS = "statistics", _("Statistics")
        RESEARCH = "research", _("Research")
        COUNTRY_REPORT = "country_report", _("Country report")
        MEETING_REPORT = "meeting_report", _("Meeting report")

    title = models.CharField(_("title"), max_length=400)
    summary = models.TextField(_("summary"), blank=True, **bounded(PARAGRAPHS))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES, default="en")
    publisher = models.CharField(_("publisher"), max_length=250, blank=True)
    year = models.PositiveSmallIntegerField(_("year of publication"), null=True, blank=True)
    event = models.ForeignKey(
        Event,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="library_documents",
        verbose_name=_("event"),
    )
    event_document = models.ForeignKey(
        Document,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document of the event"),
    )
    file = DocumentFileField(_("file"), upload_to=library_upload_to, blank=True)
    url = models.URLField(_("link"), blank=True)
    is_public = models.BooleanField(_("public"), default=True)
    terms = models.ManyToManyField(Term, blank=True, related_name="documents", verbose_name=_("terms"))
    regions = models.ManyToManyField(Region, blank=True, related_name="documents", verbose_name=_("regions"))
    search_english = SearchVectorField(null=True, editable=False)
    search_spanish = SearchVectorField(null=True, editable=False)
    search_french = SearchVectorField(null=True, editable=False)
    search_portuguese = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("library document")
        verbose_name_plural = _("library documents")
        ordering = ["-year", "title", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.event_document_id and self.event_document.event_id != self.event_id:
            raise ValidationError({"event_document": _("Choose a document of the same event.")})


class DocumentCountry(models.Model):
    """A country a library document is about."""

    document = models.ForeignKey(LibraryDocument, on_delete=models.CASCADE, related_name="countries")
    country = CountryField(_("country"))

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["country"]
        constraints = [
            models.UniqueConstraint(fields=["document", "country"], name="unique_document_country")
        ]

    def __str__(self):
        return self.country.name
