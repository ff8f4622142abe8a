"""Demo findings for the San José Dialogue 2024: records of the ten tables in three rotations and of the
sub-regional groups (submitted and accepted, with their history), daily takeaways, the collation into the
report's themes (with 12 trends "at a glance"), and the workshop evaluation with anonymous answers.

Runs after events.demo (the agenda) and sessions_app.demo (tables, rotations, groups, registrations).
What those have not created is made here with get_or_create on the same natural keys: the table session
on Tuesday's 14:00 block, rotations and tables by number, groups by name on Tuesday's 11:00 item.
Idempotent: a part that already exists is left alone.
"""

from __future__ import annotations

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction

from events.models import AgendaItem, Day, ItemKind
from sessions_app.models import BreakoutGroup, Registration, Rotation, Table, TableSession
from sessions_app.services.registration import sync_participant_role

from . import demo_harvest_data as data
from . import services_evaluation
from .models import (
    CollatedFinding,
    ConsolidationRecord,
    EvaluationQuestion,
    Finding,
    ItemTemplate,
    RecordVersion,
    ReportTheme,
    Section,
    Takeaway,
    TakeawayAuthor,
)
from .services_findings import snapshot

S = ConsolidationRecord.Status


def _say(stdout, text):
    if stdout is not None:
        stdout.write(text)


def _user(email):
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create(username=email.split("@")[0], email=email)
        user.set_unusable_password()
        user.save()
    return user


def _tuesday(event) -> Day:
    day, _ = Day.objects.get_or_create(event=event, date=event.start_date + datetime.timedelta(days=1))
    return day


def _item(day, start, end, kind, title):
    item = AgendaItem.objects.filter(day=day, start=start, parent=None).first()
    if item is None:
        item = AgendaItem.objects.create(day=day, start=start, end=end, kind=kind, title=title)
    return item


def ensure_tables(event, stdout=None) -> TableSession:
    """The Tuesday table session with its three rotations and ten tables (created if missing)."""
    day = _tuesday(event)
    block = _item(
        day,
        datetime.time(14),
        datetime.time(17),
        ItemKind.THEMATIC_TABLES,
        "Group debate: distilling challenges by areas",
    )
    session, created = TableSession.objects.get_or_create(
        agenda_item=block, defaults={"event": event, "title": "Thematic tables"}
    )
    if created:
        _say(stdout, "  (reports.demo: created the Tuesday table session; sessions_app.demo normally does)\n")
    if not session.sections:
        session.sections = {
            "trend": 5,
            "challenge": None,
            "good_practice": None,
            "recommendation": 8,
            "country_observation": None,
            "quote": None,
        }
        session.save(update_fields=["sections"])
    children = list(block.children.order_by("start"))
    for number in (1, 2, 3):
        Rotation.objects.get_or_create(
            session=session,
            number=number,
            defaults={"agenda_item": children[number - 1] if len(children) >= number else None},
        )
    for number, title in data.TABLE_TITLES.items():
        table, _ = Table.objects.get_or_create(session=session, number=number, defaults={"title": title})
        if not table.guiding_questions:
            table.guiding_questions = "\n".join(data.GUIDING_QUESTIONS)
            table.save(update_fields=["guiding_questions"])
    return session


def ensure_groups(event) -> list[tuple[BreakoutGroup, dict]]:
    day = _tuesday(event)
    item = _item(
        day,
        datetime.time(11),
        datetime.time(12, 30),
        ItemKind.GROUP_WORK,
        "Group debate: aligning a common understanding of child sexual exploitation in travel and tourism",
    )
    ItemTemplate.objects.get_or_create(
        agenda_item=item,
        defaults={"sections": {"trend": 5, "recommendation": 8, "country_observation": None}},
    )
    groups = []
    # sessions_app.demo creates the groups (in this order); match them by position, else create them.
    existing = list(BreakoutGroup.objects.filter(agenda_item=item).order_by("order", "pk"))
    for order, source in enumerate(data.GROUPS):
        if len(existing) == len(data.GROUPS):
            group = existing[order]
            if group.parts < len(source["parts"]):
                group.parts = len(source["parts"])
                group.save(update_fields=["parts"])
        else:
            group, _ = BreakoutGroup.objects.get_or_create(
                agenda_item=item,
                name_en=source["name"],
                defaults={"countries": source["countries"], "parts": len(source["parts"]), "order": order},
            )
        groups.append((group, source))
    return groups


