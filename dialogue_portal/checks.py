"""System checks of a deployment's configuration (`manage.py check`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=False)
def redis_configured(app_configs=None, **kwargs):
    """Outside debug, several web processes must share one cache: rate limits (failed log-ins) would
    otherwise count per process, and the public pages would be cached once per process."""
    if settings.DEBUG or settings.REDIS_URL:
        return []
    return [
        Warning(
            "REDIS_URL is not set: rate limits count per process and each process caches pages on its own.",
            hint="Set REDIS_URL, e.g. redis://127.0.0.1:6379/0 (it is also the job queue's broker).",
            id="dialogue.W001",
        )
    ]
