"""The public observatory, under /observatory/ (dialogue_portal/urls.py)."""

from django.urls import path

from .views import downloads, focal, public, taxonomy

app_name = "observatory"

urlpatterns = [
    path("", public.SearchView.as_view(), name="search"),
    path("entries.csv", downloads.SearchDownloadView.as_view(format="csv"), name="search_csv"),
    path("entries.json", downloads.SearchDownloadView.as_view(format="json"), name="search_json"),
    path("entries/<int:pk>/", public.EntryView.as_view(), name="entry"),
    path("countries/", public.CountryIndexView.as_view(), name="countries"),
    path("countries/<str:code>/", public.CountryView.as_view(), name="country"),
    path("themes/", public.ThemeIndexView.as_view(), name="themes"),
    path("themes/<slug:slug>/", public.ThemeView.as_view(), name="theme"),
    path("library/", public.LibraryView.as_view(), name="library"),
    path("library.csv", downloads.LibraryDownloadView.as_view(format="csv"), name="library_csv"),
    path("library.json", downloads.LibraryDownloadView.as_view(format="json"), name="library_json"),
    path("library/<int:pk>/", downloads.DocumentView.as_view(), name="document"),
    path("events/<slug:slug>/", public.EventView.as_view(), name="event"),
    path("commitments/<int:pk>/update/", focal.CommitmentUpdateView.as_view(), name="commitment_update"),
    path("evidence/<int:pk>/", downloads.EvidenceView.as_view(), name="evidence"),
    # the taxonomy and the focal points, for observatory editors
    path("manage/", taxonomy.TaxonomyView.as_view(), name="manage_taxonomy"),
    path("manage/terms/<str:facet>/add/", taxonomy.TermFormView.as_view(), name="manage_term_add"),
    path("manage/terms/<int:pk>/", taxonomy.TermFormView.as_view(), name="manage_term_edit"),
    path("manage/terms/<int:pk>/delete/", taxonomy.TermDeleteView.as_view(), name="manage_term_delete"),
    path("manage/regions/add/", taxonomy.RegionFormView.as_view(), name="manage_region_add"),
    path("manage/regions/<int:pk>/", taxonomy.RegionFormView.as_view(), name="manage_region_edit"),
    path("manage/regions/<int:pk>/delete/", taxonomy.RegionDeleteView.as_view(), name="manage_region_delete"),
    path("manage/focal-points/add/", taxonomy.FocalPointFormView.as_view(), name="manage_focal_point_add"),
    path(
        "manage/focal-points/<int:pk>/", taxonomy.FocalPointFormView.as_view(), name="manage_focal_point_edit"
    ),
    path(
        "manage/focal-points/<int:pk>/delete/",
        taxonomy.FocalPointDeleteView.as_view(),
        name="manage_focal_point_delete",
    ),
]
