"""Organiser pages: /manage/events/new/ and everything under /e/<slug>/manage/ (names prefixed manage_)."""

from django.urls import path

from .views import organiser as views

m = "e/<slug:slug>/manage/"

urlpatterns = [
    path("manage/events/new/", views.EventCreateView.as_view(), name="manage_event_create"),
    path(m, views.EventDashboardView.as_view(), name="manage_event"),
    path(m + "edit/", views.EventEditView.as_view(), name="manage_event_edit"),
    # Days
    path(m + "days/", views.DayListView.as_view(), name="manage_days"),
    path(m + "days/add/", views.DayCreateView.as_view(), name="manage_day_add"),
    path(m + "days/<int:day_pk>/", views.DayEditView.as_view(), name="manage_day_edit"),
    path(m + "days/<int:day_pk>/delete/", views.DayDeleteView.as_view(), name="manage_day_delete"),
    path(m + "days/<int:day_pk>/duplicate/", views.DayDuplicateView.as_view(), name="manage_day_duplicate"),
    # Agenda items
    path(m + "agenda/", views.ItemListView.as_view(), name="manage_items"),
    path(m + "days/<int:day_pk>/items/add/", views.ItemCreateView.as_view(), name="manage_item_add"),
    path(m + "items/<int:item_pk>/", views.ItemEditView.as_view(), name="manage_item_edit"),
    path(m + "items/<int:item_pk>/delete/", views.ItemDeleteView.as_view(), name="manage_item_delete"),
    path(m + "items/<int:item_pk>/move/", views.ItemMoveView.as_view(), name="manage_item_move"),
    # People
    path(m + "people/", views.PersonListView.as_view(), name="manage_people"),
    path(m + "people/add/", views.PersonCreateView.as_view(), name="manage_person_add"),
    path(m + "people/<int:person_pk>/", views.PersonEditView.as_view(), name="manage_person_edit"),
    path(m + "people/<int:person_pk>/delete/", views.PersonDeleteView.as_view(), name="manage_person_delete"),
    # Partners and logos
    path(m + "partners/", views.PartnerListView.as_view(), name="manage_partners"),
    path(m + "partners/add/", views.PartnerCreateView.as_view(), name="manage_partner_add"),
    path(m + "partners/<int:partner_pk>/", views.PartnerEditView.as_view(), name="manage_partner_edit"),
    path(
        m + "partners/<int:partner_pk>/delete/",
        views.PartnerDeleteView.as_view(),
        name="manage_partner_delete",
    ),
    # Documents
    path(m + "documents/", views.DocumentListView.as_view(), name="manage_documents"),
    path(m + "documents/add/", views.DocumentCreateView.as_view(), name="manage_document_add"),
    path(m + "documents/<int:document_pk>/", views.DocumentEditView.as_view(), name="manage_document_edit"),
    path(
        m + "documents/<int:document_pk>/delete/",
        views.DocumentDeleteView.as_view(),
        name="manage_document_delete",
    ),
    # Roles
    path(m + "roles/", views.RoleListView.as_view(), name="manage_roles"),
    path(m + "roles/<int:role_pk>/revoke/", views.RoleRevokeView.as_view(), name="manage_role_revoke"),
]
