"""Benchmark of the observatory on PostgreSQL: full-text search with two filters, and the country page.

    createdb -h 127.0.0.1 -U postgres obs_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/obs_bench python benchmarks/observatory.py
    dropdb -h 127.0.0.1 -U postgres obs_bench

Migrates the database, then (once; --regenerate to start again) generates 100,000 entries spread over four
languages (English, Spanish, French, Portuguese: a quarter each), 40 published events from 2008 to 2024
and 35 countries of the Americas, with themes, forms of exploitation, addressees, regions and a
commitment on one entry in twenty, and builds their search columns with the portal's own service
(`observatory.services.entries.index_entries`). One unpublished event holds 1,000 more entries that must
never be found.

Then it requests, through Django's test client (URL resolution, view, queries, template; timed without the
test instrumentation, which copies every template's context), random searches
of one word in one of the four languages with two filters (country and kind, or theme and year, or region
and commitment status), and random country pages; it prints JSON with p50 and p95 in milliseconds and the
queries per request (the same for every request: the pages make a constant number of queries), with
the median CPU time of this process and of the queries per request, and the load average at the end.
Targets on a 2-core machine: p95 under 100 ms for the search, under 150 ms for the country page.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dialogue_portal.settings")
os.environ.setdefault("DIALOGUE_TESTING", "1")  # a development secret key; no e-mail leaves the process

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)
from modeltranslation.utils import build_localized_fieldname  # noqa: E402

PREFIX = "bench-"
COUNTRIES = """AR BO BR CL CO CR CU DO EC GT HN HT JM MX NI PA PE PY SV TT UY VE BZ GY SR BS BB LC VC GD AG
DM KN CA US""".split()
LANGUAGES = ["en", "es", "fr", "pt-br"]

# Words per language: subjects, verbs and objects for sentences, with inflected forms that stemming joins.
WORDS = {
    "en": (
        [
            "Governments",
            "Civil society organisations",
            "Tourism companies",
            "Judges",
            "Communities",
            "Donors",
        ],
        [
            "should strengthen",
            "must prevent",
            "need to monitor",
            "should fund",
            "must report",
            "should regulate",
        ],
        [
            "the sexual exploitation of children online",
            "exploitation in travel and tourism",
            "trafficking of children for sexual purposes",
            "services for child victims",
            "national plans of action",
            "safe reporting mechanisms in rural areas",
            "the participation of children and young people",
            "data on exploited children and migrant children",
            "cross-border cooperation against traffickers",
        ],
    ),
    "es": (
        [
            "Los gobiernos",
            "Las organizaciones de la sociedad civil",
            "Las empresas turísticas",
            "Los jueces",
            "Las comunidades",
            "Los donantes",
        ],
        [
            "deben fortalecer",
            "deben prevenir",
            "necesitan monitorear",
            "deben financiar",
            "deben denunciar",
            "deben regular",
        ],
        [
            "la explotación sexual de niñas y niños en línea",
            "las explotaciones en viajes y turismo",
            "la trata de niñas y niños con fines sexuales",
            "los servicios para víctimas infantiles",
            "los planes nacionales de acción",
            "mecanismos de denuncia seguros en zonas rurales",
            "la participación de la niñez y la juventud",
            "datos sobre niñas y niños explotados y migrantes",
            "la cooperación transfronteriza contra los tratantes",
        ],
    ),
    "fr": (
        [
            "Les gouvernements",
            "Les organisations de la société civile",
            "Les entreprises touristiques",
            "Les juges",
            "Les communautés",
            "Les bailleurs",
        ],
        [
            "doivent renforcer",
            "doivent prévenir",
            "doivent suivre",
            "doivent financer",
            "doivent signaler",
            "doivent réguler",
        ],
        [
            "l’exploitation sexuelle des enfants en ligne",
            "les exploitations dans le voyage et le tourisme",
            "la traite des enfants à des fins sexuelles",
            "les services pour les enfants victimes",
            "les plans d’action nationaux",
            "des mécanismes de signalement sûrs en zone rurale",
            "la participation des enfants et des jeunes",
            "des données sur les enfants exploités et migrants",
            "la coopération transfrontalière contre les trafiquants",
        ],
    ),
    "pt-br": (
        [
            "Os governos",
            "As organizações da sociedade civil",
            "As empresas de turismo",
            "Os juízes",
            "As comunidades",
            "Os doadores",
        ],
        [
            "devem fortalecer",
            "devem prevenir",
            "precisam monitorar",
            "devem financiar",
            "devem denunciar",
            "devem regular",
        ],
        [
            "a exploração sexual de crianças on-line",
            "as explorações em viagens e turismo",
            "o tráfico de crianças para fins sexuais",
            "os serviços para crianças vítimas",
            "os planos nacionais de ação",
            "mecanismos seguros de denúncia em áreas rurais",
            "a participação de crianças e jovens",
            "dados sobre crianças exploradas e migrantes",
            "a cooperação transfronteiriça contra traficantes",
        ],
    ),
}
QUERIES = {
    "en": ["exploitation", "tourism", "victims", "trafficking", "online", "monitoring"],
    "es": ["explotación", "turismo", "víctima", "trata", "denuncias", "cooperación"],
    "fr": ["exploitation", "tourisme", "victimes", "traite", "signalement", "données"],
    "pt-br": ["exploração", "turismo", "vítima", "tráfico", "denúncia", "cooperação"],
}


def generate(entries: int, events: int, seed: int = 2024) -> None:
    """Bulk-create the benchmark's events and entries, then index them with the portal's service."""
    from events.models import Event, Organisation
    from observatory.models import Commitment, Entry, EntryCountry, Region, StatusChange, Term
    from observatory.services.entries import index_entries
    from observatory.services.taxonomy import ensure_taxonomy

    rng = random.Random(seed)
    ensure_taxonomy()
    terms = {facet: list(Term.objects.filter(facet=facet)) for facet in ("theme", "form", "addressee")}
    regions = list(Region.objects.all())
    with transaction.atomic():
        made = []
        for n in range(events + 1):
            year = 2008 + (n * 16) // max(events - 1, 1) if n < events else 2024
            made.append(
                Event.objects.create(
                    title_en=f"Regional dialogue {n + 1}",
                    slug=f"{PREFIX}{n + 1}",
                    country=rng.choice(COUNTRIES),
                    city="City",
                    start_date=datetime.date(min(year, 2024), 6, 3),
                    end_date=datetime.date(min(year, 2024), 6, 5),
                    languages=LANGUAGES,
                    default_language="en",
                    # the last event is unpublished: its entries must never be found
                    is_published=n < events,
                )
            )
        organisations = [Organisation.objects.create(name=f"{PREFIX}organisation {k}") for k in range(20)]
    through_terms, through_regions = Entry.terms.through, Entry.regions.through
    batch = 5000
    total = entries + 1000
    for start in range(0, total, batch):
        rows, countries, tagged, placed, commitments = [], [], [], [], []
        for k in range(start, min(start + batch, total)):
            event = made[-1] if k >= entries else made[k % events]
            language = LANGUAGES[k % 4]
            subjects, verbs, objects = WORDS[language]
            text = f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)} {rng.choice(objects)}."
            entry = Entry(
                event=event,
                kind=rng.choice(["recommendation", "recommendation", "country_observation", "trend"]),
                original_language=language,
                number=k,
                year=event.start_date.year,
                is_public=True,
            )
            setattr(entry, build_localized_fieldname("text", language), text)
            rows.append(entry)
        Entry.objects.bulk_create(rows, batch_size=1000)
        for entry in rows:
            for code in rng.sample(COUNTRIES, rng.choice([1, 1, 1, 2])):
                countries.append(EntryCountry(entry=entry, country=code))
            chosen = rng.sample(terms["theme"], rng.randint(1, 3)) + rng.sample(terms["addressee"], 1)
            if rng.random() < 0.6:
                chosen.append(rng.choice(terms["form"]))
            tagged += [through_terms(entry_id=entry.pk, term_id=term.pk) for term in chosen]
            if rng.random() < 0.1:
                placed.append(through_regions(entry_id=entry.pk, region_id=rng.choice(regions).pk))
            if rng.random() < 0.05:
                commitments.append(
                    Commitment(
                        entry=entry,
                        organisation=rng.choice(organisations),
                        description_en="Train staff.",
                        status=rng.choice(["planned", "in_progress", "achieved", "stalled", "dropped"]),
                    )
                )
        EntryCountry.objects.bulk_create(countries, batch_size=5000)
        through_terms.objects.bulk_create(tagged, batch_size=5000)
        through_regions.objects.bulk_create(placed, batch_size=5000)
        Commitment.objects.bulk_create(commitments, batch_size=1000)
        StatusChange.objects.bulk_create(
            [
                StatusChange(commitment=c, new_status=c.status, date=datetime.date(2024, 6, 7))
                for c in commitments
            ]
        )
    started = time.perf_counter()
    index_entries(entries=None)
    print(f"indexed {total} entries in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(urls: list[str]) -> dict:
    """Two passes over the same URLs. The timed pass runs the requests as a server would, without the test
    instrumentation (no copy of every template's context, no query capture). The second pass, with
    both, counts the queries and the results of each request and times the queries."""
    client = Client(HTTP_HOST="localhost")
    for url in urls[:10]:  # warm caches, connections and templates
        client.get(url)
    times, cpu = [], []
    for url in urls:
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    sql, queries, found = [], set(), []
    setup_test_environment()  # the test client then keeps each response's context (its result counts)
    try:
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            queries.add(len(captured.captured_queries))
            sql.append(sum(float(query["time"]) for query in captured.captured_queries) * 1000)
            found.append(response.context["page"].paginator.count)
    finally:
        teardown_test_environment()
    return {
        "requests": len(urls),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1),
        # where the time goes: this process's CPU (Python, templates) and the queries' wall time
        "python_cpu_p50_ms": round(statistics.median(cpu), 1),
        "sql_p50_ms": round(statistics.median(sql), 1),
        "queries_per_request": sorted(queries),
        "results_median": statistics.median(found),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=40)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--regenerate", action="store_true", help="delete the benchmark's data and start again"
    )
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("The benchmark needs PostgreSQL: set DATABASE_URL (see the docstring).")
    call_command("migrate", verbosity=0)
    from events.models import Event
    from observatory.models import Entry, Region

    if args.regenerate:
        Event.objects.filter(slug__startswith=PREFIX).delete()
    if not Event.objects.filter(slug__startswith=PREFIX).exists():
        generate(args.entries, args.events)
    rng = random.Random(7)
    regions = list(Region.objects.values_list("slug", flat=True))
    searches = []
    for _ in range(args.requests):
        language = rng.choice(LANGUAGES)
        words = rng.choice(QUERIES[language])
        filters = rng.choice(
            [
                f"country={rng.choice(COUNTRIES)}&kind=recommendation",
                f"theme={rng.choice(['prevention', 'justice', 'policy', 'protection', 'migration'])}"
                f"&year={rng.choice([2008, 2012, 2016, 2020, 2024])}",
                f"region={rng.choice(regions)}&status={rng.choice(['planned', 'in_progress', 'achieved'])}",
            ]
        )
        searches.append(f"/observatory/?q={words}&{filters}")
    countries = [f"/observatory/countries/{rng.choice(COUNTRIES)}/" for _ in range(args.requests)]
    hidden = Entry.objects.filter(event__slug__startswith=PREFIX, event__is_published=False).count()
    result = {
        "entries": Entry.objects.filter(event__slug__startswith=PREFIX, event__is_published=True).count(),
        "unpublished_entries_never_found": hidden,
        "events": args.events,
        "countries": len(COUNTRIES),
        "search_with_two_filters": measure(searches),
        "country_page": measure(countries),
    }
    # the machine's load while measuring: on a shared machine the figures grow with it
    result["load_average_1_5_15"] = [round(value, 2) for value in os.getloadavg()]
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
