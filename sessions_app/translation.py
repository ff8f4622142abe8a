from modeltranslation.translator import TranslationOptions, register

from .models import BreakoutGroup, Table, TableSession


@register(TableSession)
class TableSessionTranslation(TranslationOptions):
    fields = ("title", "instructions")


@register(Table)
class TableTranslation(TranslationOptions):
    fields = ("title", "guiding_questions")


@register(BreakoutGroup)
class BreakoutGroupTranslation(TranslationOptions):
    fields = ("name",)
