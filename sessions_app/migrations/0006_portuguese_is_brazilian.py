"""Portuguese is served as Brazilian Portuguese ("pt-br"): the translated columns ``*_pt`` become ``*_pt_br``
and stored language codes "pt" become "pt-br"."""

from django.db import migrations, models

CODE_FIELDS = [
    ("Registration", "preferred_language"),
    ("Table", "working_language"),
    ("Material", "language"),
]


def _recode(apps, old, new):
    for model_name, field in CODE_FIELDS:
        model = apps.get_model("sessions_app", model_name)
        model.objects.filter(**{field: old}).update(**{field: new})


def forwards(apps, schema_editor):
    _recode(apps, "pt", "pt-br")


def backwards(apps, schema_editor):
    _recode(apps, "pt-br", "pt")


class Migration(migrations.Migration):
    dependencies = [("sessions_app", "0005_check_ins")]

    operations = [
        migrations.RenameField("breakoutgroup", "name_pt", "name_pt_br"),
        migrations.RenameField("table", "guiding_questions_pt", "guiding_questions_pt_br"),
        migrations.RenameField("table", "title_pt", "title_pt_br"),
        migrations.RenameField("tablesession", "instructions_pt", "instructions_pt_br"),
        migrations.RenameField("tablesession", "title_pt", "title_pt_br"),
        migrations.AlterField(
            model_name="material",
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
            model_name="registration",
            name="preferred_language",
            field=models.CharField(
                choices=[
                    ("en", "English"),
                    ("es", "Spanish"),
                    ("fr", "French"),
                    ("pt-br", "Brazilian Portuguese"),
                ],
                max_length=5,
                verbose_name="preferred language",
            ),
        ),
        migrations.AlterField(
            model_name="table",
            name="working_language",
            field=models.CharField(
                choices=[
                    ("en", "English"),
                    ("es", "Spanish"),
                    ("fr", "French"),
                    ("pt-br", "Brazilian Portuguese"),
                ],
                default="en",
                max_length=5,
                verbose_name="working language",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
