"""Benchmark of the allocation engine on popularity-skewed instances.

    python benchmarks/allocation.py            # both standard cases, JSON on stdout
    python benchmarks/allocation.py --case 5000 50 3 --diversity   # one case of your choice
    python benchmarks/allocation.py --diversity --unequal         # caps; seats differ by rotation

Each case runs in a fresh child process, so ``peak_rss_mib`` (ru_maxrss of that process: Python, numpy,
OR-Tools and the instance together) is the memory of that case alone. ``solve_seconds`` is the engine
(checking the instance, min-cost flow, rotations, result dicts and quality figures);
``solve_with_baselines_seconds`` times a second call that also computes both baselines.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CASES = [(5_000, 50, 3), (50_000, 200, 3)]
SECTORS = ["civil_society", "government", "un_io", "private_sector", "philanthropy", "academia", "youth"]


def generate(
    participants: int,
    tables: int,
    rotations: int,
    *,
    seed: int = 0,
    slack: float = 1.05,
    zipf: float = 1.0,
    diversity: bool = False,
    unequal: bool = False,
) -> dict:
    """Tables have 0.5x to 1.5x the mean size (same seats in every rotation), seats in each rotation add
    up to ``slack`` x participants; each participant ranks 5 to 8 tables drawn without replacement with
    Zipf-like popularity (weight 1 / (k + 1) ** zipf for the k-th most popular table)."""
    rng = np.random.default_rng(seed)
    size = rng.uniform(0.5, 1.5, tables)
    seats = np.maximum(1, np.floor(size / size.sum() * participants * slack)).astype(int)
    popularity = 1.0 / (rng.permutation(tables) + 1.0) ** zipf
    lengths = rng.integers(5, 9, participants)
    # Gumbel top-k: sampling without replacement proportional to popularity, for all rows at once
    keys = np.log(popularity)[None, :] + rng.gumbel(size=(participants, tables))
    order = np.argsort(-keys, axis=1)[:, :8]
    countries = [f"C{k:02d}" for k in range(20)]
    country_weight = 1.0 / np.arange(1, 21)
    country = rng.choice(20, participants, p=country_weight / country_weight.sum())
    sector = rng.integers(0, len(SECTORS), participants)
    if unequal:  # seats vary by up to 25% between rotations
        per_rotation = np.maximum(0, np.round(seats[:, None] * rng.uniform(0.75, 1.25, (tables, rotations))))
    else:
        per_rotation = np.repeat(seats[:, None], rotations, axis=1)
    instance = {
        "rotations": rotations,
        "tables": [{"id": f"t{t}", "seats": [int(x) for x in per_rotation[t]]} for t in range(tables)],
        "participants": [
            {
                "id": f"p{p}",
                "ranking": [f"t{t}" for t in order[p, : lengths[p]].tolist()],
                "country": countries[country[p]],
                "sector": SECTORS[sector[p]],
            }
            for p in range(participants)
        ],
    }
    if diversity:
        instance["diversity"] = {"country": 0.35, "sector": 0.5}
    return instance


def run_case(participants: int, tables: int, rotations: int, diversity: bool, unequal: bool) -> dict:
    from sessions_app.allocation import solve

    instance = generate(participants, tables, rotations, diversity=diversity, unequal=unequal)
    started, cpu = time.perf_counter(), time.process_time()
    result = solve(instance, with_baselines=False)
    solve_seconds, solve_cpu = time.perf_counter() - started, time.process_time() - cpu
    started = time.perf_counter()
    full = solve(instance)
    full_seconds = time.perf_counter() - started
    assert full["assignment"] == result["assignment"]  # same input, same output
    base = full["baselines"]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {
        "participants": participants,
        "tables": tables,
        "rotations": rotations,
        "diversity": instance.get("diversity"),
        "unequal_seats": unequal,
        "solve_seconds": round(solve_seconds, 3),
        "solve_cpu_seconds": round(solve_cpu, 3),
        "method": result["solver"]["method"],
        "solve_with_baselines_seconds": round(full_seconds, 3),
        "peak_rss_mib": round(peak, 1),
        "quality": {"optimal": result["quality"], "fcfs": base["fcfs"], "rsd": base["rsd"]},
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--case", nargs=3, type=int, metavar=("PARTICIPANTS", "TABLES", "ROTATIONS"))
    parser.add_argument("--diversity", action="store_true", help="country 0.35 and sector 0.5 caps")
    parser.add_argument("--unequal", action="store_true", help="seats vary by up to 25%% between rotations")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_case(*args.case, args.diversity, args.unequal)))
        return
    cases = [tuple(args.case)] if args.case else CASES
    out = []
    for case in cases:
        cmd = [sys.executable, __file__, "--child", "--case", *map(str, case)]
        if args.diversity:
            cmd.append("--diversity")
        if args.unequal:
            cmd.append("--unequal")
        child = subprocess.run(cmd, capture_output=True, text=True, check=True)
        out.append(json.loads(child.stdout))
    print(json.dumps({"machine_cpus": __import__("os").cpu_count(), "cases": out}, indent=2))


if __name__ == "__main__":
    main()
