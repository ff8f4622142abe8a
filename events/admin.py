from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from . import models
from .services import bump_content_version, bump_content_version_of_organisation


class BumpsContentVersion:
    """Admin edits change what the public pages show, like the back office's: cached pages are dropped."""

    def events_of(self, obj) -> list[models.Event]:
        return [obj.event]

    def bump(self, obj) -> None:
        for event in self.events_of(obj):
            bump_content_version(event)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self.bump(form.instance)

    def delete_model(self, request, obj):
        events = self.events_of(obj)
        super().delete_model(request, obj)
        for event in events:
            if event.pk is not None:
                bump_content_version(event)


class DayInline(TranslationTabularInline):
    model = models.Day
    extra = 0
    fields = ("date", "title", "audience")


class PartnerInline(admin.TabularInline):
    model = models.EventPartner
    extra = 0


@admin.register(models.Event)
class EventAdmin(BumpsContentVersion, TranslationAdmin):
    def events_of(self, obj):
        return [obj]

    list_display = ("title", "slug", "start_date", "end_date", "city", "is_published")
    search_fields = ("title", "slug", "city")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [DayInline, PartnerInline]


@admin.register(models.Series)
class SeriesAdmin(BumpsContentVersion, TranslationAdmin):
    def events_of(self, obj):
        return list(obj.events.all())

    list_display = ("name", "slug")


@admin.register(models.Organisation)
class OrganisationAdmin(BumpsContentVersion, TranslationAdmin):
    def bump(self, obj):
        bump_content_version_of_organisation(obj)

    def events_of(self, obj):
        return list(models.Event.objects.filter(partners__organisation=obj).distinct())

    list_display = ("name", "acronym", "website")
    search_fields = ("name", "acronym")


class ItemPersonInline(admin.TabularInline):
    model = models.ItemPerson
    extra = 0
    autocomplete_fields = ("person",)


@admin.register(models.AgendaItem)
class AgendaItemAdmin(BumpsContentVersion, TranslationAdmin):
    def events_of(self, obj):
        return [obj.day.event]

    list_display = ("title", "day", "start", "end", "kind", "room")
    list_filter = ("day__event", "kind")
    inlines = [ItemPersonInline]


@admin.register(models.Person)
class PersonAdmin(BumpsContentVersion, TranslationAdmin):
    list_display = ("name", "organisation", "event")
    search_fields = ("name", "organisation")


@admin.register(models.EventRole)
class EventRoleAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "event")
    list_filter = ("role", "event")
    search_fields = ("user__email",)


@admin.register(models.Document)
class DocumentAdmin(BumpsContentVersion, TranslationAdmin):
    pass


@admin.register(models.SeriesEdition)
class SeriesEditionAdmin(BumpsContentVersion, admin.ModelAdmin):
    def events_of(self, obj):
        return list(obj.series.events.all())


@admin.register(models.Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("kind", "event", "status", "failure", "created_at", "finished_at")
    list_filter = ("kind", "status", "failure")
    readonly_fields = [field.name for field in models.Job._meta.fields]


@admin.register(models.AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log is written by the services only: read here, never changed. (Deleting stays possible
    only so that deleting an event in the admin, which takes its entries along, is not blocked.)"""

    list_display = ("created_at", "action", "event", "actor", "subject", "detail")
    list_filter = ("action",)
    list_select_related = ("event", "actor", "subject")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
