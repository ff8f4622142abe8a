"""events.mailing.send_once: one message per key, in batches, retried, never twice."""

import pytest
from django.core import mail
from django.core.mail import EmailMessage

from events.mailing import send_once
from events.models import SentEmail
from tests.sessions_app.flaky_mail import SERVER_GONE, FlakyBackend, UnreachableBackend

pytestmark = pytest.mark.django_db


def _messages(names):
    return [
        (f"test:{name}", lambda name=name: EmailMessage("Hi", "Hello", to=[f"{name}@example.org"]))
        for name in names
    ]


def test_send_once_sends_each_key_once_however_often_it_runs():
    first = send_once(messages=_messages(["ana", "bea"]), batch_size=1)
    again = send_once(messages=_messages(["ana", "bea", "cid"]), batch_size=2)

    assert (first.sent, first.skipped, again.sent, again.skipped) == (2, 0, 1, 2)
    assert sorted(m.to[0] for m in mail.outbox) == ["ana@example.org", "bea@example.org", "cid@example.org"]


def test_send_once_a_refused_message_is_retried_then_given_up_without_stopping_the_others(settings):
    settings.EMAIL_BACKEND = "tests.sessions_app.flaky_mail.FlakyBackend"
    FlakyBackend.reset(fail={"bea@example.org": SERVER_GONE}, always=["bea@example.org"])

    report = send_once(messages=_messages(["ana", "bea", "cid"]), batch_size=3, retries=1, retry_delay=0)

    assert (report.sent, report.failed) == (2, ["test:bea"])
    assert FlakyBackend.attempts == [
        "ana@example.org",
        "bea@example.org",
        "bea@example.org",
        "cid@example.org",
    ]
    assert sorted(SentEmail.objects.values_list("key", "status")) == [
        ("test:ana", "sent"),
        ("test:cid", "sent"),
    ]
    FlakyBackend.reset()


def test_send_once_an_unreachable_server_leaves_everyone_to_send_later(settings):
    settings.EMAIL_BACKEND = "tests.sessions_app.flaky_mail.UnreachableBackend"
    UnreachableBackend.opened = 0

    report = send_once(messages=_messages(["ana", "bea"]), batch_size=5, retries=2, retry_delay=0)

    assert (report.sent, sorted(report.failed), UnreachableBackend.opened) == (0, ["test:ana", "test:bea"], 3)
    assert not SentEmail.objects.exists()
