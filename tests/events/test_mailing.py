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
    assert sorted(SentEmail.objects.values_list("key", "status", "recipient")) == [
        ("test:ana", "sent", "ana@example.org"),
        ("test:bea", "failed", "bea@example.org"),
        ("test:cid", "sent", "cid@example.org"),
    ]
    assert SentEmail.objects.get(key="test:bea").error.startswith("SMTP")
    FlakyBackend.reset()


def test_send_once_an_unreachable_server_leaves_everyone_to_send_later(settings):
    settings.EMAIL_BACKEND = "tests.sessions_app.flaky_mail.UnreachableBackend"
    UnreachableBackend.opened = 0

    report = send_once(messages=_messages(["ana", "bea"]), batch_size=5, retries=2, retry_delay=0)

    assert (report.sent, sorted(report.failed), UnreachableBackend.opened) == (0, ["test:ana", "test:bea"], 3)
    assert sorted(SentEmail.objects.values_list("key", "status", "recipient", "error")) == [
        ("test:ana", "failed", "ana@example.org", "The mail server could not be reached."),
        ("test:bea", "failed", "bea@example.org", "The mail server could not be reached."),
    ]


def test_send_once_a_failed_message_goes_when_the_mailing_is_sent_again(settings):
    settings.EMAIL_BACKEND = "tests.sessions_app.flaky_mail.UnreachableBackend"
    send_once(messages=_messages(["ana"]), batch_size=5, retries=0, retry_delay=0)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    report = send_once(messages=_messages(["ana"]), kind=SentEmail.Kind.MESSAGE)

    assert (report.sent, report.skipped) == (1, 0)
    assert list(SentEmail.objects.values_list("key", "status", "error", "subject")) == [
        ("test:ana", "sent", "", "Hi")
    ]
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]
