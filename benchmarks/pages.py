"""Benchmark of the public pages under gunicorn, as in production.

    python benchmarks/pages.py [--seconds 8] [--connections 16]

Creates a throwaway PostgreSQL database (127.0.0.1:5432, user postgres) with the demo event
(`load_demo --force`), starts gunicorn with two workers in production mode on 127.0.0.1, with Redis as the
cache when it answers on 127.0.0.1:6379 (database 15, which must be empty: it is emptied again at the
end), and drives it with wrk (`apt-get install -y wrk`). Everything is removed at the end; a run takes
about three minutes and is bounded (each step has a timeout). It prints, in one run:

* requests/s of a trivial Django view (same middleware) and of the demo's anonymous agenda (all its public
  days), event home and iCal feed; target: the agenda at least 50 % of the trivial view (the median of
  the shares of rounds that alternate the two);
* the median server time (Server-Timing: Django's wall-clock time, and the worker's CPU time, which other
  processes on the machine do not inflate) of the agenda signed in as the demo's network member, who sees
  all 55 items; target under 15 ms;
* six programme PDFs asked for at once while the home page is timed (target: under a second), with a
  1 MB item description so that the renders run into their time limit, and the job processes left
  behind once the limit has passed (target 0).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
SLUG = "san-jose-dialogue-2024"
REDIS_DB = 15
PDF_LIMIT = 15


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def run(*args: str, env: dict, timeout: float = 300) -> str:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args[:4])} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def manage(*args: str, env: dict, timeout: float = 300) -> str:
    return run(PYTHON, "manage.py", *args, env=env, timeout=timeout)


def shell(code: str, env: dict) -> str:
    return manage("shell", "--no-imports", "-c", code, env=env).strip().splitlines()[-1]


def redis_cli(*args: str) -> str | None:
    if not shutil.which("redis-cli"):
        return None
    try:
        result = subprocess.run(
            ["redis-cli", "-h", HOST, "-n", str(REDIS_DB), *args], capture_output=True, text=True, timeout=5
        )
    except subprocess.TimeoutExpired:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def psql(sql: str) -> None:
    subprocess.run(["psql", "-h", HOST, "-U", "postgres", "-q", "-c", sql], check=True, timeout=60)


def get(port: int, path: str, headers: dict | None = None, timeout: float = 30):
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    connection.request("GET", path, headers={"Host": HOST, **(headers or {})})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def wrk(port: int, path: str, seconds: int, connections: int) -> float:
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", f"http://{HOST}:{port}{path}"],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{path}: {errors.group(1)} error responses\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def descendants(pid: int) -> list[tuple[int, str]]:
    """(pid, command line) of every process below `pid`."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], list(children.get(pid, []))
    while todo:
        child = todo.pop()
        try:
            command = (
                Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            )
        except OSError:
            continue
        found.append((child, command))
        todo.extend(children.get(child, []))
    return found


def job_processes(master: int) -> int:
    """Processes that run a job: below gunicorn, other than its workers, fork servers, resource trackers."""
    helpers = ("gunicorn", "forkserver", "resource_tracker")
    return sum(1 for _pid, command in descendants(master) if not any(word in command for word in helpers))


