"""The exact allocation engine.

Problem: choose x[p, t, r] in {0, 1} (participant p sits at table t in rotation r) so that
  * each participant has at most one table per rotation and never the same table twice,
  * each table-rotation holds at most its seats, and at most its diversity cap per country / sector,
and, lexicographically, (1) the number of placements is as large as possible, (2) the total cost
sum rank(p, t)^2 (unranked tables cost (tables + 1)^2) is as small as possible.

How (see docs/allocation.md for the argument in full):

Phase 1 - a min-cost flow over (participant, table) pairs, with each table's capacity summed over the
rotations (and one capped attribute summed likewise: the more pressing one; when country and sector
caps both bind, a CP-SAT model over the pairs with both). It is a *relaxation*: every allocation gives a
flow with the same number of placements and the same cost. ``solve_max_flow_with_min_cost`` gives the
relaxation's lexicographic optimum. Unranked tables go through one overflow node per attribute value
instead of participant x table arcs; if the overflow cannot be turned into distinct real tables the
participants concerned get explicit arcs and the flow is solved again (the result stays exact).

Phase 2 - give each chosen pair a rotation. If that succeeds, the allocation reaches the relaxation's
bound and is therefore optimal. Three routes, each result checked against every limit:
  * colouring: with equal seats in every rotation and no cap it always succeeds (Koenig's
    edge-colouring theorem), by alternating-path colouring of participants x table copies; caps (and
    seats that differ between rotations) are then met by a local search that swaps two rotations along
    an alternating component;
  * peeling: rotation by rotation, a flow with lower bounds (who must sit now, what later rotations
    cannot hold); tried first when seats differ between rotations;
  * CP-SAT: a feasibility model over the chosen pairs decides when both get stuck.

Fallback - if phase 2 is infeasible (possible with seats that differ between rotations or per-rotation
caps: the relaxation was not tight), the full problem is solved by CP-SAT over x[p, t, r],
lexicographically.

Modules: ``flow`` (phase 1), ``rotations`` (phase 2), ``cpsat`` (the fallback and the solver settings);
this one runs them in order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .cpsat import solve_full_cpsat
from .flow import _aggregate_ok, _flow_keys, _phase1, phase1  # noqa: F401 (tests check phase 1 here)
from .instance import Instance
from .rotations import _colour_cpsat, _colour_equal_seats, _group_order, _peel_rotations, _respects_limits


@dataclass
class EngineResult:
    placement: np.ndarray  # (participants, rotations) table index or -1
    method: str


def allocate(inst: Instance, *, method: str = "auto") -> EngineResult:
    """The optimal placement.

    ``method`` is for tests: "auto"; "flow+cp-sat" (phase 2 straight by CP-SAT); "cpsat" (the full
    integer programme only).
    """
    P, R = inst.n_participants, inst.rotations
    if method == "cpsat":
        return EngineResult(solve_full_cpsat(inst), "cp-sat")
    pp, tt = phase1(inst)
    rot = hint = None
    how = ""
    if method == "auto":
        # equal seats: the colouring is proven (and its repair meets the caps in practice); seats that
        # differ between rotations: the peeling flows usually succeed and cost little, so try them first
        equal = bool(np.all(inst.seats == inst.seats[:, :1])) if inst.n_tables else True
        # the peeling flow carries one capped attribute: try each
        peel_keys = _flow_keys(inst) or [None]
        routes = [("colouring", None)] + [("peeling", key) for key in peel_keys]
        if not equal:
            routes = routes[1:] + routes[:1]
        for route, key in routes:
            if route == "colouring":
                hint = candidate = _colour_equal_seats(inst, pp, tt, _group_order(inst, pp))
            else:
                candidate = _peel_rotations(inst, pp, tt, key)
            if candidate is not None and _respects_limits(inst, pp, tt, candidate):
                rot, how = candidate, f"flow+{route}"
                break
    if rot is None:
        # both got stuck (caps or unequal seats): CP-SAT decides for all pairs
        rot = _colour_cpsat(inst, pp, tt, hint)
        how = "flow+cp-sat rotations"
    if rot is None:
        return EngineResult(solve_full_cpsat(inst), "cp-sat fallback")
    placement = np.full((P, R), -1, dtype=np.int64)
    placement[pp, rot] = tt
    return EngineResult(placement, how)
