"""HTML to PDF with WeasyPrint, safely.

* `PortalURLFetcher` serves only the portal's own static and media files, read from disk by path. Any
  other scheme (file:, data:, ftp:), any other host, any path outside STATIC_URL/MEDIA_URL, any path that
  climbs out of its folder is refused, and nothing is ever requested over the network (so there is no
  redirect to follow either). Text typed by users is escaped anyway; this is the second wall.
* `render_pdf` renders in-process inside a background job (`events.jobs`), whose worker kills it at the
  job's hard time limit. Called anywhere else (the report's web view until it moves to a job, the
  command line), it bounds the render by settings.PDF_RENDER_TIMEOUT_SECONDS in a forked child process
  that is killed when time is up (a thread could not be stopped).
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import multiprocessing
import posixpath
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import CSS, DEFAULT_OPTIONS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .errors import OutOfTime
from .jobs.context import in_worker_process

logger = logging.getLogger(__name__)

#: The made-up origin documents are rendered under: relative URLs resolve against it and the fetcher
#: accepts nothing else. `.invalid` can never resolve in DNS.
PORTAL_ORIGIN = "https://portal.invalid"
BASE_URL = PORTAL_ORIGIN + "/"

PDF_OPTIONS = {
    "pdf_variant": "pdf/ua-1",  # tagged PDF, PDF/UA-1 identification in the XMP metadata
    "presentational_hints": False,
    "optimize_images": True,
}


class RefusedURL(ValueError):
    """The renderer asked for something outside the portal's static and media files."""


class PdfRenderError(RuntimeError):
    """The PDF could not be made."""


class PdfRenderTimeout(PdfRenderError, OutOfTime):
    """The render took longer than settings.PDF_RENDER_TIMEOUT_SECONDS."""


def _inside(root: Path, relative: str) -> Path | None:
    """`root / relative` if it is an existing file that stays inside `root` (symlinks resolved)."""
    try:
        root = Path(root).resolve()
        candidate = (root / relative).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    if candidate != root and root in candidate.parents and candidate.is_file():
        return candidate
    return None


def resolve_portal_path(url: str) -> Path:
    """The file on disk that a portal URL names, or RefusedURL."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "https" or parts.netloc.lower() != urlsplit(PORTAL_ORIGIN).netloc:
        raise RefusedURL(f"Refused URL (not the portal): {url[:200]}")
    path = unquote(parts.path)
    if "\x00" in path or "\\" in path:
        raise RefusedURL(f"Refused URL (bad path): {url[:200]}")
    segments = path.split("/")
    if any(segment in {"..", "."} for segment in segments):
        raise RefusedURL(f"Refused URL (path traversal): {url[:200]}")
    path = posixpath.normpath(path)
    static_url, media_url = settings.STATIC_URL, settings.MEDIA_URL
    if path.startswith(static_url):
        relative = path[len(static_url) :]
        roots = (
            [settings.STATIC_ROOT, *settings.STATICFILES_DIRS]
            if settings.STATIC_ROOT
            else list(settings.STATICFILES_DIRS)
        )
        for root in roots:
            root = root[1] if isinstance(root, (tuple, list)) else root
            if root and (found := _inside(Path(root), relative)):
                return found
        # app static folders (collected in production; found by the finders in development)
        # (finders join paths with safe_join, which refuses to leave their folders)
        found = finders.find(relative)
        if isinstance(found, str) and Path(found).is_file():
            return Path(found)
    elif path.startswith(media_url) and settings.MEDIA_ROOT:
        if found := _inside(Path(settings.MEDIA_ROOT), path[len(media_url) :]):
            return found
    raise RefusedURL(f"Refused URL (not a portal file): {url[:200]}")


class PortalURLFetcher(URLFetcher):
    """Serves the portal's static and media files from disk; refuses every other URL."""

    def __init__(self):
        super().__init__(timeout=1, allowed_protocols={"https"}, allow_redirects=False, fail_on_errors=False)
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        try:
            found = resolve_portal_path(url)
        except RefusedURL:
            self.refused.append(url)
            raise
        mime_type, _encoding = mimetypes.guess_type(found.name)
        return URLFetcherResponse(
            url, body=found.read_bytes(), headers={"Content-Type": mime_type or "application/octet-stream"}
        )

    # never hand a request to urllib: everything goes through fetch()
    def open(self, url, data=None, timeout=None):
        return self.fetch(url if isinstance(url, str) else url.full_url)


_stylesheet_digests: dict[tuple[str, int], str] = {}


