"""The Celery app: background jobs (`events.jobs`) on a Redis broker.

Settings come from Django's settings under the CELERY_ prefix (`CELERY_BROKER_URL` from the environment,
defaulting to `REDIS_URL`). Run a worker with the prefork pool, which enforces the hard time limits:

    celery -A dialogue_portal worker --pool=prefork --concurrency=2 --loglevel=INFO

Without a broker no worker is needed: the web process runs the same jobs in child processes with the
same limits (`events.jobs.runners.LocalExecutor`).
"""

import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dialogue_portal.settings")

app = Celery("dialogue_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def _mark_worker_process(**kwargs) -> None:
    """Each pool process is a job worker: renders run in-process, bounded by the task's hard limit."""
    from events.jobs import mark_worker_process

    mark_worker_process()
