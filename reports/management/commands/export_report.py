"""python manage.py export_report EVENT_SLUG --lang en --output report.pdf"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from events.models import AuditAction, Event
from events.pdf import PdfRenderError
from events.services import record_audit
from reports.services.outcome import export_report_pdf


class Command(BaseCommand):
    help = "Export an event's outcome report as a PDF in one language and list its untranslated parts."

    def add_arguments(self, parser):
        parser.add_argument("event_slug")
        parser.add_argument("--lang", default=None, choices=[code for code, _name in settings.LANGUAGES])
        parser.add_argument(
            "--output", default=None, help="PDF file to write (default: SLUG-report-LANG.pdf)"
        )

    def handle(self, *args, event_slug, lang, output, **options):
        event = Event.objects.filter(slug=event_slug).first()
        if event is None:
            raise CommandError(_("No event with the short name %(slug)s.") % {"slug": event_slug})
        lang = lang or event.default_language
        try:
            export = export_report_pdf(event=event, lang=lang)
        except PdfRenderError as error:
            raise CommandError(_("The PDF could not be made: %(error)s") % {"error": error}) from error
        path = Path(output or export.filename)
        path.write_bytes(export.content)
        record_audit(action=AuditAction.REPORT_EXPORTED, event=event, detail=lang)  # by an operator: no actor
        self.stdout.write(
            _("Wrote %(path)s (%(size)s bytes, language %(lang)s).")
            % {"path": path, "size": len(export.content), "lang": lang}
        )
        if export.untranslated:
            self.stdout.write(
                _("Untranslated parts printed in the default language (%(count)s):")
                % {"count": len(export.untranslated)}
            )
            for part in export.untranslated:
                self.stdout.write(f"  - {part}")
        else:
            self.stdout.write(_("Every part is translated."))
