"""The mixins every event page builds on: the event of the request and one permission check; the back
office's form and delete pages; domain errors turned into messages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from ..errors import DomainError
from ..rules import has_perm, roles_for
from ..services import bump_content_version


def handle_domain_error(request, error: DomainError, form=None, field: str | None = None) -> None:
    """Show a refused request to the person who made it: on the form (field or whole form) or as a message."""
    if form is not None:
        form.add_error(field, str(error))
    else:
        messages.error(request, str(error))


class EventPermissionMixin(AccessMixin):
    """The event of the URL (`request.event`, loaded once by `events.middleware.EventMiddleware`) and one
    permission check, `permission_required` (a name in `events.rules`) on `get_permission_object()`.

    Events that are not published are 404 for everyone who may not see them, so their existence does not
    leak. Anonymous users without the permission are sent to log in; signed-in users get 403. Views fetch
    every object through `self.event` (`self.event.days.get(...)`), so an id from another event is 404.
    """

    permission_required: str = "event.view"

    def dispatch(self, request, *args, **kwargs):
        self.event = getattr(request, "event", None) and self.get_event()
        if self.event is None:
            raise Http404
        if not has_perm(request.user, self.event, "event.view"):
            raise Http404
        if not has_perm(request.user, self.event, self.permission_required, self.get_permission_object()):
            return self.refuse()
        return super().dispatch(request, *args, **kwargs)

    def get_event(self):
        return self.request.event

    def get_permission_object(self):
        """The object a rule is about (a table, a record); None for rules about the whole event."""
        return None

    def refuse(self):
        if not self.request.user.is_authenticated:
            return self.handle_no_permission()
        raise PermissionDenied

    def has(self, permission: str, obj=None) -> bool:
        return has_perm(self.request.user, self.event, permission, obj)

    def require(self, permission: str, obj=None) -> None:
        """For a second rule inside a view (an action on one object): 403 unless it holds."""
        if not self.has(permission, obj):
            raise PermissionDenied

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["event"] = self.event
        context["event_roles"] = roles_for(self.request.user, self.event)
        context["can_change_event"] = self.has("event.change")
        return context


class ManageMixin(EventPermissionMixin):
    """A back-office page: under /e/<slug>/manage/, in the back-office shell (`events/manage/base.html`)."""

    permission_required = "event.change"

    def manage_url(self, name: str, **kwargs) -> str:
        return reverse(f"events:manage_{name}", kwargs={"slug": self.event.slug, **kwargs})


class ManageFormView(ManageMixin, FormView):
    """A form about one object of the event (or a new one); subclasses say which and where to go next."""

    template_name = "events/manage/form.html"
    heading = ""
    submit_label = gettext_lazy("Save")
    success_message = ""

    def get_object(self):
        return None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["event"] = self.event
        self.object = self.get_object()
        if self.object is not None:
            kwargs["instance"] = self.object
        return kwargs

    def get_cancel_url(self) -> str:
        return self.get_success_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.get_heading(), submit_label=self.submit_label, cancel_url=self.get_cancel_url()
        )
        return context

    def get_heading(self) -> str:
        return str(self.heading)

    def form_valid(self, form):
        with transaction.atomic():
            self.object = form.save()
            bump_content_version(self.event)  # days, people, documents... show on the public pages
        if self.success_message:
            messages.success(self.request, self.success_message % {"object": self.object})
        return HttpResponseRedirect(self.get_success_url())


class ManageDeleteView(ManageMixin, TemplateView):
    """GET asks for confirmation, POST deletes."""

    template_name = "events/manage/confirm_delete.html"

    def get_object(self):
        raise NotImplementedError

    def get_success_url(self) -> str:
        raise NotImplementedError

    def consequences(self) -> list[str]:
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.get_object(), consequences=self.consequences(), cancel_url=self.get_success_url()
        )
        return context

    def delete(self, obj) -> None:
        """Delete `obj` (and bump the event's content version: whatever the back office deletes showed on
        the event's pages). Views whose service deletes override this."""
        obj.delete()
        bump_content_version(self.event)

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        label = str(obj)
        try:
            with transaction.atomic():
                self.delete(obj)
        except DomainError as error:
            handle_domain_error(request, error)
            return redirect(self.get_success_url())
        messages.success(request, _("Deleted “%(object)s”.") % {"object": label})
        return redirect(self.get_success_url())
