"""The map of the Americas shipped with the portal (`map/americas.svg`: one path per country, its ISO 3166
code as id; source and licence in the file and in docs/observatory.md), shaded on the server.

No tiles, no script: the page draws the paths itself, each a link to its country's page, with a class for
its shade. Five shades: none, then four steps of the highest count."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django_countries import countries

SVG = Path(__file__).resolve().parent / "map" / "americas.svg"
SHADES = 4


@dataclass(frozen=True)
class Shape:
    code: str
    d: str


@lru_cache(maxsize=1)
def _read() -> tuple[str, tuple[Shape, ...]]:
    text = SVG.read_text(encoding="utf-8")
    view_box = re.search(r'viewBox="([^"]+)"', text).group(1)
    shapes = tuple(Shape(code, d) for code, d in re.findall(r'<path id="([A-Z]{2})" d="([^"]+)"', text))
    return view_box, shapes


def country_codes() -> list[str]:
    """The countries and territories on the map."""
    return [shape.code for shape in _read()[1]]


def shade(count: int, highest: int) -> int:
    """0 for none, else 1..SHADES in proportion to the highest count (every country with entries is
    at least 1)."""
    if count <= 0 or highest <= 0:
        return 0
    return max(1, min(SHADES, -(-count * SHADES // highest)))


def shaded_map(counts: dict[str, int], *, current: str = "") -> dict:
    """What `observatory/partials/map.html` draws: the view box and, per country, its path, name, count
    and shade (the current country marked)."""
    view_box, shapes = _read()
    highest = max((counts.get(shape.code, 0) for shape in shapes), default=0)
    return {
        "view_box": view_box,
        "countries": [
            {
                "code": shape.code,
                "d": shape.d,
                "name": countries.name(shape.code),
                "count": counts.get(shape.code, 0),
                "shade": shade(counts.get(shape.code, 0), highest),
                "current": shape.code == current,
            }
            for shape in shapes
        ],
        "highest": highest,
    }
