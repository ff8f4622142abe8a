"""Benchmark of the outcome report's PDF export.

    python benchmarks/report.py [--lang en] [--runs 3] [--output /tmp/report.pdf]

Renders the demo event's report (`san-jose-dialogue-2024`, loaded with `manage.py load_demo`); when the
database has no demo findings, it builds the same sample report as the tests (tests/reports/
factories.py) in a throwaway test database. Prints JSON:

* total_seconds: the whole export as the view and the command run it (queries, template, PDF in a
  time-bounded child process), best of --runs;
* weasyprint_seconds: WeasyPrint alone (parse, layout, write_pdf) on that same final HTML, timed inside
  the same export; weasyprint_in_process splits a separate in-process render into layout and writing;
* project_share: (total - weasyprint) / total, the cost the portal adds (queries, templates, the fork
  and the transfer of the PDF; target: under 10 %), with project_html_seconds for queries + templates;
* pages, queries (the same whatever the number of recommendations: see queries_by_size), peak memory.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dialogue_portal.settings")
os.environ.setdefault("DIALOGUE_TESTING", "1")  # a development secret key; no e-mail leaves the process

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

DEMO_SLUG = "san-jose-dialogue-2024"


def _demo_event():
    from events.models import Event
    from reports.models import CollatedFinding

    try:
        event = Event.objects.filter(slug=DEMO_SLUG).first()
    except Exception:  # noqa: BLE001 - no database or no tables yet
        return None
    if event is None or not CollatedFinding.objects.filter(event=event).exists():
        return None
    return event


def _sample_event(recommendations: int = 6):
    from tests.events.factories import EventFactory
    from tests.reports import demo_report
    from tests.reports.factories import build_sample_report

    event = EventFactory(slug=f"benchmark-{recommendations}", title="San José Dialogue 2024")
    demo_report.load(event)
    build_sample_report(event, recommendations=recommendations)
    return event


def _peak_rss_mb() -> dict:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"process_mb": round(own, 1), "render_child_mb": round(children, 1)}


def _queries(event, lang: str) -> int:
    from reports.services.outcome import render_report_html

    event = type(event).objects.select_related("series", "host").get(pk=event.pk)
    with CaptureQueriesContext(connection) as queries:
        render_report_html(event=event, lang=lang)
    return len(queries)


def measure(event, *, lang: str, runs: int, output: str | None, sizes: dict | None) -> dict:
    from pypdf import PdfReader
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from events.pdf import BASE_URL, PDF_OPTIONS, PortalURLFetcher, page_label_css
    from reports.services.outcome import export_report_pdf, render_report_html

    runs_seen, pdf = [], b""
    for _run in range(runs):
        fresh = type(event).objects.select_related("series", "host").get(pk=event.pk)
        stats: dict = {}
        started = time.perf_counter()
        pdf = export_report_pdf(event=fresh, lang=lang, stats=stats).content
        total = time.perf_counter() - started
        # WeasyPrint's own time is measured inside the same export (in the render child), so the
        # project's share is not blurred by the noise between two separate runs
        runs_seen.append((total, stats["weasyprint_seconds"], stats["html_seconds"]))
    total, weasy, html_seconds = min(runs_seen)

    html, _document = render_report_html(event=event, lang=lang)
    with translation.override(lang):
        extra_css = page_label_css(translation.gettext("Page %(page)s of %(pages)s"))
    # the same final HTML once more, in-process, to split WeasyPrint's time into layout and writing
    layouts, writes = [], []
    for _run in range(runs):
        started = time.perf_counter()
        font_config, fetcher = FontConfiguration(), PortalURLFetcher()
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render(
            stylesheets=[CSS(string=extra_css, font_config=font_config, url_fetcher=fetcher)],
            font_config=font_config,
            **PDF_OPTIONS,
        )
        laid_out = time.perf_counter()
        document.write_pdf(**{k: v for k, v in PDF_OPTIONS.items() if k != "presentational_hints"})
        layouts.append(laid_out - started)
        writes.append(time.perf_counter() - laid_out)
    if output:
        Path(output).write_bytes(pdf)
    result = {
        "event": event.slug,
        "language": lang,
        "runs": runs,
        "total_seconds": round(total, 3),
        "weasyprint_seconds": round(weasy, 3),
        "weasyprint_in_process": {
            "layout_seconds": round(min(layouts), 3),
            "write_seconds": round(min(writes), 3),
        },
        "project_seconds": round(total - weasy, 3),
        "project_html_seconds": round(html_seconds, 3),
        "project_share": round((total - weasy) / total, 4),
        "pages": len(PdfReader(io.BytesIO(pdf)).pages),
        "pdf_bytes": len(pdf),
        "html_bytes": len(html.encode()),
        "queries": _queries(event, lang),
        "peak_memory": _peak_rss_mb(),
    }
    if sizes:
        result["queries_by_size"] = sizes
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--output", default=None, help="also write the PDF here")
    args = parser.parse_args()

    event = _demo_event()
    if event is not None:
        print(
            json.dumps(
                {
                    "source": "demo database",
                    **measure(event, lang=args.lang, runs=args.runs, output=args.output, sizes=None),
                },
                indent=2,
            )
        )
        return

    import tempfile

    from django.conf import settings
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="report-benchmark-"))  # the sample partners' logos
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        small, large = _sample_event(recommendations=2), _sample_event(recommendations=8)
        sizes = {
            "2_recommendations_per_chapter": _queries(small, args.lang),
            "8_recommendations_per_chapter": _queries(large, args.lang),
        }
        event = _sample_event(recommendations=6)
        print(
            json.dumps(
                {
                    "source": "sample report (tests/reports/factories.py)",
                    **measure(event, lang=args.lang, runs=args.runs, output=args.output, sizes=sizes),
                },
                indent=2,
            )
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
