"""Create or update the observatory's standard taxonomy and regions (idempotent)."""

from django.core.management.base import BaseCommand

from observatory.services.taxonomy import ensure_taxonomy


class Command(BaseCommand):
    help = (
        "Create or update the observatory's standard themes, forms of exploitation, addressees and regions."
    )

    def handle(self, *args, **options):
        ensure_taxonomy()
        self.stdout.write(self.style.SUCCESS("Taxonomy loaded."))