def _pick(pool, rotation, count):
    if not pool:
        return []
    start = (rotation - 1) % len(pool)
    rotated = pool[start:] + pool[:start]
    return rotated[:count]


def _entries_for_table(number, rotation, language):
    pool = data.TABLES[number]
    if language == "es":
        pool = {**pool, **pool["es"]}
    entries = []
    for text in _pick(pool["trends"], rotation, 3):
        entries.append({"section": Section.TREND, "text": text})
    for text in _pick(pool["challenges"], rotation, 2):
        entries.append({"section": Section.CHALLENGE, "text": text})
    for country, text in _pick(pool.get("practices", []), rotation, 1 if language == "es" else 2):
        entries.append({"section": Section.GOOD_PRACTICE, "text": text, "country": country})
    for title, text in _pick(pool["recommendations"], rotation, 3):
        entries.append({"section": Section.RECOMMENDATION, "title": title, "text": text})
    for country, text in _pick(pool.get("observations", []), rotation, 1):
        entries.append({"section": Section.COUNTRY_OBSERVATION, "text": text, "country": country})
    for text, organisation, country, consent in _pick(pool.get("quotes", []), rotation, 1):
        entries.append(
            {
                "section": Section.QUOTE,
                "text": text,
                "speaker_organisation": organisation,
                "country": country,
                "attribution_consent": consent,
            }
        )
    return entries


def _write(record, entries, *, author, reviewer, accepted):
    """Fill a record the way the pages do: a saved draft, submitted, then accepted or left for review."""
    order = {}
    for entry in entries:
        order[entry["section"]] = order.get(entry["section"], 0) + 1
        Finding.objects.create(record=record, order=order[entry["section"]], **entry)
    steps = [(S.DRAFT, author), (S.SUBMITTED, author)] + ([(S.ACCEPTED, reviewer)] if accepted else [])
    for version, (status, user) in enumerate(steps, start=2):
        record.status = status
        record.version = version
        record.updated_by = user
        record.save()
        RecordVersion.objects.create(
            record=record, version=version, author=user, status=status, snapshot=snapshot(record)
        )


def load_records(event, stdout=None) -> int:
    if Finding.objects.filter(record__event=event).exists():
        _say(stdout, "  findings already loaded: left alone\n")
        return 0
    session = ensure_tables(event, stdout)
    facilitator = _user("facilitator@example.org")
    rapporteur = _user("rapporteur@example.org")
    tables = {t.number: t for t in session.tables.all()}
    rotations = {r.number: r for r in session.rotations.all()}
    for number in (1, 2):
        if number in tables and not tables[number].facilitators.exists():
            tables[number].facilitators.add(facilitator)
    count = 0
    for number in sorted(data.TABLES):
        table = tables.get(number)
        if table is None:
            continue
        for rotation_number, rotation in sorted(rotations.items()):
            language = "es" if ("es" in data.TABLES[number] and rotation_number == 2) else "en"
            record, _ = ConsolidationRecord.objects.get_or_create(
                table=table, rotation=rotation, defaults={"event": event, "language": language}
            )
            record.language = language
            accepted = not (number == 2 and rotation_number == 3)  # one left for the rapporteur to review
            _write(
                record,
                _entries_for_table(number, rotation_number, language),
                author=facilitator,
                reviewer=rapporteur,
                accepted=accepted,
            )
            count += 1
    for group, source in ensure_groups(event):
        if group.order == 0 and not group.facilitators.exists():
            group.facilitators.add(facilitator)
        for part, content in enumerate(source["parts"], start=1):
            record, _ = ConsolidationRecord.objects.get_or_create(
                group=group, group_part=part, defaults={"event": event, "language": "en"}
            )
            entries = [{"section": Section.TREND, "text": t} for t in content["trends"]]
            entries += [
                {"section": Section.RECOMMENDATION, "title": title, "text": text}
                for title, text in content["recommendations"]
            ]
            _write(record, entries, author=facilitator, reviewer=rapporteur, accepted=True)
            count += 1
    _say(stdout, f"  {count} consolidation records with their findings and history\n")
    return count


