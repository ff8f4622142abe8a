"""The agenda: the public agenda, a day, the iCal feeds and the printed programme; the organisers' days
and items, and the preview of what the public sees.

Who sees what is decided once, by `rules.visible_audiences`: closed (members) days are 404 for everyone but
network members and organisers; participants' days send anonymous visitors to log in and are 403 for
signed-in users without a role that opens them.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from .. import exports, forms, jobs, selectors, services
from ..dates import weekday_date
from ..downloads import bytes_response
from ..errors import DomainError
from ..models import (
    AgendaItem,
    Audience,
    Day,
    ItemPerson,
)
from ..page_cache import CachedPublicPageMixin
from ..pdf import stylesheets_version
from .event import PublicEventMixin
from .jobs import job_response
from .mixins import ManageDeleteView, ManageFormView, ManageMixin, handle_domain_error


class AgendaView(CachedPublicPageMixin, PublicEventMixin, TemplateView):
    """All the days the reader may see, each with its focus, timeline and methodology."""

    template_name = "events/agenda.html"

    def agenda_audiences(self) -> frozenset[str]:
        return self.get_audiences()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        audiences = self.agenda_audiences()
        # Lazy: the template takes the days from its fragment cache, and queries only when it renders them.
        context["days"] = SimpleLazyObject(
            lambda: selectors.agenda_days(event=self.event, audiences=audiences)
        )
        context["hidden_days"] = SimpleLazyObject(
            lambda: selectors.hidden_participant_days(event=self.event, audiences=audiences)
        )
        context["audiences_key"] = ",".join(sorted(audiences))
        context["page_cache_seconds"] = settings.PAGE_CACHE_SECONDS
        return context


class PreviewView(AgendaView):
    """The agenda exactly as an anonymous visitor sees it (once published), for organisers."""

    permission_required = "event.change"
    template_name = "events/preview.html"
    cache_public_page = False

    def agenda_audiences(self) -> frozenset[str]:
        return frozenset({Audience.PUBLIC})


class DayDetailView(CachedPublicPageMixin, PublicEventMixin, TemplateView):
    template_name = "events/day_detail.html"

    def get(self, request, *args, **kwargs):
        self.day = self.get_readable_day()
        if not isinstance(self.day, Day):
            return self.day
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        audiences = self.get_audiences()
        context["day"] = self.day
        context["starred_ids"] = self.get_starred_ids()
        visible = list(
            selectors.readable_days(event=self.event, audiences=audiences).values_list("date", flat=True)
        )
        position = visible.index(self.day.date)
        context["previous_date"] = visible[position - 1] if position > 0 else None
        context["next_date"] = visible[position + 1] if position + 1 < len(visible) else None
        return context


class AgendaICalView(CachedPublicPageMixin, PublicEventMixin, View):
    def get(self, request, *args, **kwargs):
        days = selectors.agenda_days(event=self.event, audiences=self.get_audiences())
        return bytes_response(
            exports.agenda_ical(event=self.event, days=days),
            content_type=exports.ICAL_CONTENT_TYPE,
            filename=f"{self.event.slug}.ics",
        )


class DayICalView(CachedPublicPageMixin, PublicEventMixin, View):
    def get(self, request, *args, **kwargs):
        day = self.get_readable_day()
        if not isinstance(day, Day):
            return day
        return bytes_response(
            exports.agenda_ical(event=self.event, days=[day]),
            content_type=exports.ICAL_CONTENT_TYPE,
            filename=f"{self.event.slug}-{day.date.isoformat()}.ics",
        )


class ProgrammePDFView(PublicEventMixin, View):
    """The printed programme of the days the reader may see, in the active language.

    Made by a background job once per content version, language and audiences, then served from storage;
    while it is being made the reader gets a page that waits for it.
    """

    def get(self, request, *args, **kwargs):
        language = get_language()
        job = jobs.request_file(
            kind="events.programme_pdf",
            inputs={"event": self.event.pk, "language": language, "audiences": sorted(self.get_audiences())},
            # a change of the event's content, or of the programme's style, makes a new file
            version=f"{self.event.content_version}.{stylesheets_version('css/programme.css')}",
            event=self.event,
            requested_by=request.user,
            filename=f"{self.event.slug}-programme-{language}.pdf",
        )
        return job_response(
            request,
            job,
            back_url=reverse("events:agenda", args=[self.event.slug]),
            heading=_("The programme is being prepared"),
            inline=True,
        )


class DayListView(ManageMixin, TemplateView):
    template_name = "events/manage/day_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["days"] = self.event.days.annotate(item_count=Count("items")).order_by("date")
        return context


class DayObjectMixin:
    def get_day(self) -> Day:
        return get_object_or_404(Day, pk=self.kwargs["day_pk"], event=self.event)


class DayCreateView(ManageFormView):
    form_class = forms.DayForm
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
    submit_label = gettext_lazy("Duplicate")

    def get_heading(self):
        return _("Duplicate the day of %(date)s") % {"date": weekday_date(self.get_day().date)}

    def get_success_url(self):
        return self.manage_url("days")

    def form_valid(self, form):
        try:
            new_day = services.duplicate_day(day=self.get_day(), date=form.cleaned_data["date"])
        except DomainError as error:
            handle_domain_error(self.request, error, form, "date")
            return self.form_invalid(form)
        messages.success(
            self.request, _("Copied the day to %(date)s.") % {"date": weekday_date(new_day.date)}
        )
        return redirect(self.get_success_url())


class ItemListView(ManageMixin, TemplateView):
    """The whole agenda, day by day, with reorder buttons. Query count does not grow with the agenda."""

    template_name = "events/manage/item_list.html"

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
