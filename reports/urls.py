"""The URLs of the findings area (records, takeaways, collation, evaluation) and of the outcome report."""

from django.urls import path

from .views import collation, evaluation, findings, outcome

app_name = "reports"

P = "e/<slug:slug>/findings/"
R = "e/<slug:slug>/report/"

urlpatterns = [
    path(P, findings.RecordListView.as_view(), name="findings_list"),
    path(
        P + "start/table/<int:table>/<int:rotation>/",
        findings.StartRecordView.as_view(),
        name="findings_start_table",
    ),
    path(
        P + "start/group/<int:group>/<int:part>/",
        findings.StartRecordView.as_view(),
        name="findings_start_group",
    ),
    path(P + "start/item/<int:item>/", findings.StartRecordView.as_view(), name="findings_start_item"),
    path(P + "records/<int:pk>/", findings.RecordDetailView.as_view(), name="findings_detail"),
    path(P + "records/<int:pk>/edit/", findings.RecordEditView.as_view(), name="findings_edit"),
    path(
        P + "records/<int:pk>/do/<slug:action>/",
        findings.RecordTransitionView.as_view(),
        name="findings_transition",
    ),
    path(P + "records/<int:pk>/history/", findings.RecordHistoryView.as_view(), name="findings_history"),
    path(
        P + "records/<int:pk>/history/<int:version>/",
        findings.RecordVersionView.as_view(),
        name="findings_version",
    ),
    path(
        P + "records/<int:pk>/history/<int:version>/restore/",
        findings.RecordRestoreView.as_view(),
        name="findings_restore",
    ),
    path(P + "template/", findings.TemplateSettingsView.as_view(), name="findings_template"),
    path(
        P + "template/session/<int:session>/",
        findings.SectionsEditView.as_view(),
        name="findings_sections_session",
    ),
    path(P + "template/item/<int:item>/", findings.SectionsEditView.as_view(), name="findings_sections_item"),
    path(P + "takeaways/", findings.TakeawayListView.as_view(), name="findings_takeaways"),
    path(
        P + "takeaways/<int:day>/authors/",
        findings.TakeawayAuthorsView.as_view(),
        name="findings_takeaway_authors",
    ),
    path(
        P + "takeaways/<int:day>/write/", findings.TakeawayWriteView.as_view(), name="findings_takeaway_write"
    ),
    # collation
    path(P + "collation/", collation.SearchView.as_view(), name="collation_search"),
    path(P + "collation/collect/", collation.CollectView.as_view(), name="collation_collect"),
    path(P + "collation/themes/", collation.ThemeListView.as_view(), name="collation_themes"),
    path(P + "collation/themes/new/", collation.ThemeFormView.as_view(), name="collation_theme_new"),
    path(P + "collation/themes/<int:theme>/", collation.ThemeDetailView.as_view(), name="collation_theme"),
    path(
        P + "collation/themes/<int:theme>/edit/",
        collation.ThemeFormView.as_view(),
        name="collation_theme_edit",
    ),
    path(P + "collation/themes/<int:theme>/merge/", collation.MergeView.as_view(), name="collation_merge"),
    path(P + "collation/items/<int:pk>/", collation.CollatedEditView.as_view(), name="collation_item"),
    path(P + "collation/glance/", collation.GlanceView.as_view(), name="collation_glance"),
    # evaluation
    path(P + "evaluation/", evaluation.AnswerView.as_view(), name="evaluation_answer"),
    path(P + "evaluation/manage/", evaluation.ManageView.as_view(), name="evaluation_manage"),
    path(
        P + "evaluation/questions/<int:pk>/delete/",
        evaluation.DeleteQuestionView.as_view(),
        name="evaluation_question_delete",
    ),
    path(P + "evaluation/results/", evaluation.ResultsView.as_view(), name="evaluation_results"),
    path(P + "evaluation/results.csv", evaluation.ResultsCsvView.as_view(), name="evaluation_csv"),
    # the outcome report
    path(R, outcome.ReportManageView.as_view(), name="report_manage"),
    path(R + "texts/<str:lang>/", outcome.ReportTextsView.as_view(), name="report_texts"),
    path(
        R + "sections/<int:pk>/move/",
        outcome.ReportSectionMoveView.as_view(),
        name="report_section_move",
    ),
    path(
        R + "sections/<int:pk>/include/",
        outcome.ReportSectionToggleView.as_view(),
        name="report_section_toggle",
    ),
    path(R + "preview/", outcome.ReportPreviewView.as_view(), name="report_preview"),
    path(R + "pdf/", outcome.ReportPdfView.as_view(), name="report_pdf"),
]
