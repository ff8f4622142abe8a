"""Forms of the collation: the search filters, collecting into a theme, themes and collated findings."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from modeltranslation.utils import build_localized_fieldname

from events.dates import weekday_date
from events.models import LANGUAGE_CHOICES

from ..models import CollatedFinding, FindingKind, ReportTheme
from ..validators import PeopleOnRecord, validate_attribution, validate_no_contact_details


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    section = forms.ChoiceField(label=_("Section"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    table = forms.ChoiceField(label=_("Table"), required=False)
    rotation = forms.ChoiceField(label=_("Rotation"), required=False)
    group = forms.ChoiceField(label=_("Group"), required=False)
    day = forms.ChoiceField(label=_("Day"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, event, themes, tables, rotations, groups, days, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["theme"].choices = (
            everything + [("none", _("Not yet in a theme"))] + [(str(t.pk), t.title) for t in themes]
        )
        self.fields["section"].choices = everything + list(FindingKind.choices)
        self.fields["country"].choices = everything + list(countries)
        self.fields["table"].choices = everything + [(str(t.pk), f"{t.number}. {t.title}") for t in tables]
        self.fields["rotation"].choices = everything + [(str(n), str(n)) for n in rotations]
        self.fields["group"].choices = everything + [(str(g.pk), g.name) for g in groups]
        self.fields["day"].choices = everything + [(str(d.pk), weekday_date(d.date)) for d in days]
        offered = event.languages or [event.default_language]
        self.fields["language"].choices = everything + [(c, n) for c, n in LANGUAGE_CHOICES if c in offered]

    def filters(self) -> dict:
        return self.cleaned_data if self.is_valid() else {}


class CollectForm(forms.Form):
    theme = forms.ModelChoiceField(label=_("Collect into theme"), queryset=ReportTheme.objects.none())
    findings = forms.ModelMultipleChoiceField(
        queryset=None,
        error_messages={
            "required": _("Tick at least one finding to collect."),
        },
    )

    def __init__(self, *args, event, findings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = ReportTheme.objects.filter(event=event)
        self.fields["findings"].queryset = findings


def _translated(base: str, event) -> list[str]:
    offered = event.languages or [event.default_language]
    return [build_localized_fieldname(base, code) for code, _name in LANGUAGE_CHOICES if code in offered]


class ThemeForm(forms.ModelForm):
    class Meta:
        model = ReportTheme
        fields = ["kind", "order"]

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        for base, widget in (("title", forms.TextInput), ("introduction", forms.Textarea(attrs={"rows": 4}))):
            for name in _translated(base, event):
                field = ReportTheme._meta.get_field(name)
                self.fields[name] = field.formfield(widget=widget)
                self.fields[name].required = name == build_localized_fieldname(
                    "title", event.default_language
                )
                self.initial.setdefault(name, getattr(self.instance, name, "") or "")

    def save(self, commit=True):
        theme = super().save(commit=False)
        theme.event = self.event
        for name in self.fields:
            if name.startswith(("title_", "introduction_")):
                setattr(theme, name, self.cleaned_data.get(name) or "")
        if commit:
            theme.save()
        return theme


class CollatedForm(forms.ModelForm):
    """Editing a collated finding's wording per language, its place and whether it is in the report."""

    class Meta:
        model = CollatedFinding
        fields = [
            "theme",
            "kind",
            "order",
            "country",
            "speaker_organisation",
            "attribution_consent",
            "at_a_glance",
            "glance_order",
            "in_report",
            "editorial",
        ]
        labels = {"glance_order": _("Position “at a glance”")}

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["theme"].queryset = ReportTheme.objects.filter(event=event)
        self.fields["speaker_organisation"].help_text = _("Quotes only. Never a person's name.")
        for base, widget in (
            ("subheading", forms.TextInput),
            ("title", forms.TextInput),
            ("text", forms.Textarea(attrs={"rows": 4})),
            ("region", forms.TextInput),
        ):
            for name in _translated(base, event):
                field = CollatedFinding._meta.get_field(name)
                self.fields[name] = field.formfield(widget=widget)
                self.fields[name].required = False
                self.initial.setdefault(name, getattr(self.instance, name, "") or "")
        self.text_fields = _translated("text", event)

    def clean(self):
        data = super().clean()
        if not any((data.get(name) or "").strip() for name in self.text_fields):
            raise forms.ValidationError(_("Write the text in at least one language."))
        for name in self.fields:
            if name.startswith(("subheading", "title", "text")):
                try:
                    validate_no_contact_details(data.get(name) or "")
                except forms.ValidationError as error:
                    self.add_error(name, error)
        try:
            validate_attribution(data.get("speaker_organisation") or "", people=PeopleOnRecord(self.event))
        except forms.ValidationError as error:
            self.add_error("speaker_organisation", error)
        return data

    def save(self, commit=True):
        item = super().save(commit=False)
        for name in self.fields:
            if name.startswith(("subheading_", "title_", "text_", "region_")):
                setattr(item, name, self.cleaned_data.get(name) or "")
        if commit:
            item.save()
        return item