def load_collation(event, stdout=None) -> int:
    if ReportTheme.objects.filter(event=event).exists():
        _say(stdout, "  report themes already loaded: left alone\n")
        return 0
    findings = list(
        Finding.objects.filter(record__event=event, record__table__isnull=False)
        .select_related("record__table")
        .order_by("pk")
    )
    by_table_section: dict[tuple[int, str], list[Finding]] = {}
    for finding in findings:
        by_table_section.setdefault((finding.record.table.number, finding.section), []).append(finding)
    cursor: dict[tuple[int, str], int] = {}

    def sources(theme_source, section, how_many=2):
        picked = []
        for number in theme_source["tables"]:
            pool = by_table_section.get((number, section), [])
            if not pool:
                continue
            index = cursor.get((number, section), 0)
            picked.append(pool[index % len(pool)])
            cursor[(number, section)] = index + 1
            if len(picked) == how_many:
                break
        return picked

    themes = {}
    created = 0

    def add(
        theme,
        theme_source,
        kind,
        *,
        title="",
        text="",
        country="",
        subheading="",
        organisation="",
        consent=False,
        order,
        glance=0,
        source_section=None,
    ):
        nonlocal created
        item = CollatedFinding.objects.create(
            event=event,
            theme=theme,
            kind=kind,
            title_en=title,
            text_en=text,
            subheading_en=subheading,
            country=country,
            speaker_organisation=organisation,
            attribution_consent=consent,
            order=order,
            at_a_glance=bool(glance),
            glance_order=glance,
        )
        item.sources.set(sources(theme_source, source_section or kind))
        created += 1
        return item

    for order, source in enumerate(data.THEMES, start=1):
        theme = ReportTheme.objects.create(
            event=event,
            kind=source["kind"],
            order=order,
            title_en=source["title_en"],
            title_es=source["title_es"],
            introduction_en=source["introduction_en"],
            introduction_es=source["introduction_es"],
        )
        themes[source["key"]] = (theme, source)
        for n, (country, title, text) in enumerate(source.get("observations", []), start=1):
            add(theme, source, Section.COUNTRY_OBSERVATION, title=title, text=text, country=country, order=n)
        for n, (text, organisation, country, consent) in enumerate(source.get("quotes", []), start=1):
            add(
                theme,
                source,
                Section.QUOTE,
                text=text,
                organisation=organisation,
                country=country,
                consent=consent,
                order=n,
            )
        for n, (title, text) in enumerate(source.get("recommendations", []), start=1):
            add(theme, source, Section.RECOMMENDATION, title=title, text=text, order=n)
        n = 0
        for subheading, items in source.get("subsections", []):
            for title, text in items:
                n += 1
                add(
                    theme,
                    source,
                    Section.RECOMMENDATION,
                    title=title,
                    text=text,
                    subheading=subheading,
                    order=n,
                )
    trend_order: dict[str, int] = {}
    for glance, (key, title, text) in enumerate(data.AT_A_GLANCE, start=1):
        theme, source = themes[key]
        trend_order[key] = trend_order.get(key, 0) + 1
        add(theme, source, Section.TREND, title=title, text=text, order=trend_order[key], glance=glance)
    for key, items in data.DETAIL_TRENDS.items():
        theme, source = themes[key]
        for title, text in items:
            trend_order[key] = trend_order.get(key, 0) + 1
            add(theme, source, Section.TREND, title=title, text=text, order=trend_order[key])
    _say(stdout, f"  {len(themes)} report themes with {created} collated findings (12 at a glance)\n")
    return created


