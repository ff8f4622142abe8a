"""Portuguese is served as Brazilian Portuguese ("pt-br"): the translated columns ``*_pt`` become ``*_pt_br``
and stored language codes "pt" become "pt-br"."""

from django.db import migrations, models

CODE_FIELDS = [
    ("ConsolidationRecord", "language"),
    ("Takeaway", "language"),
]


def _recode(apps, old, new):
    for model_name, field in CODE_FIELDS:
        model = apps.get_model("reports", model_name)
        model.objects.filter(**{field: old}).update(**{field: new})


def forwards(apps, schema_editor):
    _recode(apps, "pt", "pt-br")


def backwards(apps, schema_editor):
    _recode(apps, "pt-br", "pt")


class Migration(migrations.Migration):
    dependencies = [("reports", "0006_session_feedback")]

    operations = [
        migrations.RenameField("collatedfinding", "region_pt", "region_pt_br"),
        migrations.RenameField("collatedfinding", "subheading_pt", "subheading_pt_br"),
        migrations.RenameField("collatedfinding", "text_pt", "text_pt_br"),
        migrations.RenameField("collatedfinding", "title_pt", "title_pt_br"),
        migrations.RenameField("evaluationquestion", "text_pt", "text_pt_br"),
        migrations.RenameField("report", "about_pt", "about_pt_br"),
        migrations.RenameField("report", "acknowledgements_pt", "acknowledgements_pt_br"),
        migrations.RenameField("report", "back_cover_pt", "back_cover_pt_br"),
        migrations.RenameField("report", "disclaimer_pt", "disclaimer_pt_br"),
        migrations.RenameField("report", "future_directions_pt", "future_directions_pt_br"),
        migrations.RenameField("report", "introduction_pt", "introduction_pt_br"),
        migrations.RenameField("report", "key_trends_pt", "key_trends_pt_br"),
        migrations.RenameField("report", "publisher_pt", "publisher_pt_br"),
        migrations.RenameField("report", "region_label_pt", "region_label_pt_br"),
        migrations.RenameField("report", "subtitle_pt", "subtitle_pt_br"),
        migrations.RenameField("report", "thematic_introduction_pt", "thematic_introduction_pt_br"),
        migrations.RenameField("report", "title_pt", "title_pt_br"),
        migrations.RenameField("reportsection", "body_pt", "body_pt_br"),
        migrations.RenameField("reportsection", "title_pt", "title_pt_br"),
        migrations.RenameField("reporttheme", "introduction_pt", "introduction_pt_br"),
        migrations.RenameField("reporttheme", "title_pt", "title_pt_br"),
        migrations.AlterField(
            model_name="consolidationrecord",
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
                verbose_name="language of the findings",
            ),
        ),
        migrations.AlterField(
            model_name="takeaway",
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
        migrations.RunPython(forwards, backwards),
    ]
