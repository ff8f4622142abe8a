"""The facet columns of the entries, on PostgreSQL only (like the GIN indexes of 0002): per entry, its
terms, top-level themes, countries, regions and commitment statuses as arrays, kept by
`observatory.services.entries.index_entries`, so that the counts per filter value of a search are grouped
from the matching rows (`unnest`) instead of joining four link tables per match. Not declared on the
model: SQLite has no arrays and counts with joins."""

from django.db import migrations

COLUMNS = {
    "facet_terms": "integer[]",
    "facet_tops": "integer[]",
    "facet_countries": "varchar(2)[]",
    "facet_regions": "integer[]",
    "facet_statuses": "varchar(20)[]",
}


FILL = [
    "UPDATE observatory_entry e SET facet_terms = x.ids, facet_tops = x.tops FROM (SELECT l.entry_id, "
    "array_agg(l.term_id) AS ids, array_agg(DISTINCT COALESCE(t.parent_id, t.id)) AS tops "
    "FROM observatory_entry_terms l JOIN observatory_term t ON t.id = l.term_id GROUP BY l.entry_id) x "
    "WHERE x.entry_id = e.id",
    "UPDATE observatory_entry e SET facet_countries = x.codes FROM (SELECT entry_id, "
    "array_agg(country) AS codes FROM observatory_entrycountry GROUP BY entry_id) x WHERE x.entry_id = e.id",
    "UPDATE observatory_entry e SET facet_regions = x.ids FROM (SELECT entry_id, array_agg(region_id) AS ids "
    "FROM observatory_entry_regions GROUP BY entry_id) x WHERE x.entry_id = e.id",
    "UPDATE observatory_entry e SET facet_statuses = x.statuses FROM (SELECT entry_id, "
    "array_agg(DISTINCT status) AS statuses FROM observatory_commitment GROUP BY entry_id) x "
    "WHERE x.entry_id = e.id",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    added = ", ".join(f"ADD COLUMN IF NOT EXISTS {name} {kind}" for name, kind in COLUMNS.items())
    schema_editor.execute(f"ALTER TABLE observatory_entry {added}")
    # fill them for the entries already there (later, `index_entries` keeps them)
    for statement in FILL:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    dropped = ", ".join(f"DROP COLUMN IF EXISTS {name}" for name in COLUMNS)
    schema_editor.execute(f"ALTER TABLE observatory_entry {dropped}")


class Migration(migrations.Migration):
    dependencies = [("observatory", "0005_input_limits")]

    operations = [migrations.RunPython(create, drop)]
