from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("sessions_app.urls")),
    path("", include("reports.urls")),
    path("", include("events.urls")),
]
if settings.DEBUG:
    # Only public uploads (logos, people's photos) are served from /media/; documents and materials go
    # through views that check who may read them. A production proxy must do the same.
    for public_folder in ("logos/", "people/"):
        urlpatterns += static(
            settings.MEDIA_URL + public_folder, document_root=settings.MEDIA_ROOT / public_folder
        )
