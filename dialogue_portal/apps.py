from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project itself as an app: its templates, fonts and the site-wide pages."""

    name = "dialogue_portal"
    verbose_name = "Dialogue Portal"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the deployment checks)
