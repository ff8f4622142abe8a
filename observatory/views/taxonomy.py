"""The shared taxonomy and the focal points, managed in the portal by observatory editors (staff), under
/observatory/manage/: themes (two levels), forms of exploitation, addressees, regions, and who reports
progress for which organisation. Anyone else gets 403 (anonymous visitors are sent to log in); an unknown
object is 404. Each event's mapping of its report themes is in the event's back office."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView

from ..forms import FocalPointForm, RegionForm, TermForm
from ..models import FocalPoint, Region, Term
from ..rules import is_editor
from ..services import taxonomy as services


class EditorRequiredMixin(AccessMixin):
    """Observatory editors only: anonymous visitors log in, anyone else gets 403."""

    raise_exception = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not is_editor(request.user):
            self.raise_exception = True
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)


def _url(name: str, *args) -> str:
    return reverse(f"observatory:manage_{name}", args=args)


class TaxonomyView(EditorRequiredMixin, TemplateView):
    template_name = "observatory/manage/taxonomy.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terms = list(
            Term.objects.annotate(used=Count("entries", distinct=True)).order_by("facet", "order", "pk")
        )
        facets = []
        for facet, label in Term.Facet.choices:
            tops = [t for t in terms if t.facet == facet and not t.parent_id]
            for top in tops:
                top.sub = [t for t in terms if t.parent_id == top.pk]
            facets.append({"facet": facet, "label": label, "terms": tops})
        context.update(
            facets=facets,
            regions=Region.objects.order_by("order", "pk"),
            focal_points=FocalPoint.objects.select_related("user", "organisation").order_by(
                "organisation__name", "country", "pk"
            ),
            section="manage",
        )
        return context


class _EditorFormView(EditorRequiredMixin, FormView):
    template_name = "observatory/manage/taxonomy_form.html"
    object = None

    def get_success_url(self) -> str:
        return _url("taxonomy")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.heading(),
            object=self.object,
            cancel_url=self.get_success_url(),
            delete_url=self.delete_url() if self.object else "",
            section="manage",
        )
        return context

    def form_valid(self, form):
        self.save(form)
        messages.success(self.request, _("Saved."))
        return HttpResponseRedirect(self.get_success_url())


class TermFormView(_EditorFormView):
    form_class = TermForm

    def dispatch(self, request, *args, **kwargs):
        if "pk" in kwargs:
            self.object = get_object_or_404(Term, pk=kwargs["pk"])
            self.facet = self.object.facet
        else:
            self.facet = kwargs["facet"]
            if self.facet not in Term.Facet.values:
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object, "facet": self.facet}

    def heading(self) -> str:
        label = Term.Facet(self.facet).label
        if self.object:
            return _("Edit “%(name)s” (%(kind)s)") % {"name": self.object.name, "kind": label}
        return _("Add: %(kind)s") % {"kind": label}

    def delete_url(self) -> str:
        return _url("term_delete", self.object.pk)

    def save(self, form):
        services.save_term(term=form.save(commit=False))


class RegionFormView(_EditorFormView):
    form_class = RegionForm

    def dispatch(self, request, *args, **kwargs):
        if "pk" in kwargs:
            self.object = get_object_or_404(Region, pk=kwargs["pk"])
            self.previous = list(self.object.countries)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}

    def heading(self) -> str:
        return (
            _("Edit the region “%(name)s”") % {"name": self.object.name} if self.object else _("Add a region")
        )

    def delete_url(self) -> str:
        return _url("region_delete", self.object.pk)

    def save(self, form):
        services.save_region(region=form.save(commit=False), previous_countries=getattr(self, "previous", []))


class FocalPointFormView(_EditorFormView):
    form_class = FocalPointForm

    def dispatch(self, request, *args, **kwargs):
        if "pk" in kwargs:
            self.object = get_object_or_404(FocalPoint.objects.select_related("user"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}

    def heading(self) -> str:
        return _("Edit the focal point") if self.object else _("Add a focal point")

    def delete_url(self) -> str:
        return _url("focal_point_delete", self.object.pk)

    def save(self, form):
        form.save()


class _EditorDeleteView(EditorRequiredMixin, TemplateView):
    """GET asks for confirmation, POST deletes."""

    template_name = "observatory/manage/taxonomy_delete.html"
    model = None

    def get_object(self):
        return get_object_or_404(self.model, pk=self.kwargs["pk"])

    def consequences(self, obj) -> list[str]:
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.get_object()
        context.update(
            object=obj, consequences=self.consequences(obj), cancel_url=_url("taxonomy"), section="manage"
        )
        return context

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        label = str(obj)
        with transaction.atomic():
            self.delete(obj)
        messages.success(request, _("Deleted “%(object)s”.") % {"object": label})
        return redirect(_url("taxonomy"))


class TermDeleteView(_EditorDeleteView):
    model = Term

    def consequences(self, obj) -> list[str]:
        lines = []
        children = obj.children.count()
        if children:
            lines.append(
                ngettext(
                    "Its %(count)s theme of the second level is deleted too.",
                    "Its %(count)s themes of the second level are deleted too.",
                    children,
                )
                % {"count": children}
            )
        used = obj.entries.count()
        if used:
            lines.append(
                ngettext("%(count)s entry loses this term.", "%(count)s entries lose this term.", used)
                % {"count": used}
            )
        return lines

    def delete(self, obj) -> None:
        services.delete_term(term=obj)


class RegionDeleteView(_EditorDeleteView):
    model = Region

    def consequences(self, obj) -> list[str]:
        used = obj.entries.count()
        if not used:
            return []
        return [
            ngettext("%(count)s entry loses this region.", "%(count)s entries lose this region.", used)
            % {"count": used}
        ]

    def delete(self, obj) -> None:
        services.delete_region(region=obj)


class FocalPointDeleteView(_EditorDeleteView):
    model = FocalPoint

    def consequences(self, obj) -> list[str]:
        used = obj.updates.count()
        if not used:
            return []
        return [
            ngettext(
                "Its %(count)s progress update stays, signed by the organisation only.",
                "Its %(count)s progress updates stay, signed by the organisation only.",
                used,
            )
            % {"count": used}
            + " "
            + _("To keep the signature, untick “active” instead.")
        ]

    def delete(self, obj) -> None:
        obj.delete()
