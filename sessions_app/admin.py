from django.contrib import admin

from . import models


class TableSlotInline(admin.TabularInline):
    model = models.TableSlot
    extra = 0


@admin.register(models.Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["full_name", "event", "country", "sector", "status", "created_at"]
    list_filter = ["event", "status", "sector"]
    search_fields = ["full_name", "organisation", "user__email"]


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
