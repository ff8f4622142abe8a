"""Collation: search and filters, collecting into themes, merging with provenance, at a glance."""

import pytest
from django.urls import reverse

from events.models import Role
from reports.models import CollatedFinding, ConsolidationRecord
from reports.services import collation as services
from tests.reports.factories import FindingFactory, RecordFactory, ReportThemeFactory
from tests.sessions_app.factories import RotationFactory, TableFactory

pytestmark = pytest.mark.django_db
S = ConsolidationRecord.Status


def make_findings(tables, count):
    records = [
        RecordFactory(table=table, rotation=rotation, status=S.SUBMITTED)
        for table in (tables["own"], tables["other"])
        for rotation in tables["rotations"]
    ]
    return [
        FindingFactory(record=records[i % len(records)], country="GT" if i % 2 else "", section="trend")
        for i in range(count)
    ]


@pytest.fixture
def rapporteur_client(client, event, make_user):
    client.force_login(make_user(event, Role.RAPPORTEUR))
    return client


@pytest.mark.parametrize("count", [10, 100])
def test_search_page_query_count_is_constant(
    rapporteur_client, event, tables, count, django_assert_num_queries
):
    findings = make_findings(tables, count)
    theme = ReportThemeFactory(event=event)
    services.collect_into_theme(event=event, theme=theme, findings=findings[:5])
    url = reverse("reports:collation_search", kwargs={"slug": event.slug})
    rapporteur_client.get(url)  # warm caches (sessions, content types)
    with django_assert_num_queries(12):  # roles from EventRole alone: no registration query
        response = rapporteur_client.get(url + "?country=GT")
    assert response.status_code == 200
    assert len(response.context["findings"]) == count // 2


def test_search_filters(rapporteur_client, event, tables):
    table3 = TableFactory(session=tables["session"], number=3)
    rotation3 = RotationFactory(session=tables["session"], number=3)
    spanish = RecordFactory(table=table3, rotation=rotation3, status=S.ACCEPTED, language="es")
    a = FindingFactory(record=spanish, text="Crimen organizado", country="SV", section="trend")
    b = FindingFactory(
        record=RecordFactory(table=tables["own"], rotation=tables["rotations"][0], status=S.SUBMITTED),
        text="Online risks",
        section="challenge",
    )
    FindingFactory(
        record=RecordFactory(table=tables["other"], rotation=tables["rotations"][0]), text="Draft only"
    )
    theme = ReportThemeFactory(event=event)
    services.collect_into_theme(event=event, theme=theme, findings=[b])
    url = reverse("reports:collation_search", kwargs={"slug": event.slug})

    def found(**params):
        return [f.text for f in rapporteur_client.get(url, params).context["findings"]]

    assert found() == ["Online risks", "Crimen organizado"]  # drafts are not collated
    assert found(language="es") == ["Crimen organizado"]
    assert found(country="SV") == ["Crimen organizado"]
    assert found(table=str(table3.pk)) == ["Crimen organizado"]
    assert found(rotation="1") == ["Online risks"]
    assert found(day=str(tables["session"].agenda_item.day_id)) == ["Online risks", "Crimen organizado"]
    assert found(theme=str(theme.pk)) == ["Online risks"]
    assert found(theme="none") == ["Crimen organizado"]
    assert found(section="challenge") == ["Online risks"]
    assert found(q="crimen") == ["Crimen organizado"]
    assert a.pk


def test_collect_into_theme_through_page(rapporteur_client, event, tables):
    findings = make_findings(tables, 3)
    theme = ReportThemeFactory(event=event, title="Travel and tourism")
    url = reverse("reports:collation_collect", kwargs={"slug": event.slug})
    response = rapporteur_client.post(url, {"theme": theme.pk, "findings": [f.pk for f in findings]})
    assert response.status_code == 302
    items = list(CollatedFinding.objects.filter(theme=theme).order_by("order"))
    assert [(i.order, i.text, list(i.sources.all())) for i in items] == [
        (n + 1, f.text, [f]) for n, f in enumerate(findings)
    ]
    # collecting again skips what is already there
    rapporteur_client.post(url, {"theme": theme.pk, "findings": [findings[0].pk]})
    assert CollatedFinding.objects.count() == 3


