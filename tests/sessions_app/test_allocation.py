"""The allocation engine: exact optimum (checked against an integer programme), constraints, baselines,
determinism, the command line and input checks. Pure Python, no database."""

from __future__ import annotations

import math
from collections import Counter
from fractions import Fraction
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import LinearConstraint, milp
from scipy.sparse import lil_matrix

from sessions_app.allocation import solve

ROOT = Path(__file__).resolve().parents[2]


# --- helpers -----------------------------------------------------------------------------------------


def cap_for(share: float, seats: int) -> int:
    return 0 if seats == 0 else max(1, math.floor(Fraction(str(share)) * seats))


def assert_feasible(instance: dict, result: dict) -> None:
    """Every constraint of the problem, checked on the output alone."""
    R = instance["rotations"]
    seats = {t["id"]: t["seats"] for t in instance["tables"]}
    people = {p["id"]: p for p in instance["participants"]}
    assert set(result["assignment"]) == set(people)
    used = Counter()
    groups = Counter()
    shares = instance.get("diversity") or {}
    unplaced = {}
    for pid, row in result["assignment"].items():
        assert len(row) == R
        seated = [t for t in row if t is not None]
        assert len(seated) == len(set(seated)), f"{pid} sits twice at one table"
        for r, t in enumerate(row):
            if t is None:
                unplaced.setdefault(pid, []).append(r)
                continue
            assert t in seats
            used[t, r] += 1
            for key in shares:
                value = people[pid].get(key)
                if value is not None:
                    groups[key, value, t, r] += 1
    for (t, r), n in used.items():
        assert n <= seats[t][r], f"table {t} over its seats in rotation {r}"
    for (key, _value, t, r), n in groups.items():
        assert n <= cap_for(shares[key], seats[t][r]), f"diversity cap broken at {t}/{r}"
    assert result["unplaced"] == [{"id": pid, "rotations": rs} for pid, rs in unplaced.items()]
    cost = 0
    n_tables = len(seats)
    for pid, row in result["assignment"].items():
        ranking = people[pid].get("ranking", [])
        for t in row:
            if t is not None:
                cost += (ranking.index(t) + 1) ** 2 if t in ranking else (n_tables + 1) ** 2
    assert result["cost"] == cost


def milp_optimum(instance: dict) -> tuple[int, int]:
    """(most placements, least cost among those) by scipy's MILP over x[p, t, r]."""
    R = instance["rotations"]
    tables = instance["tables"]
    people = instance["participants"]
    T, P = len(tables), len(people)
    if P == 0 or T == 0:
        return 0, 0
    n = P * T * R

    def var(p, t, r):
        return (p * T + t) * R + r

    rows = []
    upper = []
    for p in range(P):
        for r in range(R):
            rows.append([var(p, t, r) for t in range(T)])
            upper.append(1)
        for t in range(T):
            rows.append([var(p, t, r) for r in range(R)])
            upper.append(1)
    shares = instance.get("diversity") or {}
    for t, table in enumerate(tables):
        for r in range(R):
            rows.append([var(p, t, r) for p in range(P)])
            upper.append(table["seats"][r])
            for key, share in shares.items():
                values = {people[p].get(key) for p in range(P)} - {None}
                for value in values:
                    rows.append([var(p, t, r) for p in range(P) if people[p].get(key) == value])
                    upper.append(cap_for(share, table["seats"][r]))
    A = lil_matrix((len(rows), n))
    for i, row in enumerate(rows):
        for j in row:
            A[i, j] = 1
    cons = [LinearConstraint(A.tocsr(), -np.inf, np.array(upper, dtype=float))]
    integrality = np.ones(n)
    bounds_ = (np.zeros(n), np.ones(n))
    from scipy.optimize import Bounds

    bounds = Bounds(*bounds_)
    first = milp(-np.ones(n), constraints=cons, integrality=integrality, bounds=bounds)
    assert first.status == 0
    most = round(-first.fun)
    cost = np.zeros(n)
    ids = [t["id"] for t in tables]
    for p, person in enumerate(people):
        ranking = person.get("ranking", [])
        for t in range(T):
            c = (ranking.index(ids[t]) + 1) ** 2 if ids[t] in ranking else (T + 1) ** 2
            for r in range(R):
                cost[var(p, t, r)] = c
    cons.append(LinearConstraint(np.ones((1, n)), most - 0.5, np.inf))
    second = milp(cost, constraints=cons, integrality=integrality, bounds=bounds)
    assert second.status == 0
    return most, round(second.fun)


def placements(result: dict) -> int:
    return sum(t is not None for row in result["assignment"].values() for t in row)


@st.composite
def instances(draw, equal_seats: bool = False, diversity: bool = True):
    R = draw(st.integers(1, 3))
    T = draw(st.integers(1, 5))
    P = draw(st.integers(0, 7))
    tables = []
    for t in range(T):
        if equal_seats:
            seats = [draw(st.integers(0, 3))] * R
        else:
            seats = draw(st.lists(st.integers(0, 3), min_size=R, max_size=R))
        tables.append({"id": f"t{t}", "seats": seats})
    ids = [t["id"] for t in tables]
    people = []
    for p in range(P):
        ranking = draw(st.permutations(ids))[: draw(st.integers(0, T))]
        person = {"id": f"p{p}", "ranking": ranking}
        country = draw(st.sampled_from(["CR", "MX", None]))
        sector = draw(st.sampled_from(["academia", "youth", None]))
        if country:
            person["country"] = country
        if sector:
            person["sector"] = sector
        people.append(person)
    instance = {"rotations": R, "tables": tables, "participants": people}
    if diversity:
        shares = draw(
            st.dictionaries(st.sampled_from(["country", "sector"]), st.sampled_from([0.3, 0.5, 0.75, 1]))
        )
        if shares:
            instance["diversity"] = shares
    return instance


# --- optimality --------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_solve_matches_integer_programme_on_small_instances(instance):
    result = solve(instance)
    assert_feasible(instance, result)
    assert (placements(result), result["cost"]) == milp_optimum(instance)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(equal_seats=True, diversity=False))
def test_solve_matches_integer_programme_with_equal_seats(instance):
    result = solve(instance)
    assert_feasible(instance, result)
    assert (placements(result), result["cost"]) == milp_optimum(instance)
