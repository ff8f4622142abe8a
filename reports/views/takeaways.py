"""The daily takeaways: the participants' page (the days they sum up) and the writing form, outside the back
office; the staff's overview and the organisers' choice of who sums up each day, in it.

What a user sees of each day is `reports.rules`: `takeaways.view_day`, `takeaways.write_day` and
`takeaways.read` (a reviewer reads every takeaway, an author their own)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from events.dates import weekday_day
from events.models import Day
from events.rules import visible_days
from events.wording import with_colon

from ..errors import FindingsError
from ..forms.findings import TakeawayAuthorsForm, TakeawayForm
from ..models import Takeaway
from ..selectors import findings as selectors
from ..services import findings as services
from .mixins import ReportsMixin, show_domain_error


class TakeawayDaysMixin(ReportsMixin):
    """Per day the user may see: who sums it up, whether the user may write, and the takeaways they may
    read.

    Authors are named to organisers (who see the registrations anyway); anyone else sees the names of the
    people listed in the participant directory only, and "A participant" for the others. An author whose
    account was erased is a "Former participant"."""

    def author_names(self):
        """A function from a user (or None) to the name this reader may see."""
        if self.has("registrations.manage"):
            names = selectors.display_names(self.event)
            unnamed = None
        else:
            names = selectors.directory_names(self.event, viewer=self.request.user)
            unnamed = _("A participant")

        def name(user) -> str:
            if user is None:
                return _("Former participant")
            return names.get(user.pk, unnamed or user.email)

        return name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        name = self.author_names()
        rows = []
        for day in selectors.takeaway_days(user=self.request.user, event=self.event):
            if not self.has("takeaways.view_day", day):
                continue
            rows.append(
                {
                    "day": day,
                    "authors": [name(a.user) for a in day.takeaway_authors.all()],
                    "mine": self.has("takeaways.write_day", day),
                    "takeaways": [
                        (name(t.author), t) for t in day.takeaways.all() if self.has("takeaways.read", t)
                    ],
                }
            )
        context["rows"] = rows
        return context


class MyTakeawaysView(TakeawayDaysMixin, TemplateView):
    """A participant's page: the days they sum up and what they wrote."""

    permission_required = "takeaways.write"
    template_name = "reports/takeaways/mine.html"


class TakeawayListView(TakeawayDaysMixin, TemplateView):
    """The staff's overview. Rapporteurs and organisers read everything; a facilitator sees the days
    they sum up; organisers choose who sums up each day."""

    permission_required = "findings.work"
    template_name = "reports/takeaways/list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_choose"] = self.has("takeaways.choose_authors")
        return context


class TakeawayAuthorsView(ReportsMixin, TemplateView):
    permission_required = "takeaways.choose_authors"
    template_name = "events/manage/form.html"

    @cached_property
    def day(self):
        return get_object_or_404(Day, pk=self.kwargs["day_pk"], event=self.event)

    def _form(self, data=None):
        candidates, labels = selectors.takeaway_candidates(self.event)
        initial = {"users": list(self.day.takeaway_authors.values_list("user_id", flat=True))}
        return TakeawayAuthorsForm(data, candidates=candidates, labels=labels, initial=initial)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            heading=f"{with_colon(_('Choose who sums up'))} {weekday_day(self.day.date)}",
            submit_label=_("Save"),
            cancel_url=self.url("findings_takeaways"),
        )
        return context

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self._form()))

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        services.set_takeaway_authors(day=self.day, users=form.cleaned_data["users"])
        messages.success(request, _("The authors of the day's takeaways are saved."))
        return redirect(self.url("findings_takeaways"))


class TakeawayWriteView(ReportsMixin, TemplateView):
    """A chosen author's takeaways of one day (a participant's page, also used by staff who sum up)."""

    permission_required = "takeaways.write"
    template_name = "reports/takeaways/form.html"

    @cached_property
    def day(self):
        """A day the user may see (else 404) and sums up (else 403)."""
        day = get_object_or_404(visible_days(self.request.user, self.event), pk=self.kwargs["day_pk"])
        self.require("takeaways.write_day", day)
        return day

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["day"] = self.day
        context["back_url"] = self.back_url()
        return context

    def back_url(self) -> str:
        return self.url("findings_takeaways" if self.has("findings.work") else "takeaways")

    def get(self, request, *args, **kwargs):
        day = self.day
        existing = Takeaway.objects.filter(day=day, author=request.user).first()
        initial = (
            {"text": existing.text, "language": existing.language}
            if existing
            else {"language": self.event.default_language}
        )
        return self.render_to_response(
            self.get_context_data(form=TakeawayForm(event=self.event, initial=initial))
        )

    def post(self, request, *args, **kwargs):
        day = self.day
        form = TakeawayForm(request.POST, event=self.event)
        if form.is_valid():
            try:
                services.save_takeaway(day=day, user=request.user, **form.cleaned_data)
            except FindingsError as error:
                show_domain_error(request, error, form=form)
            else:
                messages.success(request, _("Your takeaways are saved."))
                return redirect(self.back_url())
        return self.render_to_response(self.get_context_data(form=form), status=400)