def environment(database: str, workdir: Path) -> dict:
    """The environment of the server and of the manage.py steps: production settings (plus the bench
    views), a throwaway database and folders, nothing inherited from the caller's Django settings."""
    return {
        **{
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DJANGO_", "DIALOGUE_", "REDIS_URL", "CELERY"))
        },
        "PYTHONPATH": f"{ROOT / 'benchmarks'}:{ROOT}",
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "DATABASE_URL": f"postgres://postgres@{HOST}:5432/{database}",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_LOG_LEVEL": "ERROR",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=3, help="length of each wrk run")
    parser.add_argument("--rounds", type=int, default=7, help="trivial/agenda pairs of runs")
    parser.add_argument("--connections", type=int, default=16)
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")

    workdir = Path(tempfile.mkdtemp(prefix="dialogue-bench-"))
    database = f"dialogue_bench_{os.getpid()}"
    use_redis = redis_cli("ping") == "PONG"
    if use_redis and redis_cli("dbsize") != "0":
        raise SystemExit(f"Redis database {REDIS_DB} is not empty: refusing to use it.")
    env = environment(database, workdir)
    env["DIALOGUE_JOBS_RUNNER"] = "local"  # the README's set-up: no broker, no worker to start
    env["DIALOGUE_PDF_TIMEOUT"] = str(PDF_LIMIT)
    if use_redis:
        env["REDIS_URL"] = f"redis://{HOST}:6379/{REDIS_DB}"
    server = None
    results: dict[str, object] = {"cache": "redis" if use_redis else "local memory (per process)"}
    try:
        psql(f"CREATE DATABASE {database}")
        manage("migrate", "--noinput", env=env, timeout=600)
        manage("load_demo", "--force", env=env, timeout=600)
        manage("collectstatic", "--noinput", env=env)
        session = shell(
            "from django.test import Client; from django.contrib.auth import get_user_model;"
            "c = Client(); c.force_login(get_user_model().objects.get(email='member@example.org'));"
            "print(c.cookies['sessionid'].value)",
            env,
        )
        port = free_port()
        paths = f"{ROOT / 'benchmarks'},{ROOT}"
        command = [PYTHON, "-m", "gunicorn", "dialogue_portal.wsgi:application", "--workers", "2"]
        command += ["--bind", f"{HOST}:{port}", "--pythonpath", paths, "--log-level", "error"]
        server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
        for _ in range(100):
            try:
                if get(port, "/bench/trivial/", timeout=2)[0].status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise SystemExit("gunicorn did not start")

        pages = {
            "trivial": "/bench/trivial/",
            "agenda": f"/e/{SLUG}/agenda/",
            "event_home": f"/e/{SLUG}/",
            "ical": f"/e/{SLUG}/agenda.ics",
        }
        for path in pages.values():
            for _ in range(4):
                response, _body = get(port, path)
                assert response.status == 200, (path, response.status)
        # Trivial and agenda alternate in short rounds, so that both see the same machine (other processes
        # come and go): the share is the median of the rounds' shares.
        rates: dict[str, list[float]] = {name: [] for name in pages}
        for _round in range(options.rounds):
            for name in ("trivial", "agenda"):
                rates[name].append(wrk(port, pages[name], options.seconds, options.connections))
        for name in ("event_home", "ical"):
            rates[name].append(wrk(port, pages[name], options.seconds, options.connections))
        results["requests_per_second"] = {
            name: round(statistics.median(values)) for name, values in rates.items()
        }
        shares = [agenda / trivial for agenda, trivial in zip(rates["agenda"], rates["trivial"], strict=True)]
        results["agenda_share_of_trivial"] = round(statistics.median(shares), 3)

        # Signed in: the member sees every day (55 items); one connection, one request at a time.
        items = shell(
            "from events.models import AgendaItem; print(AgendaItem.objects.filter(day__event__slug="
            f"'{SLUG}').count())",
            env,
        )
        cookie = {"Cookie": f"sessionid={session}"}
        server_ms, cpu_ms, round_trip_ms = [], [], []
        for _ in range(400):
            started = time.perf_counter()
            response, body = get(port, pages["agenda"], cookie)
            round_trip_ms.append((time.perf_counter() - started) * 1000)
            assert response.status == 200 and b"Child safeguarding (workshop)" in body
            timing = dict(re.findall(r"(\w+);dur=([\d.]+)", response.getheader("Server-Timing")))
            server_ms.append(float(timing["app"]))
            cpu_ms.append(float(timing["cpu"]))
        results["signed_in_agenda"] = {
            "items": int(items),
            "median_server_ms": round(statistics.median(server_ms[50:]), 2),
            "median_server_cpu_ms": round(statistics.median(cpu_ms[50:]), 2),
            "median_round_trip_ms": round(statistics.median(round_trip_ms[50:]), 2),
        }

        # Six programme PDFs at once, each a render that runs into its limit, while the home page is read.
        shell(
            "from events.models import AgendaItem, Event; from events.services import bump_content_version;"
            f"e = Event.objects.get(slug='{SLUG}');"
            "i = AgendaItem.objects.filter(day__event=e, day__audience='public').first();"
            "i.description = 'A description any organiser can type. ' * 28000; i.save();"
            "bump_content_version(e); print('ok')",
            env,
        )
        asks = [("en", {}), ("es", {}), ("fr", {}), ("pt-br", {}), ("en", cookie), ("es", cookie)]
        answers: list[int] = []

        def ask(language: str, headers: dict) -> None:
            cookies = "; ".join(filter(None, [headers.get("Cookie"), f"django_language={language}"]))
            answers.append(get(port, f"/e/{SLUG}/programme.pdf", {"Cookie": cookies})[0].status)

        threads = [threading.Thread(target=ask, args=asked) for asked in asks]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        home_ms = []
        for _ in range(20):
            started = time.perf_counter()
            assert get(port, pages["event_home"])[0].status == 200
            home_ms.append((time.perf_counter() - started) * 1000)
            time.sleep(0.2)
        time.sleep(PDF_LIMIT + 8)  # past the limit (and the grace the executor takes to kill)
        results["six_pdfs_at_once"] = {
            "answers": sorted(answers),
            "home_page_max_ms": round(max(home_ms), 1),
            "home_page_median_ms": round(statistics.median(home_ms), 1),
            "job_processes_left_after_the_limit": job_processes(server.pid),
        }
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
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
        if use_redis:
            redis_cli("flushdb")
        shutil.rmtree(workdir, ignore_errors=True)

    results["targets_met"] = {
        "agenda_at_least_half_of_trivial": results["agenda_share_of_trivial"] >= 0.5,
        "signed_in_agenda_under_15_ms": results["signed_in_agenda"]["median_server_ms"] < 15,
        "home_page_under_1_s_during_six_pdfs": results["six_pdfs_at_once"]["home_page_max_ms"] < 1000,
        "no_job_process_left": results["six_pdfs_at_once"]["job_processes_left_after_the_limit"] == 0,
    }
    load = os.getloadavg()[0]
    results["machine"] = {"cpus": os.cpu_count(), "load_average_1_min_at_end": round(load, 1)}
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
