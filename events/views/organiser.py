"""Organiser pages under /e/<slug>/manage/: the event, its days, items, people, partners, documents, roles.

Every view needs the "event.change" permission on the event in the URL and fetches objects through that
event, so an id from another event is a 404. Writes that touch several rows go through events.services.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import FormView, TemplateView

from .. import forms, services
from ..models import AgendaItem, Day, Document, Event, EventPartner, EventRole, ItemPerson, Person, Role
from ..permissions import EventPermissionMixin, forget_roles, has_perm


class ManageMixin(EventPermissionMixin):
    permission_required = "event.change"
    manage_tab = ""

    def manage_url(self, name: str, **kwargs) -> str:
        return reverse(f"events:manage_{name}", kwargs={"slug": self.event.slug, **kwargs})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["manage_tab"] = self.manage_tab
        return context


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
        self.object = form.save()
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
        obj.delete()

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        label = str(obj)
        self.delete(obj)
        messages.success(request, _("Deleted “%(object)s”.") % {"object": label})
        return redirect(self.get_success_url())


# --- Event ------------------------------------------------------------------------------------------


class EventCreateView(LoginRequiredMixin, FormView):
    """Staff members and superusers create events and become their organiser; others get 403."""

    template_name = "events/manage/event_create.html"
    form_class = forms.EventForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not services.can_create_event(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"languages": ["en"], "default_language": "en", "timezone": "UTC"}

    def form_valid(self, form):
        event = services.create_event(event=form.save(commit=False), creator=self.request.user)
        messages.success(self.request, _("The event was created. You are its organiser."))
        return redirect("events:manage_event", slug=event.slug)


class EventDashboardView(ManageMixin, TemplateView):
    template_name = "events/manage/dashboard.html"
    manage_tab = "dashboard"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.event
        context["counts"] = {
            "days": event.days.count(),
            "items": AgendaItem.objects.filter(day__event=event).count(),
            "people": event.people.count(),
            "partners": event.partners.count(),
            "documents": event.documents.count(),
            "roles": event.roles.count(),
        }
        context["event_languages"] = [
            label for code, label in forms.LANGUAGE_CHOICES if code in event.languages
        ]
        return context


class EventEditView(ManageFormView):
    form_class = forms.EventForm
    manage_tab = "edit"
    heading = gettext_lazy("Edit the event")
    success_message = gettext_lazy("Saved the event.")

    def get_form_kwargs(self):
        kwargs = FormView.get_form_kwargs(self)
        # A copy: an invalid form must not change the event the page header shows (title, slug in links).
        kwargs["instance"] = Event.objects.get(pk=self.event.pk)
        return kwargs

    def get_success_url(self) -> str:
        return reverse("events:manage_event", kwargs={"slug": self.event.slug})

    def form_valid(self, form):
        self.event = form.save()  # the slug may have changed
        messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.get_success_url())


# --- Days -------------------------------------------------------------------------------------------


class DayListView(ManageMixin, TemplateView):
    template_name = "events/manage/day_list.html"
    manage_tab = "days"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["days"] = self.event.days.annotate(item_count=Count("items")).order_by("date")
        return context


class DayObjectMixin:
    def get_day(self) -> Day:
        return get_object_or_404(Day, pk=self.kwargs["day_pk"], event=self.event)


class DayCreateView(ManageFormView):
    form_class = forms.DayForm
    manage_tab = "days"
    heading = gettext_lazy("Add a day")
    success_message = gettext_lazy("Added the day.")

    def get_success_url(self) -> str:
        return self.manage_url("days")


class DayEditView(DayObjectMixin, DayCreateView):
    heading = gettext_lazy("Edit the day")
    success_message = gettext_lazy("Saved the day.")

    def get_object(self):
        return self.get_day()


class DayDeleteView(DayObjectMixin, ManageDeleteView):
    manage_tab = "days"

    def get_object(self):
        return self.get_day()

    def consequences(self):
        count = self.get_object().items.count()
        message = ngettext(
            "Its %(count)s agenda item is deleted with it.",
            "Its %(count)s agenda items are deleted with it.",
            count,
        )
        return [message % {"count": count}] if count else []

    def get_success_url(self):
        return self.manage_url("days")


class DayDuplicateView(DayObjectMixin, ManageFormView):
    form_class = forms.DuplicateDayForm
    manage_tab = "days"
    submit_label = gettext_lazy("Duplicate")

    def get_heading(self):
        return _("Duplicate the day of %(date)s") % {"date": date_format(self.get_day().date)}

    def get_success_url(self):
        return self.manage_url("days")

    def form_valid(self, form):
        try:
            new_day = services.duplicate_day(day=self.get_day(), date=form.cleaned_data["date"])
        except services.ServiceError as error:
            form.add_error("date", str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Copied the day to %(date)s.") % {"date": new_day.date.isoformat()})
        return redirect(self.get_success_url())


# --- Items ------------------------------------------------------------------------------------------


class ItemListView(ManageMixin, TemplateView):
    """The whole agenda, day by day, with reorder buttons. Query count does not grow with the agenda."""

    template_name = "events/manage/item_list.html"
    manage_tab = "items"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        appearances = ItemPerson.objects.select_related("person").order_by("order", "pk")
        items = AgendaItem.objects.prefetch_related(Prefetch("appearances", queryset=appearances))
        days = self.event.days.order_by("date").prefetch_related(Prefetch("items", queryset=items))
        rows = []
        for day in days:
            day_items = list(day.items.all())
            # Which items share their start (and block) with another one, to show move buttons only there.
            groups: dict[tuple, list[AgendaItem]] = {}
            for item in day_items:
                groups.setdefault((item.start, item.parent_id), []).append(item)
            for item in day_items:
                group = groups[(item.start, item.parent_id)]
                item.can_move_up = len(group) > 1 and group[0] is not item
                item.can_move_down = len(group) > 1 and group[-1] is not item
            rows.append((day, self._nest(day_items)))
        context["days"] = rows
        return context

    @staticmethod
    def _nest(items: list[AgendaItem]) -> list[AgendaItem]:
        """Blocks in time order, each followed by its parts."""
        children: dict[int, list[AgendaItem]] = {}
        for item in items:
            if item.parent_id:
                children.setdefault(item.parent_id, []).append(item)
        ordered = []
        for item in items:
            if not item.parent_id:
                ordered.append(item)
                ordered.extend(children.pop(item.pk, []))
        for orphans in children.values():  # cannot happen with valid data; show them anyway
            ordered.extend(orphans)
        return ordered


class ItemFormMixin:
    """An item form with its people appearances formset, saved together or not at all."""

    template_name = "events/manage/item_form.html"
    manage_tab = "items"

    def get_day(self) -> Day:
        raise NotImplementedError

    def get_item(self) -> AgendaItem | None:
        return None

    def build(self, data=None):
        item = self.get_item()
        day = item.day if item else self.get_day()
        form = forms.AgendaItemForm(data, instance=item, day=day)
        formset = forms.AppearanceFormSet(
            data, instance=item or AgendaItem(day=day), prefix="people", form_kwargs={"event": self.event}
        )
        return day, form, formset

    def render(self, day, form, formset):
        item = self.get_item()
        heading = _("Edit the item") if item else _("Add an item")
        context = self.get_context_data(
            day=day,
            form=form,
            formset=formset,
            item=item,
            heading=heading,
            cancel_url=reverse("events:manage_items", kwargs={"slug": self.event.slug}),
        )
        return self.render_to_response(context)

    def get(self, request, *args, **kwargs):
        return self.render(*self.build())

    def post(self, request, *args, **kwargs):
        day, form, formset = self.build(request.POST)
        if form.is_valid() and formset.is_valid():
            item = services.save_item(item_form=form, appearance_formset=formset)
            messages.success(request, _("Saved “%(title)s”.") % {"title": item.title})
            return redirect(
                reverse("events:manage_items", kwargs={"slug": self.event.slug}) + f"#day-{day.pk}"
            )
        return self.render(day, form, formset)


class ItemCreateView(ItemFormMixin, ManageMixin, TemplateView):
    def get_day(self) -> Day:
        return get_object_or_404(Day, pk=self.kwargs["day_pk"], event=self.event)


class ItemEditView(ItemFormMixin, ManageMixin, TemplateView):
    def get_item(self) -> AgendaItem:
        if not hasattr(self, "_item"):
            self._item = get_object_or_404(
                AgendaItem.objects.select_related("day"), pk=self.kwargs["item_pk"], day__event=self.event
            )
        return self._item


class ItemDeleteView(ManageDeleteView):
    manage_tab = "items"

    def get_object(self):
        return get_object_or_404(AgendaItem, pk=self.kwargs["item_pk"], day__event=self.event)

    def consequences(self):
        count = self.get_object().children.count()
        message = ngettext(
            "Its %(count)s part is deleted with it.", "Its %(count)s parts are deleted with it.", count
        )
        return [message % {"count": count}] if count else []

    def get_success_url(self):
        return self.manage_url("items")


class ItemMoveView(ManageMixin, View):
    """POST direction=up|down: swap with the neighbour that starts at the same time."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        item = get_object_or_404(AgendaItem, pk=self.kwargs["item_pk"], day__event=self.event)
        direction = request.POST.get("direction")
        if direction not in {"up", "down"}:
            messages.error(request, _("Choose whether to move the item up or down."))
        elif not services.move_item(item=item, direction=direction):
            messages.warning(request, _("“%(title)s” cannot move further.") % {"title": item.title})
        return redirect(self.manage_url("items") + f"#item-{item.pk}")


