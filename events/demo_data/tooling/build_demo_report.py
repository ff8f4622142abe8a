"""Write the demo's findings harvest, collation and outcome report from the real report (seed_report).

Every item of the real report (call-out, quote, recommendation, trend at a glance, safeguarding paragraph)
becomes one finding in the consolidation record of the session where it was discussed, and one collated
finding whose provenance is that finding, so that the report's items trace back to records that say the
same. The report's own texts (introduction, key trends, chapter introductions, future directions,
acknowledgements, disclaimer, citation) are the report's; the "About" pages are the organisations' own
descriptions. Nothing else is invented: records the real report gives nothing to are not created.

Run from the repository root, then load the demo on a fresh database and export it again so that the file
is exactly what the portal writes:

    python -m events.demo_data.tooling.build_demo_report
    python manage.py load_demo && python manage.py export_event san-jose-dialogue-2024 \
        -o events/demo_data/san-jose-dialogue-2024.json
"""

from __future__ import annotations

import json
from pathlib import Path

from .report_texts import ACKNOWLEDGEMENTS, DISCLAIMER, PUBLISHER, SECTION_TITLES, SPANISH
from .seed_report import Item, SeedReport, read_seed

DEMO = Path(__file__).resolve().parent.parent / "san-jose-dialogue-2024.json"
SLUG = "san-jose-dialogue-2024"
FACILITATOR = "facilitator@example.org"
RAPPORTEUR = "rapporteur@example.org"


def day(date: str) -> list:
    return [[SLUG], date]


def item(date: str, n: int) -> list:
    return [day(date), n]


MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY = (f"2024-06-0{d}" for d in range(3, 8))
TABLES = item(TUESDAY, 7)  # the thematic tables' block
GROUPS = item(TUESDAY, 5)  # the group debate on travel and tourism


def table(number: int, rotation: int) -> tuple:
    return ("table", [[TABLES], number], rotation)


def group(number: int, part: int) -> tuple:
    return ("group", [GROUPS, number], part)


def recap(date: str, n: int) -> tuple:
    return ("item", item(date, n))


# Where each part of the report was discussed (the agenda of san-jose-dialogue-2024-agenda.txt).
MONDAY_TRENDS = recap(MONDAY, 5)  # thematic discussion on the scale, scope and trends
MONDAY_PRACTICES = recap(MONDAY, 7)  # thematic discussion on promising practices
MONDAY_FEEDBACK = recap(MONDAY, 9)  # feedback from all theme tables
WEDNESDAY_GROUPS, WEDNESDAY_RECAP = recap(WEDNESDAY, 5), recap(WEDNESDAY, 6)
THURSDAY_GROUPS, THURSDAY_RECAP = recap(THURSDAY, 5), recap(THURSDAY, 6)
FRIDAY_SAFEGUARDING = recap(FRIDAY, 5)

#: Sections "in detail" (1-8) -> the record of their call-outs and quotes; exceptions by call-out label.
DETAIL_RECORDS = {
    1: MONDAY_TRENDS,
    2: MONDAY_TRENDS,
    3: MONDAY_TRENDS,
    4: MONDAY_TRENDS,
    5: MONDAY_TRENDS,
    6: MONDAY_PRACTICES,
    7: MONDAY_TRENDS,
    8: MONDAY_PRACTICES,
}
DETAIL_EXCEPTIONS = {
    (1, "EL SALVADOR"): table(2, 1),  # the growing threat of organised crime
    (4, "HONDURAS AND THE DOMINICAN REPUBLIC"): group(2, 1),  # Central America, Mexico, Dominican Republic
    (4, "MEXICO"): group(2, 2),
}
#: The tourism chapter's recommendations, table by table (Tuesday's thematic tables).
TOURISM_RECORDS = [table(3, 1), table(4, 1), table(9, 1), table(7, 1), table(8, 1), table(5, 1), table(10, 1)]
#: Thematic chapters -> (record of their call-outs, record of their recommendations).
THEMATIC_RECORDS = {
    2: (MONDAY_PRACTICES, MONDAY_FEEDBACK),  # access to justice: Monday's theme tables
    3: (THURSDAY_GROUPS, THURSDAY_RECAP),  # humanitarian crisis: Thursday
}

