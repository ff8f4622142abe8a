"""/api/v1/: the read-only open data API (dialogue_portal/urls.py includes it)."""

from rest_framework.routers import SimpleRouter

from . import views

app_name = "api"

router = SimpleRouter()
router.register("events", views.EventViewSet, basename="event")
router.register("entries", views.EntryViewSet, basename="entry")
router.register("commitments", views.CommitmentViewSet, basename="commitment")
router.register("updates", views.UpdateViewSet, basename="update")
router.register("documents", views.DocumentViewSet, basename="document")

urlpatterns = router.urls
