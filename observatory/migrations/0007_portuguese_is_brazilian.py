"""Portuguese is served as Brazilian Portuguese ("pt-br"): the translated columns ``*_pt`` become ``*_pt_br``
and stored language codes "pt" become "pt-br"."""

from django.db import migrations, models

CODE_FIELDS = [
    ("Entry", "original_language"),
    ("LibraryDocument", "language"),
    ("CommitmentUpdate", "language"),
]


def _recode(apps, old, new):
    for model_name, field in CODE_FIELDS:
        model = apps.get_model("observatory", model_name)
        model.objects.filter(**{field: old}).update(**{field: new})


def forwards(apps, schema_editor):
    _recode(apps, "pt", "pt-br")


def backwards(apps, schema_editor):
    _recode(apps, "pt-br", "pt")


class Migration(migrations.Migration):
    dependencies = [("observatory", "0006_facet_columns")]

    operations = [
        migrations.RenameField("commitment", "baseline_pt", "baseline_pt_br"),
        migrations.RenameField("commitment", "description_pt", "description_pt_br"),
        migrations.RenameField("commitment", "indicator_pt", "indicator_pt_br"),
        migrations.RenameField("commitment", "target_pt", "target_pt_br"),
        migrations.RenameField("entry", "section_pt", "section_pt_br"),
        migrations.RenameField("entry", "text_pt", "text_pt_br"),
        migrations.RenameField("entry", "title_pt", "title_pt_br"),
        migrations.RenameField("region", "name_pt", "name_pt_br"),
        migrations.RenameField("term", "name_pt", "name_pt_br"),
        migrations.AlterField(
            model_name="commitmentupdate",
            name="language",
            field=models.CharField(
                choices=[
                    ("en", "English"),
                    ("es", "Spanish"),
                    ("fr", "French"),
                    ("pt-br", "Brazilian Portuguese"),
                ],
                default="en",
                max_length=10,
                verbose_name="language",
            ),
        ),
        migrations.AlterField(
            model_name="librarydocument",
            name="language",
            field=models.CharField(
                choices=[
                    ("en", "English"),
                    ("es", "Spanish"),
                    ("fr", "French"),
                    ("pt-br", "Brazilian Portuguese"),
                ],
                default="en",
                max_length=10,
                verbose_name="language",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