# --- People -----------------------------------------------------------------------------------------


class PersonListView(ManageMixin, TemplateView):
    template_name = "events/manage/person_list.html"
    manage_tab = "people"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["people"] = self.event.people.annotate(appearance_count=Count("appearances")).order_by("name")
        return context


class PersonCreateView(ManageFormView):
    form_class = forms.PersonForm
    manage_tab = "people"
    heading = gettext_lazy("Add a person")
    success_message = gettext_lazy("Saved %(object)s.")

    def get_success_url(self):
        return self.manage_url("people")


class PersonEditView(PersonCreateView):
    heading = gettext_lazy("Edit the person")

    def get_object(self):
        return get_object_or_404(Person, pk=self.kwargs["person_pk"], event=self.event)


class PersonDeleteView(ManageDeleteView):
    manage_tab = "people"

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


# --- Partners ---------------------------------------------------------------------------------------


class PartnerListView(ManageMixin, TemplateView):
    template_name = "events/manage/partner_list.html"
    manage_tab = "partners"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["partners"] = self.event.partners.select_related("organisation").order_by("order", "pk")
        return context


class PartnerCreateView(ManageFormView):
    form_class = forms.OrganisationForm
    manage_tab = "partners"
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
        except services.ServiceError as error:
            form.add_error("kind", str(error))
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
    manage_tab = "partners"

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


