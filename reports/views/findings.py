"""Pages of the consolidation records: the list, the template form (with autosave and conflicts), the
review workflow, the history, the organisers' template settings and the daily takeaways."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from events.models import AgendaItem, Day
from events.permissions import EventPermissionMixin, has_perm, visible_days
from sessions_app.models import BreakoutGroup, Rotation, Table, TableSession

from .. import rules
from ..forms.findings import (
    RecordForm,
    ReviewForm,
    SectionsForm,
    TakeawayAuthorsForm,
    TakeawayForm,
    build_formsets,
)
from ..models import ConsolidationRecord, FindingKind, RecordVersion, Takeaway
from ..models.findings import TRANSITIONS
from ..selectors import findings as selectors
from ..services import findings as services


class FindingsMixin(EventPermissionMixin):
    permission_required = "findings.view"


class RecordMixin(FindingsMixin):
    """Loads `self.record` through the event; a record the user may not see is a 404."""

    def get_record(self) -> ConsolidationRecord:
        record = get_object_or_404(selectors.event_records(self.event), pk=self.kwargs["pk"])
        if not rules.can_view(self.request.user, record):
            raise Http404
        return record


def _url(name, event, **kwargs):
    return reverse(f"reports:{name}", kwargs={"slug": event.slug, **kwargs})


class RecordListView(FindingsMixin, TemplateView):
    """Every record the user may see, and for facilitators the slots of their tables still to start."""

    template_name = "reports/findings/record_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        records = selectors.record_list(user=user, event=self.event)
        context["records"] = records
        to_start = selectors.slots_to_start(user=user, event=self.event, records=records)
        for slot in to_start:
            slot["url"] = _url(slot["url_name"], self.event, **slot["url_kwargs"])
        context["to_start"] = to_start
        context["is_reviewer"] = rules.is_reviewer(user, self.event)
        return context


class StartRecordView(FindingsMixin, View):
    """POST: open (or create) the record of one of the user's tables, groups or recaps."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        user = request.user
        try:
            if "table" in kwargs:
                table = get_object_or_404(Table, pk=kwargs["table"], session__event=self.event)
                rotation = get_object_or_404(Rotation, pk=kwargs["rotation"], session__event=self.event)
                if not rules.facilitates_table(user, table):
                    raise PermissionDenied
                record = services.start_table_record(user=user, table=table, rotation=rotation)
            elif "group" in kwargs:
                group = get_object_or_404(
                    BreakoutGroup, pk=kwargs["group"], agenda_item__day__event=self.event
                )
                if not rules.facilitates_group(user, group):
                    raise PermissionDenied
                record = services.start_group_record(user=user, group=group, part=kwargs["part"])
            else:
                item = get_object_or_404(AgendaItem, pk=kwargs["item"], day__event=self.event)
                if not rules.facilitates_item(user, item):
                    raise PermissionDenied
                record = services.start_item_record(user=user, agenda_item=item)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(_url("findings_list", self.event))
        return redirect(_url("findings_edit", self.event, pk=record.pk))


class RecordDetailView(RecordMixin, TemplateView):
    template_name = "reports/findings/record_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.get_record()
        user = self.request.user
        sections = selectors.sections_for(record)
        context.update(
            record=record,
            sections=selectors.findings_by_section(record.findings.all(), sections),
            questions=selectors.guiding_questions(record),
            can_edit=rules.can_edit(user, record),
            can_history=rules.can_view_history(user, record),
            transitions=rules.allowed_transitions(user, record),
            review_form=ReviewForm(),
        )
        return context


