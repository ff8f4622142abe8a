"""The form staff use to write the report's editorial texts and section titles in one language."""

from django import forms
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from ..models import Report
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
}


MARKUP_HELP = _("Leave a blank line between paragraphs; **two asterisks** around words print them in bold.")


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

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in REPORT_TEXT_FIELDS}

    def section_titles(self) -> dict[int, str]:
        return {section.pk: self.cleaned_data[f"section_{section.pk}"] for section in self.sections}
