from django.contrib import admin

from . import models

admin.site.register(models.ConsolidationRecord)
admin.site.register(models.ReportTheme)
admin.site.register(models.Report)
