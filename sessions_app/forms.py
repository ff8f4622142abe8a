"""Forms of the tables area. They validate input; services decide and write."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from modeltranslation.utils import build_localized_fieldname

from events.dates import short_weekday_day, weekday_date
from events.models import AgendaItem, Event
from events.rooms import use_room_input
from events.uploads import document_help_text

from .models import BreakoutGroup, Material, Registration, Rotation, Table, TableSession

#: The suffix of each language's translated field ("pt-br" -> "title_pt_br").
LANGS = [build_localized_fieldname("", code)[1:] for code in settings.MODELTRANSLATION_LANGUAGES]


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class RegistrationForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = [
            "full_name",
            "organisation",
            "country",
            "sector",
            "is_network_member",
            "preferred_language",
            "days",
            "accessibility_needs",
            "consent_directory",
            "consent_quote_attribution",
        ]
        widgets = {
            "days": forms.CheckboxSelectMultiple,
            "accessibility_needs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, event: Event, reads_closed_days: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"].queryset = event.days.order_by("date")

        def day_label(day):
            # A closed day's title is for those who may read its programme: others see only its date.
            if day.is_closed and not reads_closed_days:
                return _("%(date)s – closed day for network members") % {"date": weekday_date(day.date)}
            return weekday_date(day.date) + (f" – {day.title}" if day.title else "")

        self.fields["days"].label_from_instance = day_label
        self.fields["days"].help_text = (
            _("The closed day is for members of the network only.")
            if any(day.is_members_only for day in self.fields["days"].queryset)
            else ""
        )
        self.fields["preferred_language"].choices = [
            choice
            for choice in self.fields["preferred_language"].choices
            if not event.languages or choice[0] in event.languages
        ]

    def clean(self):
        data = super().clean()
        closed = [day for day in data.get("days") or [] if day.is_members_only]
        if closed and not data.get("is_network_member"):
            self.add_error("days", _("The closed day is for members of the network only."))
        return data


class SignupSettingsForm(forms.ModelForm):
    """Capacity and the sign-up window: edited here only, and saved through update_signup_settings, which
    moves the waiting list up when there is more room."""

    class Meta:
        model = Event
        fields = ["capacity", "signup_opens", "signup_closes"]
        widgets = {"signup_opens": DateTimeInput(), "signup_closes": DateTimeInput()}
        help_texts = {
            "signup_opens": _("In the event's time zone."),
            "signup_closes": _("In the event's time zone."),
        }

    def clean(self):
        data = super().clean()
        opens, closes = data.get("signup_opens"), data.get("signup_closes")
        if opens and closes and closes <= opens:
            raise ValidationError(_("Sign-up must close after it opens."))
        return data


class TableSessionForm(forms.ModelForm):
    rotations = forms.IntegerField(
        label=_("Number of rotations"),
        min_value=1,
        max_value=12,
        initial=3,
        help_text=_("Used when the agenda block has no rotation items of its own."),
    )

    class Meta:
        model = TableSession
        fields = [
            "agenda_item",
            "kind",
            *[f"title_{code}" for code in LANGS],
            *[f"instructions_{code}" for code in LANGS],
            "preferences_close",
            "diversity_country_share",
            "diversity_sector_share",
        ]
        widgets = {"preferences_close": DateTimeInput()}

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        taken = TableSession.objects.filter(event=event).exclude(pk=self.instance.pk).values("agenda_item")
        self.fields["agenda_item"].queryset = (
            AgendaItem.objects.filter(day__event=event, parent__isnull=True)
            .exclude(pk__in=taken)
            .select_related("day")
            .order_by("day__date", "start")
        )
        self.fields["agenda_item"].label_from_instance = lambda item: (
            f"{short_weekday_day(item.day.date)} {item}"
        )
        self.fields[f"title_{LANGS[0]}"].required = True
        if self.instance.pk:
            del self.fields["rotations"]
            self.fields["agenda_item"].disabled = True

    def clean(self):
        data = super().clean()
        for name in ("diversity_country_share", "diversity_sector_share"):
            value = data.get(name)
            if value is not None and not (0 < value <= 1):
                self.add_error(name, _("Give a share between 0 and 1, e.g. 0.35."))
        return data


class TableForm(forms.ModelForm):
    class Meta:
        model = Table
        fields = [
            "number",
            *[f"title_{code}" for code in LANGS],
            *[f"guiding_questions_{code}" for code in LANGS],
            "working_language",
            "room",
            "facilitators",
        ]
        widgets = {
            "facilitators": forms.CheckboxSelectMultiple,
            **{f"guiding_questions_{code}": forms.Textarea(attrs={"rows": 4}) for code in LANGS},
        }

    def __init__(self, *args, session: TableSession, facilitators, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        self.instance.session = session
        self.fields[f"title_{LANGS[0]}"].required = True
        use_room_input(self, "room", event=session.event)
        self.fields["facilitators"].queryset = facilitators
        self.fields["facilitators"].label_from_instance = lambda user: user.get_full_name() or user.email
        self.rotations = list(session.rotations.order_by("number"))
        current = {}
        if self.instance.pk:
            current = {slot.rotation_id: slot.seats for slot in self.instance.slots.all()}
        for rotation in self.rotations:
            self.fields[f"seats_{rotation.pk}"] = forms.IntegerField(
                label=_("Seats in rotation %(number)s") % {"number": rotation.number},
                min_value=0,
                max_value=10000,
                initial=current.get(rotation.pk, 12),
            )

    def clean_number(self):
        number = self.cleaned_data["number"]
        if self.session.tables.filter(number=number).exclude(pk=self.instance.pk).exists():
            raise ValidationError(
                _("Another table of this session has number %(number)s.") % {"number": number}
            )
        return number

    def seats(self) -> dict[int, int]:
        return {rotation.pk: self.cleaned_data[f"seats_{rotation.pk}"] for rotation in self.rotations}


class MaterialForm(forms.ModelForm):
    class Meta:
        model = Material
        fields = ["title", "file", "url", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = document_help_text()

    def clean(self):
        data = super().clean()
        if bool(data.get("file")) == bool(data.get("url")):
            raise ValidationError(_("Give either a file or a link."))
        return data


class BreakoutGroupForm(forms.ModelForm):
    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        choices=list(countries),
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )

    class Meta:
        model = BreakoutGroup
        fields = [*[f"name_{code}" for code in LANGS], "countries", "parts", "room", "order"]

    def __init__(self, *args, agenda_item: AgendaItem, **kwargs):
        super().__init__(*args, **kwargs)
        self.agenda_item = agenda_item
        self.instance.agenda_item = agenda_item
        self.fields[f"name_{LANGS[0]}"].required = True
        use_room_input(self, "room", event=agenda_item.day.event)

    def clean_parts(self):
        parts = self.cleaned_data["parts"]
        if not 1 <= parts <= 10:
            raise ValidationError(_("Split a group in 1 to 10 parts."))
        return parts

    def clean_countries(self):
        codes = self.cleaned_data["countries"]
        others = BreakoutGroup.objects.filter(agenda_item=self.agenda_item).exclude(pk=self.instance.pk)
        clash = sorted({code for group in others for code in group.countries} & set(codes))
        if clash:
            raise ValidationError(
                _("Already in another group: %(codes)s.")
                % {"codes": ", ".join(str(countries.name(c)) for c in clash)}
            )
        return codes


class RankingForm(forms.Form):
    """One rank select per table, so that ranking works without JavaScript."""

    def __init__(self, *args, tables, ranking: dict[int, int], disabled: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.tables = list(tables)
        choices = [("", "—")] + [(str(n), str(n)) for n in range(1, len(self.tables) + 1)]
        for table in self.tables:
            self.fields[f"table_{table.pk}"] = forms.TypedChoiceField(
                label=str(table),
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial=ranking.get(table.pk),
                disabled=disabled,
            )

    def ranks(self) -> dict[int, int]:
        return {
            table.pk: self.cleaned_data[f"table_{table.pk}"]
            for table in self.tables
            if self.cleaned_data.get(f"table_{table.pk}")
        }

    def rows(self):
        return [(table, self[f"table_{table.pk}"]) for table in self.tables]


class SeatForm(forms.Form):
    """Pick a rotation and a table of one session (a switch, or an organiser's move)."""

    rotation = forms.ModelChoiceField(queryset=Rotation.objects.none(), label=_("Rotation"))
    table = forms.ModelChoiceField(queryset=Table.objects.none(), label=_("Table"))

    def __init__(self, *args, session: TableSession, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rotation"].queryset = session.rotations.all()
        self.fields["table"].queryset = session.tables.all()


class MoveForm(SeatForm):
    registration = forms.ModelChoiceField(queryset=Registration.objects.none(), label=_("Participant"))

    def __init__(self, *args, session: TableSession, **kwargs):
        super().__init__(*args, session=session, **kwargs)
        self.fields["registration"].queryset = Registration.objects.filter(
            event=session.event, status=Registration.Status.APPROVED
        ).order_by("full_name", "pk")
        self.fields["registration"].label_from_instance = lambda r: f"{r.full_name} ({r.country.code})"
        self.order_fields(["registration", "rotation", "table"])


class RotationTimesForm(forms.Form):
    """Start and end of each rotation not linked to an agenda item of its own."""

    def __init__(self, *args, session: TableSession, **kwargs):
        super().__init__(*args, **kwargs)
        self.rotations = [r for r in session.rotations.order_by("number") if not r.agenda_item_id]
        for rotation in self.rotations:
            label = {"number": rotation.number}
            self.fields[f"start_{rotation.pk}"] = forms.TimeField(
                label=_("Rotation %(number)s starts") % label,
                initial=rotation.start,
                widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            )
            self.fields[f"end_{rotation.pk}"] = forms.TimeField(
                label=_("Rotation %(number)s ends") % label,
                initial=rotation.end,
                widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            )

    def times(self) -> dict:
        return {
            r.pk: (self.cleaned_data[f"start_{r.pk}"], self.cleaned_data[f"end_{r.pk}"])
            for r in self.rotations
        }
