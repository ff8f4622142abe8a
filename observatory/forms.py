"""Forms of the observatory: the back office of an event (what its meeting covered, the mapping of its
report themes, entries and commitments) and the focal points' progress updates."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from modeltranslation.utils import build_localized_fieldname

from events.forms import DateInput, FieldsetsMixin, localized
from events.models import LANGUAGE_CHOICES, Organisation
from events.uploads import document_help_text

from .models import (
    Commitment,
    CommitmentUpdate,
    DatePrecision,
    Entry,
    FocalPoint,
    LibraryDocument,
    Region,
    SourceEvent,
    Term,
)


def term_choices() -> list:
    """The terms grouped by kind, sub-themes under their theme."""
    groups = []
    terms = list(Term.objects.select_related("parent").order_by("facet", "order", "pk"))
    for facet, label in Term.Facet.choices:
        options = []
        for term in terms:
            if term.facet != facet or term.parent_id:
                continue
            options.append((term.pk, term.name))
            options += [(child.pk, f"— {child.name}") for child in terms if child.parent_id == term.pk]
        groups.append((label, options))
    return groups


class TermsField(forms.TypedMultipleChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            coerce=int, required=False, label=_("Themes, forms of exploitation and addressees"), **kwargs
        )


class SourceEventForm(forms.ModelForm):
    class Meta:
        model = SourceEvent
        fields = ["regions", "report_document"]
        widgets = {"regions": forms.CheckboxSelectMultiple}

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report_document"].queryset = event.documents.all()


class MappingForm(forms.Form):
    """One field per report theme: the taxonomy terms it stands for."""

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        choices = term_choices()
        self.themes = list(themes)
        for theme in self.themes:
            mapping = getattr(theme, "observatory_mapping", None)
            initial = [term.pk for term in mapping.terms.all()] if mapping else []
            self.fields[f"theme_{theme.pk}"] = TermsField(choices=choices, initial=initial)
            self.fields[f"theme_{theme.pk}"].label = theme.title

    def terms_by_theme(self) -> list[tuple]:
        chosen = {pk for theme in self.themes for pk in self.cleaned_data[f"theme_{theme.pk}"]}
        terms = Term.objects.in_bulk(chosen)
        return [
            (theme, [terms[pk] for pk in self.cleaned_data[f"theme_{theme.pk}"] if pk in terms])
            for theme in self.themes
        ]


class EntryForm(FieldsetsMixin, forms.ModelForm):
    """An entry an editor writes from a meeting's published document (or corrects)."""

    translated = ("title", "text", "section")
    layout = [
        (None, ["kind", "original_language", "number", "source_document", "page", "is_public"]),
        (_("Classification"), ["terms", "countries", "regions"]),
    ]

    terms = TermsField()
    countries = forms.MultipleChoiceField(label=_("Countries"), required=False, choices=list(countries))
    regions = forms.ModelMultipleChoiceField(
        label=_("Regions"), required=False, queryset=Region.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    original_language = forms.ChoiceField(label=_("Original language"), choices=LANGUAGE_CHOICES)

    class Meta:
        model = Entry
        fields = [
            "kind",
            "original_language",
            "number",
            "source_document",
            "page",
            "is_public",
            *localized("title", "text", "section"),
        ]

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.event = event
        self.default_language = event.default_language
        self._label_translated_fields()
        self.fields["terms"].choices = term_choices()
        self.fields["source_document"].queryset = LibraryDocument.objects.filter(event=event)
        if self.instance.pk:
            self.initial.setdefault("terms", [t.pk for t in self.instance.terms.all()])
            self.initial.setdefault("countries", [c.country.code for c in self.instance.countries.all()])
            self.initial.setdefault("regions", list(self.instance.regions.all()))
        else:
            self.initial.setdefault("original_language", event.default_language)

    def clean(self):
        cleaned = super().clean()
        name = build_localized_fieldname("text", cleaned.get("original_language") or self.default_language)
        if not cleaned.get(name):
            self.add_error(
                name if name in self.fields else None, _("Give the text in its original language.")
            )
        return cleaned


class CommitmentForm(FieldsetsMixin, forms.ModelForm):
    translated = ("description", "target", "indicator", "baseline")
    layout = [(None, ["organisation", "country", "status", "deadline", "source"])]

    class Meta:
        model = Commitment
        fields = [
            "organisation",
            "country",
            "status",
            "deadline",
            "source",
            *localized("description", "target", "indicator", "baseline"),
        ]
        widgets = {"deadline": DateInput}

    def __init__(self, *args, entry, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.entry = entry
        self.default_language = entry.original_language
        self._label_translated_fields()
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in localized("description")):
            self.add_error(None, _("Describe the commitment in at least one language."))
        return cleaned


class UpdateForm(forms.ModelForm):
    """A progress update by a focal point (or an editor)."""

    class Meta:
        model = CommitmentUpdate
        fields = ["date", "text", "language", "status", "progress", "evidence_url", "evidence_file"]
        widgets = {"date": DateInput}
        help_texts = {"status": _("Leave empty if the status does not change.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(code, name) for code, name in settings.LANGUAGES]
        self.fields["status"].required = False
        self.fields["date_precision"] = forms.CharField(initial=DatePrecision.DAY, widget=forms.HiddenInput)
        self.fields["evidence_file"].help_text = document_help_text()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("evidence_url") and cleaned.get("evidence_file"):
            raise forms.ValidationError(_("Give either a link or a document as evidence, not both."))
        return cleaned


# --- the taxonomy and the focal points, managed by observatory editors ---------------------------------


class TermForm(FieldsetsMixin, forms.ModelForm):
    """A theme (with its broader theme, for a sub-theme), a form of exploitation or an addressee; its name
    in every language (the search finds entries through it)."""

    translated = ("name",)
    layout = [(None, ["parent", "slug", "order"])]
    translated_position = 0

    class Meta:
        model = Term
        fields = ["parent", "slug", "order", *localized("name")]

    def __init__(self, *args, facet: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.facet = facet
        self._label_translated_fields()
        self.fields[build_localized_fieldname("name", settings.LANGUAGE_CODE)].required = True
        if facet == Term.Facet.THEME:
            themes = Term.objects.filter(facet=Term.Facet.THEME, parent__isnull=True).order_by("order", "pk")
            if self.instance.pk:
                themes = themes.exclude(pk=self.instance.pk)
            self.fields["parent"].queryset = themes
            self.fields["parent"].help_text = _("Leave empty for a theme of the first level.")
        else:
            del self.fields["parent"]

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        twins = Term.objects.filter(facet=self.instance.facet, slug=slug).exclude(pk=self.instance.pk)
        if twins.exists():
            raise forms.ValidationError(_("Another term of this kind has this short name."))
        return slug


def americas_choices() -> list[tuple[str, str]]:
    from .maps import country_codes

    return sorted(((code, countries.name(code)) for code in country_codes()), key=lambda pair: pair[1])


class RegionForm(FieldsetsMixin, forms.ModelForm):
    """A sub-region as its countries; its name in every language."""

    translated = ("name",)
    layout = [(None, ["slug", "order", "countries"])]
    translated_position = 0

    countries = forms.MultipleChoiceField(
        label=_("Countries"), choices=americas_choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Region
        fields = ["slug", "order", "countries", *localized("name")]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._label_translated_fields()
        self.fields[build_localized_fieldname("name", settings.LANGUAGE_CODE)].required = True


class FocalPointForm(forms.ModelForm):
    """A person who reports progress for one organisation (in one country, or in all)."""

    email = forms.EmailField(label=_("E-mail address of their account"))

    class Meta:
        model = FocalPoint
        fields = ["organisation", "country", "display_name", "show_name", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["email", *self.Meta.fields])
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["country"].help_text = _(
            "Leave empty when they speak for the organisation in every country."
        )
        if self.instance.pk:
            self.fields["email"].initial = self.instance.user.email

    def clean_email(self):
        from events.services import find_user_by_email

        user = find_user_by_email(email=self.cleaned_data["email"])
        if user is None:
            raise forms.ValidationError(
                _("No account uses this address. Ask the person to sign up first, then name them here.")
            )
        self.instance.user = user
        return self.cleaned_data["email"]

    def clean(self):
        cleaned = super().clean()
        if self.instance.user_id and cleaned.get("organisation"):
            twin = FocalPoint.objects.filter(
                user_id=self.instance.user_id,
                organisation=cleaned["organisation"],
                country=cleaned.get("country") or "",
            ).exclude(pk=self.instance.pk)
            if twin.exists():
                raise forms.ValidationError(
                    _("This person is already a focal point of this organisation for this country.")
                )
        return cleaned
