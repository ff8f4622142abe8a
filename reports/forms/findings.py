"""Forms of the consolidation template, the review, the template settings and the daily takeaways."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from events.limits import text_limit
from events.models import LANGUAGE_CHOICES

from ..models import ConsolidationRecord, Finding, FindingKind, Takeaway
from ..validators import validate_finding, validate_no_contact_details

# Which inputs each section of the template asks for.
SECTION_FIELDS = {
    FindingKind.TREND: ("text",),
    FindingKind.CHALLENGE: ("text",),
    FindingKind.GOOD_PRACTICE: ("text", "country"),
    FindingKind.RECOMMENDATION: ("title", "text"),
    FindingKind.COUNTRY_OBSERVATION: ("country", "text"),
    FindingKind.QUOTE: ("text", "speaker_organisation", "country", "attribution_consent"),
}
EXTRA_ROWS = 2


class RecordForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    language = forms.ChoiceField(label=_("Language of the findings"))
    notes = forms.CharField(
        label=_("Free notes"),
        required=False,
        max_length=text_limit(ConsolidationRecord, "notes"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        offered = event.languages or [event.default_language]
        self.fields["language"].choices = [(c, label) for c, label in LANGUAGE_CHOICES if c in offered]


class FindingForm(forms.Form):
    """One entry of a section. An entry left without text is ignored (that is how a row is removed)."""

    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    text = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=text_limit(Finding, "text"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    country = LazyTypedChoiceField(label=_("Country"), choices=[("", "—")] + list(countries), required=False)
    speaker_organisation = forms.CharField(label=_("Speaker's organisation"), max_length=200, required=False)
    attribution_consent = forms.BooleanField(
        label=_("The speaker consented to attribution (organisation and country)"), required=False
    )

    def __init__(self, *args, section, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.section = section
        self.people = people  # reports.validators.PeopleOnRecord of the event, for the attribution
        for name in list(self.fields):
            if name not in SECTION_FIELDS[section]:
                del self.fields[name]
        if section == FindingKind.QUOTE:
            self.fields["text"].help_text = _(
                "Never write a person's name: only the speaker's organisation and country, and only shown "
                "in the report when the speaker consented."
            )
        if section == FindingKind.COUNTRY_OBSERVATION:
            self.fields["country"].label = _("Country (required)")

    def clean(self):
        data = super().clean()
        text = (data.get("text") or "").strip()
        if not text and any(data.get(f) for f in ("title", "speaker_organisation")):
            self.add_error("text", _("Write the text, or clear the whole entry to remove it."))
        if text and self.section == FindingKind.COUNTRY_OBSERVATION and not data.get("country"):
            self.add_error("country", _("Choose the country this observation is about."))
        try:
            validate_finding(data, people=self.people)
        except ValidationError as error:
            for name, problems in error.error_dict.items():
                self.add_error(name if name in self.fields else None, problems)
        return data

    def entry(self) -> dict | None:
        data = self.cleaned_data
        text = (data.get("text") or "").strip()
        if not text:
            return None
        return {
            "section": self.section.value if hasattr(self.section, "value") else self.section,
            "title": (data.get("title") or "").strip(),
            "text": text,
            "country": data.get("country") or "",
            "speaker_organisation": (data.get("speaker_organisation") or "").strip(),
            "attribution_consent": bool(data.get("attribution_consent")),
        }


class BaseSectionFormSet(forms.BaseFormSet):
    def __init__(self, *args, section, limit=None, people=None, **kwargs):
        self.section = section
        self.limit = limit
        self.people = people
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs["section"] = self.section
        kwargs["people"] = self.people
        return kwargs

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            section=self.section,
            renderer=self.renderer,
        )
        self.add_fields(form, None)
        return form

    def clean(self):
        if any(self.errors):
            return
        entries = self.entries()
        if self.limit is not None and len(entries) > self.limit:
            raise forms.ValidationError(
                _("%(section)s: at most %(limit)s entries, you entered %(count)s. Remove %(extra)s.")
                % {
                    "section": FindingKind(self.section).label,
                    "limit": self.limit,
                    "count": len(entries),
                    "extra": len(entries) - self.limit,
                }
            )

    def entries(self) -> list[dict]:
        return [entry for form in self.forms if (entry := form.entry()) is not None]


def build_formsets(*, sections: dict, data=None, initial_by_section: dict | None = None, people=None) -> list:
    formsets = []
    for section, limit in sections.items():
        initial = (initial_by_section or {}).get(section, [])
        extra = (
            EXTRA_ROWS
            if limit is None
            else max(0, min(EXTRA_ROWS, limit - len(initial))) or (1 if not initial else 0)
        )
        factory = forms.formset_factory(
            FindingForm, formset=BaseSectionFormSet, extra=extra, max_num=200, absolute_max=200
        )
        formset = factory(
            data=data,
            initial=initial,
            prefix=section,
            form_kwargs={},
            section=FindingKind(section),
            limit=limit,
            people=people,
        )
        formset.label = FindingKind(section).label
        formsets.append(formset)
    return formsets


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("What should change?"),
        required=False,
        max_length=text_limit(ConsolidationRecord, "review_comment"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SectionsForm(forms.Form):
    """Which sections of the template apply to a session or agenda item, and their limits."""

    def __init__(self, *args, sections: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        sections = sections or {}
        everything = not sections
        for section in FindingKind:
            self.fields[f"use_{section.value}"] = forms.BooleanField(
                label=section.label, required=False, initial=everything or section.value in sections
            )
            self.fields[f"limit_{section.value}"] = forms.IntegerField(
                label=_("Limit for “%(section)s”") % {"section": section.label},
                required=False,
                min_value=1,
                max_value=100,
                initial=sections.get(section.value),
                help_text=_("Empty for no limit (e.g. 5 for the top five trends)."),
            )

    def clean(self):
        data = super().clean()
        if not any(data.get(f"use_{s.value}") for s in FindingKind):
            raise forms.ValidationError(_("Choose at least one section."))
        return data

    def sections(self) -> dict:
        data = self.cleaned_data
        return {s.value: data.get(f"limit_{s.value}") for s in FindingKind if data.get(f"use_{s.value}")}


class TakeawayAuthorsForm(forms.Form):
    users = forms.ModelMultipleChoiceField(
        label=_("Participants who sum up the day"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, candidates, labels: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["users"].queryset = candidates
        self.fields["users"].label_from_instance = lambda user: labels.get(user.pk, user.email)


class TakeawayForm(forms.Form):
    text = forms.CharField(
        label=_("Your main takeaways of the day"),
        max_length=text_limit(Takeaway, "text"),
        widget=forms.Textarea(attrs={"rows": 8}),
        validators=[validate_no_contact_details],
    )
    language = forms.ChoiceField(label=_("Language"))

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        offered = event.languages or [event.default_language]
        self.fields["language"].choices = [(c, label) for c, label in LANGUAGE_CHOICES if c in offered]
