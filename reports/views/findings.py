"""Back-office pages of the consolidation records: the list, starting a record, the template form (with
autosave and conflicts), the review workflow, the history, and the organisers' template settings.

Who may do what is `reports.rules`: each view names its permission (and the object it is about)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from events.models import AgendaItem
from events.views.mixins import ManageMixin
from sessions_app.models import BreakoutGroup, Rotation, Table

from .. import rules
from ..errors import FindingsError, VersionConflict
from ..forms.findings import RecordForm, ReviewForm, SectionsForm, build_formsets
from ..models import FindingKind, RecordVersion
from ..models.findings import TRANSITIONS
from ..selectors import findings as selectors
from ..services import findings as services
from ..validators import PeopleOnRecord
from .mixins import RecordMixin, ReportsMixin, show_domain_error


class RecordListView(ReportsMixin, TemplateView):
    """Every record the user may see, and for facilitators the slots of their tables still to start."""

    permission_required = "findings.work"
    template_name = "reports/findings/record_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        records = selectors.record_list(user=user, event=self.event, every=self.has("findings.review"))
        context["records"] = records
        to_start = selectors.slots_to_start(user=user, event=self.event, records=records)
        for slot in to_start:
            slot["url"] = self.url(slot["url_name"], **slot["url_kwargs"])
        context["to_start"] = to_start
        return context


class StartRecordView(ReportsMixin, View):
    """POST: open (or create) the record of one of the user's tables, groups or recaps: the permission
    is about the target (`get_target`), which only its facilitators may start."""

    http_method_names = ["post"]

    def get_target(self):
        raise NotImplementedError

    def start(self, target):
        raise NotImplementedError

    @cached_property
    def target(self):
        return self.get_target()

    def get_permission_object(self):
        return self.target

    def post(self, request, *args, **kwargs):
        try:
            record = self.start(self.target)
        except FindingsError as error:
            show_domain_error(request, error)
            return redirect(self.url("findings_list"))
        return redirect(self.url("findings_edit", record_pk=record.pk))


class StartTableRecordView(StartRecordView):
    permission_required = "findings.start_table"

    def get_target(self):
        return get_object_or_404(Table, pk=self.kwargs["table_pk"], session__event=self.event)

    def start(self, table):
        rotation = get_object_or_404(Rotation, session_id=table.session_id, number=self.kwargs["rotation"])
        return services.start_table_record(user=self.request.user, table=table, rotation=rotation)


class StartGroupRecordView(StartRecordView):
    permission_required = "findings.start_group"

    def get_target(self):
        return get_object_or_404(
            BreakoutGroup, pk=self.kwargs["group_pk"], agenda_item__day__event=self.event
        )

    def start(self, group):
        return services.start_group_record(user=self.request.user, group=group, part=self.kwargs["part"])


class StartItemRecordView(StartRecordView):
    permission_required = "findings.start_item"

    def get_target(self):
        return get_object_or_404(AgendaItem, pk=self.kwargs["item_pk"], day__event=self.event)

    def start(self, item):
        return services.start_item_record(user=self.request.user, agenda_item=item)


class RecordDetailView(RecordMixin, TemplateView):
    template_name = "reports/findings/record_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.record
        sections = selectors.sections_for(record)
        context.update(
            record=record,
            sections=selectors.findings_by_section(record.findings.all(), sections),
            questions=selectors.guiding_questions(record),
            can_edit=self.has("findings.edit_record", record),
            can_history=self.has("findings.view_history", record),
            transitions=rules.allowed_transitions(self.request.user, record),
            review_form=ReviewForm(),
        )
        return context


class RecordEditView(RecordMixin, TemplateView):
    """The consolidation template. A plain POST saves (no JavaScript needed); autosave.js posts the same
    form with the header X-Autosave and gets JSON back."""

    template_name = "reports/findings/record_form.html"

    @cached_property
    def sections(self):
        return selectors.sections_for(self.record)

    def _initial(self):
        initial = {}
        for finding in self.record.findings.all():
            initial.setdefault(finding.section, []).append(
                {
                    "title": finding.title,
                    "text": finding.text,
                    "country": finding.country.code or "",
                    "speaker_organisation": finding.speaker_organisation,
                    "attribution_consent": finding.attribution_consent,
                }
            )
        return initial

    def get(self, request, *args, **kwargs):
        self.require("findings.edit_record", self.record)
        form = RecordForm(
            event=self.event,
            initial={
                "version": self.record.version,
                "language": self.record.language,
                "notes": self.record.notes,
            },
        )
        formsets = build_formsets(sections=self.sections, initial_by_section=self._initial())
        return self.render_to_response(self.get_context_data(form=form, formsets=formsets))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            record=self.record,
            questions=selectors.guiding_questions(self.record),
            limits=[(FindingKind(s).label, limit) for s, limit in self.sections.items() if limit],
        )
        return context

    def post(self, request, *args, **kwargs):
        autosave = request.headers.get("X-Autosave") == "1"
        try:
            self.require("findings.edit_record", self.record)
        except PermissionDenied:
            if autosave:
                return JsonResponse(
                    {"ok": False, "error": _("You may not change this record now.")}, status=403
                )
            raise
        form = RecordForm(request.POST, event=self.event)
        formsets = build_formsets(
            sections=self.sections, data=request.POST, people=PeopleOnRecord(self.event)
        )
        valid = form.is_valid() & all([fs.is_valid() for fs in formsets])
        if valid:
            entries = [entry for fs in formsets for entry in fs.entries()]
            try:
                record = services.save_record(
                    record=self.record,
                    user=request.user,
                    expected_version=form.cleaned_data["version"],
                    language=form.cleaned_data["language"],
                    notes=form.cleaned_data["notes"],
                    findings=entries,
                )
            except VersionConflict as conflict:
                return self._conflict(request, form, formsets, conflict.record, autosave)
            except FindingsError as error:
                show_domain_error(request, error, form=form)
            else:
                if autosave:
                    return JsonResponse({"ok": True, "version": record.version})
                messages.success(request, _("Saved (version %(version)s).") % {"version": record.version})
                if request.POST.get("close"):
                    return redirect(self.url("findings_detail", record_pk=record.pk))
                return redirect(self.url("findings_edit", record_pk=record.pk))
        if autosave:
            return JsonResponse(
                {"ok": False, "error": _("Not saved: please correct the form and press Save.")}, status=400
            )
        return self.render_to_response(self.get_context_data(form=form, formsets=formsets), status=400)

    def _conflict(self, request, form, formsets, current, autosave):
        if autosave:
            return JsonResponse(
                {
                    "ok": False,
                    "conflict": True,
                    "error": _("Somebody else saved this record meanwhile. Press Save to compare and merge."),
                },
                status=409,
            )
        # Keep the second person's text; carry the current version so that saving the merge works.
        data = request.POST.copy()
        data["version"] = str(current.version)
        form = RecordForm(data, event=self.event)
        formsets = build_formsets(sections=self.sections, data=data, people=PeopleOnRecord(self.event))
        form.is_valid()
        for fs in formsets:
            fs.is_valid()
        mine = [entry for fs in formsets for entry in fs.entries()]
        theirs = selectors.snapshot(current)
        context = self.get_context_data(
            form=form,
            formsets=formsets,
            conflict=True,
            theirs=selectors.findings_by_section(theirs["findings"], self.sections),
            theirs_notes=theirs["notes"],
            theirs_by=current.updated_by,
            theirs_at=current.updated_at,
            theirs_version=current.version,
            mine=selectors.findings_by_section(mine, self.sections),
            mine_notes=form.cleaned_data.get("notes", ""),
        )
        return self.render_to_response(context, status=409)


class RecordTransitionView(RecordMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        record = self.record
        action = kwargs["action"]
        if action in TRANSITIONS:
            self.require(f"findings.{action}", record)
        form = ReviewForm(request.POST)
        form.is_valid()
        try:
            services.transition_record(
                record=record,
                user=request.user,
                name=action,
                comment=form.cleaned_data.get("comment", ""),
            )
        except FindingsError as error:
            show_domain_error(request, error)
        else:
            messages.success(request, _("Done."))
        return redirect(self.url("findings_detail", record_pk=record.pk))


class HistoryMixin(RecordMixin):
    """A page of the record's history: the second rule is `findings.view_history`."""

    def get(self, request, *args, **kwargs):
        self.require("findings.view_history", self.record)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(record=self.record, can_edit=self.has("findings.edit_record", self.record))
        return context


