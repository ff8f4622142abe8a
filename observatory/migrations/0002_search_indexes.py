"""GIN indexes on the search columns, on PostgreSQL only (SQLite has no tsvector and searches with
icontains). Not declared in the models' Meta.indexes because SQLite cannot create them."""

from django.db import migrations

COLUMNS = ["search_english", "search_spanish", "search_french", "search_portuguese"]
TABLES = {"observatory_entry": "obs_entry", "observatory_librarydocument": "obs_doc"}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, prefix in TABLES.items():
        for column in COLUMNS:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {prefix}_{column}_gin ON {table} USING gin ({column})"
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for prefix in TABLES.values():
        for column in COLUMNS:
            schema_editor.execute(f"DROP INDEX IF EXISTS {prefix}_{column}_gin")


class Migration(migrations.Migration):
    dependencies = [("observatory", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
