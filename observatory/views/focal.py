"""Focal points report progress on their own organisation's commitments (editors on every one)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import FormView

from events.errors import DomainError
from events.views.mixins import handle_domain_error

from ..forms import UpdateForm
from ..models import Commitment
from ..rules import can_post_update, focal_point_for
from ..selectors.entries import public_entries
from ..services import commitments as services


class CommitmentUpdateView(LoginRequiredMixin, FormView):
    template_name = "observatory/update_form.html"
    form_class = UpdateForm

    def dispatch(self, request, *args, **kwargs):
        self.commitment = get_object_or_404(
            Commitment.objects.select_related("organisation", "entry__event").filter(
                entry__in=public_entries()
            ),
            pk=kwargs["pk"],
        )
        if request.user.is_authenticated and not can_post_update(request.user, self.commitment):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"language": get_language() or "en", "status": ""}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["commitment"] = self.commitment
        context["focal_point"] = focal_point_for(self.request.user, self.commitment)
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.post_update(
                commitment=self.commitment,
                text=data["text"],
                date=data["date"],
                language=data["language"],
                author=self.request.user,
                focal_point=focal_point_for(self.request.user, self.commitment),
                status=data.get("status") or "",
                progress=data.get("progress"),
                evidence_url=data.get("evidence_url") or "",
                evidence_file=data.get("evidence_file"),
            )
        except DomainError as error:
            handle_domain_error(self.request, error, form)
            return self.form_invalid(form)
        messages.success(self.request, _("Your progress update is published."))
        return redirect("observatory:entry", pk=self.commitment.entry_id)