class RecordHistoryView(HistoryMixin, TemplateView):
    template_name = "reports/findings/record_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["versions"] = self.record.versions.select_related("author")
        return context


class RecordVersionView(HistoryMixin, TemplateView):
    template_name = "reports/findings/record_version.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.record
        version = get_object_or_404(
            RecordVersion.objects.select_related("author"), record=record, version=self.kwargs["version"]
        )
        data = version.snapshot
        context.update(
            version=version,
            notes=data.get("notes", ""),
            language=data.get("language", ""),
            sections=selectors.findings_by_section(data.get("findings", []), selectors.sections_for(record)),
        )
        return context


class RecordRestoreView(RecordMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        record = self.record
        self.require("findings.view_history", record)
        version = get_object_or_404(RecordVersion, record=record, version=kwargs["version"])
        self.require("findings.edit_record", record)
        try:
            record = services.restore_version(record=record, user=request.user, version=version)
        except FindingsError as error:
            show_domain_error(request, error)
            return redirect(self.url("findings_history", record_pk=record.pk))
        messages.success(
            request,
            _("Version %(old)s restored as version %(new)s.")
            % {"old": version.version, "new": record.version},
        )
        return redirect(self.url("findings_edit", record_pk=record.pk))


# --- organisers: which sections apply -------------------------------------------------------------------


class TemplateSettingsView(ManageMixin, ReportsMixin, TemplateView):
    template_name = "reports/findings/template_settings.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.template_settings(self.event))
        return context


class SectionsEditView(ManageMixin, ReportsMixin, TemplateView):
    """The template of one agenda item: a table session's block, the item of breakout groups, a recap."""

    template_name = "reports/findings/sections_form.html"

    @cached_property
    def item(self):
        return get_object_or_404(
            AgendaItem.objects.select_related("table_session"),
            pk=self.kwargs["item_pk"],
            day__event=self.event,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        session = getattr(self.item, "table_session", None)
        context["title"] = session.title if session else self.item.title
        return context

    def get(self, request, *args, **kwargs):
        form = SectionsForm(sections=selectors.item_sections(self.item.pk))
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = SectionsForm(request.POST, sections=selectors.item_sections(self.item.pk))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        services.set_template_sections(agenda_item=self.item, sections=form.sections())
        messages.success(request, _("Template sections saved."))
        return redirect(self.url("findings_template"))
