"""Pages of the collation: search and collect, themes, merging, editing and the trends "at a glance".
Every page is for rapporteurs and organisers (permission findings.review)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import TemplateView

from ..errors import CollationError
from ..forms.collation import CollatedForm, CollectForm, SearchForm, ThemeForm
from ..models import CollatedFinding, ReportTheme
from ..selectors import collation as selectors
from ..services import collation as services
from .mixins import ReportsMixin, show_domain_error

PAGE_SIZE = 200


class CollationMixin(ReportsMixin):
    permission_required = "findings.review"

    def get_theme(self):
        return get_object_or_404(ReportTheme, pk=self.kwargs["theme_pk"], event=self.event)


class SearchView(CollationMixin, TemplateView):
    template_name = "reports/collation/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        themes = list(ReportTheme.objects.filter(event=self.event))
        form = SearchForm(
            self.request.GET or None,
            event=self.event,
            themes=themes,
            **selectors.search_choices(self.event),
        )
        findings = selectors.search_findings(event=self.event, filters=form.filters())
        page = Paginator(findings, PAGE_SIZE).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            form=form,
            page=page,
            findings=page.object_list,
            themes=themes,
            query=query.urlencode(),
            collect_error=kwargs.get("collect_error"),
        )
        return context


class CollectView(CollationMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        # Only what the search offers: findings of submitted or accepted records.
        findings = selectors.search_findings(event=self.event, filters={})
        form = CollectForm(request.POST, event=self.event, findings=findings)
        back = self.url("collation_search") + (
            "?" + request.POST["query"] if request.POST.get("query") else ""
        )
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect(back)
        theme = form.cleaned_data["theme"]
        created = services.collect_into_theme(
            event=self.event, theme=theme, findings=list(form.cleaned_data["findings"])
        )
        messages.success(
            request,
            ngettext(
                "%(count)s finding collected into “%(theme)s”.",
                "%(count)s findings collected into “%(theme)s”.",
                len(created),
            )
            % {"count": len(created), "theme": theme.title},
        )
        return redirect(back)


class ThemeListView(CollationMixin, TemplateView):
    template_name = "reports/collation/themes.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["themes"] = selectors.themes_with_counts(self.event)
        context["glance_count"] = selectors.glance_chosen(self.event).count()
        return context


class ThemeFormView(CollationMixin, TemplateView):
    template_name = "events/manage/form.html"

    @cached_property
    def theme(self):
        return self.get_theme() if "theme_pk" in self.kwargs else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.theme.title if self.theme else _("New theme"),
            submit_label=_("Save"),
            cancel_url=self.url("collation_theme", theme_pk=self.theme.pk)
            if self.theme
            else self.url("collation_themes"),
        )
        return context

    def get(self, request, *args, **kwargs):
        form = ThemeForm(instance=self.theme, event=self.event)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = ThemeForm(request.POST, instance=self.theme, event=self.event)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        theme = form.save()
        messages.success(request, _("Theme saved."))
        return redirect(self.url("collation_theme", theme_pk=theme.pk))


class ThemeDetailView(CollationMixin, TemplateView):
    template_name = "reports/collation/theme_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        theme = self.get_theme()
        context.update(theme=theme, groups=selectors.theme_groups(theme))
        return context

    def post(self, request, *args, **kwargs):
        """Move an item up or down, or renumber the theme."""
        theme = self.get_theme()
        if "renumber" in request.POST:
            services.renumber(theme=theme)
        elif request.POST.get("move") in ("up", "down"):
            item = get_object_or_404(CollatedFinding, pk=request.POST.get("item", 0) or 0, theme=theme)
            services.move(item=item, direction=-1 if request.POST["move"] == "up" else 1)
        return redirect(self.url("collation_theme", theme_pk=theme.pk))


class MergeView(CollationMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        theme = self.get_theme()
        ids = [i for i in request.POST.getlist("items") if i.isdigit()]
        items = selectors.collated_findings(self.event, ids)
        if len(items) < 2:
            messages.error(request, _("Tick two or more findings to merge."))
        else:
            try:
                services.merge_collated(keep=items[0], others=items[1:])
            except CollationError as error:
                show_domain_error(request, error)
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s finding merged; its sources are kept.",
                        "%(count)s findings merged; their sources are kept.",
                        len(items),
                    )
                    % {"count": len(items)},
                )
        return redirect(self.url("collation_theme", theme_pk=theme.pk))


class CollatedEditView(CollationMixin, TemplateView):
    template_name = "reports/collation/item_form.html"

    def _item(self):
        return get_object_or_404(
            CollatedFinding.objects.select_related("theme"), pk=self.kwargs["collated_pk"], event=self.event
        )

    def get(self, request, *args, **kwargs):
        item = self._item()
        return self.render_to_response(
            self.get_context_data(
                item=item,
                form=CollatedForm(instance=item, event=self.event),
                provenance=selectors.provenance(item),
            )
        )

    def post(self, request, *args, **kwargs):
        item = self._item()
        if "delete" in request.POST:
            theme_id = item.theme_id
            services.delete_collated(item=item)
            messages.success(
                request, _("The collated finding is deleted; its sources stay in their records.")
            )
            if theme_id:
                return redirect(self.url("collation_theme", theme_pk=theme_id))
            return redirect(self.url("collation_themes"))
        form = CollatedForm(request.POST, instance=item, event=self.event)
        if not form.is_valid():
            return self.render_to_response(
                self.get_context_data(item=item, form=form, provenance=selectors.provenance(item)), status=400
            )
        item = form.save()
        messages.success(request, _("Saved."))
        if item.theme_id:
            return redirect(self.url("collation_theme", theme_pk=item.theme_id))
        return redirect(self.url("collation_themes"))


class CollatedWriteView(CollationMixin, TemplateView):
    """An item the editors write directly into a theme (no record behind it: its provenance is editorial)."""

    template_name = "reports/collation/item_form.html"

    def _new(self):
        theme = self.get_theme()
        order = (theme.collated_findings.order_by("-order").values_list("order", flat=True).first() or 0) + 1
        return CollatedFinding(event=self.event, theme=theme, kind="trend", order=order, editorial=True)

    def get(self, request, *args, **kwargs):
        item = self._new()
        form = CollatedForm(instance=item, event=self.event)
        return self.render_to_response(self.get_context_data(item=item, form=form, provenance=[], new=True))

    def post(self, request, *args, **kwargs):
        item = self._new()
        form = CollatedForm(request.POST, instance=item, event=self.event)
        if not form.is_valid():
            context = self.get_context_data(item=item, form=form, provenance=[], new=True)
            return self.render_to_response(context, status=400)
        item = form.save(commit=False)
        item.event, item.editorial = self.event, True
        item.save()
        messages.success(request, _("Saved."))
        return redirect(self.url("collation_theme", theme_pk=item.theme_id or self.get_theme().pk))


class GlanceView(CollationMixin, TemplateView):
    """The top trends "at a glance": their positions, and adding trends to the list."""

    template_name = "reports/collation/glance.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["chosen"] = selectors.glance_chosen(self.event)
        context["candidates"] = selectors.glance_candidates(self.event)
        return context

    def post(self, request, *args, **kwargs):
        orders = {}
        for key, value in request.POST.items():
            if key.startswith("position_") and key[9:].isdigit():
                value = value.strip()
                if value and not value.isdigit():
                    messages.error(request, _("Positions are whole numbers; nothing was changed."))
                    return redirect(self.url("collation_glance"))
                orders[int(key[9:])] = int(value) if value else None
        services.set_glance_order(event=self.event, orders=orders)
        messages.success(request, _("The trends “at a glance” are saved."))
        return redirect(self.url("collation_glance"))