TIMES = {MONDAY: "18:10", TUESDAY: "18:30", WEDNESDAY: "17:45", THURSDAY: "17:45", FRIDAY: "17:20"}

ABOUT_ORGANISATIONS = {
    "ECPAT International": "ECPAT INTERNATIONAL",
    "Fundación Paniamor": "FUNDACIÓN PANIAMOR",
    "Down to Zero Alliance": "DOWN TO ZERO ALLIANCE",
}


def sentence_case(title: str) -> str:
    """'THE IMPACT OF MIGRATION' -> 'The impact of migration' (the report's headings print in capitals)."""
    text = title.strip().capitalize()
    for proper in ("Americas", "Caribbean", "Covid-19"):
        text = text.replace(proper.lower(), proper)
    return text


class Builder:
    def __init__(self, document: dict):
        self.document = document
        self.reports = document["parts"]["reports"]
        self.records: dict[str, list[dict]] = {}  # record key (as JSON) -> its findings' fields
        self.findings: list[dict] = []
        self.themes: list[dict] = []
        self.collated: list[dict] = []

    # --- findings in records ---------------------------------------------------------------------------

    def finding(self, record: tuple, section: str, source: Item, *, title: str = "") -> int:
        """Add a finding to `record` (created on first use); its index in the findings list."""
        findings = self.records.setdefault(json.dumps(record), [])
        order = 1 + sum(1 for f in findings if f["section"] == section)
        fields = {
            "record": list(record),
            "section": section,
            "order": order,
            "title": title,
            "text": source.text,
            "country": source.countries[0] if section == "country_observation" else "",
            "speaker_organisation": source.organisation,
            "attribution_consent": bool(source.organisation),
        }
        if section == "quote":
            fields["country"] = source.countries[0]
        findings.append(fields)
        self.findings.append({"model": "reports.finding", "fields": fields})
        return len(self.findings) - 1

    def source_of(self, record: tuple, source: Item) -> int:
        """The finding a report item comes from, entered as a facilitator would: a call-out about one
        country is a country observation; one about a region or several countries names them in its title."""
        if source.kind == "quote":
            return self.finding(record, "quote", source)
        if source.kind == "callout":
            if len(source.countries) == 1:
                return self.finding(record, "country_observation", source)
            return self.finding(record, "trend", source, title=sentence_case(source.region or source.label))
        if source.kind == "prose":
            return self.finding(record, "recommendation", source, title=sentence_case(source.label))
        section = "recommendation" if source.kind == "recommendation" else "trend"
        return self.finding(record, section, source, title=source.title)

    # --- the collation ---------------------------------------------------------------------------------

    def theme(self, kind: str, title: str, introduction: list[str]) -> int:
        fields = {"event": [SLUG], "kind": kind}
        fields.update(translated("title", title))
        fields.update(translated("introduction", "\n\n".join(introduction)))
        fields["order"] = 10 * (len(self.themes) + 1)
        self.themes.append({"model": "reports.reporttheme", "fields": fields})
        return len(self.themes) - 1

    def collate(self, theme: int | None, source: Item, record: tuple, *, order: int, glance: int = 0) -> None:
        kind = {
            "callout": "country_observation",
            "quote": "quote",
            "recommendation": "recommendation",
            "trend": "trend",
            "prose": "recommendation",
        }[source.kind]
        fields = {"event": [SLUG], "theme": theme, "kind": kind}
        fields.update(translated("subheading", sentence_case(source.label) if source.kind == "prose" else ""))
        fields.update(translated("title", source.title))
        fields.update(translated("text", source.text))
        fields.update(translated("region", source.region))
        fields.update(
            {
                "country": ",".join(source.countries) if source.kind in ("callout", "quote") else "",
                "speaker_organisation": source.organisation,
                "attribution_consent": bool(source.organisation),
                "order": order,
                "at_a_glance": bool(glance),
                "glance_order": glance,
                "in_report": True,
                "editorial": False,
                "sources": [self.source_of(record, source)],
            }
        )
        # field order as the model declares it (the export writes them so)
        ordered = {key: fields[key] for key in COLLATED_FIELD_ORDER if key in fields}
        self.collated.append({"model": "reports.collatedfinding", "fields": ordered})

    def build(self, seed: SeedReport) -> None:
        for number, trend in enumerate(seed.glance, start=1):
            self.collate(None, trend, MONDAY_FEEDBACK, order=number, glance=number)
        for number, chapter in enumerate(seed.details, start=1):
            theme = self.theme("detail", sentence_case(chapter.title), chapter.introduction)
            for order, source in enumerate(chapter.items, start=1):
                record = DETAIL_EXCEPTIONS.get((number, source.label), DETAIL_RECORDS[number])
                self.collate(theme, source, record, order=order)
        for number, chapter in enumerate(seed.thematic):
            theme = self.theme("thematic", sentence_case(chapter.title), chapter.introduction)
            recommendations = 0
            for order, source in enumerate(chapter.items, start=1):
                if number == 0:
                    record = TOURISM_RECORDS[recommendations]
                elif number == 1:  # technology: four ideas from the group work, three from the recap
                    record = WEDNESDAY_GROUPS if recommendations < 4 else WEDNESDAY_RECAP
                else:
                    callouts, recs = THEMATIC_RECORDS[number]
                    record = recs if source.kind == "recommendation" else callouts
                recommendations += source.kind == "recommendation"
                self.collate(theme, source, record, order=order)
        chapter = seed.safeguarding
        theme = self.theme("safeguarding", sentence_case(chapter.title), chapter.introduction)
        for order, source in enumerate(chapter.items, start=1):
            self.collate(theme, source, FRIDAY_SAFEGUARDING, order=order)

    # --- writing ---------------------------------------------------------------------------------------

    def record_rows(self) -> tuple[list, list]:
        """The records (accepted after review) and their history: draft, submitted, accepted."""
        template = self.reports["records"][0]["fields"]
        records, versions = [], []
        for text, findings in sorted(self.records.items(), key=lambda kv: record_sort_key(json.loads(kv[0]))):
            key = json.loads(text)
            date = record_date(key)
            fields = {name: None for name in template}
            fields.update(
                {
                    "event": [SLUG],
                    "language": "en",
                    "notes": "",
                    "status": "accepted",
                    "review_comment": "",
                    "version": 3,
                    "updated_by": RAPPORTEUR,
                    "updated_at": f"{date}T{TIMES[date]}:00+00:00",
                }
            )
            kind, target, detail = (*key, None)[:3]
            if kind == "table":
                fields["table"], fields["rotation"] = target, [target[0], detail]
            elif kind == "group":
                fields["group"], fields["group_part"] = target, detail
            else:
                fields["agenda_item"] = target
            records.append({"model": "reports.consolidationrecord", "fields": fields})
            snapshot_findings = sorted(
                ({k: f[k] for k in sorted(f) if k != "record"} for f in findings),
                key=lambda f: (f["section"], f["order"]),
            )
            for version, status, author, minute in (
                (1, "draft", FACILITATOR, "00"),
                (2, "submitted", FACILITATOR, "05"),
                (3, "accepted", RAPPORTEUR, "30"),
            ):
                hour = str(int(TIMES[date][:2]) - 1)
                versions.append(
                    {
                        "model": "reports.recordversion",
                        "fields": {
                            "record": list(key),
                            "version": version,
                            "author": author,
                            "created_at": f"{date}T{hour}:{minute}:00+00:00",
                            "status": status,
                            "snapshot": {
                                "findings": snapshot_findings,
                                "language": "en",
                                "notes": "",
                                "review_comment": "",
                                "status": status,
                            },
                        },
                    }
                )
        return records, versions

    def write(self, seed: SeedReport) -> dict:
        records, versions = self.record_rows()
        # findings follow their records' order
        position = {json.dumps(tuple_key(r)): n for n, r in enumerate(records)}
        indexed = sorted(
            range(len(self.findings)),
            key=lambda i: (position[json.dumps(self.findings[i]["fields"]["record"])], i),
        )
        new_index = {old: new for new, old in enumerate(indexed)}
        self.reports["records"] = records
        self.reports["findings"] = [self.findings[i] for i in indexed]
        self.reports["record_versions"] = versions
        for row in self.collated:
            row["fields"]["sources"] = [new_index[i] for i in row["fields"]["sources"]]
        self.reports["report_themes"] = self.themes
        self.reports["collated_findings"] = self.collated
        self.write_report(seed)
        self.write_organisations(seed)
        return self.document

    def write_report(self, seed: SeedReport) -> None:
        report = self.reports["report"][0]["fields"]
        texts = {
            "title": "San José Dialogue – Collective Action to End Child Sexual Exploitation in the Americas",
            "subtitle": "Regional workshop",
            "region_label": "The Americas",
            "acknowledgements": ACKNOWLEDGEMENTS,
            "disclaimer": DISCLAIMER,
            "publisher": PUBLISHER,
            "introduction": "\n\n".join(seed.introduction).replace(
                "convening 116 participants from 20 countries",
                "convening {participants} participants from {countries} countries",
            ),
            "key_trends": "\n\n".join(seed.key_trends),
            "thematic_introduction": "\n\n".join(seed.thematic_introduction),
            "future_directions": "\n\n".join(seed.future_directions),
            "about": "",
            "back_cover": "",
        }
        fields = {"event": [SLUG]}
        for name in REPORT_TEXT_ORDER:
            fields.update(translated(name, texts[name]))
            if name in SPANISH:
                fields[f"{name}_es"] = SPANISH[name]
        fields["designer"] = "Manida Naebklang"
        fields["cover_image"] = ""
        fields["include_evaluation"] = False
        fields["updated_at"] = report["updated_at"]
        fields["cover_organisations"] = [["Fundación Paniamor"], ["Down to Zero Alliance"]]
        fields["about_organisations"] = [[name] for name in ABOUT_ORGANISATIONS]
        self.reports["report"][0]["fields"] = fields
        sections = []
        for n, (kind, english, spanish) in enumerate(SECTION_TITLES, start=1):
            section = {"report": [[SLUG]], "kind": kind}
            section.update({"title_en": english, "title_es": spanish, "title_fr": None, "title_pt_br": None})
            section.update({"body_en": "", "body_es": None, "body_fr": None, "body_pt_br": None})
            section.update({"order": 10 * n, "included": kind != "evaluation"})
            sections.append({"model": "reports.reportsection", "fields": section})
        self.reports["report_sections"] = sections

    def write_organisations(self, seed: SeedReport) -> None:
        for row in self.document["parts"]["events"]["organisations"]:
            heading = ABOUT_ORGANISATIONS.get(row["fields"]["name"])
            if heading:
                row["fields"]["description_en"] = seed.about[heading]


