"""Logs without personal data: a filter on every handler of the portal's log (settings.LOGGING).

Messages and tracebacks are written with e-mail addresses, IP addresses and international phone numbers
replaced by a placeholder, and with the secrets some URLs carry (password-reset and e-mail confirmation
keys, private calendar feeds) and every query string removed. What is left says what happened, not to
whom. (The web server's access log is configured apart: see docs/operations.md.)
"""

from __future__ import annotations

import logging
import re

PATTERNS = [
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    (re.compile(r"(/accounts/(?:password/reset/key|confirm-email)/)[^/\s\"']+"), r"\1[secret]"),
    (re.compile(r"(/my-tables/)[^/\s\"']+\.ics"), r"\1[secret].ics"),
    (re.compile(r"(/jobs/)[0-9a-f-]{36}"), r"\1[token]"),
    (re.compile(r"\?[^\s\"']+"), "?[query]"),
    (re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])"), "[ip]"),
    # IPv6: four groups or more, or any address written with "::" (times such as 10:30:00 stay)
    (re.compile(r"(?<![\w:])(?:[0-9a-fA-F]{1,4}:){3,7}[0-9a-fA-F]{1,4}(?![\w:])"), "[ip]"),
    (
        re.compile(
            r"(?<![\w:])(?:[0-9a-fA-F]{1,4}:){0,6}[0-9a-fA-F]{0,4}::(?:[0-9a-fA-F]{1,4}:?){0,6}(?![\w:])"
        ),
        "[ip]",
    ),
    (re.compile(r"\+\d[\d\s().-]{6,}\d"), "[phone]"),
]


def redact(text: str) -> str:
    for pattern, replacement in PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a badly formatted record is logged as it came
            return True
        record.msg, record.args = redact(message), ()
        if record.exc_info:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
