"""Forms of the evaluation: its settings, a question, and the participants' answers."""

from django import forms
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from events.limits import text_limit
from events.models import LANGUAGE_CHOICES

from ..models import Evaluation, EvaluationAnswer, EvaluationQuestion


class EvaluationForm(forms.ModelForm):
    class Meta:
        model = Evaluation
        fields = ["title", "is_open"]


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=EvaluationQuestion.Kind.choices)
    scale_max = forms.IntegerField(
        label=_("Highest rating"), min_value=2, max_value=10, initial=5, required=False
    )
    required = forms.BooleanField(label=_("Required"), required=False)
    order = forms.IntegerField(label=_("Order"), min_value=0, initial=0, required=False)

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        offered = event.languages or [event.default_language]
        self.text_fields = []
        for code, name in LANGUAGE_CHOICES:
            if code in offered:
                field = build_localized_fieldname("text", code)
                self.fields[field] = forms.CharField(
                    label=_("Question (%(language)s)") % {"language": name},
                    max_length=300,
                    required=code == event.default_language,
                )
                self.text_fields.append(field)

    def texts(self) -> dict:
        return {f: self.cleaned_data.get(f) or "" for f in self.text_fields}


class AnswerForm(forms.Form):
    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for q in questions:
            name = f"q{q.pk}"
            if q.kind == EvaluationQuestion.Kind.RATING:
                self.fields[name] = forms.TypedChoiceField(
                    label=q.text,
                    choices=[(str(i), str(i)) for i in range(1, q.scale_max + 1)],
                    coerce=int,
                    widget=forms.RadioSelect,
                    required=q.required,
                    help_text=_("1 = poor, %(max)s = excellent") % {"max": q.scale_max},
                )
            else:
                self.fields[name] = forms.CharField(
                    label=q.text,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    required=q.required,
                    max_length=text_limit(EvaluationAnswer, "text"),
                )

    def answers(self) -> dict:
        return {q.pk: self.cleaned_data.get(f"q{q.pk}") for q in self.questions}
