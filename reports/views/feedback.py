"""Feedback per session: participants and members rate the items they may attend once they started;
organisers read the summary per item beside the evaluation's results."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from events.models import AgendaItem

from ..errors import FeedbackError
from ..forms.feedback import FeedbackForm
from ..models import SessionFeedback
from ..selectors import feedback as selectors
from ..services import feedback as services
from .mixins import ReportsMixin, show_domain_error


class FeedbackListView(ReportsMixin, TemplateView):
    """The sessions the person may rate: those they may attend that have started."""

    permission_required = "feedback.give"
    template_name = "reports/feedback/list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = selectors.items_to_rate(event=self.event, user=self.request.user)
        return context


class FeedbackGiveView(ReportsMixin, TemplateView):
    """One item's form. An item the person may not attend is 404; one not started yet says so."""

    permission_required = "feedback.give"
    template_name = "reports/feedback/give.html"

    @cached_property
    def item(self) -> AgendaItem:
        item = get_object_or_404(
            AgendaItem.objects.select_related("day", "day__event", "parent"),
            pk=self.kwargs["item_pk"],
            day__event=self.event,
        )
        if not selectors.may_attend(self.request.user, self.event, item):
            raise Http404
        return item

    def mine(self) -> SessionFeedback | None:
        voter = selectors.voter_of(user=self.request.user, item=self.item)
        return SessionFeedback.objects.filter(item=self.item, voter=voter).first()

    def get_context_data(self, **kwargs):
        if "form" not in kwargs:
            mine = self.mine()
            initial = {"rating": mine.rating, "comment": mine.comment} if mine else None
            kwargs["form"] = FeedbackForm(initial=initial)
            kwargs["mine"] = mine
        kwargs.update(item=self.item, started=selectors.has_started(self.item))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = FeedbackForm(request.POST)
        if form.is_valid():
            try:
                _feedback, created = services.give_feedback(
                    item=self.item,
                    user=request.user,
                    rating=form.cleaned_data["rating"],
                    comment=form.cleaned_data["comment"],
                )
            except FeedbackError as error:
                show_domain_error(request, error, form=form)
            else:
                if created:
                    messages.success(request, _("Thank you: your feedback is recorded anonymously."))
                else:
                    messages.success(request, _("Your feedback is changed: it still counts once."))
                return redirect(self.url("feedback"))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class FeedbackResultsView(ReportsMixin, TemplateView):
    permission_required = "evaluation.manage"
    template_name = "reports/feedback/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = selectors.summary(event=self.event)
        return context
