from django.urls import path

from .views import public

urlpatterns = [
    path("", public.HomeView.as_view(), name="home"),
    path("dashboard/", public.DashboardView.as_view(), name="dashboard"),
    path("e/<slug:slug>/", public.EventHomeView.as_view(), name="event_home"),
]
