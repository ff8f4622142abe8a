from . import urls_findings, urls_report

app_name = "reports"
urlpatterns = urls_findings.urlpatterns + urls_report.urlpatterns
