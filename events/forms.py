"""Forms of the organiser pages. Translated fields appear as one fieldset per portal language."""

from __future__ import annotations

import zoneinfo

from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from . import services, uploads
from .models import (
    LANGUAGE_CHOICES,
    AgendaItem,
    Attendance,
    Day,
    Document,
    Event,
    EventPartner,
    ItemPerson,
    Organisation,
    Person,
    Role,
)
from .rooms import use_room_input
from .uploads import document_help_text


def localized(*names: str) -> list[str]:
    """The modeltranslation fields of `names` in every portal language: title_en, title_es, ..."""
    return [build_localized_fieldname(name, code) for code, _label in settings.LANGUAGES for name in names]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class FieldsetsMixin:
    """Groups fields for the template: plain fieldsets first, then one fieldset per language.

    `layout` lists (legend, field names); `translated` lists the base names of translated fields.
    `fieldsets()` returns them in display order.
    """

    layout: list[tuple[str | None, list[str]]] = []
    translated: tuple[str, ...] = ()
    translated_position = 1  # where the language fieldsets go among the layout's fieldsets
    default_language = settings.LANGUAGE_CODE

    def _label_translated_fields(self):
        for code, _label in settings.LANGUAGES:
            for name in self.translated:
                field_name = build_localized_fieldname(name, code)
                if field_name in self.fields:
                    model_field = self._meta.model._meta.get_field(name)
                    self.fields[field_name].label = capfirst(model_field.verbose_name)
                    self.fields[field_name].help_text = model_field.help_text
                    self.fields[field_name].required = False
                    self.fields[field_name].widget.attrs["lang"] = code

    def fieldsets(self) -> list[dict]:
        """Groups for the template: {legend, fields, lang, open}; other languages fold unless filled."""
        plain = [
            {"legend": legend, "fields": [self[name] for name in names if name in self.fields], "lang": None}
            for legend, names in self.layout
        ]
        languages = []
        for code, label in settings.LANGUAGES:
            names = [build_localized_fieldname(name, code) for name in self.translated]
            fields = [self[name] for name in names if name in self.fields]
            if not fields:
                continue
            legend = label
            if code == self.default_language:
                legend = _("%(language)s (default language)") % {"language": label}
            is_open = code == self.default_language or any(f.errors or f.value() for f in fields)
            languages.append({"legend": legend, "fields": fields, "lang": code, "open": is_open})
        return plain[: self.translated_position] + languages + plain[self.translated_position :]

    def require_in_default_language(self, cleaned_data, *names: str) -> None:
        for name in names:
            field_name = build_localized_fieldname(name, self.default_language)
            if field_name in self.fields and not cleaned_data.get(field_name):
                language = dict(LANGUAGE_CHOICES).get(self.default_language, self.default_language)
                self.add_error(
                    field_name,
                    _("Required in the event's default language (%(language)s).") % {"language": language},
                )


# --- Events -----------------------------------------------------------------------------------------


