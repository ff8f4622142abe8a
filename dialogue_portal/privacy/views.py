"""The account's privacy pages: what the portal holds, the download of it, and erasing the account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from events.errors import DomainError

from .erase import erase_account
from .export import export_personal_data
from .forms import EraseAccountForm


class AccountDataView(LoginRequiredMixin, TemplateView):
    """The account page "Your data": download everything, or erase the account."""

    template_name = "account/privacy/data.html"


class AccountDataDownloadView(LoginRequiredMixin, View):
    """POST (so that a link or a crawler never makes a download nobody asked for): the JSON file."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        content = export_personal_data(user=request.user)
        response = HttpResponse(content, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="my-dialogue-portal-data.json"'
        response["Cache-Control"] = "no-store"
        return response


class AccountEraseView(LoginRequiredMixin, FormView):
    """The confirmation step: the password again and a box to tick, then the account is gone."""

    template_name = "account/privacy/erase.html"
    form_class = EraseAccountForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            erase_account(user=self.request.user)
        except DomainError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        logout(self.request)
        messages.success(self.request, _("Your account and personal data are erased."))
        return redirect("home")
