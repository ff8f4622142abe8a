from modeltranslation.translator import TranslationOptions, register

from .models import Commitment, Entry, Region, Term


@register(Term)
class TermTranslation(TranslationOptions):
    fields = ("name",)


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Entry)
class EntryTranslation(TranslationOptions):
    fields = ("title", "text", "section")


@register(Commitment)
class CommitmentTranslation(TranslationOptions):
    fields = ("description", "target", "indicator", "baseline")
