"""The event's outbox (every e-mail the portal sent for it) and the organisers' messages to registrants."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView, View

from events.errors import DomainError
from events.models import SentEmail
from events.models.event import LANGUAGE_CHOICES
from events.views.mixins import ManageMixin, handle_domain_error

from ..desk_forms import DeskFilterForm, MessageForm
from ..services.organiser_messages import preview_message, send_organiser_message


class OutboxFilterForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=gettext_lazy("About"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", gettext_lazy("All"))]
        self.fields["kind"].choices = everything + list(SentEmail.Kind.choices)
        self.fields["status"].choices = everything + list(SentEmail.Status.choices)


class OutboxView(ManageMixin, TemplateView):
    """Every e-mail sent for the event, newest first: to whom, when, about what, and whether it went."""

    permission_required = "registrations.manage"
    template_name = "sessions_app/manage/outbox.html"
    paginate_by = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = OutboxFilterForm(self.request.GET or None)
        emails = SentEmail.objects.filter(event=self.event).order_by("-created_at", "-pk")
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            for word in data["q"].split():
                emails = emails.filter(Q(recipient__icontains=word) | Q(subject__icontains=word))
            if data["kind"]:
                emails = emails.filter(kind=data["kind"])
            if data["status"]:
                emails = emails.filter(status=data["status"])
        page = Paginator(emails, self.paginate_by).get_page(self.request.GET.get("page"))
        context.update(filter_form=form, page=page, emails=page.object_list, filtered=form.has_changed())
        return context


class MessageComposeView(ManageMixin, View):
    """Write to a filtered group of registrants: choose them, write the versions, see how many people it
    reaches, then send (by a background job)."""

    permission_required = "registrations.manage"
    template_name = "sessions_app/manage/message_compose.html"

    def _forms(self, data=None):
        filters = DeskFilterForm(data or self.request.GET or None, event=self.event, with_session=True)
        return filters, MessageForm(data, event=self.event)

    def _render(self, filter_form, message_form, preview=None):
        names = dict(LANGUAGE_CHOICES)
        return render(
            self.request,
            self.template_name,
            {
                "event": self.event,
                "filter_form": filter_form,
                "form": message_form,
                "preview": preview,
                "language_names": names,
            },
        )

    def get(self, request, *args, **kwargs):
        filter_form, message_form = self._forms()
        return self._render(filter_form, message_form)

    def post(self, request, *args, **kwargs):
        filter_form, message_form = self._forms(request.POST)
        if not (filter_form.is_valid() and message_form.is_valid()):
            return self._render(filter_form, message_form)
        filters, versions = filter_form.filters(), message_form.versions()
        preview = preview_message(event=self.event, filters=filters, versions=versions)
        if not message_form.cleaned_data["confirm"]:
            return self._render(filter_form, message_form, preview)
        if message_form.cleaned_data["counted"] != preview.count:
            messages.warning(
                request, _("The recipients changed since you counted them: check the count again.")
            )
            return self._render(filter_form, message_form, preview)
        try:
            job = send_organiser_message(
                event=self.event,
                filters=filters,
                versions=versions,
                token=message_form.cleaned_data["token"],
                actor=request.user,
            )
        except DomainError as error:
            handle_domain_error(request, error)
            return self._render(filter_form, message_form)
        count = len(job.inputs["registrations"])
        messages.success(
            request,
            ngettext(
                "The message is being sent to %(count)s person.",
                "The message is being sent to %(count)s people.",
                count,
            )
            % {"count": count},
        )
        return redirect("sessions_app:outbox", slug=self.event.slug)