def load_takeaways(event, stdout=None) -> None:
    monday = Day.objects.filter(event=event, date=event.start_date).first()
    if monday is None or monday.takeaway_authors.exists():
        return
    registrations = list(
        Registration.objects.filter(event=event, status=Registration.Status.APPROVED)
        .select_related("user")
        .order_by("pk")[:4]
    )
    users = [r.user for r in registrations] or [_user("participant@example.org")]
    for user, text in zip(users, data.TAKEAWAYS_MONDAY, strict=False):
        TakeawayAuthor.objects.get_or_create(day=monday, user=user)
        Takeaway.objects.update_or_create(day=monday, author=user, defaults={"text": text, "language": "en"})
    _say(stdout, f"  {len(users)} takeaways for Monday\n")


def load_evaluation(event, stdout=None) -> None:
    evaluation = services_evaluation.get_or_create_evaluation(event=event)
    if evaluation.questions.exists():
        return
    evaluation.title = "Workshop evaluation"
    evaluation.is_open = True
    evaluation.save()
    questions = []
    for order, (kind, text_en, text_es) in enumerate(data.EVALUATION_QUESTIONS, start=1):
        questions.append(
            EvaluationQuestion.objects.create(
                evaluation=evaluation,
                kind=kind,
                text_en=text_en,
                text_es=text_es,
                order=order,
                scale_max=5,
            )
        )
    ratings = [q for q in questions if q.kind == "rating"]
    texts = [q for q in questions if q.kind == "text"]
    registrations = list(
        Registration.objects.filter(event=event, status=Registration.Status.APPROVED)
        .exclude(user__email="participant@example.org")
        .select_related("user")
        .order_by("pk")[:24]
    )
    respondents = [r.user for r in registrations]
    if len(respondents) < 12:
        # Without the tables' demo registrations (sessions_app.demo), a few approved demo respondents answer.
        countries = ["CR", "GT", "CO", "PE", "MX", "DO", "BR", "SV", "TT", "GY", "BZ", "UY"]
        for n in range(1, 19):
            user = _user(f"respondent-{n:02d}@example.org")
            registration, _created = Registration.objects.get_or_create(
                event=event,
                user=user,
                defaults={
                    "full_name": f"Demo respondent {n}",
                    "organisation": "Demo organisation",
                    "country": countries[n % len(countries)],
                    "sector": "civil_society",
                    "preferred_language": "en",
                    "status": Registration.Status.APPROVED,
                },
            )
            # an approved registration makes a participant through the event role, as approving does
            sync_participant_role(registration=registration)
            respondents.append(user)
    rng = random.Random(2024)
    for n, user in enumerate(respondents):
        answers = {q.pk: rng.choice([3, 4, 4, 5, 5, 5]) for q in ratings}
        best, improve = data.EVALUATION_COMMENTS[n % len(data.EVALUATION_COMMENTS)]
        answers[texts[0].pk] = best
        answers[texts[1].pk] = improve
        services_evaluation.submit_answers(evaluation=evaluation, user=user, answers=answers)
    _say(stdout, f"  evaluation with {len(questions)} questions and {len(respondents)} anonymous answers\n")


@transaction.atomic
def load(event, stdout=None) -> None:
    _say(stdout, "Findings, collation and evaluation:\n")
    ensure_tables(event, stdout)
    load_records(event, stdout)
    load_collation(event, stdout)
    load_evaluation(event, stdout)
    load_takeaways(event, stdout)
