"""The consolidation template: saving, limits, conflicts, tampering, history, restore, escaping."""

import pytest
from django.urls import reverse

from reports.errors import FindingsError, VersionConflict
from reports.models import ConsolidationRecord, Finding, FindingsTemplate, RecordVersion
from reports.services import findings as services

pytestmark = pytest.mark.django_db


def version_url(record, version, name="findings_version"):
    return reverse(
        f"reports:{name}", kwargs={"slug": record.event.slug, "record_pk": record.pk, "version": version}
    )


def edit_url(record):
    return reverse("reports:findings_edit", kwargs={"slug": record.event.slug, "record_pk": record.pk})


def form_data(version, trends=(), recommendations=(), quotes=(), notes="", language="en", extra=None):
    data = {"version": str(version), "language": language, "notes": notes}
    sections = {
        "trend": [{"text": t} for t in trends],
        "challenge": [],
        "good_practice": [],
        "recommendation": [{"title": title, "text": text} for title, text in recommendations],
        "country_observation": [],
        "quote": [dict(q) for q in quotes],
    }
    for section, rows in sections.items():
        data[f"{section}-TOTAL_FORMS"] = str(len(rows))
        data[f"{section}-INITIAL_FORMS"] = "0"
        for i, row in enumerate(rows):
            for key, value in row.items():
                data[f"{section}-{i}-{key}"] = value
    data.update(extra or {})
    return data


def test_save_creates_findings_version_and_history(client, record, tables):
    client.force_login(tables["facilitator"])
    response = client.post(edit_url(record), form_data(1, trends=["Migration", "Organised crime"], notes="n"))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.version == 2
    assert list(record.findings.values_list("section", "order", "text")) == [
        ("trend", 1, "Migration"),
        ("trend", 2, "Organised crime"),
    ]
    version = RecordVersion.objects.get(record=record)
    assert version.version == 2
    assert version.author == tables["facilitator"]
    assert [f["text"] for f in version.snapshot["findings"]] == ["Migration", "Organised crime"]
    assert version.snapshot["notes"] == "n"


def test_save_over_limit_shows_message_and_saves_nothing(client, record, tables):
    FindingsTemplate.objects.create(
        agenda_item=tables["session"].agenda_item, sections={"trend": 2, "recommendation": 8}
    )
    client.force_login(tables["facilitator"])
    response = client.post(edit_url(record), form_data(1, trends=["a", "b", "c"]))
    assert response.status_code == 400
    assert "Key trends: at most 2 entries, you entered 3. Remove 1." in response.content.decode()
    record.refresh_from_db()
    assert record.version == 1
    assert Finding.objects.count() == 0
    assert RecordVersion.objects.count() == 0


def test_section_not_in_template_is_not_shown_nor_saved(client, record, tables):
    FindingsTemplate.objects.create(agenda_item=tables["session"].agenda_item, sections={"trend": 5})
    client.force_login(tables["facilitator"])
    page = client.get(edit_url(record)).content.decode()
    assert "Key trends" in page
    assert "Pressing actions and recommendations" not in page
    client.post(edit_url(record), form_data(1, trends=["a"], recommendations=[("T", "ignored")]))
    assert list(Finding.objects.values_list("section", flat=True)) == ["trend"]


def test_service_refuses_section_over_limit(record, tables):
    FindingsTemplate.objects.create(agenda_item=tables["session"].agenda_item, sections={"recommendation": 1})
    with pytest.raises(FindingsError) as exc:
        services.save_record(
            record=record,
            user=tables["facilitator"],
            expected_version=1,
            language="en",
            notes="",
            findings=[{"section": "recommendation", "text": "x"}, {"section": "recommendation", "text": "y"}],
        )
    assert exc.value.messages == [
        "Pressing actions and recommendations: at most 1 entries, you entered 2. Remove 1."
    ]


