"""Registration: participants register and cancel; the organisers' registration desk decides and exports."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, View

from events.downloads import bytes_response
from events.errors import DomainError
from events.rules import forget_roles
from events.views.mixins import EventPermissionMixin, ManageMixin, handle_domain_error

from .. import selectors
from ..forms import RegistrationForm, SignupSettingsForm
from ..models import Registration
from ..services.exports import export_registrations
from ..services.registration import (
    approve_registration,
    cancel_registration,
    decline_registration,
    register_participant,
    signup_state,
    update_registration,
    update_signup_settings,
)
from .common import EXPORT_FORMATS, SignedInMixin

# --- participants -------------------------------------------------------------------------------------


class RegisterView(SignedInMixin, EventPermissionMixin, FormView):
    """Register for the event, or change one's registration later."""

    permission_required = "tables.register"

    template_name = "sessions_app/register.html"
    form_class = RegistrationForm

    @property
    def registration(self):
        if not hasattr(self, "_registration"):
            self._registration = selectors.registration_of(event=self.event, user=self.request.user)
        return self._registration

    @property
    def is_edit(self) -> bool:
        return self.registration is not None and self.registration.status != Registration.Status.CANCELLED

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["event"] = self.event
        if self.is_edit:
            kwargs["instance"] = self.registration
        else:
            kwargs["initial"] = {
                "full_name": self.request.user.get_full_name(),
                "preferred_language": self.request.LANGUAGE_CODE,
            }
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registration"] = self.registration if self.is_edit else None
        context["signup_state"] = signup_state(event=self.event)
        return context

    def form_valid(self, form):
        data = {name: form.cleaned_data[name] for name in form.cleaned_data if name != "days"}
        try:
            if self.is_edit:
                update_registration(registration=self.registration, data=data, days=form.cleaned_data["days"])
                messages.success(self.request, _("Your registration was updated."))
            else:
                registration = register_participant(
                    event=self.event, user=self.request.user, data=data, days=form.cleaned_data["days"]
                )
                if registration.status == Registration.Status.WAITLISTED:
                    messages.warning(self.request, _("The event is full: you are on the waiting list."))
                else:
                    messages.success(
                        self.request, _("Thank you: your registration awaits the organisers' approval.")
                    )
        except DomainError as error:
            handle_domain_error(self.request, error, form)
            return self.form_invalid(form)
        return redirect("sessions_app:register", slug=self.event.slug)


class CancelRegistrationView(SignedInMixin, EventPermissionMixin, View):
    permission_required = "tables.register"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        registration = selectors.registration_of(event=self.event, user=request.user)
        if registration is not None:
            try:
                cancel_registration(registration=registration)
            except DomainError as error:
                handle_domain_error(request, error)
            else:
                forget_roles(request.user)
                messages.success(request, _("Your registration was cancelled."))
        return redirect("sessions_app:register", slug=self.event.slug)


# --- the organisers' registration desk ----------------------------------------------------------------


class RegistrationListView(ManageMixin, FormView):
    """Every registration with its status, and the sign-up settings: the one place that edits capacity
    and the sign-up window, so that a larger capacity moves the waiting list up."""

    permission_required = "registrations.manage"
    template_name = "sessions_app/manage/registrations.html"
    form_class = SignupSettingsForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.event
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status")
        if status not in Registration.Status.values:
            status = None
        context["registrations"] = selectors.registration_desk(event=self.event, status=status)
        context["status"] = status
        context["statuses"] = Registration.Status.choices
        context["counts"] = selectors.status_counts(event=self.event)
        context["signup_state"] = signup_state(event=self.event)
        return context

    def form_valid(self, form):
        try:
            promoted = update_signup_settings(
                event=self.event,
                capacity=form.cleaned_data["capacity"],
                signup_opens=form.cleaned_data["signup_opens"],
                signup_closes=form.cleaned_data["signup_closes"],
            )
        except DomainError as error:
            handle_domain_error(self.request, error, form)
            return self.form_invalid(form)
        messages.success(self.request, _("Sign-up settings saved."))
        if promoted:
            messages.info(
                self.request,
                ngettext(
                    "%(count)s person moved up from the waiting list.",
                    "%(count)s people moved up from the waiting list.",
                    len(promoted),
                )
                % {"count": len(promoted)},
            )
        return redirect("sessions_app:registrations", slug=self.event.slug)


class RegistrationDecisionView(ManageMixin, View):
    permission_required = "registrations.manage"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if kwargs["action"] not in ("approve", "decline"):
            raise Http404
        registration = get_object_or_404(Registration, pk=kwargs["registration_pk"], event=self.event)
        try:
            if kwargs["action"] == "approve":
                registration = approve_registration(registration=registration, actor=request.user)
                if registration.status == Registration.Status.WAITLISTED:
                    messages.warning(
                        request,
                        _("The event is full: %(name)s is on the waiting list.")
                        % {"name": registration.full_name},
                    )
                else:
                    messages.success(request, _("%(name)s is approved.") % {"name": registration.full_name})
            else:
                decline_registration(registration=registration, actor=request.user)
                messages.success(request, _("%(name)s is declined.") % {"name": registration.full_name})
        except DomainError as error:
            handle_domain_error(request, error)
        return redirect("sessions_app:registrations", slug=self.event.slug)


class RegistrationExportView(ManageMixin, View):
    permission_required = "registrations.manage"

    def get(self, request, *args, **kwargs):
        if kwargs["fmt"] not in EXPORT_FORMATS:
            raise Http404
        data, content_type, filename = export_registrations(event=self.event, fmt=kwargs["fmt"])
        return bytes_response(data, content_type=content_type, filename=filename)
