"""The feedback form of one agenda item: a rating from 1 to 5 and an optional comment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from events.limits import NOTE

from ..models.feedback import RATINGS


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        help_text=_("1 is poor, 5 is excellent."),
        choices=[(value, str(value)) for value in RATINGS],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=NOTE,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Anonymous: the organisers see your rating and comment without your name."),
    )
