"""Load benchmark: many people at once against the portal as deployed (gunicorn, PostgreSQL, Redis, the
Celery worker), on 127.0.0.1 only.

    python benchmarks/load.py [--participants 200] [--switchers 30] [--workers 3]

Creates a throwaway PostgreSQL database with the demo event (`load_demo --force`), starts gunicorn
(production settings, Redis database 14 as cache and job broker; it must be empty and is emptied at the
end) and a Celery worker, then, each step with all its people starting at the same instant (threads,
one HTTP connection each):

1. `--participants` newcomers, signed in, open the registration form and register;
2. (the registration desk approves them: not timed)
3. the same people open the ranking page of the demo's table session and save a ranking;
4. the organiser computes the allocation (a background job on the worker: the session is large) and
   publishes it (the e-mails go from the worker, in batches, to files);
5. `--switchers` participants ask at the same instant to switch to the one table of the first rotation
   with the fewest free seats.

It prints errors (answers other than the expected ones, and failed connections; target 0), the seats
oversold and people seated twice in one rotation, checked in the database after the run (target 0),
the e-mails written per person (target: exactly one each), and p50/p95 latency per step. Every step
has a time limit; everything is removed at the end.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_client import Person, Step, expect_redirect, follow_job  # noqa: E402
from pages import HOST, PYTHON, ROOT, SLUG, environment, free_port, manage, psql  # noqa: E402

REDIS_DB = 14
REFUSALS = ["This table is full.", "You already sit at this table in another rotation"]


def redis(*args: str) -> str | None:
    if not shutil.which("redis-cli"):
        return None
    result = subprocess.run(
        ["redis-cli", "-h", HOST, "-n", str(REDIS_DB), *args], capture_output=True, text=True, timeout=10
    )
    return result.stdout.strip() if result.returncode == 0 else None


def django_step(env: dict, *args) -> dict:
    call = ", ".join(repr(a) for a in args)
    out = manage(
        "shell", "--no-imports", "-c", f"import load_setup; load_setup.main({call})", env=env, timeout=900
    )
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--switchers", type=int, default=30)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    options = parser.parse_args()
    if redis("ping") != "PONG":
        raise SystemExit(f"Redis must answer on {HOST}:6379 (the job broker and cache).")
    if redis("dbsize") != "0":
        raise SystemExit(f"Redis database {REDIS_DB} is not empty: refusing to use it.")

    workdir = Path(tempfile.mkdtemp(prefix="dialogue-load-"))
    database = f"dialogue_load_{os.getpid()}"
    env = {
        **environment(database, workdir),
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "DIALOGUE_BENCH_MAIL_DIR": str(workdir / "mail"),
        "DIALOGUE_MFA_REQUIRED": "0",  # the organiser's session is made by the script, without a phone
        "DIALOGUE_ALLOCATION_INLINE_MAX": "50",  # this session is large: its allocation is a job
        "REDIS_URL": f"redis://{HOST}:6379/{REDIS_DB}",
    }
    processes: list[subprocess.Popen] = []
    results: dict[str, object] = {}
    try:
        psql(f"CREATE DATABASE {database}")
        manage("migrate", "--noinput", env=env, timeout=600)
        manage("load_demo", "--force", env=env, timeout=600)
        manage("collectstatic", "--noinput", env=env)
        setup = django_step(env, "prepare", options.participants, options.switchers)
        port = free_port()
        paths = f"{ROOT / 'benchmarks'},{ROOT}"
        gunicorn = [
            PYTHON,
            "-m",
            "gunicorn",
            "dialogue_portal.wsgi:application",
            "--workers",
            str(options.workers),
        ]
        gunicorn += ["--bind", f"{HOST}:{port}", "--pythonpath", paths, "--log-level", "error"]
        worker = [
            PYTHON,
            "-m",
            "celery",
            "-A",
            "dialogue_portal",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
        ]
        worker += ["--loglevel=WARNING", "--without-heartbeat", "--without-gossip", "--without-mingle"]
        for command in (gunicorn, worker):
            processes.append(
                subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, stdout=sys.stderr)
            )
        probe = Person(port, "")
        for _ in range(150):
            try:
                if probe.request("GET", f"/e/{SLUG}/")[0] == 200:
                    break
            except (OSError, http.client.HTTPException):
                time.sleep(0.2)
        else:
            raise SystemExit("gunicorn did not start")

        session = setup["session"]
        newcomers = [Person(port, cookie) for cookie in setup["newcomers"]]
        register = Step("register")

        def register_one(step: Step, person: Person, index: int) -> None:
            data = {
                "full_name": f"Newcomer {index}",
                "organisation": "Example Foundation",
                "country": "CR",
                "sector": "civil_society",
                "preferred_language": random.Random(index).choice(["en", "es"]),
            }
            get, post, body = person.form(f"/e/{SLUG}/register/", data)
            expect_redirect(step, get, post, body, "registered")

        register.run(newcomers, register_one)
        django_step(env, "approve")

        rank = Step("rank")

        def rank_one(step: Step, person: Person, index: int) -> None:
            order = random.Random(index).sample(setup["tables"], len(setup["tables"]))
            data = {f"table_{table}": str(n) for n, table in enumerate(order, 1)}
            get, post, body = person.form(f"/e/{SLUG}/tables/{session}/rank/", data)
            expect_redirect(step, get, post, body, "ranked")

        rank.run(newcomers, rank_one)

        jobs = Step("allocate and publish (jobs on the worker)")
        organiser = Person(port, setup["organiser"])
        started = time.monotonic()
        base = f"/e/{SLUG}/manage/tables/{session}/allocation/"
        page = follow_job(organiser, base + "run/", jobs)
        if "seats assigned" not in page:
            jobs.error("the allocation page does not say the seats were assigned")
        page = follow_job(organiser, base + "publish/", jobs)
        if "e-mails sent" not in page:
            jobs.error("the allocation page does not say the e-mails were sent")
        jobs.seconds = time.monotonic() - started

        first_rotation = setup["rotations"][0]
        target = django_step(env, "target", session, first_rotation)
        switch = Step("switch")
        switchers = [Person(port, cookie) for cookie in setup["switchers"]]

        def switch_one(step: Step, person: Person, index: int) -> None:
            data = {"rotation": str(first_rotation), "table": str(target["table"])}
            get, post, body = person.form(f"/e/{SLUG}/tables/{session}/switch/", data)
            step.timed(get[1])
            if post is None:
                step.error(f"GET answered {get[0]}")
            elif post[0] == 302:
                step.timed(post[1])
                step.outcome("redirected: switched, or sat there already")
            elif post[0] == 200 and "form-errors" in body:
                step.timed(post[1])
                reason = next((r for r in REFUSALS if r in body), "other")
                step.outcome(f"refused: {reason}")
            else:
                step.error(f"POST answered {post[0]}")

        switch.run(switchers, switch_one)
        time.sleep(1)
        check = django_step(env, "check", session, target["table"], first_rotation)

        mail_dir = workdir / "mail"
        recipients = Counter()
        for message in mail_dir.glob("*.log") if mail_dir.exists() else []:
            recipients.update(re.findall(r"^To: (.+)$", message.read_text(errors="replace"), re.MULTILINE))
        steps = [register, rank, jobs, switch]
        results = {
            "people": {
                "newcomers": options.participants,
                "switchers": options.switchers,
                "gunicorn_workers": options.workers,
            },
            "steps": {step.name: step.summary() for step in steps},
            "errors": sum(len(step.errors) for step in steps),
            "seats_oversold": check["seats_oversold"],
            "people_seated_twice_in_a_rotation": check["people_seated_twice_in_a_rotation"],
            "switch_target": {**target, "seats_taken_by_switching": check["seats_taken_by_switching"]},
            "emails": {
                "seated": check["seated"],
                "people_written_to": len(recipients),
                "people_written_to_twice": sum(1 for n in recipients.values() if n > 1),
            },
            "database": check,
        }
        results["targets_met"] = {
            "no_errors": results["errors"] == 0,
            "no_seat_oversold": check["seats_oversold"] == 0
            and check["people_seated_twice_in_a_rotation"] == 0,
            "switches_took_exactly_the_free_seats": check["seats_taken_by_switching"]
            == min(target["free"], target["eligible_switchers"]),
            "every_seated_person_got_one_email": len(recipients) == check["seated"]
            and max(recipients.values(), default=1) == 1,
        }
    finally:
        for process in processes:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(20)
            except ProcessLookupError:
                pass
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        subprocess.run(
            [
                "psql",
                "-h",
                HOST,
                "-U",
                "postgres",
                "-q",
                "-c",
                f"DROP DATABASE IF EXISTS {database} WITH (FORCE)",
            ],
            timeout=60,
        )
        redis("flushdb")
        shutil.rmtree(workdir, ignore_errors=True)
    results["machine"] = {
        "cpus": os.cpu_count(),
        "load_average_1_5_15_min_at_end": [round(x, 1) for x in os.getloadavg()],
    }
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