def timezone_choices():
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class EventForm(FieldsetsMixin, forms.ModelForm):
    translated = ("title", "subtitle", "description", "objectives", "practical_information")
    translated_position = 0
    layout = [
        (_("Address and place"), ["slug", "series", "venue", "city", "country", "timezone"]),
        (_("Dates and languages"), ["start_date", "end_date", "languages", "default_language"]),
        # capacity and the sign-up window are the registrations page's (sessions_app): it moves the waiting
        # list up when there is more room
        (_("Visibility"), ["is_published"]),
    ]

    languages = forms.MultipleChoiceField(
        label=_("Languages offered"), choices=LANGUAGE_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    timezone = forms.ChoiceField(label=_("Time zone"), choices=timezone_choices)

    class Meta:
        model = Event
        fields = [
            *localized("title", "subtitle", "description", "objectives", "practical_information"),
            "slug",
            "series",
            "venue",
            "city",
            "country",
            "timezone",
            "start_date",
            "end_date",
            "languages",
            "default_language",
            "is_published",
        ]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}
        help_texts = {"slug": _("Letters, digits and hyphens: the event's address, /e/<short name>/.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_language = self.instance.default_language or settings.LANGUAGE_CODE
        if self.is_bound:
            self.default_language = self.data.get("default_language") or self.default_language
        self._label_translated_fields()
        self.fields["timezone"].initial = self.instance.timezone or "UTC"

    def clean(self):
        cleaned = super().clean()
        self.require_in_default_language(cleaned, "title")
        return cleaned


# --- Days -------------------------------------------------------------------------------------------


class DayForm(FieldsetsMixin, forms.ModelForm):
    translated = ("title", "focus", "methodology", "attendance_label", "co_host_note")
    layout = [(None, ["date", "audience", "outline_public", "attendance", "co_host"])]

    class Meta:
        model = Day
        fields = [
            "date",
            "audience",
            "outline_public",
            "attendance",
            "co_host",
            *localized("title", "focus", "methodology", "attendance_label", "co_host_note"),
        ]
        widgets = {"date": DateInput()}

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.instance.event = event
        self.default_language = event.default_language
        self._label_translated_fields()
        self.fields["co_host"].queryset = Organisation.objects.filter(partnerships__event=event).distinct()
        self.fields["co_host"].help_text = _(
            "One of the event's partners (add it on the Partners page first)."
        )

        self.fields["attendance"].required = False

    def clean_attendance(self):
        """Left out, the day keeps whom it is for (registered participants for a new day)."""
        return self.cleaned_data.get("attendance") or self.instance.attendance

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("attendance") == Attendance.NAMED:
            self.require_in_default_language(cleaned, "attendance_label")
        return cleaned

    def clean_date(self):
        date = self.cleaned_data["date"]
        services.validate_day_date(event=self.event, date=date, exclude_pk=self.instance.pk)
        return date


class DuplicateDayForm(forms.Form):
    date = forms.DateField(label=_("Copy to the date"), widget=DateInput())

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event

    def clean_date(self):
        date = self.cleaned_data["date"]
        services.validate_day_date(event=self.event, date=date)
        return date


# --- Items ------------------------------------------------------------------------------------------


class AgendaItemForm(FieldsetsMixin, forms.ModelForm):
    translated = ("title", "description")
    translated_position = 0
    layout = [(None, ["kind", "start", "end", "room", "audience", "parent"])]

    class Meta:
        model = AgendaItem
        fields = ["kind", "start", "end", "room", "audience", "parent", *localized("title", "description")]
        widgets = {"start": TimeInput(), "end": TimeInput()}

    def __init__(self, *args, day: Day, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.day = day
        self.default_language = day.event.default_language
        self._label_translated_fields()
        blocks = day.items.filter(parent__isnull=True)
        if self.instance.pk:
            blocks = blocks.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = blocks
        self.fields["parent"].label = _("Part of the block")
        use_room_input(self, "room", event=day.event)

    def clean(self):
        cleaned = super().clean()
        self.require_in_default_language(cleaned, "title")
        return cleaned


class AppearanceForm(forms.ModelForm):
    class Meta:
        model = ItemPerson
        fields = ["person", "role", *localized("job_title"), "remote", "to_be_confirmed", "order"]

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = event.people.all()
        for code, language in settings.LANGUAGES:  # the job title in the event's languages only
            name = build_localized_fieldname("job_title", code)
            if event.languages and code not in event.languages:
                del self.fields[name]
            else:
                self.fields[name].label = _("Job title on this item (%(language)s)") % {"language": language}
                self.fields[name].help_text = _("Leave empty to print the person's own job title.")


AppearanceFormSet = forms.inlineformset_factory(
    AgendaItem,
    ItemPerson,
    form=AppearanceForm,
    extra=2,
    can_delete=True,
)


# --- People -----------------------------------------------------------------------------------------


class PersonForm(FieldsetsMixin, forms.ModelForm):
    translated = ("institution_name", "job_title", "bio")
    layout = [(None, ["is_institution", "honorific", "name", "slug", "organisation", "photo"])]

    class Meta:
        model = Person
        fields = [
            "is_institution",
            "honorific",
            "name",
            "slug",
            "organisation",
            "photo",
            *localized("institution_name", "job_title", "bio"),
        ]
        help_texts = {"slug": _("Leave empty to make one from the name.")}

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.instance.event = event
        self.default_language = event.default_language
        self.fields["slug"].required = False
        self._label_translated_fields()
        self.fields["photo"].help_text = _("PNG, JPEG or WebP, at most %(limit)s MB.") % {
            "limit": f"{settings.IMAGE_MAX_BYTES / 1048576:.0f}"
        }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("is_institution"):
            for code, _label in settings.LANGUAGES:
                field = build_localized_fieldname("institution_name", code)
                if cleaned.get(field):
                    self.add_error(field, _("Only an institution has a name in each language."))
        name, slug = cleaned.get("name"), cleaned.get("slug")
        if name and not slug:
            cleaned["slug"] = services.unique_person_slug(
                event=self.event, name=name, exclude_pk=self.instance.pk
            )
            self.instance.slug = cleaned["slug"]
        elif slug and self.event.people.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            self.add_error("slug", _("Another person of this event already uses this short name."))
        return cleaned


# --- Partners ---------------------------------------------------------------------------------------


class LogoField(forms.ImageField):
    """A logo: a PNG, JPEG or WebP of at most settings.IMAGE_MAX_BYTES and IMAGE_MAX_PIXELS, checked from its
    header before Pillow decodes it (events.uploads); the model field re-encodes it to the size used.

    SVG is refused: Pillow cannot check it and it may carry scripts.
    """

    def to_python(self, data):
        if data in self.empty_values:
            return None
        uploads.check_size(data, settings.IMAGE_MAX_BYTES)
        uploads.image_header(data)
        return super().to_python(data)


# A person's photo is checked like a logo.
PersonForm.base_fields["photo"] = LogoField(label=_("Photo"), required=False)


class OrganisationForm(FieldsetsMixin, forms.ModelForm):
    translated = ("logo_alt", "description")
    layout = [(None, ["name", "acronym", "website", "kind", "order", "logo"])]

    kind = forms.ChoiceField(label=_("Role in the event"), choices=EventPartner.Kind.choices)
    order = forms.IntegerField(label=_("Order"), min_value=0, initial=0)
    logo = LogoField(label=_("Logo"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "acronym", "website", "logo", *localized("logo_alt", "description")]

    def __init__(self, *args, event: Event, partner: EventPartner | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_language = event.default_language
        self._label_translated_fields()
        self.fields["logo"].help_text = _("PNG, JPEG or WebP, at most %(limit)s MB.") % {
            "limit": f"{settings.IMAGE_MAX_BYTES / 1048576:.0f}"
        }
        if partner is not None:
            self.initial.setdefault("kind", partner.kind)
            self.initial.setdefault("order", partner.order)

    def clean(self):
        cleaned = super().clean()
        logo = cleaned.get("logo")
        if logo:  # a new upload, or the logo already saved
            self.require_in_default_language(cleaned, "logo_alt")
        return cleaned


# --- Documents --------------------------------------------------------------------------------------


class DocumentForm(FieldsetsMixin, forms.ModelForm):
    translated = ("title",)
    layout = [(None, ["kind", "language", "file", "url", "is_public", "order"])]

    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")

    class Meta:
        model = Document
        fields = ["kind", "language", "file", "url", "is_public", "order", *localized("title")]

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.event = event
        self.default_language = event.default_language
        self._label_translated_fields()
        self.fields["file"].help_text = document_help_text()
        self.fields["url"].help_text = _("Or a link to the document elsewhere.")

    def clean(self):
        cleaned = super().clean()
        self.require_in_default_language(cleaned, "title")
        return cleaned


# --- Roles ------------------------------------------------------------------------------------------


class GrantRoleForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the account"))
    # no role is chosen in advance: a slip must not make someone an organiser
    role = forms.ChoiceField(label=_("Role"), choices=[("", _("Choose a role")), *Role.choices])
