from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from events.models import AuditEntry
from tests.reports import demo_report

pytestmark = pytest.mark.django_db


def test_export_report_command_writes_pdf_and_lists_untranslated(event, tmp_path):
    demo_report.load(event)
    output = tmp_path / "report.pdf"
    stdout = StringIO()
    call_command("export_report", event.slug, "--lang", "es", "--output", str(output), stdout=stdout)
    assert output.read_bytes().startswith(b"%PDF-1.7")
    lines = stdout.getvalue().splitlines()
    assert lines[0] == f"Wrote {output} ({output.stat().st_size} bytes, language es)."
    assert lines[1] == "Untranslated parts printed in the default language (6):"
    assert "  - Informe: agradecimientos" in lines  # named in the language of the export
    # the export is in the event's audit log, by an operator (no account)
    assert list(AuditEntry.objects.values_list("event", "action", "actor", "had_actor", "detail")) == [
        (event.pk, "report_exported", None, False, "es")
    ]


def test_export_report_command_unknown_event(db):
    with pytest.raises(CommandError, match="No event with the short name nope."):
        call_command("export_report", "nope", "--lang", "en", "--output", "/tmp/never.pdf")
