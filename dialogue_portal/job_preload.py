"""Imported once by the local executor's fork server: Django set up and the PDF renderer loaded there, so
that each job's process (forked from it) starts in milliseconds rather than a second or two."""

try:
    import django

    django.setup()
    import weasyprint  # noqa: F401

    import events.exports  # noqa: F401
except Exception:  # noqa: BLE001 - a child sets Django up itself when this did not work
    pass