class RecordEditView(RecordMixin, TemplateView):
    """The consolidation template. A plain POST saves (no JavaScript needed); autosave.js posts the same
    form with the header X-Autosave and gets JSON back."""

    template_name = "reports/findings/record_form.html"

    def _load(self):
        self.record = self.get_record()
        if not rules.can_edit(self.request.user, self.record):
            raise PermissionDenied
        self.sections = selectors.sections_for(self.record)

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
        self._load()
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
            self._load()
        except PermissionDenied:
            if autosave:
                return JsonResponse(
                    {"ok": False, "error": _("You may not change this record now.")}, status=403
                )
            raise
        form = RecordForm(request.POST, event=self.event)
        formsets = build_formsets(sections=self.sections, data=request.POST)
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
            except services.VersionConflict as conflict:
                return self._conflict(request, form, formsets, conflict.record, autosave)
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                if autosave:
                    return JsonResponse({"ok": True, "version": record.version})
                messages.success(request, _("Saved (version %(version)s).") % {"version": record.version})
                return redirect(_url("findings_edit", self.event, pk=record.pk))
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
        formsets = build_formsets(sections=self.sections, data=data)
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
        record = self.get_record()
        action = kwargs["action"]
        if action in TRANSITIONS and not rules.can_transition(request.user, record, action):
            raise PermissionDenied
        form = ReviewForm(request.POST)
        form.is_valid()
        try:
            services.transition_record(
                record=record,
                user=request.user,
                name=action,
                comment=form.cleaned_data.get("comment", ""),
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Done."))
        return redirect(_url("findings_detail", self.event, pk=record.pk))


class HistoryMixin(RecordMixin):
    def get_record(self):
        record = super().get_record()
        if not rules.can_view_history(self.request.user, record):
            raise PermissionDenied
        return record


class RecordHistoryView(HistoryMixin, TemplateView):
    template_name = "reports/findings/record_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.get_record()
        context.update(
            record=record,
            versions=record.versions.select_related("author"),
            can_edit=rules.can_edit(self.request.user, record),
        )
        return context


class RecordVersionView(HistoryMixin, TemplateView):
    template_name = "reports/findings/record_version.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.get_record()
        version = get_object_or_404(
            RecordVersion.objects.select_related("author"), record=record, version=kwargs["version"]
        )
        data = version.snapshot
        context.update(
            record=record,
            version=version,
            notes=data.get("notes", ""),
            language=data.get("language", ""),
            sections=selectors.findings_by_section(data.get("findings", []), selectors.sections_for(record)),
            can_edit=rules.can_edit(self.request.user, record),
        )
        return context


class RecordRestoreView(HistoryMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        record = self.get_record()
        version = get_object_or_404(RecordVersion, record=record, version=kwargs["version"])
        if not rules.can_edit(request.user, record):
            raise PermissionDenied
        try:
            record = services.restore_version(record=record, user=request.user, version=version)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(_url("findings_history", self.event, pk=record.pk))
        messages.success(
            request,
            _("Version %(old)s restored as version %(new)s.")
            % {"old": version.version, "new": record.version},
        )
        return redirect(_url("findings_edit", self.event, pk=record.pk))


# --- organisers: which sections apply -------------------------------------------------------------------


class TemplateSettingsView(FindingsMixin, TemplateView):
    permission_required = "event.change"
    template_name = "reports/findings/template_settings.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.template_settings(self.event))
        return context


class SectionsEditView(FindingsMixin, TemplateView):
    permission_required = "event.change"
    template_name = "reports/findings/sections_form.html"

    def get_target(self):
        """The agenda item whose template this page sets, and the title the page shows."""
        if "session" in self.kwargs:
            session = get_object_or_404(TableSession, pk=self.kwargs["session"], event=self.event)
            return session.agenda_item, session.title
        item = get_object_or_404(AgendaItem, pk=self.kwargs["item"], day__event=self.event)
        return item, item.title

    def get(self, request, *args, **kwargs):
        item, title = self.get_target()
        form = SectionsForm(sections=selectors.item_sections(item.pk))
        return self.render_to_response(self.get_context_data(form=form, title=title))

    def post(self, request, *args, **kwargs):
        item, title = self.get_target()
        form = SectionsForm(request.POST, sections=selectors.item_sections(item.pk))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, title=title), status=400)
        services.set_template_sections(agenda_item=item, sections=form.sections())
        messages.success(request, _("Template sections saved."))
        return redirect(_url("findings_template", self.event))


# --- daily takeaways ------------------------------------------------------------------------------------


class TakeawayListView(FindingsMixin, TemplateView):
    """Per day: who sums it up and what they wrote. Rapporteurs and organisers read everything; an author
    sees their own days."""

    template_name = "reports/findings/takeaways.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        reviewer = rules.is_reviewer(user, self.event)
        rows = selectors.takeaways_by_day(user=user, event=self.event, reviewer=reviewer)
        context.update(rows=rows, can_choose=has_perm(user, self.event, "event.change"), is_reviewer=reviewer)
        return context


class TakeawayAuthorsView(FindingsMixin, TemplateView):
    permission_required = "event.change"
    template_name = "reports/findings/takeaway_authors.html"

    def _form(self, day, data=None):
        candidates, labels = selectors.takeaway_candidates(self.event)
        initial = {"users": list(day.takeaway_authors.values_list("user_id", flat=True))}
        return TakeawayAuthorsForm(data, candidates=candidates, labels=labels, initial=initial)

    def get(self, request, *args, **kwargs):
        day = get_object_or_404(Day, pk=kwargs["day"], event=self.event)
        return self.render_to_response(self.get_context_data(day=day, form=self._form(day)))

    def post(self, request, *args, **kwargs):
        day = get_object_or_404(Day, pk=kwargs["day"], event=self.event)
        form = self._form(day, request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(day=day, form=form), status=400)
        services.set_takeaway_authors(day=day, users=form.cleaned_data["users"])
        messages.success(request, _("The authors of the day's takeaways are saved."))
        return redirect(_url("findings_takeaways", self.event))


class TakeawayWriteView(FindingsMixin, TemplateView):
    template_name = "reports/findings/takeaway_form.html"

    def _day(self):
        day = get_object_or_404(visible_days(self.request.user, self.event), pk=self.kwargs["day"])
        if not rules.is_takeaway_author(self.request.user, day):
            raise PermissionDenied
        return day

    def get(self, request, *args, **kwargs):
        day = self._day()
        existing = Takeaway.objects.filter(day=day, author=request.user).first()
        initial = (
            {"text": existing.text, "language": existing.language}
            if existing
            else {"language": self.event.default_language}
        )
        return self.render_to_response(
            self.get_context_data(day=day, form=TakeawayForm(event=self.event, initial=initial))
        )

    def post(self, request, *args, **kwargs):
        day = self._day()
        form = TakeawayForm(request.POST, event=self.event)
        if form.is_valid():
            try:
                services.save_takeaway(day=day, user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, " ".join(exc.messages))
            else:
                messages.success(request, _("Your takeaways are saved."))
                return redirect(_url("findings_takeaways", self.event))
        return self.render_to_response(self.get_context_data(day=day, form=form), status=400)
