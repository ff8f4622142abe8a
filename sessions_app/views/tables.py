"""Organiser pages of table sessions: the sessions, their rotations, tables and materials."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from events.errors import DomainError
from events.views.mixins import handle_domain_error

from .. import selectors
from ..forms import MaterialForm, RotationTimesForm, TableForm, TableSessionForm
from ..models import Material
from ..services.tables import (
    create_table_session,
    rotation_time_problems,
    save_table,
    set_rotation_count,
    set_rotation_times,
)
from .common import OrganiserMixin, TableSessionMixin


class SessionListView(OrganiserMixin, TemplateView):
    template_name = "sessions_app/manage/sessions.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sessions"] = selectors.table_sessions_with_counts(event=self.event)
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
            session = create_table_session(
                event=self.event,
                agenda_item=form.cleaned_data["agenda_item"],
                kind=form.cleaned_data["kind"],
                rotations=form.cleaned_data["rotations"],
                **data,
            )
        except DomainError as error:
            handle_domain_error(self.request, error, form)
            return self.form_invalid(form)
        messages.success(self.request, _("Table session created."))
        return redirect("sessions_app:session_detail", slug=self.event.slug, table_session_pk=session.pk)


class SessionDetailView(OrganiserMixin, TableSessionMixin, FormView):
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
        rotations = list(self.session.rotations.select_related("agenda_item"))
        context["rotations"] = rotations
        context["rotation_problems"] = rotation_time_problems(session=self.session, rotations=rotations)
        context.setdefault("times_form", RotationTimesForm(session=self.session))
        context["tables"] = self.session.tables.prefetch_related(
            "facilitators", "slots__rotation", "materials"
        )
        return context

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("Table session saved."))
        return redirect("sessions_app:session_detail", slug=self.event.slug, table_session_pk=self.session.pk)


class RotationCountView(OrganiserMixin, TableSessionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            count = int(request.POST.get("count", ""))
            set_rotation_count(session=self.session, count=count)
            messages.success(request, _("Rotations saved."))
        except ValueError:
            messages.error(request, _("Give a whole number of rotations."))
        except DomainError as error:
            handle_domain_error(request, error)
        return redirect("sessions_app:session_detail", slug=self.event.slug, table_session_pk=self.session.pk)


class RotationTimesView(OrganiserMixin, TableSessionMixin, FormView):
    """Set the times of rotations that have no agenda item of their own."""

    template_name = "sessions_app/manage/rotation_times.html"
    form_class = RotationTimesForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["session"] = self.session
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["session"] = self.session
        return context

    def form_valid(self, form):
        try:
            set_rotation_times(session=self.session, times=form.times())
        except DomainError as error:
            handle_domain_error(self.request, error, form)
            return self.form_invalid(form)
        messages.success(self.request, _("Rotation times saved."))
        return redirect("sessions_app:session_detail", slug=self.event.slug, table_session_pk=self.session.pk)


class TableFormView(OrganiserMixin, TableSessionMixin, FormView):
    """Add a table (no table_pk in the URL) or edit one."""

    template_name = "sessions_app/manage/table_form.html"
    form_class = TableForm

    @property
    def table(self):
        if "table_pk" not in self.kwargs:
            return None
        return self.get_table(self.kwargs["table_pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["session"] = self.session
        kwargs["facilitators"] = selectors.facilitator_choices(event=self.event)
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
            save_table(table=table, seats=form.seats(), facilitators=form.cleaned_data["facilitators"])
        except DomainError as error:
            handle_domain_error(self.request, error, form)
            return self.form_invalid(form)
        messages.success(self.request, _("Table saved."))
        return redirect("sessions_app:session_detail", slug=self.event.slug, table_session_pk=self.session.pk)


class MaterialsView(OrganiserMixin, TableSessionMixin, FormView):
    template_name = "sessions_app/manage/materials.html"
    form_class = MaterialForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["session"] = self.session
        context["table"] = self.get_table(self.kwargs["table_pk"])
        context["materials"] = context["table"].materials.all()
        return context

    def form_valid(self, form):
        material = form.save(commit=False)
        material.session = self.session
        material.table = self.get_table(self.kwargs["table_pk"])
        material.full_clean()
        material.save()
        messages.success(self.request, _("Material added."))
        return redirect(self.request.path)


class MaterialDeleteView(OrganiserMixin, TableSessionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        material = get_object_or_404(Material, pk=kwargs["material_pk"], session=self.session)
        table_id = material.table_id
        material.delete()
        messages.success(request, _("Material removed."))
        if table_id:
            return redirect(
                "sessions_app:materials",
                slug=self.event.slug,
                table_session_pk=self.session.pk,
                table_pk=table_id,
            )
        return redirect("sessions_app:session_detail", slug=self.event.slug, table_session_pk=self.session.pk)
