from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SessionsAppConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sessions_app"
    verbose_name = _("Tables and allocation")

    def ready(self):
        from events.agenda import MY_EVENTS_EXTRAS

        from .selectors import my_events_registrations

        # "my events" (events) shows the registration and its status, which sessions_app owns
        if my_events_registrations not in MY_EVENTS_EXTRAS:
            MY_EVENTS_EXTRAS.append(my_events_registrations)