def test_concurrent_edit_second_save_gets_conflict_and_db_keeps_first(client, record, tables, make_user):
    from django.test import Client

    from events.models import Role

    second = make_user(record.event, Role.FACILITATOR)
    record.table.facilitators.add(second)
    first_client, second_client = Client(), Client()
    first_client.force_login(tables["facilitator"])
    second_client.force_login(second)
    # both load version 1
    assert 'name="version" value="1"' in first_client.get(edit_url(record)).content.decode()
    assert 'name="version" value="1"' in second_client.get(edit_url(record)).content.decode()
    assert first_client.post(edit_url(record), form_data(1, trends=["First text"])).status_code == 302
    response = second_client.post(edit_url(record), form_data(1, trends=["Second text"]))
    page = response.content.decode()
    assert response.status_code == 409
    assert "Somebody else saved this record while you were writing" in page
    assert "First text" in page  # the saved version, side by side
    assert page.count("Second text") == 2  # the second person's version, and kept in the form
    assert 'name="version" value="2"' in page  # saving the merge needs the current version
    record.refresh_from_db()
    assert record.version == 2
    assert list(record.findings.values_list("text", flat=True)) == ["First text"]
    # saving the merge with the current version works
    merged = second_client.post(edit_url(record), form_data(2, trends=["First text", "Second text"]))
    assert merged.status_code == 302
    assert list(record.findings.values_list("text", flat=True)) == ["First text", "Second text"]


@pytest.mark.parametrize("tampered", ["abc", "99", "0", "-1", ""])
def test_tampered_version_is_refused(client, record, tables, tampered):
    client.force_login(tables["facilitator"])
    response = client.post(edit_url(record), form_data(1, trends=["x"], extra={"version": tampered}))
    assert response.status_code == 400
    record.refresh_from_db()
    assert record.version == 1
    assert Finding.objects.count() == 0


def test_future_version_message(client, record, tables):
    client.force_login(tables["facilitator"])
    response = client.post(edit_url(record), form_data(5, trends=["x"]))
    assert "The form&#x27;s version number is not valid." in response.content.decode()


def test_autosave_returns_json_with_new_version(client, record, tables):
    client.force_login(tables["facilitator"])
    response = client.post(edit_url(record), form_data(1, trends=["typing"]), HTTP_X_AUTOSAVE="1")
    assert response.status_code == 200
    assert response.json() == {"ok": True, "version": 2}
    stale = client.post(edit_url(record), form_data(1, trends=["stale"]), HTTP_X_AUTOSAVE="1")
    assert stale.status_code == 409
    assert stale.json()["conflict"] is True
    assert list(Finding.objects.values_list("text", flat=True)) == ["typing"]


def test_edit_page_has_autosave_script_and_no_inline_js(client, record, tables):
    client.force_login(tables["facilitator"])
    page = client.get(edit_url(record)).content.decode()
    assert '<script src="/static/js/autosave.js" defer></script>' in page
    assert "<script>" not in page
    assert "onclick" not in page
    assert "What must change?" in page  # the guiding questions beside the form


def test_quote_help_says_never_a_name(client, record, tables):
    client.force_login(tables["facilitator"])
    page = client.get(edit_url(record)).content.decode()
    assert "Never write a person&#x27;s name" in page


