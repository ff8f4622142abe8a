"""The portal's URL tree. Every page of one event lives under e/<slug>/, declared here once; each app adds
its pages relative to it, the back office under e/<slug>/manage/."""

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from events.views import imports, jobs, site

from . import views
from .health import HealthView
from .privacy import views as privacy

# The admin's own log-in form would skip the second factor: staff sign in through the portal's log-in.
admin.site.login = secure_admin_login(admin.site.login)

event_urls = [
    path("", include("events.urls")),
    path("", include("reports.urls")),
    path("", include("sessions_app.urls")),
    path("", include("observatory.manage_urls")),
]

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/data/", privacy.AccountDataView.as_view(), name="account_data"),
    path("accounts/data/download/", privacy.AccountDataDownloadView.as_view(), name="account_data_download"),
    path("accounts/erase/", privacy.AccountEraseView.as_view(), name="account_erase"),
    path("accounts/", include("allauth.urls")),
    path("", site.HomeView.as_view(), name="home"),
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("jobs/<uuid:token>/", jobs.JobStatusView.as_view(), name="job_status"),
    path("health/", HealthView.as_view(), name="health"),
    path("manage/events/new/", site.EventCreateView.as_view(), name="event_create"),
    path("manage/events/import/", imports.EventImportView.as_view(), name="event_import"),
    path("manage/events/import/<uuid:token>/", imports.EventImportJobView.as_view(), name="event_import_job"),
    path("e/<slug:slug>/", include(event_urls)),
    path("observatory/", include("observatory.urls")),
    path("api/v1/", include("observatory.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
]
if settings.DEBUG:
    # Only public uploads (logos, people's photos) are served from /media/; documents and materials go
    # through views that check who may read them. A production proxy must do the same.
    for public_folder in ("logos/", "people/"):
        urlpatterns += static(
            settings.MEDIA_URL + public_folder, document_root=settings.MEDIA_ROOT / public_folder
        )
