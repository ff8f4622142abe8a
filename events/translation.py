from modeltranslation.translator import TranslationOptions, register

from .models import AgendaItem, Day, Document, Event, ItemPerson, Organisation, Person, Series


@register(Series)
class SeriesTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("logo_alt", "description")


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "subtitle", "description", "objectives", "practical_information")


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title",)


@register(Day)
class DayTranslation(TranslationOptions):
    fields = ("title", "focus", "methodology", "attendance_label", "co_host_note")


@register(AgendaItem)
class AgendaItemTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("institution_name", "job_title", "bio")


@register(ItemPerson)
class ItemPersonTranslation(TranslationOptions):
    fields = ("job_title",)
