from . import urls_organiser, urls_public

app_name = "events"
# Organiser URLs first: they live under /e/<slug>/manage/ and must not be shadowed by public patterns.
urlpatterns = urls_organiser.urlpatterns + urls_public.urlpatterns
