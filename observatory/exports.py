"""Open data downloads of a search: CSV (formula-safe, through `events.downloads`) and JSON. Exporters
return bytes; the views only wrap them in a response."""

from __future__ import annotations

import json

from events.downloads import csv_bytes

from .models import Term


def entry_record(entry, language: str, url: str) -> dict:
    """One entry as open data: its text in `language` when it has one, else as written."""
    title, text, shown = entry.in_language(language)
    terms = list(entry.terms.all())

    def names(facet):
        return [t.name for t in terms if t.facet == facet]

    return {
        "id": entry.pk,
        "url": url,
        "event": entry.event.slug,
        "event_title": entry.event.title,
        "year": entry.year,
        "kind": entry.kind,
        "title": title,
        "text": text,
        "language": shown,
        "original_language": entry.original_language,
        "section": entry.section,
        "page": entry.page,
        "themes": names(Term.Facet.THEME),
        "forms_of_exploitation": names(Term.Facet.FORM),
        "addressees": names(Term.Facet.ADDRESSEE),
        "countries": [row.country.code for row in entry.countries.all()],
        "regions": [region.slug for region in entry.regions.all()],
        "commitments": [
            {"organisation": c.organisation.name, "country": c.country.code or "", "status": c.status}
            for c in entry.commitments.all()
        ],
        "provenance": entry.provenance,
    }


def entries_json(records: list[dict]) -> bytes:
    return json.dumps({"count": len(records), "results": records}, ensure_ascii=False, indent=1).encode()


def entries_csv(records: list[dict]) -> bytes:
    header = [
        "id",
        "url",
        "event",
        "year",
        "kind",
        "title",
        "text",
        "language",
        "original_language",
        "section",
        "page",
        "themes",
        "forms_of_exploitation",
        "addressees",
        "countries",
        "regions",
        "commitments",
        "provenance",
    ]
    rows = [header]
    for record in records:
        row = dict(record)
        for key in ("themes", "forms_of_exploitation", "addressees", "countries", "regions"):
            row[key] = "; ".join(record[key])
        row["commitments"] = "; ".join(f"{c['organisation']} ({c['status']})" for c in record["commitments"])
        rows.append([row[key] for key in header])
    return csv_bytes(rows)


def documents_rows(documents, url_for) -> list[list]:
    rows = [["id", "title", "kind", "language", "year", "publisher", "event", "countries", "url"]]
    for document in documents:
        rows.append(
            [
                document.pk,
                document.title,
                document.kind,
                document.language,
                document.year or "",
                document.publisher,
                document.event.slug if document.event_id else "",
                "; ".join(row.country.code for row in document.countries.all()),
                url_for(document),
            ]
        )
    return rows


def documents_csv(rows) -> bytes:
    return csv_bytes(rows)


def documents_json(rows) -> bytes:
    header, *body = rows
    return json.dumps(
        {"count": len(body), "results": [dict(zip(header, row, strict=True)) for row in body]},
        ensure_ascii=False,
        indent=1,
    ).encode()
