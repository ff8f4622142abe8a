"""Staff pages of the outcome report: overview (order, sections in or out, languages), editorial texts
per language, HTML preview and PDF download. All need "report.manage" (rapporteurs and organisers)."""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from events import jobs
from events.models import AuditAction
from events.services import record_audit
from events.views.jobs import job_response

from ..errors import ReportError
from ..forms.outcome import ReportCoverForm, ReportTextsForm
from ..selectors.outcome import report_overview
from ..services.outcome import (
    LANGUAGES,
    add_section,
    delete_section,
    ensure_default_sections,
    get_or_create_report,
    move_section,
    render_report_html,
    report_pdf_filename,
    report_pdf_version,
    set_section_included,
    update_report_texts,
)
from .mixins import ReportsMixin, show_domain_error


def _language(value: str | None, default: str) -> str:
    lang = value or default
    if lang not in LANGUAGES:
        raise Http404
    return lang


class ReportPermissionMixin(ReportsMixin):
    permission_required = "report.manage"

    def manage_url(self):
        return reverse("reports:report_manage", kwargs={"slug": self.event.slug})


class ReportManageView(ReportPermissionMixin, TemplateView):
    template_name = "reports/outcome/manage.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = get_or_create_report(event=self.event)
        ensure_default_sections(report=report)
        context.update(report_overview(report=report))
        return context


class ReportTextsView(ReportPermissionMixin, FormView):
    template_name = "reports/outcome/texts.html"
    form_class = ReportTextsForm

    def dispatch(self, request, *args, **kwargs):
        if kwargs["lang"] not in LANGUAGES:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        self.report = get_or_create_report(event=self.event)
        kwargs = super().get_form_kwargs()
        kwargs.update(
            default_lang=self.event.default_language,
            report=self.report,
            lang=self.kwargs["lang"],
            sections=list(self.report.sections.order_by("order", "pk")),
        )
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["lang"] = self.kwargs["lang"]
        context["language_name"] = dict(settings.LANGUAGES)[self.kwargs["lang"]]
        context["languages"] = settings.LANGUAGES
        return context

    def form_valid(self, form):
        try:
            update_report_texts(
                report=self.report,
                lang=self.kwargs["lang"],
                texts=form.texts(),
                section_titles=form.section_titles(),
                section_bodies=form.section_bodies(),
            )
        except ReportError as error:
            show_domain_error(self.request, error, form=form)
            return self.form_invalid(form)
        messages.success(self.request, _("The texts are saved."))
        return redirect(self.request.path)


class ReportCoverView(ReportPermissionMixin, FormView):
    """The partners on the cover and back cover, the "About" pages, the cover image and the designer."""

    template_name = "reports/outcome/cover.html"
    form_class = ReportCoverForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = get_or_create_report(event=self.event)
        return kwargs

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("The cover and the “About” pages are saved."))
        return redirect(self.manage_url())


class ReportSectionAddView(ReportPermissionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        report = get_or_create_report(event=self.event)
        lang = request.LANGUAGE_CODE if request.LANGUAGE_CODE in LANGUAGES else self.event.default_language
        try:
            section = add_section(report=report, title=request.POST.get("title", ""), lang=lang)
        except ReportError as error:
            show_domain_error(request, error)
            return redirect(self.manage_url())
        messages.success(request, _("Section added: write its text with the report's texts."))
        return redirect(
            reverse("reports:report_texts", kwargs={"slug": self.event.slug, "lang": lang})
            + f"#id_body_{section.pk}"
        )


class ReportSectionDeleteView(ReportPermissionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        report = get_or_create_report(event=self.event)
        if not report.sections.filter(pk=kwargs["section_pk"]).exists():
            raise Http404
        try:
            delete_section(report=report, section_id=kwargs["section_pk"])
        except ReportError as error:
            show_domain_error(request, error)
        else:
            messages.success(request, _("The section is deleted."))
        return redirect(self.manage_url())


class ReportSectionMoveView(ReportPermissionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        report = get_or_create_report(event=self.event)
        try:
            move_section(
                report=report, section_id=kwargs["section_pk"], direction=request.POST.get("direction", "")
            )
        except ReportError as error:
            if not report.sections.filter(pk=kwargs["section_pk"]).exists():
                raise Http404 from error
            show_domain_error(request, error)
        return redirect(self.manage_url())


class ReportSectionToggleView(ReportPermissionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        report = get_or_create_report(event=self.event)
        try:
            set_section_included(
                report=report, section_id=kwargs["section_pk"], included=request.POST.get("included") == "1"
            )
        except ReportError as error:
            raise Http404 from error
        return redirect(self.manage_url())


class ReportPreviewView(ReportPermissionMixin, View):
    """The HTML the PDF is made from, with a screen style sheet that shows it as pages."""

    def get(self, request, *args, **kwargs):
        lang = _language(request.GET.get("lang"), self.event.default_language)
        html, _document = render_report_html(
            event=self.event,
            lang=lang,
            preview=True,
            extra={
                "manage_url": self.manage_url(),
                "pdf_url": reverse("reports:report_pdf", kwargs={"slug": self.event.slug}) + f"?lang={lang}",
                "preview_languages": settings.LANGUAGES,
            },
        )
        return HttpResponse(html)


class ReportPdfView(ReportPermissionMixin, View):
    """The report's PDF in one language, made by a background job and kept in storage under a hash of
    what it is made from: the same PDF is served until the report changes. While it is being made the
    person gets a page that waits for it."""

    def get(self, request, *args, **kwargs):
        lang = _language(request.GET.get("lang"), self.event.default_language)
        job = jobs.request_file(
            kind="reports.report_pdf",
            inputs={"event": self.event.pk, "lang": lang},
            version=report_pdf_version(event=self.event, lang=lang),
            event=self.event,
            requested_by=request.user,
            filename=report_pdf_filename(event=self.event, lang=lang),
        )
        response = job_response(
            request, job, back_url=self.manage_url(), heading=_("The report is being prepared")
        )
        if isinstance(response, FileResponse):
            # The file itself went out (not the page that waits for it): that is the export.
            record_audit(
                action=AuditAction.REPORT_EXPORTED, event=self.event, actor=request.user, detail=lang
            )
        return response
