"""The renderer fetches only the portal's own files and stops in time."""

import socket
import threading

import pytest

from events.pdf import (
    BASE_URL,
    PdfRenderTimeout,
    PortalURLFetcher,
    RefusedURL,
    render_pdf,
    resolve_portal_path,
)
from reports.models import FindingKind
from reports.services.outcome import export_report_pdf
from tests.reports import demo_report
from tests.reports.factories import CollatedFindingFactory


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/",
        "https://127.0.0.1:9/static/css/report-print.css",
        "https://example.org/static/css/report-print.css",
        "https://portal.invalid/etc/passwd",
        "https://portal.invalid/static/../../../../etc/passwd",
        "https://portal.invalid/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "https://portal.invalid/static/css/..%2f..%2f..%2fetc/passwd",
        "https://portal.invalid/media/../settings.py",
        "https://portal.invalid/static/css/missing.css",
        "data:text/css,body{}",
        "ftp://portal.invalid/static/css/report-print.css",
        "http://portal.invalid/static/css/report-print.css",
    ],
)
def test_fetcher_refuses_everything_but_portal_files(url):
    fetcher = PortalURLFetcher()
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_fetcher_serves_static_and_media_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "logos").mkdir(parents=True)
    (tmp_path / "media" / "logos" / "a.png").write_bytes(b"\x89PNG fake")
    fetcher = PortalURLFetcher()
    response = fetcher.fetch(BASE_URL + "static/css/report-print.css")
    assert response.read().startswith(b"/* The outcome report")
    assert response.content_type == "text/css"
    assert fetcher.fetch(BASE_URL + "media/logos/a.png").read() == b"\x89PNG fake"
    assert resolve_portal_path(BASE_URL + "static/fonts/OpenSans-Regular.ttf").name == "OpenSans-Regular.ttf"


@pytest.fixture
def listening_server():
    """A local TCP server on a free port that counts the connections it receives."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.2)
    state = {"connections": 0, "stop": False}

    def serve():
        while not state["stop"]:
            try:
                connection, _address = server.accept()
            except OSError:
                continue
            state["connections"] += 1
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], state
    state["stop"] = True
    thread.join(2)
    server.close()


def test_listening_server_counts_connections(listening_server):
    port, state = listening_server
    socket.create_connection(("127.0.0.1", port), timeout=2).close()
    for _ in range(20):
        if state["connections"]:
            break
        threading.Event().wait(0.05)
    assert state["connections"] == 1


def test_render_requests_nothing_from_hostile_html(listening_server):
    port, state = listening_server
    html = f"""<!DOCTYPE html><html lang="en"><head><title>t</title>
      <link rel="stylesheet" href="http://127.0.0.1:{port}/x.css">
      <style>@import url("http://127.0.0.1:{port}/i.css");
      body {{ background: url("file:///etc/passwd"); }}</style>
      </head><body><p>Hello</p><img src="http://127.0.0.1:{port}/a.png" alt="a">
      <img src="file:///etc/passwd" alt="b"><img src="/static/../../../../etc/passwd" alt="c">
      <iframe src="http://127.0.0.1:{port}/f"></iframe><object data="file:///etc/passwd"></object></body></html>"""
    pdf = render_pdf(html)
    assert pdf.startswith(b"%PDF-1.7")
    threading.Event().wait(0.3)
    assert state["connections"] == 0


@pytest.mark.django_db
def test_report_with_hostile_findings_requests_nothing(event, listening_server):
    port, state = listening_server
    demo_report.load(event)
    CollatedFindingFactory(
        event=event,
        kind=FindingKind.TREND,
        at_a_glance=True,
        text=f'<img src="http://127.0.0.1:{port}/x.png"> url(http://127.0.0.1:{port}/y)',
    )
    CollatedFindingFactory(
        event=event,
        kind=FindingKind.TREND,
        at_a_glance=True,
        text='<link rel="stylesheet" href="file:///etc/passwd">',
    )
    export = export_report_pdf(event=event, lang="en")
    assert export.content.startswith(b"%PDF")
    threading.Event().wait(0.3)
    assert state["connections"] == 0


def test_render_stops_at_the_time_limit():
    html = (
        "<html lang='en'><title>t</title><body>"
        + "<p>Lorem ipsum dolor sit amet.</p>" * 20000
        + "</body></html>"
    )
    with pytest.raises(PdfRenderTimeout):
        render_pdf(html, timeout=0.2)


def test_render_time_limit_comes_from_the_settings(settings):
    settings.PDF_RENDER_TIMEOUT_SECONDS = 0.1
    html = (
        "<html lang='en'><title>t</title><body>"
        + "<p>Lorem ipsum dolor sit amet.</p>" * 20000
        + "</body></html>"
    )
    with pytest.raises(PdfRenderTimeout):
        render_pdf(html)


def test_fetcher_refuses_a_symlink_out_of_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "logos").mkdir(parents=True)
    (tmp_path / "media" / "logos" / "passwd.png").symlink_to("/etc/passwd")
    with pytest.raises(RefusedURL):
        PortalURLFetcher().fetch(BASE_URL + "media/logos/passwd.png")
    with pytest.raises(RefusedURL):
        PortalURLFetcher().fetch(BASE_URL + "media/logos/")
