"""Optimal allocation of participants to thematic tables over rotations (no database needed).

``solve(instance)`` takes the instance as a dict (see docs/allocation.md) and returns the result dict:

    {"assignment": {"p1": ["t3", "t1", "t2"], "p2": ["t1", None, "t3"]},
     "unplaced": [{"id": "p2", "rotations": [1]}],
     "cost": 123,
     "quality": {...}, "baselines": {"fcfs": {...}, "rsd": {...}},
     "solver": {"method": "flow+colouring"}}

A participant who cannot be seated in some rotation has ``None`` there and is listed in ``unplaced``
with those rotations (0-based positions in the assignment list). Bad instances raise ``ValueError``.
"""

from __future__ import annotations

import gc

import numpy as np

from .engine import allocate
from .instance import Instance, parse_instance
from .quality import baselines, quality

__all__ = ["solve", "parse_instance", "Instance"]


def solve(instance: dict, *, with_baselines: bool = True, method: str = "auto") -> dict:
    """The exact optimum for ``instance``: most placements first, then least total rank^2 cost."""
    # many small objects are built and kept: pausing the cyclic garbage collector saves it from
    # rescanning them again and again (it is switched back on at once; nothing here forms cycles)
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _solve(instance, with_baselines=with_baselines, method=method)
    finally:
        if gc_was_enabled:
            gc.enable()


def _solve(instance: dict, *, with_baselines: bool, method: str) -> dict:
    inst = parse_instance(instance)
    result = allocate(inst, method=method)
    placement = result.placement
    # index -1 (no seat) picks the None appended at the end
    names = np.array([*inst.table_ids, None], dtype=object)
    assignment = dict(zip(inst.participant_ids, names[placement].tolist(), strict=True))
    unplaced = [
        {"id": inst.participant_ids[p], "rotations": np.flatnonzero(placement[p] < 0).tolist()}
        for p in np.flatnonzero((placement < 0).any(axis=1)).tolist()
    ]
    report = quality(inst, placement)
    out = {
        "assignment": assignment,
        "unplaced": unplaced,
        "cost": report["cost"],
        "quality": report,
        "solver": {"method": result.method},
    }
    if with_baselines:
        out["baselines"] = baselines(inst)
    return out
