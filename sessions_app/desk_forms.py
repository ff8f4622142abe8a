"""The registration desk's forms: the filters that choose a group of registrations (the list, bulk
decisions, the organisers' messages), and the message itself."""

from __future__ import annotations

import uuid
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from events.models import Event
from events.models.event import LANGUAGE_CHOICES

from .models import Registration, Sector, TableSession

FILTER_FIELDS = ("q", "status", "country", "sector", "language", "session")


class DeskFilterForm(forms.Form):
    """Which registrations to show or write to; every field may stay empty. Read from the query string,
    so the choice stays in the URL across pages and decisions."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    session = forms.TypedChoiceField(label=_("Seated in"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, event: Event, with_session: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        everyone = [("", _("All"))]
        self.fields["status"].choices = everyone + list(Registration.Status.choices)
        present = sorted(
            set(Registration.objects.filter(event=event).values_list("country", flat=True).distinct())
        )
        self.fields["country"].choices = everyone + [(code, countries.name(code)) for code in present]
        self.fields["sector"].choices = everyone + list(Sector.choices)
        self.fields["language"].choices = everyone + list(LANGUAGE_CHOICES)
        if with_session:
            sessions = TableSession.objects.filter(event=event).select_related("agenda_item")
            self.fields["session"].choices = everyone + [(s.pk, s.title) for s in sessions]
        else:
            del self.fields["session"]

    def filters(self) -> dict:
        """The valid choices (an invalid value counts as no filter)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}

    def querystring(self) -> str:
        """The choices as a query string ("" without any), to keep them on links and after a decision."""
        return urlencode(self.filters())


class BulkDecisionForm(forms.Form):
    action = forms.ChoiceField(choices=[("approve", _("Approve")), ("decline", _("Decline"))])
    ids = forms.TypedMultipleChoiceField(
        coerce=int, error_messages={"required": _("Select registrations first.")}
    )
    confirm = forms.BooleanField(required=False)
    filters = forms.CharField(required=False, max_length=1000)

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ids"].choices = [
            (pk, pk) for pk in Registration.objects.filter(event=event).values_list("pk", flat=True)
        ]


class MessageForm(forms.Form):
    """An organisers' message: a subject and a body in the event's default language, optionally in each
    of its other languages."""

    token = forms.UUIDField(widget=forms.HiddenInput)
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)
    counted = forms.IntegerField(required=False, widget=forms.HiddenInput)  # the count the organiser saw

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["token"].initial = uuid.uuid4()
        names = dict(LANGUAGE_CHOICES)
        self.languages = [event.default_language] + [
            code for code in event.languages if code != event.default_language
        ]
        for code in self.languages:
            required = code == event.default_language
            self.fields[f"subject_{code}"] = forms.CharField(
                label=_("Subject (%(language)s)") % {"language": names.get(code, code)},
                required=required,
                max_length=200,
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Message (%(language)s)") % {"language": names.get(code, code)},
                required=required,
                max_length=10_000,
                widget=forms.Textarea(attrs={"rows": 6}),
            )

    def clean(self):
        data = super().clean()
        for code in self.languages:
            if bool(data.get(f"subject_{code}")) != bool(data.get(f"body_{code}")):
                self.add_error(f"body_{code}", _("Give both a subject and a message, or neither."))
        return data

    def versions(self) -> dict[str, dict[str, str]]:
        """{language: {"subject", "body"}} for each language the organiser wrote in."""
        return {
            code: {"subject": self.cleaned_data[f"subject_{code}"], "body": self.cleaned_data[f"body_{code}"]}
            for code in self.languages
            if self.cleaned_data.get(f"subject_{code}")
        }