# --- Documents --------------------------------------------------------------------------------------


class DocumentListView(ManageMixin, TemplateView):
    template_name = "events/manage/document_list.html"
    manage_tab = "documents"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["documents"] = self.event.documents.order_by("order", "pk")
        return context


class DocumentCreateView(ManageFormView):
    form_class = forms.DocumentForm
    manage_tab = "documents"
    heading = gettext_lazy("Add a document")
    success_message = gettext_lazy("Saved “%(object)s”.")

    def get_success_url(self):
        return self.manage_url("documents")


class DocumentEditView(DocumentCreateView):
    heading = gettext_lazy("Edit the document")

    def get_object(self):
        return get_object_or_404(Document, pk=self.kwargs["document_pk"], event=self.event)


class DocumentDeleteView(ManageDeleteView):
    manage_tab = "documents"

    def get_object(self):
        return get_object_or_404(Document, pk=self.kwargs["document_pk"], event=self.event)

    def delete(self, obj):
        with transaction.atomic():
            file = obj.file
            obj.delete()
            if file:
                transaction.on_commit(lambda: file.storage.delete(file.name))

    def get_success_url(self):
        return self.manage_url("documents")


# --- Roles ------------------------------------------------------------------------------------------


class RoleListView(ManageMixin, FormView):
    """Everyone holding a role in the event, and a form to grant one by e-mail address."""

    template_name = "events/manage/roles.html"
    manage_tab = "roles"
    form_class = forms.GrantRoleForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["roles"] = self.event.roles.select_related("user").order_by("role", "user__email")
        context["organiser_count"] = self.event.roles.filter(role=Role.ORGANISER).count()
        return context

    def form_valid(self, form):
        try:
            event_role = services.grant_role(
                event=self.event, email=form.cleaned_data["email"], role=form.cleaned_data["role"]
            )
        except services.ServiceError as error:
            form.add_error("email", str(error))
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
            services.revoke_role(event_role=event_role)
        except services.ServiceError as error:
            messages.error(request, str(error))
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
