"""The allocation engine: exact optimum (checked against an integer programme), constraints, baselines,
determinism, the command line and input checks. Pure Python, no database."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from collections import Counter
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
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


@settings(max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_solve_matches_integer_programme_on_small_instances(instance):
    result = solve(instance)
    assert_feasible(instance, result)
    best = milp_optimum(instance)
    assert (placements(result), result["cost"]) == best
    # the CP-SAT route for the rotations, which the fast routes rarely leave to it
    via_cp_sat = solve(instance, method="flow+cp-sat", with_baselines=False)
    assert_feasible(instance, via_cp_sat)
    assert (placements(via_cp_sat), via_cp_sat["cost"]) == best


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(instances(equal_seats=True, diversity=False))
def test_solve_matches_integer_programme_with_equal_seats(instance):
    result = solve(instance)
    assert_feasible(instance, result)
    assert (placements(result), result["cost"]) == milp_optimum(instance)


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(instances(equal_seats=True, diversity=True))
def test_solve_matches_integer_programme_with_equal_seats_and_caps(instance):
    result = solve(instance)
    assert_feasible(instance, result)
    assert (placements(result), result["cost"]) == milp_optimum(instance)


# --- named cases -------------------------------------------------------------------------------------


def table(tid: str, *seats: int) -> dict:
    return {"id": tid, "seats": list(seats)}


def person(pid: str, *ranking: str, **extra) -> dict:
    return {"id": pid, "ranking": list(ranking), **extra}


def test_solve_gives_everyone_their_ranking_when_seats_allow():
    instance = {
        "rotations": 3,
        "tables": [table("t1", 2, 2, 2), table("t2", 2, 2, 2), table("t3", 2, 2, 2)],
        "participants": [person("p1", "t3", "t1", "t2"), person("p2", "t1", "t2", "t3")],
    }
    result = solve(instance)
    assert_feasible(instance, result)
    assert sorted(result["assignment"]["p1"]) == ["t1", "t2", "t3"]
    assert result["cost"] == 2 * (1 + 4 + 9)
    assert result["unplaced"] == []
    assert result["quality"]["rank_counts"] == {"1": 2, "2": 2, "3": 2, "unranked": 0}
    assert result["quality"]["first_choice_share"] == 1.0
    assert result["quality"]["all_top3_share"] == 1.0
    assert result["quality"]["worst_rank"] == 3


def test_solve_spreads_a_popular_table_over_rotations():
    # five people rank t1 first; t1 has 2 seats per rotation, so at most 6 can get it, over 3 rotations
    instance = {
        "rotations": 3,
        "tables": [table("t1", 2, 2, 2), table("t2", 2, 2, 2), table("t3", 2, 2, 2)],
        "participants": [person(f"p{i}", "t1", "t2", "t3") for i in range(5)],
    }
    result = solve(instance)
    assert_feasible(instance, result)
    assert all(sorted(row) == ["t1", "t2", "t3"] for row in result["assignment"].values())
    assert result["cost"] == 5 * 14


def test_solve_uses_unranked_tables_before_leaving_people_out():
    instance = {
        "rotations": 2,
        "tables": [table("a", 1, 1), table("b", 1, 1), table("c", 1, 1)],
        "participants": [person("p1", "a", "b"), person("p2", "a", "b"), person("p3", "a", "b")],
    }
    result = solve(instance)
    assert_feasible(instance, result)
    assert result["unplaced"] == []
    # six placements, six seats: a and b twice each (ranks 1 and 2), c twice (unranked, 4^2 each)
    assert result["cost"] == 2 * 1 + 2 * 4 + 2 * 16
    assert result["quality"]["unranked_placements"] == 2


def test_solve_lists_who_could_not_be_placed_when_seats_are_short():
    instance = {
        "rotations": 2,
        "tables": [table("a", 1, 1), table("b", 1, 0)],
        "participants": [person("p1", "a", "b"), person("p2", "a", "b")],
    }
    result = solve(instance)
    assert_feasible(instance, result)
    # three seats for four participant-rotations: exactly one hole
    assert placements(result) == 3
    assert len(result["unplaced"]) == 1
    assert result["quality"]["unplaced_people"] == 1
    assert result["quality"]["missing_placements"] == 1
    hole = result["unplaced"][0]
    assert result["assignment"][hole["id"]][hole["rotations"][0]] is None


def test_solve_with_no_tables_or_no_seats_leaves_everyone_unplaced():
    instance = {"rotations": 2, "tables": [table("a", 0, 0)], "participants": [person("p1", "a")]}
    result = solve(instance)
    assert result["assignment"] == {"p1": [None, None]}
    assert result["unplaced"] == [{"id": "p1", "rotations": [0, 1]}]
    assert result["cost"] == 0


def test_solve_with_no_participants():
    result = solve({"rotations": 3, "tables": [table("a", 1, 1, 1)], "participants": []})
    assert result["assignment"] == {}
    assert result["unplaced"] == []
    assert result["quality"]["participants"] == 0


def test_solve_respects_unequal_seats_between_rotations():
    # a and b only have seats in the first rotation: p1 cannot have both, so one rotation stays empty
    instance = {
        "rotations": 2,
        "tables": [table("a", 1, 0), table("b", 1, 0)],
        "participants": [person("p1", "a", "b")],
    }
    result = solve(instance)
    assert result["assignment"] == {"p1": ["a", None]}
    assert result["unplaced"] == [{"id": "p1", "rotations": [1]}]
    assert result["cost"] == 1
    assert result["solver"]["method"] == "cp-sat fallback"


def test_solve_respects_seats_that_differ_between_rotations_at_scale():
    import random

    rng = random.Random(5)
    tables = [table(f"t{i}", *[rng.randint(12, 16) for _ in range(3)]) for i in range(10)]
    tables[0]["seats"][2] = 0  # one table does not run in the last rotation
    people = [
        person(f"p{i}", *rng.sample([t["id"] for t in tables], 5), country=rng.choice("ABCDE"))
        for i in range(110)
    ]
    instance = {"rotations": 3, "tables": tables, "participants": people, "diversity": {"country": 0.5}}
    result = solve(instance)
    assert_feasible(instance, result)
    # the peeling flows reached the relaxation's bound, so this is the optimum
    assert result["solver"]["method"] == "flow+peeling"
    assert placements(result) == 330


def test_solve_respects_unequal_table_sizes():
    instance = {
        "rotations": 2,
        "tables": [table("big", 3, 1), table("small", 1, 3)],
        "participants": [person(f"p{i}", "big", "small") for i in range(4)],
    }
    result = solve(instance)
    assert_feasible(instance, result)
    assert placements(result) == 8
    assert [row[0] for row in result["assignment"].values()].count("big") == 3


def test_solve_keeps_the_country_cap():
    # share 0.5 of 4 seats: at most 2 from Costa Rica at a table in a rotation
    instance = {
        "rotations": 1,
        "tables": [table("a", 4), table("b", 4)],
        "participants": [person(f"cr{i}", "a", country="CR") for i in range(4)]
        + [person("mx", "a", country="MX")],
        "diversity": {"country": 0.5},
    }
    result = solve(instance)
    assert_feasible(instance, result)
    at_a = [pid for pid, row in result["assignment"].items() if row == ["a"]]
    assert len(at_a) == 3
    assert "mx" in at_a
    assert [row for row in result["assignment"].values()].count(["b"]) == 2


def test_solve_keeps_the_sector_cap_and_at_least_one_seat_per_group():
    # share 0.1 of 5 seats is 0.5: floor would give 0, the cap is at least 1
    instance = {
        "rotations": 1,
        "tables": [table("a", 5)],
        "participants": [person(f"p{i}", "a", sector="youth") for i in range(3)],
        "diversity": {"sector": 0.1},
    }
    result = solve(instance)
    assert_feasible(instance, result)
    assert placements(result) == 1
    assert len(result["unplaced"]) == 2


def test_solve_gives_up_an_impossible_overflow_exactly():
    # p1 ranks a and b; the only other table has no seats, so the third rotation stays empty
    instance = {
        "rotations": 3,
        "tables": [table("a", 5, 5, 5), table("b", 5, 5, 5), table("c", 0, 0, 0)],
        "participants": [person("p1", "a", "b")],
    }
    result = solve(instance)
    assert_feasible(instance, result)
    assert sorted(t for t in result["assignment"]["p1"] if t) == ["a", "b"]
    assert result["cost"] == 5
    assert result["unplaced"][0]["id"] == "p1"


def test_solve_is_deterministic():
    import random

    rng = random.Random(7)
    tables = [table(f"t{i}", *([rng.randint(2, 6)] * 3)) for i in range(8)]
    people = [
        person(f"p{i}", *rng.sample([t["id"] for t in tables], 5), country=rng.choice("ABC"))
        for i in range(60)
    ]
    instance = {"rotations": 3, "tables": tables, "participants": people, "diversity": {"country": 0.5}}
    first = solve(instance)
    assert_feasible(instance, first)
    assert json.dumps(solve(instance), sort_keys=True) == json.dumps(first, sort_keys=True)


def test_full_integer_programme_agrees_with_the_flow():
    import random

    rng = random.Random(3)
    tables = [table(f"t{i}", *[rng.randint(0, 3) for _ in range(2)]) for i in range(4)]
    people = [person(f"p{i}", *rng.sample([t["id"] for t in tables], 3)) for i in range(8)]
    instance = {"rotations": 2, "tables": tables, "participants": people}
    auto = solve(instance)
    full = solve(instance, method="cpsat")
    assert_feasible(instance, full)
    assert (placements(auto), auto["cost"]) == (placements(full), full["cost"])


# --- baselines ---------------------------------------------------------------------------------------


def test_baselines_first_come_first_served_follows_input_order():
    instance = {
        "rotations": 1,
        "tables": [table("a", 1), table("b", 1)],
        "participants": [person("first", "a", "b"), person("second", "a", "b")],
    }
    fcfs = solve(instance)["baselines"]["fcfs"]
    # first gets a (rank 1), second gets b (rank 2)
    assert fcfs["rank_counts"] == {"1": 1, "2": 1, "unranked": 0}
    assert fcfs["cost"] == 5
    assert fcfs["first_choice_share"] == 0.5


def test_baselines_never_beat_the_optimum():
    import random

    rng = random.Random(11)
    tables = [table(f"t{i}", *([rng.randint(1, 4)] * 3)) for i in range(6)]
    people = [person(f"p{i}", *rng.sample([t["id"] for t in tables], 4)) for i in range(25)]
    instance = {"rotations": 3, "tables": tables, "participants": people}
    result = solve(instance)
    for name in ("fcfs", "rsd"):
        base = result["baselines"][name]
        assert (base["placements"], -base["cost"]) <= (result["quality"]["placements"], -result["cost"])
    assert solve(instance)["baselines"] == result["baselines"]


def test_baselines_keep_seats_and_caps():
    from sessions_app.allocation import parse_instance
    from sessions_app.allocation.quality import serial_dictatorship

    instance = {
        "rotations": 2,
        "tables": [table("a", 2, 1), table("b", 1, 2)],
        "participants": [person(f"p{i}", "a", "b", country="CR") for i in range(4)],
        "diversity": {"country": 0.5},
    }
    inst = parse_instance(instance)
    placement = serial_dictatorship(inst, [0, 1, 2, 3])
    ids = inst.table_ids
    result = {
        "assignment": {
            p["id"]: [ids[t] if t >= 0 else None for t in row]
            for p, row in zip(instance["participants"], placement.tolist(), strict=True)
        }
    }
    result["unplaced"] = [
        {"id": pid, "rotations": [r for r, t in enumerate(row) if t is None]}
        for pid, row in result["assignment"].items()
        if None in row
    ]
    result["cost"] = solve(instance)["baselines"]["fcfs"]["cost"]
    assert_feasible(instance, result)
    assert result["assignment"]["p0"] == ["a", "b"]


# --- input checks and command line -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("instance", "message"),
    [
        ([], "the instance must be a JSON object"),
        ({"rotations": 0, "tables": [], "participants": []}, "'rotations' must be a positive integer, got 0"),
        (
            {"rotations": 1, "tables": [table("a", 1), table("a", 2)], "participants": []},
            "duplicate table id 'a'",
        ),
        (
            {"rotations": 1, "tables": [table("a", 1)], "participants": [person("p", "a"), person("p", "a")]},
            "duplicate participant id 'p'",
        ),
        (
            {"rotations": 2, "tables": [table("a", 1)], "participants": []},
            "table 'a': 'seats' must be a list with one number per rotation (2), got [1]",
        ),
        (
            {"rotations": 1, "tables": [table("a", -1)], "participants": []},
            "table 'a': seats in rotation 1 must be a whole number >= 0, got -1",
        ),
        (
            {"rotations": 1, "tables": [table("a", 1)], "participants": [person("p", "zz")]},
            "participant 'p': unknown table id 'zz' in ranking",
        ),
        (
            {"rotations": 1, "tables": [table("a", 1)], "participants": [person("p", "a", "a")]},
            "participant 'p': table 'a' appears twice in ranking",
        ),
        (
            {"rotations": 1, "tables": [], "participants": [], "diversity": {"country": 1.5}},
            "diversity share for 'country' must be a number in (0, 1], got 1.5",
        ),
        (
            {"rotations": 1, "tables": [], "participants": [], "diversity": {"country": 0}},
            "diversity share for 'country' must be a number in (0, 1], got 0",
        ),
        (
            {"rotations": 1, "tables": [], "participants": [], "diversity": {"age": 0.5}},
            "unknown diversity key 'age' (use 'country' and/or 'sector')",
        ),
    ],
)
def test_solve_rejects_bad_instances(instance, message):
    with pytest.raises(ValueError) as excinfo:
        solve(instance)
    assert str(excinfo.value) == message


def run_cli(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "sessions_app.allocation", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_cli_prints_the_result_for_a_file(tmp_path):
    instance = {
        "rotations": 3,
        "tables": [table("t1", 20, 20, 20), table("t2", 20, 20, 20), table("t3", 20, 20, 20)],
        "participants": [person("p1", "t3", "t1", "t2", country="CR", sector="civil_society")],
        "diversity": {"country": 0.35},
    }
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(instance))
    done = run_cli(str(path))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    # which rotation gets which table is free: all orders cost the same
    assert sorted(out["assignment"]["p1"]) == ["t1", "t2", "t3"]
    assert out["unplaced"] == []
    assert out["cost"] == 14
    assert out["baselines"]["fcfs"]["cost"] == 14
    assert out["baselines"]["rsd"]["cost"] == 14


def test_cli_reads_standard_input():
    instance = {"rotations": 1, "tables": [table("a", 1)], "participants": [person("p1", "a")]}
    done = run_cli("-", stdin=json.dumps(instance))
    assert done.returncode == 0
    assert json.loads(done.stdout)["assignment"] == {"p1": ["a"]}


def test_cli_reports_a_bad_instance_on_stderr(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps({"rotations": 1, "tables": [table("a", 1)], "participants": [person("p", "x")]})
    )
    done = run_cli(str(path))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == "error: invalid instance: participant 'p': unknown table id 'x' in ranking\n"


def test_cli_reports_invalid_json(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{")
    done = run_cli(str(path))
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: {path} is not valid JSON")


def test_solve_accepts_integer_ids_and_returns_them_as_given():
    instance = {
        "rotations": 2,
        "tables": [{"id": 10, "seats": [1, 1]}, {"id": 11, "seats": [1, 1]}],
        "participants": [{"id": 1, "ranking": [11, 10]}, {"id": 2, "ranking": [11]}],
    }
    result = solve(instance)
    assert result["assignment"] == {1: [10, 11], 2: [11, 10]}
    assert result["cost"] == 1 + 4 + 1 + 9


def test_solve_rejects_ids_that_collide_in_json():
    instance = {"rotations": 1, "tables": [table("1", 1), {"id": 1, "seats": [1]}], "participants": []}
    with pytest.raises(ValueError) as excinfo:
        solve(instance)
    assert str(excinfo.value) == "duplicate table id 1"


@pytest.mark.parametrize("seed", range(5))
def test_solve_is_exact_when_country_and_sector_caps_both_bind(seed):
    # neither single-attribute flow meets the other attribute's caps here: the pair model decides
    import random

    from sessions_app.allocation import engine, parse_instance

    rng = random.Random(seed)
    tables = [table(f"t{i}", 9, 9, 9) for i in range(5)]
    people = [
        person(
            f"p{p}",
            *rng.sample([t["id"] for t in tables], 3),
            country=rng.choice("AAABBC"),
            sector=rng.choice("xxxyz"),
        )
        for p in range(40)
    ]
    instance = {
        "rotations": 3,
        "tables": tables,
        "participants": people,
        "diversity": {"country": 0.4, "sector": 0.4},
    }
    inst = parse_instance(instance)
    first, second = engine._flow_keys(inst)
    assert not engine._aggregate_ok(inst, *engine._phase1(inst, first), second)
    assert not engine._aggregate_ok(inst, *engine._phase1(inst, second), first)
    result = solve(instance)
    assert_feasible(instance, result)
    assert result["solver"]["method"] != "cp-sat fallback"
    assert (placements(result), result["cost"]) == milp_optimum(instance)
