from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project itself as an app: wiring that must happen once every app is loaded."""

    name = "dialogue_portal"
    verbose_name = "Dialogue Portal"

    def ready(self) -> None:
        from .i18n import install_event_fallbacks

        install_event_fallbacks()
