"""The form staff use to write the report's editorial texts and section titles in one language."""

from django import forms
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from events.models import Organisation

from ..models import Report, ReportSection
from ..models.outcome import DEFAULT_SECTION_TITLES, REPORT_TEXT_FIELDS

TEXTAREA_ROWS = {
    "acknowledgements": 6,
    "disclaimer": 3,
    "publisher": 5,
    "introduction": 12,
    "key_trends": 12,
    "thematic_introduction": 5,
    "future_directions": 8,
    "about": 8,
    "back_cover": 4,
}


MARKUP_HELP = _("Leave a blank line between paragraphs; **two asterisks** around words print them in bold.")
LINK_HELP = _("[words](https://address) prints the words as a link that stays clickable in the PDF.")
FIGURES_HELP = _(
    "{participants}, {countries}, {organisations} and {days} print the event's figures "
    "(approved participants, their countries and organisations, the days)."
)


class ReportTextsForm(forms.Form):
    """Editorial texts plus one title field per section, all for `lang`."""

    def __init__(self, *args, report: Report, lang: str, sections, default_lang: str = "en", **kwargs):
        initial = {
            name: getattr(report, build_localized_fieldname(name, lang)) or "" for name in REPORT_TEXT_FIELDS
        }
        for section in sections:
            initial[f"section_{section.pk}"] = (
                getattr(section, build_localized_fieldname("title", lang)) or ""
            )
            if section.kind == ReportSection.Kind.CUSTOM:
                initial[f"body_{section.pk}"] = (
                    getattr(section, build_localized_fieldname("body", lang)) or ""
                )
        kwargs["initial"] = {**initial, **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        self.sections = sections
        for name in REPORT_TEXT_FIELDS:
            model_field = Report._meta.get_field(name)
            if name in TEXTAREA_ROWS:
                widget = forms.Textarea(attrs={"rows": TEXTAREA_ROWS[name], "lang": lang})
            else:
                widget = forms.TextInput(attrs={"lang": lang})
            help_text = model_field.help_text
            original = getattr(report, build_localized_fieldname(name, default_lang)) or ""
            if lang != default_lang and original.strip():
                help_text = _("In the default language: “%(text)s”") % {
                    "text": Truncator(original).chars(160)
                }
            self.fields[name] = forms.CharField(
                label=capfirst(model_field.verbose_name),
                required=False,
                max_length=model_field.max_length,
                widget=widget,
                help_text=help_text,
            )
        self.fields["introduction"].help_text = " ".join(
            str(part)
            for part in [
                MARKUP_HELP,
                LINK_HELP,
                FIGURES_HELP,
                self.fields["introduction"].help_text,
            ]
            if part
        )
        for section in sections:
            self.fields[f"section_{section.pk}"] = forms.CharField(
                label=_("Section title: %(kind)s") % {"kind": section.get_kind_display()},
                required=False,
                max_length=250,
                widget=forms.TextInput(attrs={"lang": lang}),
                help_text=_("Empty: “%(default)s”.") % {"default": DEFAULT_SECTION_TITLES[section.kind]},
            )
            if section.kind == ReportSection.Kind.CUSTOM:
                self.fields[f"body_{section.pk}"] = forms.CharField(
                    label=_("Text of the section “%(title)s”") % {"title": section.title or section.pk},
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 10, "lang": lang}),
                    help_text=MARKUP_HELP,
                )

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in REPORT_TEXT_FIELDS}

    def section_titles(self) -> dict[int, str]:
        return {section.pk: self.cleaned_data[f"section_{section.pk}"] for section in self.sections}

    def section_bodies(self) -> dict[int, str]:
        return {
            section.pk: self.cleaned_data[f"body_{section.pk}"]
            for section in self.sections
            if f"body_{section.pk}" in self.cleaned_data
        }


class ReportCoverForm(forms.ModelForm):
    """The cover, the back cover and the "About" pages: which partners, the image, the designer."""

    class Meta:
        model = Report
        fields = ["cover_organisations", "about_organisations", "cover_image", "designer"]
        widgets = {
            "cover_organisations": forms.CheckboxSelectMultiple,
            "about_organisations": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        partners = Organisation.objects.filter(partnerships__event=self.instance.event).order_by(
            "partnerships__order", "pk"
        )
        for name in ("cover_organisations", "about_organisations"):
            self.fields[name].queryset = partners
        self.fields["cover_image"].help_text = _("Optional; printed faintly behind the cover's title.")
