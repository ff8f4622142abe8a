"""The findings pages speak the visitor's language."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "lang, words",
    [
        ("es", ["Preguntas orientadoras", "Idioma de los hallazgos", "Notas libres"]),
        ("fr", ["Questions directrices", "Langue des constats", "Notes libres"]),
        ("pt-br", ["Perguntas orientadoras", "Idioma das constatações", "Notas livres"]),
    ],
)
def test_record_form_translated(client, record, tables, lang, words):
    client.force_login(tables["facilitator"])
    client.cookies["django_language"] = lang
    page = client.get(
        reverse("reports:findings_edit", kwargs={"slug": record.event.slug, "record_pk": record.pk}),
        HTTP_ACCEPT_LANGUAGE=lang,
    ).content.decode()
    for word in words:
        assert word in page