def test_collect_nothing_ticked_gives_message(rapporteur_client, event, tables):
    theme = ReportThemeFactory(event=event)
    url = reverse("reports:collation_collect", kwargs={"slug": event.slug})
    response = rapporteur_client.post(url, {"theme": theme.pk}, follow=True)
    assert "Tick at least one finding to collect." in response.content.decode()
    assert CollatedFinding.objects.count() == 0


def test_collect_refuses_findings_of_another_event(rapporteur_client, event, tables):
    foreign = FindingFactory()
    theme = ReportThemeFactory(event=event)
    url = reverse("reports:collation_collect", kwargs={"slug": event.slug})
    rapporteur_client.post(url, {"theme": theme.pk, "findings": [foreign.pk]})
    assert CollatedFinding.objects.count() == 0


def test_merge_keeps_provenance(rapporteur_client, event, tables):
    findings = make_findings(tables, 3)
    theme = ReportThemeFactory(event=event)
    items = services.collect_into_theme(event=event, theme=theme, findings=findings)
    url = reverse("reports:collation_merge", kwargs={"slug": event.slug, "theme_pk": theme.pk})
    rapporteur_client.post(url, {"items": [items[0].pk, items[2].pk]})
    remaining = list(CollatedFinding.objects.order_by("pk"))
    assert [r.pk for r in remaining] == [items[0].pk, items[1].pk]
    assert set(remaining[0].sources.all()) == {findings[0], findings[2]}
    page = rapporteur_client.get(
        reverse("reports:collation_theme", kwargs={"slug": event.slug, "theme_pk": theme.pk})
    )
    assert "From: Table 1 · Rotation 1; Table 2 · Rotation 1" in page.content.decode()