def stylesheets_version(*paths: str) -> str:
    """A short hash of the static stylesheets (``"css/programme.css"``) a PDF is printed with, to put in
    the version of the stored file: a file made before a change of style is made again. (In production
    the stylesheets' URLs carry a hash of their content too, so the report's HTML changes with them; in
    development they do not.) Read once per change of the file."""
    digest = hashlib.sha256()
    for relative in paths:
        path = resolve_portal_path(PORTAL_ORIGIN.rstrip("/") + settings.STATIC_URL + relative)
        key = (str(path), path.stat().st_mtime_ns)
        if key not in _stylesheet_digests:
            _stylesheet_digests[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        digest.update(_stylesheet_digests[key].encode())
    return digest.hexdigest()[:16]


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def page_label_css(label: str) -> str:
    """The footer 'Page X of Y' in the document's language, as CSS content for the main pages.

    `label` is a translation of "Page %(page)s of %(pages)s": the placeholders become page counters,
    so each language keeps its own word order.
    """
    content = []
    rest = label
    while rest:
        positions = [(rest.find(token), token) for token in ("%(page)s", "%(pages)s") if token in rest]
        if not positions:
            content.append(_css_string(rest))
            break
        index, token = min(positions)
        if index:
            content.append(_css_string(rest[:index]))
        content.append("counter(page)" if token == "%(page)s" else "counter(pages)")
        rest = rest[index + len(token) :]
    return "@page main { @bottom-right { content: " + " ".join(content) + "; } }"


def write_pdf(html: str, *, extra_css: str = "", anchor_pages: dict | None = None) -> bytes:
    """WeasyPrint's own work: parse, lay out, write. No time bound; see render_pdf.

    `anchor_pages`, if given, receives the page number (1 for the first page) where each anchor (an
    element's `id`) lands in the laid-out document, for pages that cite the PDF (e.g. an observatory
    entry's provenance)."""
    font_config = FontConfiguration()
    fetcher = PortalURLFetcher()
    stylesheets = [CSS(string=extra_css, font_config=font_config, url_fetcher=fetcher)] if extra_css else []
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
    # what HTML.write_pdf does, in two steps so that the laid-out pages can be read
    options = {**DEFAULT_OPTIONS, **PDF_OPTIONS, "stylesheets": stylesheets}
    rendered = document.render(font_config=font_config, **options)
    if anchor_pages is not None:
        for number, page in enumerate(rendered.pages, start=1):
            for name in page.anchors:
                anchor_pages.setdefault(name, number)
    return rendered.write_pdf(**{key: options[key] for key in DEFAULT_OPTIONS})


def _render_child(html: str, extra_css: str, connection, with_anchors: bool = False) -> None:
    try:
        started = time.perf_counter()
        anchors = {} if with_anchors else None
        pdf = write_pdf(html, extra_css=extra_css, anchor_pages=anchors)
        connection.send(("ok", (pdf, time.perf_counter() - started, anchors)))
    except BaseException as error:  # noqa: BLE001 - report every failure to the parent
        connection.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        connection.close()


def render_pdf(
    html: str,
    *,
    extra_css: str = "",
    timeout: float | None = None,
    stats: dict | None = None,
    anchor_pages: dict | None = None,
) -> bytes:
    """The PDF of `html`, or PdfRenderTimeout after `timeout` seconds (default from the settings).

    `stats`, if given, receives "weasyprint_seconds": WeasyPrint's own time (parse, layout, write).
    `anchor_pages`, if given, receives the page number of every anchor (see `write_pdf`).
    """
    timeout = settings.PDF_RENDER_TIMEOUT_SECONDS if timeout is None else timeout
    stats = {} if stats is None else stats
    if in_worker_process() or "fork" not in multiprocessing.get_all_start_methods():
        # In a background job the job's own hard limit bounds the render, and the worker kills the
        # process at that limit: no second process to leave behind.
        started = time.perf_counter()
        pdf = write_pdf(html, extra_css=extra_css, anchor_pages=anchor_pages)
        stats["weasyprint_seconds"] = time.perf_counter() - started
        return pdf
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_render_child, args=(html, extra_css, sender, anchor_pages is not None), daemon=True
    )
    started = time.monotonic()
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise PdfRenderTimeout(f"The PDF took longer than {timeout} seconds to render.")
        try:
            status, payload = receiver.recv()
        except EOFError as error:
            raise PdfRenderError("The PDF renderer stopped unexpectedly.") from error
    finally:
        receiver.close()
        if child.is_alive():
            child.join(max(0.0, min(5.0, timeout - (time.monotonic() - started))))
        if child.is_alive():
            child.kill()
            child.join()
    if status != "ok":
        raise PdfRenderError(payload)
    pdf, stats["weasyprint_seconds"], anchors = payload
    if anchor_pages is not None:
        anchor_pages.update(anchors)
    return pdf


__all__ = [
    "BASE_URL",
    "PdfRenderError",
    "PdfRenderTimeout",
    "PortalURLFetcher",
    "RefusedURL",
    "page_label_css",
    "render_pdf",
    "resolve_portal_path",
    "write_pdf",
]
