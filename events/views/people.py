"""People: a speaker's page; the organisers' people, partners and roles."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import FormView, TemplateView

from .. import forms, selectors, services
from ..errors import DomainError
from ..models import (
    EventPartner,
    EventRole,
    Person,
    Role,
)
from ..page_cache import CachedPublicPageMixin
from ..rules import forget_roles, has_perm
from .event import PublicEventMixin
from .mixins import ManageDeleteView, ManageFormView, ManageMixin, handle_domain_error


class PersonDetailView(CachedPublicPageMixin, PublicEventMixin, TemplateView):
    """A speaker's page with their appearances on the days the reader may see.

    A person who appears only on days the reader may not see is 404: their page would reveal the day.
    """

    template_name = "events/person_detail.html"

    def get(self, request, *args, **kwargs):
        self.person = get_object_or_404(self.event.people, slug=kwargs["person_slug"])
        self.appearances = selectors.person_appearances(person=self.person, audiences=self.get_audiences())
        if not self.appearances and not has_perm(request.user, self.event, "event.change"):
            raise Http404
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["person"] = self.person
        context["appearances"] = self.appearances
        return context


class PersonListView(ManageMixin, TemplateView):
    template_name = "events/manage/person_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["people"] = self.event.people.annotate(appearance_count=Count("appearances")).order_by("name")
        return context


class PersonCreateView(ManageFormView):
    form_class = forms.PersonForm
    heading = gettext_lazy("Add a person")
    success_message = gettext_lazy("Saved %(object)s.")

    def get_success_url(self):
        return self.manage_url("people")


class PersonEditView(PersonCreateView):
    heading = gettext_lazy("Edit the person")

    def get_object(self):
        return get_object_or_404(Person, pk=self.kwargs["person_pk"], event=self.event)


class PersonDeleteView(ManageDeleteView):
    def get_object(self):
        return get_object_or_404(Person, pk=self.kwargs["person_pk"], event=self.event)

    def consequences(self):
        count = self.get_object().appearances.count()
        message = ngettext(
            "They are removed from %(count)s agenda item.",
            "They are removed from %(count)s agenda items.",
            count,
        )
        return [message % {"count": count}] if count else []

    def get_success_url(self):
        return self.manage_url("people")


class PartnerListView(ManageMixin, TemplateView):
    template_name = "events/manage/partner_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["partners"] = self.event.partners.select_related("organisation").order_by("order", "pk")
        return context


class PartnerCreateView(ManageFormView):
    form_class = forms.OrganisationForm
    heading = gettext_lazy("Add a partner")

    def get_partner(self) -> EventPartner | None:
        return None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        partner = self.get_partner()
        kwargs["partner"] = partner
        if partner is not None:
            kwargs["instance"] = partner.organisation
        return kwargs

    def get_success_url(self):
        return self.manage_url("partners")

    def form_valid(self, form):
        try:
            partner = services.save_partner(
                event=self.event,
                organisation_form=form,
                kind=form.cleaned_data["kind"],
                order=form.cleaned_data["order"],
                partner=self.get_partner(),
            )
        except DomainError as error:
            handle_domain_error(self.request, error, form, "kind")
            return self.form_invalid(form)
        messages.success(self.request, _("Saved %(object)s.") % {"object": partner})
        return redirect(self.get_success_url())


class PartnerEditView(PartnerCreateView):
    heading = gettext_lazy("Edit the partner")

    def get_partner(self):
        if not hasattr(self, "_partner"):
            self._partner = get_object_or_404(
                EventPartner.objects.select_related("organisation"),
                pk=self.kwargs["partner_pk"],
                event=self.event,
            )
        return self._partner


class PartnerDeleteView(ManageDeleteView):
    def get_object(self):
        return get_object_or_404(
            EventPartner.objects.select_related("organisation", "event"),
            pk=self.kwargs["partner_pk"],
            event=self.event,
        )

    def delete(self, obj):
        services.delete_partner(partner=obj)

    def get_success_url(self):
        return self.manage_url("partners")


class RoleListView(ManageMixin, FormView):
    """Everyone holding a role in the event, and a form to grant one by e-mail address."""

    template_name = "events/manage/roles.html"
    form_class = forms.GrantRoleForm

    paginate_by = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chosen = self.request.GET.get("role", "")
        chosen = chosen if chosen in Role.values else ""
        query = self.request.GET.get("q", "").strip()[:200]
        counts = selectors.role_counts(event=self.event)
        roles = selectors.event_roles(event=self.event, role=chosen, query=query)
        page = Paginator(roles, self.paginate_by).get_page(self.request.GET.get("page"))
        context.update(
            roles=page.object_list,
            page=page,
            chosen_role=chosen,
            query=query,
            role_counts=[(value, label, counts.get(value, 0)) for value, label in Role.choices],
            total=sum(counts.values()),
            organiser_count=counts.get(Role.ORGANISER, 0),
        )
        return context

    def form_valid(self, form):
        try:
            event_role = services.grant_role(
                event=self.event,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                actor=self.request.user,
            )
        except DomainError as error:
            handle_domain_error(self.request, error, form, "email")
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(email)s is now %(role)s.")
            % {"email": event_role.user.email, "role": event_role.get_role_display()},
        )
        return redirect(reverse("events:manage_roles", kwargs={"slug": self.event.slug}))


class RoleRevokeView(ManageMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        event_role = get_object_or_404(
            EventRole.objects.select_related("user"), pk=kwargs["role_pk"], event=self.event
        )
        try:
            services.revoke_role(event_role=event_role, actor=request.user)
        except DomainError as error:
            handle_domain_error(request, error)
        else:
            messages.success(
                request,
                _("%(email)s is no longer %(role)s.")
                % {"email": event_role.user.email, "role": event_role.get_role_display()},
            )
            forget_roles(request.user)
        if not has_perm(request.user, self.event, "event.change"):
            return redirect(self.event.get_absolute_url())
        return redirect(reverse("events:manage_roles", kwargs={"slug": self.event.slug}))
