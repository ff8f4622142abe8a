"""A deployment's settings: the job runner and broker, two-factor authentication, the Redis warning."""

import secrets

from .test_settings import run_manage

PRODUCTION = {"DJANGO_SECRET_KEY": secrets.token_urlsafe(60), "DJANGO_ALLOWED_HOSTS": "dialogue.example.org"}
SHOW = (
    "from django.conf import settings as s;"
    "print(s.JOBS_RUNNER, s.CELERY_BROKER_URL or '-', s.MFA_REQUIRED_FOR_BACK_OFFICE)"
)


def _show(**env) -> str:
    result = run_manage("shell", "--no-imports", "-c", SHOW, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_without_a_broker_jobs_run_in_local_worker_processes():
    assert _show(DJANGO_DEBUG="1") == "local - False"


def test_production_requires_two_factor_authentication_for_the_back_office():
    assert _show(**PRODUCTION, REDIS_URL="redis://127.0.0.1:6379/0") == "celery redis://127.0.0.1:6379/0 True"


def test_an_explicit_broker_wins_over_redis_url():
    env = {"REDIS_URL": "redis://127.0.0.1:6379/0", "CELERY_BROKER_URL": "redis://127.0.0.1:6379/5"}
    assert _show(DJANGO_DEBUG="1", **env) == "celery redis://127.0.0.1:6379/5 False"


def test_check_warns_when_redis_url_is_missing_outside_debug():
    result = run_manage("check", **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert "(dialogue.W001) REDIS_URL is not set" in result.stderr + result.stdout


def test_check_is_quiet_with_redis_or_in_debug():
    with_redis = run_manage("check", **PRODUCTION, REDIS_URL="redis://127.0.0.1:6379/0")
    debug = run_manage("check", DJANGO_DEBUG="1")

    assert "System check identified no issues (0 silenced)." in with_redis.stdout
    assert "System check identified no issues (0 silenced)." in debug.stdout
