"""The Django admin for the observatory's reference data: the taxonomy, regions and focal points."""

from django.contrib import admin

from . import models
from .services.entries import index_entries, refresh_tallies
from .services.taxonomy import reindex_term


@admin.register(models.Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ("name", "facet", "parent", "order")
    list_filter = ("facet",)
    search_fields = ("name", "slug")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            reindex_term(term=obj)  # its names are in the search columns of what carries it


@admin.register(models.Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "order")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        index_entries(entries=obj.entries.all())  # its names are searched
        refresh_tallies()  # its countries decide what touches which country


@admin.register(models.FocalPoint)
class FocalPointAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "country", "show_name", "is_active")
    list_filter = ("is_active",)
    autocomplete_fields = ("user", "organisation")
