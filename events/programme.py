"""The programme as people use it at the event: a day as a grid of rooms by time, "now and next", search
in the agenda and the list of speakers.

Everything here works on what `selectors.agenda_days` gives one reader (so it respects the same
visibility: closed days, tracks for their audience only, outlines without people or descriptions) and
costs no query of its own.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils import timezone

from .models import AgendaItem, Day, Event, Person

#: The clock "now and next" reads; tests and the page's `?at=` for organisers never change it, they pass
#: their own `now` to `now_and_next`.
clock: Callable[[], datetime.datetime] = timezone.now


def _natural(name: str) -> list:
    """ "Room 2" before "Room 10"."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name.casefold())]


# --- The grid -------------------------------------------------------------------------------------------


@dataclass
class GridCell:
    item: AgendaItem
    rowspan: int = 1
    colspan: int = 1


@dataclass
class GridRow:
    start: datetime.time
    end: datetime.time
    #: One entry per room column: a cell that starts here, or None where a cell from above spans into it
    #: ("covered") or the room is free ("empty").
    cells: list = field(default_factory=list)
    #: The items starting in this slot, for the list shown on small screens.
    items: list = field(default_factory=list)


@dataclass
class DayGrid:
    rooms: list[str]
    rows: list[GridRow]

    @property
    def parallel(self) -> bool:
        return len(self.rooms) > 1


def day_grid(*, day: Day) -> DayGrid:
    """The day's top-level items as rows of time slots by columns of rooms (rooms in name order).

    A slot starts wherever an item starts or ends; an item spans the slots it lasts. Items without a room
    span every column when nothing else runs beside them, or else take a column "room not given" ("")
    (a further one where two such items run at once).
    """
    items = list(day.top_items)
    rooms: list[str] = sorted({item.room for item in items if item.room}, key=_natural)

    def overlaps(a: AgendaItem, b: AgendaItem) -> bool:
        return a is not b and a.start < b.end and b.start < a.end

    alone = {id(item) for item in items if not item.room and not any(overlaps(item, o) for o in items)}
    placed: dict[int, int] = {}  # id(item) -> column
    for item in items:
        if id(item) in alone:
            continue
        if item.room:
            column = rooms.index(item.room)
            busy = [o for o in items if placed.get(id(o)) == column and overlaps(item, o)]
            if not busy:
                placed[id(item)] = column
                continue
        free = [
            position
            for position, room in enumerate(rooms)
            if room == "" and not any(placed.get(id(o)) == position and overlaps(item, o) for o in items)
        ]
        if not free:
            rooms.append("")
            free = [len(rooms) - 1]
        placed[id(item)] = free[0]
    columns = max(len(rooms), 1)
    bounds = sorted({item.start for item in items} | {item.end for item in items})
    slots = list(zip(bounds, bounds[1:], strict=False))
    rows = [GridRow(start=start, end=end, cells=["empty"] * columns) for start, end in slots]
    index = {start: position for position, (start, _end) in enumerate(slots)}
    for item in items:
        first = index[item.start]
        span = max(sum(1 for start, end in slots[first:] if end <= item.end), 1)
        column, width = (0, columns) if id(item) in alone else (placed[id(item)], 1)
        for row in rows[first : first + span]:
            for offset in range(width):
                row.cells[column + offset] = "covered"
        rows[first].cells[column] = GridCell(item=item, rowspan=span, colspan=width)
        rows[first].items.append(item)
    return DayGrid(rooms=rooms, rows=rows)


# --- Now and next ---------------------------------------------------------------------------------------


@dataclass
class NowAndNext:
    local_now: datetime.datetime
    during_event: bool
    day: Day | None = None
    now: list[AgendaItem] = field(default_factory=list)
    next: list[AgendaItem] = field(default_factory=list)


def _flatten(day: Day) -> list[AgendaItem]:
    flat = []
    for item in day.top_items:
        flat.append(item)
        flat.extend(getattr(item, "visible_children", []))
    return flat


def now_and_next(*, event: Event, days: Iterable[Day], now: datetime.datetime) -> NowAndNext:
    """What runs at `now` (in the event's time zone) on the reader's days, and what starts next that day.

    Parts (rotations) are shown rather than their block when one runs. Outside the event's dates, or on a
    day the reader sees nothing of, there is nothing now.
    """
    local = timezone.localtime(now, event.tz)
    result = NowAndNext(local_now=local, during_event=event.start_date <= local.date() <= event.end_date)
    if not result.during_event:
        return result
    today = next((day for day in days if day.date == local.date()), None)
    if today is None:
        return result
    result.day = today
    time = local.time().replace(tzinfo=None)
    running = [item for item in _flatten(today) if item.start <= time < item.end]
    parents_running = {item.parent_id for item in running if item.parent_id}
    result.now = [item for item in running if item.pk not in parents_running]
    upcoming = [item for item in today.top_items if item.start > time]
    if upcoming:
        first = min(item.start for item in upcoming)
        result.next = [item for item in upcoming if item.start == first]
    return result


# --- Search ---------------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Lower case without accents: "Participación" finds "participacion" and the reverse."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _words(text: str) -> list[str]:
    cleaned = "".join(char if char.isalnum() else " " for char in _fold(text))
    return cleaned.split()


def search_terms(query: str) -> list[str]:
    return _words(query)[:10]


def _matches(terms: list[str], texts: Iterable[str]) -> bool:
    words = [word for text in texts if text for word in _words(text)]
    return all(any(word.startswith(term) for word in words) for term in terms)


@dataclass
class SearchHit:
    day: Day
    item: AgendaItem
    parent: AgendaItem | None = None


def search_agenda(*, days: Iterable[Day], query: str) -> list[SearchHit]:
    """Items whose title, description or people's names hold every word of `query` (at the start of a
    word, whatever the case and accents), in agenda order. An outline item is searched by its title only:
    its people and description are not the reader's to see."""
    terms = search_terms(query)
    if not terms:
        return []
    hits = []
    for day in days:
        for item in day.top_items:
            for candidate, parent in [(item, None), *[(child, item) for child in item.visible_children]]:
                texts = [candidate.title]
                if not candidate.is_outline:
                    texts.append(candidate.description)
                    texts.extend(a.person.display_name for a in candidate.appearances.all())
                if _matches(terms, texts):
                    hits.append(SearchHit(day=day, item=candidate, parent=parent))
    return hits


# --- Speakers -------------------------------------------------------------------------------------------


def speakers(*, days: Iterable[Day]) -> list[Person]:
    """The people on items the reader sees in full (never through an outline), once each, by name."""
    people: dict[int, Person] = {}
    for day in days:
        for item in _flatten(day):
            if item.is_outline:
                continue
            for appearance in item.appearances.all():
                people.setdefault(appearance.person.pk, appearance.person)
    return sorted(people.values(), key=lambda person: (_fold(person.name), person.pk))
