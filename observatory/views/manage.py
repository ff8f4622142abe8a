"""The observatory in an event's back office (group "Report"): what the meeting covered, the mapping of its
report themes onto the shared taxonomy, publishing the report's findings as entries, entries written from
a published document, and commitments. Permission "observatory.manage": organisers, observatory editors."""

from __future__ import annotations

import json

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from events import jobs
from events.models import Job
from events.views.jobs import job_response
from events.views.mixins import ManageDeleteView, ManageFormView, ManageMixin
from reports.models import ReportTheme

from ..forms import CommitmentForm, EntryForm, MappingForm, SourceEventForm
from ..models import Commitment, Entry
from ..selectors.pages import progress_since_previous_edition
from ..services import commitments as commitment_services
from ..services import entries as services
from ..services.taxonomy import map_report_theme

PUBLISH_JOB = "observatory.publish_report"


class ObservatoryManageMixin(ManageMixin):
    permission_required = "observatory.manage"

    def url(self, name: str, **kwargs) -> str:
        return reverse(f"observatory_manage:{name}", kwargs={"slug": self.event.slug, **kwargs})


class OverviewView(ObservatoryManageMixin, FormView):
    template_name = "observatory/manage/overview.html"
    form_class = SourceEventForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        self.source = services.get_source_event(event=self.event)
        kwargs.update(instance=self.source, event=self.event)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = (
            Entry.objects.filter(event=self.event)
            .annotate(commitment_count=Count("commitments"))
            .order_by("number", "pk")
        )
        context.update(
            source=self.source,
            entries=entries,
            themes=ReportTheme.objects.filter(event=self.event).count(),
            progress=progress_since_previous_edition(self.event),
        )
        return context

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("Saved."))
        return redirect(self.url("overview"))


class PublishView(ObservatoryManageMixin, View):
    """POST: make the report's findings entries (or bring them up to date), in a background job: it
    renders the report PDF to read each finding's page."""

    def post(self, request, *args, **kwargs):
        job = jobs.start_job(
            kind=PUBLISH_JOB, inputs={"event": self.event.pk}, event=self.event, requested_by=request.user
        )
        return HttpResponseRedirect(self.url("publish_job", token=job.token))


class PublishJobView(ObservatoryManageMixin, View):
    """Waits for the publication, then says what it did on the overview."""

    def get(self, request, *args, **kwargs):
        job = get_object_or_404(Job, token=kwargs["token"], kind=PUBLISH_JOB, event=self.event)

        def done():
            with job.file.open("rb") as handle:
                counts = json.loads(handle.read())
            if not counts["pages_read"]:
                messages.warning(
                    request,
                    _(
                        "The report PDF could not be made in time, so the entries keep the page numbers "
                        "they had. Publish again later to read them from the PDF."
                    ),
                )
            messages.success(
                request,
                _(
                    "Published in the observatory: %(created)s new entries, %(updated)s updated, "
                    "%(withdrawn)s withdrawn."
                )
                % counts,
            )
            return HttpResponseRedirect(self.url("overview"))

        return job_response(
            request,
            job,
            back_url=self.url("overview"),
            heading=_("The report is being published in the observatory"),
            text=_("This takes a moment. The page updates itself once the entries are published."),
            on_done=done,
        )


class MappingView(ObservatoryManageMixin, FormView):
    template_name = "observatory/manage/mapping.html"
    form_class = MappingForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["themes"] = (
            ReportTheme.objects.filter(event=self.event)
            .select_related("observatory_mapping")
            .prefetch_related(Prefetch("observatory_mapping__terms"))
            .order_by("order", "pk")
        )
        return kwargs

    def form_valid(self, form):
        for theme, terms in form.terms_by_theme():
            map_report_theme(report_theme=theme, terms=terms)
        messages.success(self.request, _("The report themes are mapped onto the observatory's taxonomy."))
        return redirect(self.url("overview"))


class EntryFormView(ObservatoryManageMixin, ManageFormView):
    form_class = EntryForm
    template_name = "observatory/manage/form.html"

    def get_object(self):
        if "entry_pk" in self.kwargs:
            return get_object_or_404(Entry, event=self.event, pk=self.kwargs["entry_pk"])
        return None

    def get_heading(self) -> str:
        return _("Edit the entry") if self.kwargs.get("entry_pk") else _("Add an entry")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entry"] = self.object
        return context

    def get_success_url(self) -> str:
        return self.url("overview")

    def form_valid(self, form):
        entry = form.save(commit=False)
        services.save_entry(
            entry=entry,
            terms=form.cleaned_data["terms"],
            countries=form.cleaned_data["countries"],
            regions=form.cleaned_data["regions"],
        )
        messages.success(self.request, _("Saved."))
        return HttpResponseRedirect(self.get_success_url())


class EntryDeleteView(ObservatoryManageMixin, ManageDeleteView):
    def get_object(self):
        return get_object_or_404(Entry, event=self.event, pk=self.kwargs["entry_pk"])

    def get_success_url(self) -> str:
        return self.url("overview")

    def consequences(self) -> list[str]:
        count = self.get_object().commitments.count()
        if not count:
            return []
        return [
            _("Its commitments and their progress updates are deleted too (%(count)s).") % {"count": count}
        ]

    def delete(self, obj) -> None:
        services.delete_entry(entry=obj)


class CommitmentFormView(ObservatoryManageMixin, ManageFormView):
    form_class = CommitmentForm
    template_name = "observatory/manage/form.html"
    heading = gettext_lazy("Commitment")

    def get_entry(self) -> Entry:
        return get_object_or_404(Entry, event=self.event, pk=self.kwargs["entry_pk"])

    def get_form_kwargs(self):
        kwargs = super(ManageFormView, self).get_form_kwargs()
        self.entry = self.get_entry()
        self.object = None
        if "commitment_pk" in self.kwargs:
            self.object = get_object_or_404(Commitment, entry=self.entry, pk=self.kwargs["commitment_pk"])
            kwargs["instance"] = self.object
        kwargs["entry"] = self.entry
        return kwargs

    def get_success_url(self) -> str:
        return self.url("entry_edit", entry_pk=self.entry.pk)

    def form_valid(self, form):
        commitment_services.save_commitment(commitment=form.save(commit=False), by=self.request.user)
        messages.success(self.request, _("Saved."))
        return HttpResponseRedirect(self.get_success_url())


class ProgressView(ObservatoryManageMixin, TemplateView):
    """The generated section "Progress since the previous edition", to read before it goes in the report."""

    template_name = "observatory/manage/progress.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["progress"] = progress_since_previous_edition(self.event)
        return context
