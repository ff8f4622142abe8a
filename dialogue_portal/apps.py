from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project itself as an app: its templates, fonts and the site-wide pages."""

    name = "dialogue_portal"
    verbose_name = "Dialogue Portal"
