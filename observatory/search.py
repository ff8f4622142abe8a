"""Full-text search in the language of each text, shared by entries and library documents.

On PostgreSQL an entry (or document) has one `tsvector` column per text-search configuration
(`search_english`, `search_spanish`, `search_french`, `search_portuguese`), each with a GIN index. The
column of a configuration holds, weighted:

* A: the titles in the languages of that configuration, B: the texts;
* C: the names of the taxonomy terms the entry carries, D: its countries and regions, each in those
  languages.

The texts are stemmed with their own language ("explotación" finds "explotaciones"). The names of terms,
countries and regions in every language make the vocabulary a small thesaurus: an English recommendation
tagged "Online sexual exploitation" is found by "explotación" through the term's Spanish name, without
machine translation. A query is parsed with each configuration (``websearch_to_tsquery``) and matched
against that configuration's column only; the rank is the sum of the four ``ts_rank``.

On SQLite (development and the default test run) the fallback is a plain ``icontains`` over the texts and
the names, in every language: no stemming, and case-insensitive for ASCII letters only.
"""

from __future__ import annotations

import re
from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, FloatField, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

#: Filter tokens: every search column also holds, as lexemes of their own, the entry's countries, regions,
#: terms, event, year, kind and commitment statuses ("zzcmx", "zzr4", "zzkrecommendation"...), so that a
#: search with filters is answered inside the GIN index (posting lists intersected) before any row is read.
TOKEN_PREFIXES = {
    "country": "zzc",
    "region": "zzr",
    "term": "zzt",
    "event": "zze",
    "year": "zzy",
    "kind": "zzk",
    "status": "zzs",
    "touch_country": "zzu",  # the country, or a region containing it
    "touch_region": "zzg",  # the region, a broader one, or one of its countries
}


def token(kind: str, value) -> str:
    """The filter token of a value: "country", "MX" -> "zzcmx"; "kind", "country_observation" ->
    "zzkcountryobservation" (the SQL of `services.entries.index_entries` builds the same)."""
    return TOKEN_PREFIXES[kind] + re.sub(r"[^a-z0-9]", "", str(value).lower())


#: PostgreSQL text-search configuration of each language (by its primary subtag: "pt-br" is "pt").
CONFIGURATIONS = {"en": "english", "es": "spanish", "fr": "french", "pt": "portuguese"}
#: The search column of each configuration.
VECTOR_FIELDS = {config: f"search_{config}" for config in CONFIGURATIONS.values()}


def configuration(language: str) -> str:
    """The text-search configuration for a language code ("simple" for one PostgreSQL does not stem)."""
    return CONFIGURATIONS.get(language.replace("_", "-").split("-")[0].lower(), "simple")


def languages_of(config: str) -> list[str]:
    """The portal's languages whose texts go into the column of `config`."""
    return [code for code, _name in settings.LANGUAGES if configuration(code) == config]


def portal_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def localized(name: str, code: str) -> str:
    return build_localized_fieldname(name, code)


def vector_values(*, titles: dict, texts: dict, names: dict, places: dict) -> dict:
    """The value of each search column for one row, as expressions to save with ``update()``.

    Each argument maps a language code to text in that language (titles and texts of the row; names of
    its terms; names of its countries and regions)."""
    values = {}
    for config, field in VECTOR_FIELDS.items():
        parts = []
        for weight, source in (("A", titles), ("B", texts), ("C", names), ("D", places)):
            text = " ".join(filter(None, (source.get(code, "") for code in languages_of(config))))
            if text.strip():
                parts.append(SearchVector(Value(text), config=config, weight=weight))
        values[field] = reduce(lambda a, b: a + b, parts) if parts else None
    return values


def country_names(codes, language: str) -> list[str]:
    from django_countries import countries

    with translation.override(language):
        return [str(countries.name(code)) for code in codes if code]


def _tokens_query(groups: list[list[str]]) -> SearchQuery:
    """One raw tsquery for all the filters: "(zzcmx | zzr4) & zzkrecommendation" (tokens are [a-z0-9])."""
    return SearchQuery(
        " & ".join("(" + " | ".join(group) + ")" for group in groups), config="simple", search_type="raw"
    )


def match(queryset: QuerySet, query: str, *, fallback, tokens: list[list[str]] = ()) -> QuerySet:
    """`queryset` narrowed to rows matching `query` and, on PostgreSQL, the filter `tokens` (each inner
    list is one filter: any of its tokens; every filter must hold), annotated with `rank` (higher is
    better; the words only).

    `fallback(query)` gives the condition used on SQLite for the words (an ``icontains`` over texts and
    names); the caller applies the filters there with plain SQL, the tokens being a PostgreSQL index's
    business.
    """
    query = (query or "").strip()
    zero = Value(0.0, output_field=FloatField())
    if not uses_postgres():
        return (queryset.filter(fallback(query)) if query else queryset).annotate(rank=zero)
    filters = _tokens_query(tokens) if tokens else None
    if not query:
        if filters is None:
            return queryset.annotate(rank=zero)
        # every column holds the tokens: one is enough
        return queryset.filter(**{VECTOR_FIELDS["english"]: filters}).annotate(rank=zero)
    conditions = []
    rank = None
    for config, field in VECTOR_FIELDS.items():
        words = SearchQuery(query, config=config, search_type="websearch")
        conditions.append(Q(**{field: words & filters if filters is not None else words}))
        term = Coalesce(SearchRank(F(field), words), Value(0.0), output_field=FloatField())
        rank = term if rank is None else rank + term
    return queryset.filter(reduce(or_, conditions)).annotate(rank=rank)


def contains_any(query: str, lookups: list[str]) -> Q:
    """The SQLite fallback: any of the translated `lookups` ("title", "terms__name") contains `query`, in
    any of the portal's languages."""
    return reduce(
        or_,
        [
            Q(**{f"{localized(lookup, code)}__icontains": query})
            for lookup in lookups
            for code in portal_languages()
        ],
    )
