"""Registration: participants register and cancel; the organisers' registration desk decides and exports."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, View

from events.downloads import bytes_response
from events.errors import DomainError
from events.rules import forget_roles, has_perm
from events.views.mixins import EventPermissionMixin, ManageMixin, handle_domain_error

from .. import selectors
from ..desk_forms import BulkDecisionForm, DeskFilterForm
from ..forms import RegistrationForm, SignupSettingsForm
from ..models import Registration
from ..services.exports import export_registrations
from ..services.registration import (
    approve_registration,
    cancel_registration,
    decide_registrations,
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
        kwargs["reads_closed_days"] = has_perm(self.request.user, self.event, "event.view_closed")
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
                cancel_registration(registration=registration, base_url=request.build_absolute_uri("/"))
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

    paginate_by = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filter_form = DeskFilterForm(self.request.GET or None, event=self.event)
        filters = filter_form.filters()
        registrations = selectors.registration_desk(event=self.event, **filters)
        page = Paginator(registrations, self.paginate_by).get_page(self.request.GET.get("page"))
        context.update(
            filter_form=filter_form,
            filtered=bool(filters),
            querystring=filter_form.querystring(),
            page=page,
            registrations=page.object_list,
            counts=selectors.status_counts(event=self.event),
            statuses=Registration.Status.choices,
            signup_state=signup_state(event=self.event),
        )
        return context

    def form_valid(self, form):
        try:
            promoted = update_signup_settings(
                event=self.event,
                capacity=form.cleaned_data["capacity"],
                signup_opens=form.cleaned_data["signup_opens"],
                signup_closes=form.cleaned_data["signup_closes"],
                base_url=self.request.build_absolute_uri("/"),
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
                registration = approve_registration(
                    registration=registration, actor=request.user, base_url=request.build_absolute_uri("/")
                )
                if registration.status == Registration.Status.WAITLISTED:
                    messages.warning(
                        request,
                        _("The event is full: %(name)s is on the waiting list.")
                        % {"name": registration.full_name},
                    )
                else:
                    messages.success(request, _("%(name)s is approved.") % {"name": registration.full_name})
            else:
                decline_registration(
                    registration=registration, actor=request.user, base_url=request.build_absolute_uri("/")
                )
                messages.success(request, _("%(name)s is declined.") % {"name": registration.full_name})
        except DomainError as error:
            handle_domain_error(request, error)
        return _back_to_desk(self.event, request.POST.get("filters", ""))


def _back_to_desk(event, filters: str):
    """The desk with the filters the organiser had set (only the known ones, re-encoded)."""
    form = DeskFilterForm(QueryDict(filters), event=event)
    url = reverse("sessions_app:registrations", kwargs={"slug": event.slug})
    querystring = form.querystring()
    return redirect(f"{url}?{querystring}" if querystring else url)


class BulkDecisionView(ManageMixin, View):
    """Approve or decline the selected registrations: a confirmation page first, then the decisions and
    one message saying what was done."""

    permission_required = "registrations.manage"
    http_method_names = ["post"]
    template_name = "sessions_app/manage/bulk_confirm.html"

    def post(self, request, *args, **kwargs):
        form = BulkDecisionForm(request.POST, event=self.event)
        if not form.is_valid():
            messages.error(request, _("Select registrations and an action first."))
            return _back_to_desk(self.event, request.POST.get("filters", ""))
        action, ids = form.cleaned_data["action"], form.cleaned_data["ids"]
        if not form.cleaned_data["confirm"]:
            chosen = selectors.registration_desk(event=self.event).filter(pk__in=ids)
            return render(
                request,
                self.template_name,
                {"event": self.event, "form": form, "action": action, "chosen": chosen, "ids": ids},
            )
        outcome = decide_registrations(
            event=self.event,
            registration_ids=ids,
            action=action,
            actor=request.user,
            base_url=request.build_absolute_uri("/"),
        )
        _say_outcome(request, action, outcome)
        return _back_to_desk(self.event, form.cleaned_data["filters"])


def _say_outcome(request, action: str, outcome) -> None:
    count = len(outcome.done)
    if action == "approve":
        text = ngettext("%(count)s registration approved.", "%(count)s registrations approved.", count)
    else:
        text = ngettext("%(count)s registration declined.", "%(count)s registrations declined.", count)
    messages.success(request, text % {"count": count})
    if outcome.waitlisted:
        n = len(outcome.waitlisted)
        messages.warning(
            request,
            ngettext(
                "The event is full: %(count)s person is on the waiting list.",
                "The event is full: %(count)s people are on the waiting list.",
                n,
            )
            % {"count": n},
        )
    if outcome.promoted:
        n = len(outcome.promoted)
        messages.info(
            request,
            ngettext(
                "%(count)s person moved up from the waiting list.",
                "%(count)s people moved up from the waiting list.",
                n,
            )
            % {"count": n},
        )
    for registration, reason in outcome.refused:
        messages.error(request, f"{registration.full_name}: {reason}")


class RegistrationExportView(ManageMixin, View):
    permission_required = "registrations.manage"

    def get(self, request, *args, **kwargs):
        if kwargs["fmt"] not in EXPORT_FORMATS:
            raise Http404
        data, content_type, filename = export_registrations(event=self.event, fmt=kwargs["fmt"])
        return bytes_response(data, content_type=content_type, filename=filename)