REPORT_TEXT_ORDER = [
    "title",
    "subtitle",
    "acknowledgements",
    "disclaimer",
    "introduction",
    "key_trends",
    "thematic_introduction",
    "future_directions",
    "about",
    "publisher",
    "region_label",
    "back_cover",
]
COLLATED_FIELD_ORDER = [
    "event",
    "theme",
    "kind",
    *(f"subheading_{c}" for c in ("en", "es", "fr", "pt_br")),
    *(f"title_{c}" for c in ("en", "es", "fr", "pt_br")),
    *(f"text_{c}" for c in ("en", "es", "fr", "pt_br")),
    "country",
    *(f"region_{c}" for c in ("en", "es", "fr", "pt_br")),
    "speaker_organisation",
    "attribution_consent",
    "order",
    "at_a_glance",
    "glance_order",
    "in_report",
    "editorial",
    "sources",
]


def translated(name: str, english: str) -> dict:
    return {f"{name}_en": english, f"{name}_es": None, f"{name}_fr": None, f"{name}_pt_br": None}


def record_date(key: tuple) -> str:
    if key[0] == "item":
        return key[1][0][1]
    return TUESDAY


def record_sort_key(key: tuple) -> tuple:
    kind, target = key[0], key[1]
    if kind == "table":
        return (TUESDAY, 1, target[1], key[2])
    if kind == "group":
        return (TUESDAY, 0, target[1], key[2])
    return (target[0][1], 2, target[1], 0)


def tuple_key(record: dict) -> list:
    fields = record["fields"]
    if fields["table"]:
        return ["table", fields["table"], fields["rotation"][1]]
    if fields["group"]:
        return ["group", fields["group"], fields["group_part"]]
    return ["item", fields["agenda_item"]]


def main() -> None:
    document = json.loads(DEMO.read_text(encoding="utf-8"))
    builder = Builder(document)
    seed = read_seed()
    builder.build(seed)
    builder.write(seed)
    DEMO.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
