from django.contrib import admin

from . import models
from .services.registration import sync_participant_role


class TableSlotInline(admin.TabularInline):
    model = models.TableSlot
    extra = 0


@admin.register(models.Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["full_name", "event", "country", "sector", "status", "created_at"]
    list_filter = ["event", "status", "sector"]
    search_fields = ["full_name", "organisation", "user__email"]

    def save_model(self, request, obj, form, change):
        # a status changed here bypasses the services: keep the participant role in step all the same
        # (the admin saves inside one transaction)
        super().save_model(request, obj, form, change)
        sync_participant_role(registration=obj)


@admin.register(models.TableSession)
class TableSessionAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "kind", "allocated_at", "published_at"]


@admin.register(models.Table)
class TableAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "session", "working_language"]
    list_filter = ["session"]
    inlines = [TableSlotInline]


admin.site.register(models.Rotation)
admin.site.register(models.Material)
admin.site.register(models.BreakoutGroup)
admin.site.register(models.Assignment)