def test_edit_wording_per_language_and_flags(rapporteur_client, event, tables):
    finding = make_findings(tables, 1)[0]
    theme = ReportThemeFactory(event=event)
    item = services.collect_into_theme(event=event, theme=theme, findings=[finding])[0]
    url = reverse("reports:collation_item", kwargs={"slug": event.slug, "collated_pk": item.pk})
    response = rapporteur_client.post(
        url,
        {
            "theme": theme.pk,
            "kind": "trend",
            "order": 4,
            "title_en": "Migration",
            "text_en": "Children on the move",
            "text_es": "Niñez en movilidad",
            "at_a_glance": "on",
            "glance_order": 1,
            "in_report": "on",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title_en, item.text_en, item.text_es, item.order, item.at_a_glance, item.glance_order) == (
        "Migration",
        "Children on the move",
        "Niñez en movilidad",
        4,
        True,
        1,
    )
    empty = rapporteur_client.post(url, {"theme": theme.pk, "kind": "trend", "order": 1, "glance_order": 0})
    assert empty.status_code == 400
    assert "Write the text in at least one language." in empty.content.decode()


def test_quote_attribution_only_with_consent(rapporteur_client, event, tables):
    record = RecordFactory(table=tables["own"], rotation=tables["rotations"][0], status=S.SUBMITTED)
    yes = FindingFactory(
        record=record,
        section="quote",
        text="Sustainability is hard",
        country="BZ",
        speaker_organisation="The Child Development Foundation",
        attribution_consent=True,
    )
    no = FindingFactory(
        record=record,
        section="quote",
        text="Nobody listens",
        country="GY",
        speaker_organisation="Secret Org",
        attribution_consent=False,
    )
    theme = ReportThemeFactory(event=event)
    services.collect_into_theme(event=event, theme=theme, findings=[yes, no])
    page = rapporteur_client.get(
        reverse("reports:collation_theme", kwargs={"slug": event.slug, "theme_pk": theme.pk})
    )
    html = page.content.decode()
    assert "(The Child Development Foundation – Belize)" in html
    assert "Secret Org" not in html
    search = rapporteur_client.get(
        reverse("reports:collation_search", kwargs={"slug": event.slug})
    ).content.decode()
    assert "Secret Org" not in search


def test_glance_positions(rapporteur_client, event, tables):
    findings = make_findings(tables, 3)
    theme = ReportThemeFactory(event=event)
    items = services.collect_into_theme(event=event, theme=theme, findings=findings)
    url = reverse("reports:collation_glance", kwargs={"slug": event.slug})
    rapporteur_client.post(
        url, {f"position_{items[2].pk}": "1", f"position_{items[0].pk}": "2", f"position_{items[1].pk}": ""}
    )
    chosen = rapporteur_client.get(url).context["chosen"]
    assert [c.pk for c in chosen] == [items[2].pk, items[0].pk]
    bad = rapporteur_client.post(url, {f"position_{items[1].pk}": "x"}, follow=True)
    assert "Positions are whole numbers; nothing was changed." in bad.content.decode()


def test_move_and_renumber(rapporteur_client, event, tables):
    findings = make_findings(tables, 3)
    theme = ReportThemeFactory(event=event)
    items = services.collect_into_theme(event=event, theme=theme, findings=findings)
    url = reverse("reports:collation_theme", kwargs={"slug": event.slug, "theme_pk": theme.pk})
    rapporteur_client.post(url, {"move": "up", "item": items[2].pk})
    assert list(CollatedFinding.objects.order_by("order").values_list("pk", flat=True)) == [
        items[0].pk,
        items[2].pk,
        items[1].pk,
    ]


def test_html_in_collated_text_is_escaped(rapporteur_client, event, tables):
    theme = ReportThemeFactory(event=event, title="<script>x</script>")
    CollatedFinding.objects.create(event=event, theme=theme, kind="trend", text="<script>alert(1)</script>")
    html = rapporteur_client.get(
        reverse("reports:collation_theme", kwargs={"slug": event.slug, "theme_pk": theme.pk})
    ).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>x</script>" not in html


@pytest.mark.parametrize("count", [10, 100])
def test_theme_page_query_count_is_constant(
    rapporteur_client, event, tables, count, django_assert_num_queries
):
    findings = make_findings(tables, count)
    theme = ReportThemeFactory(event=event)
    services.collect_into_theme(event=event, theme=theme, findings=findings)
    url = reverse("reports:collation_theme", kwargs={"slug": event.slug, "theme_pk": theme.pk})
    rapporteur_client.get(url)
    with django_assert_num_queries(7):  # roles from EventRole alone: no registration query
        response = rapporteur_client.get(url)
    assert sum(len(items) for _label, items in response.context["groups"]) == count


def test_delete_collated_finding_keeps_sources(rapporteur_client, event, tables):
    from reports.models import Finding

    finding = make_findings(tables, 1)[0]
    theme = ReportThemeFactory(event=event)
    item = services.collect_into_theme(event=event, theme=theme, findings=[finding])[0]
    url = reverse("reports:collation_item", kwargs={"slug": event.slug, "collated_pk": item.pk})
    assert rapporteur_client.post(url, {"delete": "1"}).status_code == 302
    assert CollatedFinding.objects.count() == 0
    assert Finding.objects.filter(pk=finding.pk).exists()


def test_drafts_cannot_be_collected_by_direct_post(rapporteur_client, event, tables):
    draft = FindingFactory(record=RecordFactory(table=tables["own"], rotation=tables["rotations"][0]))
    theme = ReportThemeFactory(event=event)
    url = reverse("reports:collation_collect", kwargs={"slug": event.slug})
    rapporteur_client.post(url, {"theme": theme.pk, "findings": [draft.pk]})
    assert CollatedFinding.objects.count() == 0
