"""A mail backend for the tests of bulk e-mail: the locmem outbox, with failures on demand."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class FlakyBackend(EmailBackend):
    """Fails on the messages named in `fail` (recipient address → exception to raise), once each unless the
    address is also in `always`."""

    fail: dict[str, BaseException] = {}
    always: set[str] = set()
    attempts: list[str] = []

    def send_messages(self, messages):
        for message in messages:
            address = message.to[0]
            FlakyBackend.attempts.append(address)
            error = FlakyBackend.fail.get(address)
            if error is not None:
                if address not in FlakyBackend.always:
                    del FlakyBackend.fail[address]
                raise error
        return super().send_messages(messages)

    @classmethod
    def reset(cls, fail=None, always=()):
        cls.fail = dict(fail or {})
        cls.always = set(always)
        cls.attempts = []


SERVER_GONE = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class UnreachableBackend(EmailBackend):
    """A mail server that cannot be reached: opening the connection fails."""

    opened = 0

    def open(self):
        UnreachableBackend.opened += 1
        raise ConnectionRefusedError("Connection refused")
