"""Rebuild the search columns of every entry and library document (PostgreSQL; nothing to do on SQLite)."""

from django.core.management.base import BaseCommand

from observatory.services.entries import index_entries
from observatory.services.library import index_documents


class Command(BaseCommand):
    help = "Rebuild the observatory's full-text search columns (after renaming terms outside the admin)."

    def handle(self, *args, **options):
        entries = index_entries()
        documents = index_documents()
        self.stdout.write(self.style.SUCCESS(f"Indexed {entries} entries and {documents} documents."))
