"""Operations: the health endpoint, logs without personal data, backup and restore."""

import logging
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, connections

from dialogue_portal.log_filters import RedactPersonalData, redact

pytestmark = pytest.mark.django_db


# --- Health ----------------------------------------------------------------------------------------------


def test_health_answers_200_when_database_and_cache_answer(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {
        "database": "ok",
        "cache": "ok",
        "broker": "not used: jobs run in local worker processes",
        "status": "ok",
    }
    assert response["Cache-Control"] == "no-store"


def test_health_answers_503_when_the_cache_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["cache"] == "error: ConnectionError"
    assert response.json()["status"] == "failing"


def test_health_answers_503_when_the_broker_is_down(client, settings, monkeypatch):
    from dialogue_portal.celery import app

    settings.JOBS_RUNNER = "celery"
    monkeypatch.setattr(app.conf, "broker_url", "redis://127.0.0.1:1/0")

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json() == {
        "database": "ok",
        "cache": "ok",
        "broker": "error: OperationalError",
        "status": "failing",
    }


# --- Logs ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "logged"),
    [
        ("Sign-up of ana.perez+dialogue@example.org failed", "Sign-up of [email] failed"),
        (
            "Forbidden (CSRF cookie not set.): /accounts/login/ from 203.0.113.7",
            "Forbidden (CSRF cookie not set.): /accounts/login/ from [ip]",
        ),
        ("Request from 2001:db8::8a2e:370:7334 refused", "Request from [ip] refused"),
        (
            "Not Found: /accounts/password/reset/key/1-abc123def/",
            "Not Found: /accounts/password/reset/key/[secret]/",
        ),
        ("Not Found: /accounts/confirm-email/MQ:1u2v3w/", "Not Found: /accounts/confirm-email/[secret]/"),
        ("Not Found: /e/demo/my-tables/a1b2c3.ics", "Not Found: /e/demo/my-tables/[secret].ics"),
        ("Bad Request: /accounts/login/?next=/e/demo/&email=x", "Bad Request: /accounts/login/?[query]"),
        ("Call +506 2222-3333 to confirm", "Call [phone] to confirm"),
        ("Job 12 took 3.5 s on 2024-06-03 at 10:30:00", "Job 12 took 3.5 s on 2024-06-03 at 10:30:00"),
        ("Connection to [::1]:6379 refused", "Connection to [[ip]]:6379 refused"),
    ],
)
def test_logs_redact_personal_data(message, logged):
    assert redact(message) == logged


def test_logs_redact_arguments_and_tracebacks():
    try:
        raise ValueError("no account for ana@example.org")
    except ValueError:
        import sys

        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "Log-in of %s", ("bea@example.org",), sys.exc_info()
        )

    RedactPersonalData().filter(record)

    assert record.getMessage() == "Log-in of [email]"
    assert record.exc_text.endswith("ValueError: no account for [email]")
    assert "example.org" not in logging.Formatter().format(record)


def test_logs_every_handler_of_the_portal_redacts():
    handlers = logging.getLogger().handlers + logging.getLogger("weasyprint").handlers
    console = [handler for handler in handlers if type(handler) is logging.StreamHandler]  # not pytest's

    assert console
    assert all(any(isinstance(f, RedactPersonalData) for f in handler.filters) for handler in console)


# --- Backup and restore ------------------------------------------------------------------------------------


def _drop_database(name: str) -> None:
    import psycopg2
    from psycopg2 import sql

    settings = connection.settings_dict
    connections.close_all()
    maintenance = psycopg2.connect(
        dbname="postgres", host=settings["HOST"], port=settings["PORT"] or None, user=settings["USER"]
    )
    maintenance.autocommit = True
    with maintenance.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
    maintenance.close()


@pytest.mark.django_db(transaction=True)
def test_backup_drop_restore_gives_the_same_export(postgres_only, settings, tmp_path):
    import shutil

    call_command("load_demo", "--force", verbosity=0, stdout=open(tmp_path / "demo.txt", "w"))
    slug = "san-jose-dialogue-2024"
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    call_command("export_event", slug, output=str(before))
    logos = sorted(path.name for path in (Path(settings.MEDIA_ROOT) / "logos").iterdir())
    archive = tmp_path / "backup.tar.gz"

    call_command("backup", output=str(archive), stdout=open(tmp_path / "out.txt", "w"))
    _drop_database(connection.settings_dict["NAME"])
    shutil.rmtree(settings.MEDIA_ROOT)
    call_command("restore", str(archive), yes=True, stdout=open(tmp_path / "out.txt", "w"))
    call_command("export_event", slug, output=str(after))

    assert after.read_bytes() == before.read_bytes()
    assert sorted(path.name for path in (Path(settings.MEDIA_ROOT) / "logos").iterdir()) == logos
    assert oct(archive.stat().st_mode & 0o777) == "0o600"
