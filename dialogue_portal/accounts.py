"""Account helpers for django-allauth: people are known by their e-mail address, never a username."""

from django.contrib.auth.models import AbstractBaseUser


def user_display(user: AbstractBaseUser) -> str:
    """What allauth shows for a user (messages, e-mails): the e-mail address."""
    return user.email or str(user._meta.verbose_name)
