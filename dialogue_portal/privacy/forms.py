from django import forms
from django.utils.translation import gettext_lazy as _


class EraseAccountForm(forms.Form):
    """The second step of erasing an account: the password again (or, for an account without one, the
    e-mail address), and a box that says the person understands."""

    secret = forms.CharField(
        strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    understood = forms.BooleanField(
        label=_("I understand that my account and personal data are erased for good and cannot be restored.")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user.has_usable_password():
            self.fields["secret"].label = _("Your password")
        else:
            self.fields["secret"].label = _("Your e-mail address")
            self.fields["secret"].widget = forms.EmailInput(attrs={"autocomplete": "email"})

    def clean_secret(self):
        secret = self.cleaned_data["secret"]
        if self.user.has_usable_password():
            if not self.user.check_password(secret):
                raise forms.ValidationError(_("The password is not right."), code="wrong_password")
        elif secret.strip().lower() != (self.user.email or "").lower():
            raise forms.ValidationError(_("This is not your account's e-mail address."), code="wrong_email")
        return secret
