from django.urls import path

from .views import public

urlpatterns = [
    path("", public.HomeView.as_view(), name="home"),
    path("dashboard/", public.DashboardView.as_view(), name="dashboard"),
    path("e/<slug:slug>/", public.EventHomeView.as_view(), name="event_home"),
    path("e/<slug:slug>/agenda/", public.AgendaView.as_view(), name="agenda"),
    path("e/<slug:slug>/agenda.ics", public.AgendaICalView.as_view(), name="agenda_ical"),
    path("e/<slug:slug>/programme.pdf", public.ProgrammePDFView.as_view(), name="programme_pdf"),
    path("e/<slug:slug>/agenda/<str:date>/", public.DayDetailView.as_view(), name="day_detail"),
    path("e/<slug:slug>/agenda/<str:date>/calendar.ics", public.DayICalView.as_view(), name="day_ical"),
    path("e/<slug:slug>/people/<slug:person_slug>/", public.PersonDetailView.as_view(), name="person_detail"),
    path(
        "e/<slug:slug>/documents/<int:pk>/", public.DocumentDownloadView.as_view(), name="document_download"
    ),
    # Under /manage/ with the organiser pages, but it renders the public agenda: it lives here.
    path("e/<slug:slug>/manage/preview/", public.PreviewView.as_view(), name="preview"),
]
