"""Settings of the server that benchmarks/pages.py starts: the portal's own, plus a trivial view to
compare with (bench_urls.py) and a Server-Timing header that says how long Django took."""

import os

from dialogue_portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
MIDDLEWARE = ["bench_urls.ServerTimingMiddleware", *MIDDLEWARE]  # noqa: F405

# benchmarks/load.py: e-mails are written to files, one per message, so the run can count who got what.
EMAIL_FILE_PATH = os.environ.get("DIALOGUE_BENCH_MAIL_DIR", "/tmp/dialogue-bench-mail")
