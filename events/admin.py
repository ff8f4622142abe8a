from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from . import models


class DayInline(TranslationTabularInline):
    model = models.Day
    extra = 0
    fields = ("date", "title", "audience")


class PartnerInline(admin.TabularInline):
    model = models.EventPartner
    extra = 0


@admin.register(models.Event)
class EventAdmin(TranslationAdmin):
    list_display = ("title", "slug", "start_date", "end_date", "city", "is_published")
    search_fields = ("title", "slug", "city")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [DayInline, PartnerInline]


@admin.register(models.Series)
class SeriesAdmin(TranslationAdmin):
    list_display = ("name", "slug")


@admin.register(models.Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ("name", "acronym", "website")
    search_fields = ("name", "acronym")


class ItemPersonInline(admin.TabularInline):
    model = models.ItemPerson
    extra = 0
    autocomplete_fields = ("person",)


@admin.register(models.AgendaItem)
class AgendaItemAdmin(TranslationAdmin):
    list_display = ("title", "day", "start", "end", "kind", "room")
    list_filter = ("day__event", "kind")
    inlines = [ItemPersonInline]


@admin.register(models.Person)
class PersonAdmin(TranslationAdmin):
    list_display = ("name", "organisation", "event")
    search_fields = ("name", "organisation")


@admin.register(models.EventRole)
class EventRoleAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "event")
    list_filter = ("role", "event")
    search_fields = ("user__email",)


admin.site.register(models.Document, TranslationAdmin)
admin.site.register(models.SeriesEdition)
