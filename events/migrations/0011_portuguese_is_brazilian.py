"""Portuguese is served as Brazilian Portuguese ("pt-br"): the translated columns ``*_pt`` become ``*_pt_br``
and stored language codes "pt" become "pt-br"."""

from django.db import migrations, models

CODE_FIELDS = [
    ("Event", "default_language"),
    ("Document", "language"),
]


def _recode(apps, old, new):
    for model_name, field in CODE_FIELDS:
        model = apps.get_model("events", model_name)
        model.objects.filter(**{field: old}).update(**{field: new})
    Event = apps.get_model("events", "Event")
    for event in Event.objects.filter(languages__isnull=False).only("pk", "languages"):
        languages = [new if code == old else code for code in event.languages]
        if languages != event.languages:
            Event.objects.filter(pk=event.pk).update(languages=languages)


def forwards(apps, schema_editor):
    _recode(apps, "pt", "pt-br")


def backwards(apps, schema_editor):
    _recode(apps, "pt-br", "pt")


class Migration(migrations.Migration):
    dependencies = [("events", "0010_venue_rooms")]

    operations = [
        migrations.RenameField("agendaitem", "description_pt", "description_pt_br"),
        migrations.RenameField("agendaitem", "title_pt", "title_pt_br"),
        migrations.RenameField("day", "attendance_label_pt", "attendance_label_pt_br"),
        migrations.RenameField("day", "co_host_note_pt", "co_host_note_pt_br"),
        migrations.RenameField("day", "focus_pt", "focus_pt_br"),
        migrations.RenameField("day", "methodology_pt", "methodology_pt_br"),
        migrations.RenameField("day", "title_pt", "title_pt_br"),
        migrations.RenameField("document", "title_pt", "title_pt_br"),
        migrations.RenameField("event", "description_pt", "description_pt_br"),
        migrations.RenameField("event", "objectives_pt", "objectives_pt_br"),
        migrations.RenameField("event", "practical_information_pt", "practical_information_pt_br"),
        migrations.RenameField("event", "subtitle_pt", "subtitle_pt_br"),
        migrations.RenameField("event", "title_pt", "title_pt_br"),
        migrations.RenameField("itemperson", "job_title_pt", "job_title_pt_br"),
        migrations.RenameField("organisation", "description_pt", "description_pt_br"),
        migrations.RenameField("organisation", "logo_alt_pt", "logo_alt_pt_br"),
        migrations.RenameField("person", "bio_pt", "bio_pt_br"),
        migrations.RenameField("person", "job_title_pt", "job_title_pt_br"),
        migrations.RenameField("series", "description_pt", "description_pt_br"),
        migrations.RenameField("series", "name_pt", "name_pt_br"),
        migrations.AlterField(
            model_name="document",
            name="language",
            field=models.CharField(
                choices=[
                    ("en", "English"),
                    ("es", "Spanish"),
                    ("fr", "French"),
                    ("pt-br", "Brazilian Portuguese"),
                ],
                default="en",
                max_length=5,
                verbose_name="language",
            ),
        ),
        migrations.AlterField(
            model_name="event",
            name="default_language",
            field=models.CharField(
                choices=[
                    ("en", "English"),
                    ("es", "Spanish"),
                    ("fr", "French"),
                    ("pt-br", "Brazilian Portuguese"),
                ],
                default="en",
                max_length=5,
                verbose_name="default language",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