def test_history_lists_versions_and_restore_makes_new_version(client, record, tables):
    user = tables["facilitator"]
    services.save_record(
        record=record,
        user=user,
        expected_version=1,
        language="en",
        notes="",
        findings=[{"section": "trend", "text": "Old wording"}],
    )
    services.save_record(
        record=record,
        user=user,
        expected_version=2,
        language="en",
        notes="",
        findings=[{"section": "trend", "text": "New wording"}],
    )
    client.force_login(user)
    history = client.get(
        reverse("reports:findings_history", kwargs={"slug": record.event.slug, "record_pk": record.pk})
    )
    assert history.status_code == 200
    assert [v.version for v in history.context["versions"]] == [3, 2]
    old = client.get(
        reverse(
            "reports:findings_version",
            kwargs={"slug": record.event.slug, "record_pk": record.pk, "version": 2},
        )
    )
    assert "Old wording" in old.content.decode()
    response = client.post(
        reverse(
            "reports:findings_restore",
            kwargs={"slug": record.event.slug, "record_pk": record.pk, "version": 2},
        )
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.version == 4
    assert list(record.findings.values_list("text", flat=True)) == ["Old wording"]
    assert list(record.versions.values_list("version", flat=True)) == [4, 3, 2]


FIELDS_WITH_HTML = '<script>alert("x")</script><b>bold</b>'


def test_html_and_script_shown_escaped(client, record, tables, make_user):
    user = tables["facilitator"]
    services.save_record(
        record=record,
        user=user,
        expected_version=1,
        language="en",
        notes=FIELDS_WITH_HTML,
        findings=[
            {"section": "trend", "text": FIELDS_WITH_HTML},
            {"section": "recommendation", "title": FIELDS_WITH_HTML, "text": FIELDS_WITH_HTML},
            {
                "section": "quote",
                "text": FIELDS_WITH_HTML,
                "speaker_organisation": FIELDS_WITH_HTML,
                "country": "GY",
                "attribution_consent": True,
            },
        ],
    )
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;"
    client.force_login(user)
    for url in [
        reverse("reports:findings_detail", kwargs={"slug": record.event.slug, "record_pk": record.pk}),
        edit_url(record),
        reverse(
            "reports:findings_version",
            kwargs={"slug": record.event.slug, "record_pk": record.pk, "version": 2},
        ),
    ]:
        page = client.get(url).content.decode()
        assert "<script>alert" not in page, url
        assert "<b>bold</b>" not in page, url
        assert escaped in page or escaped.replace("&quot;", "&#x27;") in page or "&lt;script&gt;" in page, url


def test_record_language_must_be_offered_by_event(client, record, tables):
    client.force_login(tables["facilitator"])
    response = client.post(edit_url(record), form_data(1, trends=["x"], language="pt-br"))
    assert response.status_code == 400
    assert ConsolidationRecord.objects.get().language == "en"


def test_saving_unchanged_content_makes_no_new_version(record, tables):
    user = tables["facilitator"]
    content = [
        {"section": "recommendation", "title": "T", "text": "R"},
        {"section": "trend", "text": "A"},
        {"section": "good_practice", "text": "G", "country": "CR"},
    ]
    services.save_record(
        record=record, user=user, expected_version=1, language="en", notes="n", findings=content
    )
    again = services.save_record(
        record=record, user=user, expected_version=2, language="en", notes="n", findings=content
    )
    assert again.version == 2
    assert RecordVersion.objects.filter(record=record).count() == 1


def test_editing_a_collated_record_keeps_provenance(record, tables, make_user):
    from reports.models import CollatedFinding
    from reports.services import collation as services_collation

    from .factories import ReportThemeFactory

    user = tables["facilitator"]
    services.save_record(
        record=record,
        user=user,
        expected_version=1,
        language="en",
        notes="",
        findings=[{"section": "trend", "text": "Migration"}, {"section": "trend", "text": "Crime"}],
    )
    theme = ReportThemeFactory(event=record.event)
    collated = services_collation.collect_into_theme(
        event=record.event, theme=theme, findings=list(record.findings.all())
    )
    services.save_record(
        record=record,
        user=user,
        expected_version=2,
        language="en",
        notes="",
        findings=[{"section": "trend", "text": "Migration of children"}],
    )
    first = CollatedFinding.objects.get(pk=collated[0].pk)
    assert [f.text for f in first.sources.all()] == ["Migration of children"]
    assert CollatedFinding.objects.get(pk=collated[1].pk).sources.count() == 0


def test_quote_without_consent_shows_no_organisation_even_to_reviewers(client, record, tables, make_user):
    from events.models import Role

    services.save_record(
        record=record,
        user=tables["facilitator"],
        expected_version=1,
        language="en",
        notes="",
        findings=[
            {
                "section": "quote",
                "text": "Nobody listens",
                "speaker_organisation": "Hidden Org",
                "country": "GY",
                "attribution_consent": False,
            },
            {
                "section": "quote",
                "text": "Follow the money",
                "speaker_organisation": "Shown Org",
                "country": "MX",
                "attribution_consent": True,
            },
        ],
    )
    record.refresh_from_db()
    record.status = record.Status.ACCEPTED
    record.save()
    client.force_login(make_user(record.event, Role.RAPPORTEUR))
    page = client.get(
        reverse("reports:findings_detail", kwargs={"slug": record.event.slug, "record_pk": record.pk})
    ).content.decode()
    assert "Nobody listens" in page
    assert "Hidden Org" not in page
    assert "Shown Org" in page


@pytest.mark.django_db(transaction=True)
def test_two_saves_at_once_one_wins(postgres_only, record, tables):
    """Two threads save version 1 at the same moment: the row lock lets exactly one through."""
    import threading

    from django.db import connection

    results = []
    barrier = threading.Barrier(2)

    def save(text):
        try:
            barrier.wait()
            services.save_record(
                record=record,
                user=tables["facilitator"],
                expected_version=1,
                language="en",
                notes="",
                findings=[{"section": "trend", "text": text}],
            )
            results.append("saved")
        except VersionConflict:
            results.append("conflict")
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(t,)) for t in ("first", "second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["conflict", "saved"]
    record.refresh_from_db()
    assert record.version == 2
    assert record.findings.count() == 1
