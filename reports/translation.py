from modeltranslation.translator import TranslationOptions, register

from .models import CollatedFinding, EvaluationQuestion, Report, ReportSection, ReportTheme


@register(ReportTheme)
class ReportThemeTranslation(TranslationOptions):
    fields = ("title", "introduction")


@register(CollatedFinding)
class CollatedFindingTranslation(TranslationOptions):
    fields = ("subheading", "title", "text", "region")


@register(EvaluationQuestion)
class EvaluationQuestionTranslation(TranslationOptions):
    fields = ("text",)


@register(Report)
class ReportTranslation(TranslationOptions):
    fields = (
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
    )


@register(ReportSection)
class ReportSectionTranslation(TranslationOptions):
    fields = ("title", "body")
