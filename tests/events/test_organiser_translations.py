from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
OWN_FILES = (
    "events/forms.py",
    "events/services.py",
    "events/views/organiser.py",
    "events/templates/events/manage/",
    "events/templates/events/partials/_event_nav_manage.html",
)


@pytest.mark.parametrize("language", ["es", "fr", "pt_BR"])
def test_every_organiser_string_is_translated(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    own = [entry for entry in po if any(path.startswith(OWN_FILES) for path, _line in entry.occurrences)]
    assert len(own) > 100
    untranslated = [entry.msgid for entry in own if not entry.translated()]
    assert untranslated == []


def test_manage_pages_render_in_spanish(client_as, event):
    from django.urls import reverse

    client = client_as("organiser")
    client.cookies["django_language"] = "es"
    content = client.get(reverse("events:manage_event", kwargs={"slug": event.slug})).content.decode()
    assert "Gestionar el evento" in content
    assert "Gestión del evento" in content  # the back-office menu
    assert "Personas y socios" in content
