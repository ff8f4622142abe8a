"""Pages of the evaluation: answering (participants), managing and reading the results (organisers)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from events.downloads import CSV_CONTENT_TYPE, bytes_response
from events.views.mixins import ManageDeleteView

from ..errors import EvaluationError
from ..forms.evaluation import AnswerForm, EvaluationForm, QuestionForm
from ..models import Evaluation, EvaluationQuestion
from ..selectors import evaluation as selectors
from ..services import evaluation as services
from .mixins import ReportsMixin, show_domain_error


class EvaluationMixin(ReportsMixin):
    permission_required = "evaluation.manage"


class AnswerView(EvaluationMixin, TemplateView):
    permission_required = "evaluation.answer"
    template_name = "reports/evaluation/answer.html"

    def _context(self, form=None):
        evaluation = selectors.evaluation_of(self.event)
        answered = evaluation is not None and selectors.has_answered(
            evaluation=evaluation, user=self.request.user
        )
        questions = list(evaluation.questions.all()) if evaluation else []
        if form is None and evaluation and evaluation.is_open and not answered:
            form = AnswerForm(questions=questions)
        return self.get_context_data(evaluation=evaluation, answered=answered, form=form)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self._context())

    def post(self, request, *args, **kwargs):
        evaluation = get_object_or_404(Evaluation, event=self.event)
        form = AnswerForm(request.POST, questions=list(evaluation.questions.all()))
        if form.is_valid():
            try:
                services.submit_answers(evaluation=evaluation, user=request.user, answers=form.answers())
            except EvaluationError as error:
                show_domain_error(request, error, form=form)
            else:
                messages.success(request, _("Thank you: your answers are recorded anonymously."))
                return redirect(self.url("evaluation_answer"))
        return self.render_to_response(self._context(form=form), status=400)


class ManageView(EvaluationMixin, TemplateView):
    template_name = "reports/evaluation/manage.html"

    def _context(self, settings_form=None, question_form=None):
        evaluation = services.get_or_create_evaluation(event=self.event)
        return self.get_context_data(
            evaluation=evaluation,
            questions=evaluation.questions.all(),
            settings_form=settings_form or EvaluationForm(instance=evaluation),
            question_form=question_form or QuestionForm(event=self.event),
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self._context())

    def post(self, request, *args, **kwargs):
        evaluation = services.get_or_create_evaluation(event=self.event)
        if "add_question" in request.POST:
            form = QuestionForm(request.POST, event=self.event)
            if not form.is_valid():
                return self.render_to_response(self._context(question_form=form), status=400)
            services.add_question(
                evaluation=evaluation,
                kind=form.cleaned_data["kind"],
                texts=form.texts(),
                scale_max=form.cleaned_data.get("scale_max") or 5,
                required=form.cleaned_data["required"],
                order=form.cleaned_data.get("order") or 0,
            )
            messages.success(request, _("Question added."))
        else:
            form = EvaluationForm(request.POST, instance=evaluation)
            if not form.is_valid():
                return self.render_to_response(self._context(settings_form=form), status=400)
            form.save()
            messages.success(request, _("Evaluation saved."))
        return redirect(self.url("evaluation_manage"))


class DeleteQuestionView(EvaluationMixin, ManageDeleteView):
    """GET asks for confirmation, POST deletes the question with the answers given to it."""

    def get_object(self):
        return get_object_or_404(
            EvaluationQuestion, pk=self.kwargs["question_pk"], evaluation__event=self.event
        )

    def get_success_url(self) -> str:
        return self.url("evaluation_manage")

    def delete(self, obj) -> None:
        services.delete_question(question=obj)


class ResultsView(EvaluationMixin, TemplateView):
    template_name = "reports/evaluation/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        evaluation = selectors.evaluation_of(self.event)
        context.update(
            evaluation=evaluation, summary=selectors.summary(evaluation=evaluation) if evaluation else None
        )
        return context


class ResultsCsvView(EvaluationMixin, View):
    def get(self, request, *args, **kwargs):
        evaluation = get_object_or_404(Evaluation, event=self.event)
        return bytes_response(
            services.export_csv(evaluation=evaluation),
            content_type=CSV_CONTENT_TYPE,
            filename=f"{self.event.slug}-evaluation.csv",
        )
