"""Organiser pages: registrations, table sessions and tables, allocation, breakout groups."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from events.downloads import bytes_response
from events.models import AgendaItem
from events.permissions import has_perm

from .. import services
from ..forms import BreakoutGroupForm, MaterialForm, MoveForm, SignupSettingsForm, TableForm, TableSessionForm
from ..models import Assignment, BreakoutGroup, GroupPlacement, Material, Registration, Table, TableSession
from ..services.allocating import unplaced_ids
from ..services.tables import facilitator_choices
from .common import SessionMixin, SignedInEventMixin

FORMATS = {"csv", "xlsx"}


class OrganiserMixin(SignedInEventMixin):
    permission_required = "allocation.manage"


# --- registrations ------------------------------------------------------------------------------------


class RegistrationListView(SignedInEventMixin, FormView):
    permission_required = "registrations.manage"
    template_name = "sessions_app/manage/registrations.html"
    form_class = SignupSettingsForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.event
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registrations = (
            Registration.objects.filter(event=self.event).select_related("user").order_by("created_at", "pk")
        )
        status = self.request.GET.get("status")
        if status in Registration.Status.values:
            registrations = registrations.filter(status=status)
        context["registrations"] = registrations
        context["status"] = status
        context["statuses"] = Registration.Status.choices
        context["counts"] = dict(
            Registration.objects.filter(event=self.event).values_list("status").annotate(n=Count("pk"))
        )
        context["signup_state"] = services.signup_state(event=self.event)
        return context

    def form_valid(self, form):
        promoted = services.update_signup_settings(
            event=self.event,
            capacity=form.cleaned_data["capacity"],
            signup_opens=form.cleaned_data["signup_opens"],
            signup_closes=form.cleaned_data["signup_closes"],
        )
        messages.success(self.request, _("Sign-up settings saved."))
        if promoted:
            messages.info(
                self.request, _("%(count)s people moved up from the waiting list.") % {"count": len(promoted)}
            )
        return redirect("sessions_app:registrations", slug=self.event.slug)


class RegistrationDecisionView(SignedInEventMixin, View):
    permission_required = "registrations.manage"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if kwargs["action"] not in ("approve", "decline"):
            raise Http404
        registration = get_object_or_404(Registration, pk=kwargs["pk"], event=self.event)
        try:
            if kwargs["action"] == "approve":
                registration = services.approve_registration(registration=registration)
                if registration.status == Registration.Status.WAITLISTED:
                    messages.warning(
                        request,
                        _("The event is full: %(name)s is on the waiting list.")
                        % {"name": registration.full_name},
                    )
                else:
                    messages.success(request, _("%(name)s is approved.") % {"name": registration.full_name})
            else:
                services.decline_registration(registration=registration)
                messages.success(request, _("%(name)s is declined.") % {"name": registration.full_name})
        except services.SessionsError as error:
            messages.error(request, str(error))
        return redirect("sessions_app:registrations", slug=self.event.slug)


class RegistrationExportView(SignedInEventMixin, View):
    permission_required = "registrations.manage"

    def get(self, request, *args, **kwargs):
        if kwargs["fmt"] not in FORMATS:
            raise Http404
        data, content_type, filename = services.export_registrations(event=self.event, fmt=kwargs["fmt"])
        return bytes_response(data, content_type=content_type, filename=filename)


# --- table sessions and tables ------------------------------------------------------------------------


class SessionListView(OrganiserMixin, TemplateView):
    template_name = "sessions_app/manage/sessions.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sessions"] = (
            TableSession.objects.filter(event=self.event)
            .select_related("agenda_item__day")
            .annotate(n_tables=Count("tables", distinct=True), n_rotations=Count("rotations", distinct=True))
        )
        return context


class SessionCreateView(OrganiserMixin, FormView):
    template_name = "sessions_app/manage/session_form.html"
    form_class = TableSessionForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["event"] = self.event
        return kwargs

    def form_valid(self, form):
        data = {
            name: value
            for name, value in form.cleaned_data.items()
            if name not in ("agenda_item", "rotations", "kind")
        }
        try:
            session = services.create_table_session(
                event=self.event,
                agenda_item=form.cleaned_data["agenda_item"],
                kind=form.cleaned_data["kind"],
                rotations=form.cleaned_data["rotations"],
                **data,
            )
        except services.SessionsError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Table session created."))
        return redirect("sessions_app:session_detail", slug=self.event.slug, session_id=session.pk)


class SessionDetailView(OrganiserMixin, SessionMixin, FormView):
    """Edit a session; list its rotations and tables."""

    template_name = "sessions_app/manage/session_detail.html"
    form_class = TableSessionForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["event"] = self.event
        kwargs["instance"] = self.session
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["session"] = self.session
        context["rotations"] = self.session.rotations.select_related("agenda_item")
        context["tables"] = self.session.tables.prefetch_related(
            "facilitators", "slots__rotation", "materials"
        )
        return context

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("Table session saved."))
        return redirect("sessions_app:session_detail", slug=self.event.slug, session_id=self.session.pk)


class RotationCountView(OrganiserMixin, SessionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            count = int(request.POST.get("count", ""))
            services.set_rotation_count(session=self.session, count=count)
            messages.success(request, _("Rotations saved."))
        except ValueError:
            messages.error(request, _("Give a whole number of rotations."))
        except services.SessionsError as error:
            messages.error(request, str(error))
        return redirect("sessions_app:session_detail", slug=self.event.slug, session_id=self.session.pk)


class TableFormView(OrganiserMixin, SessionMixin, FormView):
    """Add a table (no table_id in the URL) or edit one."""

    template_name = "sessions_app/manage/table_form.html"
    form_class = TableForm

    @property
    def table(self):
        if "table_id" not in self.kwargs:
            return None
        return self.get_table(self.kwargs["table_id"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["session"] = self.session
        kwargs["facilitators"] = facilitator_choices(event=self.event)
        table = self.table
        if table is not None:
            kwargs["instance"] = table
        else:
            kwargs["initial"] = {
                "number": (self.session.tables.count() + 1),
                "working_language": self.event.default_language,
            }
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["session"] = self.session
        context["table"] = self.table
        return context

    def form_valid(self, form):
        try:
            table = form.save(commit=False)
            services.save_table(
                table=table, seats=form.seats(), facilitators=form.cleaned_data["facilitators"]
            )
        except services.SessionsError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Table saved."))
        return redirect("sessions_app:session_detail", slug=self.event.slug, session_id=self.session.pk)


class MaterialsView(OrganiserMixin, SessionMixin, FormView):
    template_name = "sessions_app/manage/materials.html"
    form_class = MaterialForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["session"] = self.session
        context["table"] = self.get_table(self.kwargs["table_id"])
        context["materials"] = context["table"].materials.all()
        return context

    def form_valid(self, form):
        material = form.save(commit=False)
        material.session = self.session
        material.table = self.get_table(self.kwargs["table_id"])
        material.full_clean()
        material.save()
        messages.success(self.request, _("Material added."))
        return redirect(self.request.path)


class MaterialDeleteView(OrganiserMixin, SessionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        material = get_object_or_404(Material, pk=kwargs["material_id"], session=self.session)
        table_id = material.table_id
        material.delete()
        messages.success(request, _("Material removed."))
        if table_id:
            return redirect(
                "sessions_app:materials", slug=self.event.slug, session_id=self.session.pk, table_id=table_id
            )
        return redirect("sessions_app:session_detail", slug=self.event.slug, session_id=self.session.pk)


# --- allocation ---------------------------------------------------------------------------------------


def roster_grid(session):
    """[(rotation, [(table, seats, [registrations])])] for a session, in a fixed number of queries."""
    rotations = list(session.rotations.order_by("number"))
    tables = list(session.tables.order_by("number").prefetch_related("slots"))
    people = {}
    for assignment in (
        Assignment.objects.filter(rotation__session=session)
        .select_related("registration")
        .order_by("registration__full_name", "registration__pk")
    ):
        people.setdefault((assignment.rotation_id, assignment.table_id), []).append(assignment.registration)
    grid = []
    for rotation in rotations:
        row = []
        for table in tables:
            seats = next((slot.seats for slot in table.slots.all() if slot.rotation_id == rotation.pk), 0)
            row.append((table, seats, people.get((rotation.pk, table.pk), [])))
        grid.append((rotation, row))
    return grid


class AllocationView(OrganiserMixin, SessionMixin, TemplateView):
    template_name = "sessions_app/manage/allocation.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        session = self.session
        context["session"] = session
        context["quality"] = services.quality_rows(report=session.allocation_report or {})
        context["grid"] = roster_grid(session)
        context["move_form"] = kwargs.get("move_form") or MoveForm(session=session)
        ids = [pid[1:] for pid in unplaced_ids(session.allocation_report or {}) if pid[1:].isdigit()]
        context["unplaced"] = Registration.objects.filter(pk__in=ids, event=self.event)
        context["participants"] = Registration.objects.filter(
            event=self.event, status=Registration.Status.APPROVED
        ).count()
        context["ranked"] = (
            Registration.objects.filter(
                event=self.event, status=Registration.Status.APPROVED, preferences__table__session=session
            )
            .distinct()
            .count()
        )
        return context


class AllocateView(OrganiserMixin, SessionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            outcome = services.allocate_session(session=self.session)
        except services.SessionsError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Allocation computed: %(count)s seats assigned.") % {"count": outcome.stored}
            )
            if outcome.unplaced:
                messages.warning(
                    request, _("%(count)s people could not be placed.") % {"count": len(outcome.unplaced)}
                )
        return redirect("sessions_app:allocation", slug=self.event.slug, session_id=self.session.pk)


class MoveView(OrganiserMixin, SessionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = MoveForm(request.POST, session=self.session)
        if form.is_valid():
            try:
                services.move_participant(
                    registration=form.cleaned_data["registration"],
                    rotation=form.cleaned_data["rotation"],
                    table=form.cleaned_data["table"],
                )
            except services.SessionsError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, _("%(name)s moved.") % {"name": form.cleaned_data["registration"].full_name}
                )
                return redirect("sessions_app:allocation", slug=self.event.slug, session_id=self.session.pk)
        view = AllocationView()
        view.setup(request, *args, **kwargs)
        view.event = self.event
        return view.render_to_response(view.get_context_data(move_form=form), status=400)


class PublishView(OrganiserMixin, SessionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            sent = services.publish_allocation(session=self.session, base_url=request.build_absolute_uri("/"))
        except services.SessionsError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Allocation published; %(count)s e-mails sent.") % {"count": sent})
        return redirect("sessions_app:allocation", slug=self.event.slug, session_id=self.session.pk)


class RosterExportView(OrganiserMixin, SessionMixin, View):
    def get(self, request, *args, **kwargs):
        if kwargs["fmt"] not in FORMATS:
            raise Http404
        data, content_type, filename = services.export_rosters(session=self.session, fmt=kwargs["fmt"])
        return bytes_response(data, content_type=content_type, filename=filename)


# --- breakout groups ----------------------------------------------------------------------------------


class GroupListView(OrganiserMixin, TemplateView):
    template_name = "sessions_app/manage/groups.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = BreakoutGroup.objects.annotate(n_placed=Count("placements")).order_by("order", "pk")
        context["items"] = (
            AgendaItem.objects.filter(day__event=self.event, parent__isnull=True)
            .filter(Q(kind="group_work") | Q(breakout_groups__isnull=False))
            .distinct()
            .select_related("day")
            .prefetch_related(Prefetch("breakout_groups", queryset=groups))
            .order_by("day__date", "start")
        )
        return context


class GroupItemMixin:
    def get_item(self):
        return get_object_or_404(AgendaItem, pk=self.kwargs["item_id"], day__event=self.event)


class GroupFormView(OrganiserMixin, GroupItemMixin, FormView):
    template_name = "sessions_app/manage/group_form.html"
    form_class = BreakoutGroupForm

    def get_group(self):
        if "group_id" not in self.kwargs:
            return None
        return get_object_or_404(BreakoutGroup, pk=self.kwargs["group_id"], agenda_item=self.get_item())

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["agenda_item"] = self.get_item()
        group = self.get_group()
        if group is not None:
            kwargs["instance"] = group
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["item"] = self.get_item()
        context["group"] = self.get_group()
        return context

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("Group saved."))
        return redirect("sessions_app:groups", slug=self.event.slug)


class GroupDeleteView(OrganiserMixin, GroupItemMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        group = get_object_or_404(BreakoutGroup, pk=kwargs["group_id"], agenda_item=self.get_item())
        group.delete()
        messages.success(request, _("Group removed."))
        return redirect("sessions_app:groups", slug=self.event.slug)


class PlaceGroupsView(OrganiserMixin, GroupItemMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        placed = services.place_in_groups(agenda_item=self.get_item())
        messages.success(
            request, _("%(count)s participants placed in groups.") % {"count": sum(placed.values())}
        )
        return redirect("sessions_app:groups", slug=self.event.slug)


class GroupRosterView(OrganiserMixin, GroupItemMixin, TemplateView):
    template_name = "sessions_app/manage/group_roster.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        group = get_object_or_404(BreakoutGroup, pk=self.kwargs["group_id"], agenda_item=self.get_item())
        context["group"] = group
        placements = (
            GroupPlacement.objects.filter(group=group)
            .select_related("registration")
            .order_by("part", "registration__country", "registration__full_name")
        )
        parts = {}
        for placement in placements:
            parts.setdefault(placement.part, []).append(placement.registration)
        context["parts"] = sorted(parts.items())
        return context


# --- facilitators -------------------------------------------------------------------------------------


class FacilitatingView(SignedInEventMixin, TemplateView):
    """The tables a facilitator facilitates (organisers see every table)."""

    template_name = "sessions_app/facilitating.html"
    permission_required = "tables.facilitate"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tables = Table.objects.filter(session__event=self.event).select_related("session")
        if not _sees_every_table(self.request.user, self.event):
            tables = tables.filter(facilitators=self.request.user)
        context["tables"] = tables.order_by("session__pk", "number")
        return context


def _sees_every_table(user, event) -> bool:
    return has_perm(user, event, "allocation.manage")


class TableRosterView(SignedInEventMixin, TemplateView):
    """A table's roster per rotation: its facilitators and organisers only."""

    template_name = "sessions_app/roster.html"
    permission_required = "tables.facilitate"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        table = get_object_or_404(
            Table.objects.select_related("session"), pk=self.kwargs["table_id"], session__event=self.event
        )
        if (
            not _sees_every_table(self.request.user, self.event)
            and not table.facilitators.filter(pk=self.request.user.pk).exists()
        ):
            raise PermissionDenied
        context["table"] = table
        rosters = {}
        for assignment in (
            Assignment.objects.filter(table=table)
            .select_related("registration", "rotation")
            .order_by("rotation__number", "registration__full_name", "registration__pk")
        ):
            rosters.setdefault(assignment.rotation, []).append(assignment.registration)
        context["rosters"] = [
            (rotation, rosters.get(rotation, [])) for rotation in table.session.rotations.all()
        ]
        return context
