"""Reading and checking an allocation instance (the JSON the solver takes).

Everything here is pure Python: no database, no Django. Bad input raises ``ValueError`` with a message
that names the offending participant or table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from numbers import Integral, Real

import numpy as np

DIVERSITY_KEYS = ("country", "sector")


@dataclass(frozen=True)
class Instance:
    """A checked instance, with tables and participants numbered in input order."""

    rotations: int
    table_ids: list
    seats: np.ndarray  # (tables, rotations) int64
    participant_ids: list
    rankings: list[list[int]]  # table indexes, best first
    attributes: dict[str, list]  # "country"/"sector" -> value per participant (None = not given)
    shares: dict[str, Fraction]  # diversity shares that apply
    caps: dict[str, np.ndarray]  # diversity key -> (tables, rotations) int64 cap per table-rotation

    @property
    def n_tables(self) -> int:
        return len(self.table_ids)

    @property
    def n_participants(self) -> int:
        return len(self.participant_ids)

    @property
    def unranked_cost(self) -> int:
        return (self.n_tables + 1) ** 2

    @cached_property
    def ranked_pairs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every ranked (participant, table) pair as arrays p, t, rank (1 = first), in input order."""
        lengths = np.fromiter((len(r) for r in self.rankings), dtype=np.int64, count=len(self.rankings))
        p = np.repeat(np.arange(len(self.rankings), dtype=np.int64), lengths)
        t = np.fromiter((t for r in self.rankings for t in r), dtype=np.int64, count=int(lengths.sum()))
        starts = np.cumsum(lengths) - lengths
        rank = np.arange(len(p), dtype=np.int64) - np.repeat(starts, lengths) + 1
        return p, t, rank

    def ranks_of(self, p: np.ndarray, t: np.ndarray) -> np.ndarray:
        """Rank of table t for participant p, elementwise; 0 where t is not in p's ranking."""
        rp, rt, rank = self.ranked_pairs
        keys = rp * self.n_tables + rt
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        wanted = p * self.n_tables + t
        if len(sorted_keys) == 0:
            return np.zeros(len(wanted), dtype=np.int64)
        pos = np.minimum(np.searchsorted(sorted_keys, wanted), len(sorted_keys) - 1)
        return np.where(sorted_keys[pos] == wanted, rank[order][pos], 0)


def _is_int(value) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


def _check_id(value, what: str):
    if isinstance(value, str) and value != "":
        return value
    if _is_int(value):
        return int(value)
    raise ValueError(f"{what} must be a non-empty string or an integer, got {value!r}")


def diversity_cap(share: Fraction, seats: int) -> int:
    """At most floor(share x seats) people of one group, but at least one while the table has a seat."""
    if seats <= 0:
        return 0
    return max(1, math.floor(share * seats))


def parse_instance(data) -> Instance:
    if not isinstance(data, dict):
        raise ValueError("the instance must be a JSON object")
    unknown = set(data) - {"rotations", "tables", "participants", "diversity"}
    if unknown:
        raise ValueError(f"unknown instance keys: {', '.join(sorted(map(str, unknown)))}")

    rotations = data.get("rotations")
    if not _is_int(rotations) or rotations < 1:
        raise ValueError(f"'rotations' must be a positive integer, got {rotations!r}")
    rotations = int(rotations)

    tables = data.get("tables")
    if not isinstance(tables, list):
        raise ValueError("'tables' must be a list")
    table_ids: list = []
    table_index: dict = {}
    seen_tables: set[str] = set()
    seats = np.zeros((len(tables), rotations), dtype=np.int64)
    for i, table in enumerate(tables):
        if not isinstance(table, dict):
            raise ValueError(f"table #{i + 1} must be an object with 'id' and 'seats'")
        tid = _check_id(table.get("id"), f"table #{i + 1}: 'id'")
        # 1 and "1" would collide as JSON keys
        if str(tid) in seen_tables:
            raise ValueError(f"duplicate table id {tid!r}")
        seen_tables.add(str(tid))
        table_index[tid] = i
        table_ids.append(tid)
        row = table.get("seats")
        if not isinstance(row, list) or len(row) != rotations:
            raise ValueError(
                f"table {tid!r}: 'seats' must be a list with one number per rotation "
                f"({rotations}), got {row!r}"
            )
        for r, s in enumerate(row):
            if not _is_int(s) or s < 0:
                raise ValueError(
                    f"table {tid!r}: seats in rotation {r + 1} must be a whole number >= 0, got {s!r}"
                )
            seats[i, r] = int(s)

    diversity = data.get("diversity") or {}
    if not isinstance(diversity, dict):
        raise ValueError('\'diversity\' must be an object such as {"country": 0.35, "sector": 0.5}')
    shares: dict[str, Fraction] = {}
    for key, share in diversity.items():
        if key not in DIVERSITY_KEYS:
            raise ValueError(f"unknown diversity key {key!r} (use 'country' and/or 'sector')")
        if share is None:
            continue
        if isinstance(share, bool) or not isinstance(share, Real) or not (0 < share <= 1):
            raise ValueError(f"diversity share for {key!r} must be a number in (0, 1], got {share!r}")
        # str() keeps the decimal the user wrote: floor(0.29 x 100) is 29, not 28.
        shares[key] = Fraction(str(share))

    participants = data.get("participants")
    if not isinstance(participants, list):
        raise ValueError("'participants' must be a list")
    participant_ids: list = []
    seen: set = set()
    rankings: list[list[int]] = []
    attributes: dict[str, list] = {key: [] for key in DIVERSITY_KEYS}
    for i, person in enumerate(participants):
        if not isinstance(person, dict):
            raise ValueError(f"participant #{i + 1} must be an object with 'id' and 'ranking'")
        pid = _check_id(person.get("id"), f"participant #{i + 1}: 'id'")
        if str(pid) in seen:  # 1 and "1" would collide as JSON keys
            raise ValueError(f"duplicate participant id {pid!r}")
        seen.add(str(pid))
        participant_ids.append(pid)
        ranking = person.get("ranking", [])
        if not isinstance(ranking, list):
            raise ValueError(f"participant {pid!r}: 'ranking' must be a list of table ids")
        ranked: list[int] = []
        for tid in ranking:
            if isinstance(tid, bool) or not isinstance(tid, str | Integral) or tid not in table_index:
                raise ValueError(f"participant {pid!r}: unknown table id {tid!r} in ranking")
            t = table_index[tid]
            if t in ranked:
                raise ValueError(f"participant {pid!r}: table {tid!r} appears twice in ranking")
            ranked.append(t)
        rankings.append(ranked)
        for key in DIVERSITY_KEYS:
            value = person.get(key)
            if value is not None and not isinstance(value, str | Integral):
                raise ValueError(f"participant {pid!r}: {key!r} must be a string, got {value!r}")
            attributes[key].append(value if value != "" else None)

    caps = {
        key: np.array([[diversity_cap(share, int(s)) for s in row] for row in seats], dtype=np.int64).reshape(
            seats.shape
        )
        for key, share in shares.items()
    }
    return Instance(
        rotations=rotations,
        table_ids=table_ids,
        seats=seats,
        participant_ids=participant_ids,
        rankings=rankings,
        attributes=attributes,
        shares=shares,
        caps=caps,
    )
