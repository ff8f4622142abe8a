"""CP-SAT for the engine: the deterministic solver settings, and the fallback that solves the whole
problem over x[p, t, r] as an integer programme when phase 2 finds the relaxation was not tight."""

from __future__ import annotations

import numpy as np
from ortools.sat.python import cp_model

from .instance import Instance


def _cp_solver() -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    # one worker and a fixed seed: the same input always gives the same answer
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    return solver


def solve_full_cpsat(inst: Instance) -> np.ndarray:
    P, T, R = inst.n_participants, inst.n_tables, inst.rotations
    rank = [dict((t, i + 1) for i, t in enumerate(r)) for r in inst.rankings]
    model = cp_model.CpModel()
    x: dict[tuple[int, int, int], cp_model.IntVar] = {}
    per_pr: dict[tuple[int, int], list] = {}
    per_pt: dict[tuple[int, int], list] = {}
    per_tr: dict[tuple[int, int], list] = {}
    per_group: dict[tuple, list] = {}
    cost_terms = []
    for p in range(P):
        for t in range(T):
            c = rank[p].get(t, T + 1) ** 2
            for r in range(R):
                if inst.seats[t, r] <= 0:
                    continue
                v = model.new_bool_var(f"x{p}_{t}_{r}")
                x[p, t, r] = v
                per_pr.setdefault((p, r), []).append(v)
                per_pt.setdefault((p, t), []).append(v)
                per_tr.setdefault((t, r), []).append(v)
                cost_terms.append((v, c))
                for key in inst.caps:
                    value = inst.attributes[key][p]
                    if value is not None:
                        per_group.setdefault((key, value, t, r), []).append(v)
    for group in (per_pr, per_pt):
        for vs in group.values():
            if len(vs) > 1:
                model.add_at_most_one(vs)
    for (t, r), vs in per_tr.items():
        if len(vs) > inst.seats[t, r]:
            model.add(sum(vs) <= int(inst.seats[t, r]))
    for (key, _value, t, r), vs in per_group.items():
        if len(vs) > inst.caps[key][t, r]:
            model.add(sum(vs) <= int(inst.caps[key][t, r]))
    variables = list(x.values())
    # stage 1: most placements
    model.maximize(sum(variables))
    solver = _cp_solver()
    status = solver.solve(model)
    if status != cp_model.OPTIMAL:
        raise RuntimeError(f"CP-SAT fallback failed (status {solver.status_name(status)})")
    best = round(solver.objective_value)
    # stage 2: cheapest among those
    model.add(sum(variables) >= best)
    model.minimize(cp_model.LinearExpr.weighted_sum([v for v, _ in cost_terms], [c for _, c in cost_terms]))
    for v in variables:
        model.add_hint(v, solver.boolean_value(v))
    solver = _cp_solver()
    status = solver.solve(model)
    if status != cp_model.OPTIMAL:
        raise RuntimeError(f"CP-SAT fallback failed (status {solver.status_name(status)})")
    placement = np.full((P, R), -1, dtype=np.int64)
    for (p, t, r), v in x.items():
        if solver.boolean_value(v):
            placement[p, r] = t
    return placement
