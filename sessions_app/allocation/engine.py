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
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow
from ortools.sat.python import cp_model

from .instance import DIVERSITY_KEYS, Instance


@dataclass
class EngineResult:
    placement: np.ndarray  # (participants, rotations) table index or -1
    method: str


# ---------------------------------------------------------------------------------------------------
# Phase 1: min-cost flow over (participant, table) pairs


def _attribute_codes(values: list) -> tuple[np.ndarray, int]:
    """Code attribute values 0..A-1 in order of first appearance; None -> -1."""
    codes: dict = {}
    out = np.empty(len(values), dtype=np.int64)
    for i, v in enumerate(values):
        if v is None:
            out[i] = -1
        else:
            out[i] = codes.setdefault(v, len(codes))
    return out, len(codes)


class _PairFlow:
    """Phase 1 relaxation. Nodes: 0 source, 1 sink, participants, tables, (table, attribute) groups,
    overflow nodes (one per attribute value and one for participants without the attribute)."""

    def __init__(self, inst: Instance, flow_key: str | None):
        self.inst = inst
        P, T, R = inst.n_participants, inst.n_tables, inst.rotations
        self.P, self.T, self.R = P, T, R
        self.flow_key = flow_key
        if self.flow_key is not None:
            self.attr, self.A = _attribute_codes(inst.attributes[self.flow_key])
            self.group_cap = inst.caps[self.flow_key].sum(axis=1)  # (T,)
        else:
            self.attr, self.A = np.full(P, -1, dtype=np.int64), 0
            self.group_cap = None
        self.pbase = 2
        self.tbase = self.pbase + P
        self.gbase = self.tbase + T
        self.ubase = self.gbase + T * self.A
        self.table_cap = inst.seats.sum(axis=1)  # (T,)

        self.rank_p, self.rank_t, self.rank_pos = inst.ranked_pairs
        self.lengths = np.bincount(self.rank_p, minlength=P)
        # ranked[p, t] as a boolean matrix would be P x T; keep a sorted key instead.
        self.rank_key = np.sort(self.rank_p * T + self.rank_t)

    def target(self, p: np.ndarray, t: np.ndarray) -> np.ndarray:
        """Node a (participant, table) arc leads to: the (table, attribute) group or the table."""
        if self.A == 0:
            return self.tbase + t
        a = self.attr[p]
        return np.where(a >= 0, self.gbase + t * self.A + np.maximum(a, 0), self.tbase + t)

    def unranked_pairs(self, participants: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """All (p, t) with t not in p's ranking, for the given participants."""
        T = self.T
        if len(participants) == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        p = np.repeat(participants, T)
        t = np.tile(np.arange(T, dtype=np.int64), len(participants))
        keys = p * T + t
        pos = np.searchsorted(self.rank_key, keys)
        pos = np.minimum(pos, max(len(self.rank_key) - 1, 0))
        ranked = (self.rank_key[pos] == keys) if len(self.rank_key) else np.zeros(len(keys), dtype=bool)
        return p[~ranked], t[~ranked]

    def solve(self, explicit: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Chosen pairs (arrays p, t) and overflow units per participant; ``explicit`` marks the
        participants who get real arcs to their unranked tables instead of the overflow node."""
        inst, P, T, R, A = self.inst, self.P, self.T, self.R, self.A
        unranked_cost = inst.unranked_cost
        tails, heads, caps, costs = [], [], [], []

        def add(tail, head, cap, cost):
            n = len(tail)
            tails.append(np.asarray(tail, dtype=np.int32))
            heads.append(np.asarray(head, dtype=np.int32))
            caps.append(np.broadcast_to(np.asarray(cap, dtype=np.int64), (n,)))
            costs.append(np.broadcast_to(np.asarray(cost, dtype=np.int64), (n,)))
            return n

        pnodes = self.pbase + np.arange(P, dtype=np.int64)
        first = 0
        first += add(np.zeros(P), pnodes, min(R, T), 0)
        ranked_start = first
        first += add(pnodes[self.rank_p], self.target(self.rank_p, self.rank_t), 1, self.rank_pos**2)
        ex_p, ex_t = self.unranked_pairs(np.flatnonzero(explicit))
        explicit_start = first
        first += add(pnodes[ex_p], self.target(ex_p, ex_t), 1, unranked_cost)
        # overflow: participants who ranked fewer tables than exist and have no explicit arcs
        over_p = np.flatnonzero((self.lengths < T) & ~explicit)
        over_node = self.ubase + np.where(self.attr[over_p] >= 0, self.attr[over_p], A)
        over_start = first
        first += add(pnodes[over_p], over_node, min(R, T), unranked_cost)
        tables = np.arange(T, dtype=np.int64)
        big = int(self.table_cap.sum()) + 1
        if A:
            g_t = np.repeat(tables, A)
            g_a = np.tile(np.arange(A, dtype=np.int64), T)
            add(self.ubase + g_a, self.gbase + g_t * A + g_a, big, 0)
            add(self.gbase + g_t * A + g_a, self.tbase + g_t, self.group_cap[g_t], 0)
        add(np.full(T, self.ubase + A), self.tbase + tables, big, 0)
        add(self.tbase + tables, np.ones(T), self.table_cap, 0)

        flow = min_cost_flow.SimpleMinCostFlow()
        flow.add_arcs_with_capacity_and_unit_cost(
            np.concatenate(tails), np.concatenate(heads), np.concatenate(caps), np.concatenate(costs)
        )
        # supplies bound the flow; solve_max_flow_with_min_cost sends as much as the arcs allow
        bound = P * min(R, T)
        flow.set_node_supply(0, bound)
        flow.set_node_supply(1, -bound)
        status = flow.solve_max_flow_with_min_cost()
        if status != flow.OPTIMAL:
            raise RuntimeError(f"min-cost flow failed with status {status}")
        flows = flow.flows(np.arange(first, dtype=np.int32)) if first else np.zeros(0, dtype=np.int64)
        f_ranked = flows[ranked_start:explicit_start]
        f_explicit = flows[explicit_start:over_start]
        f_over = flows[over_start:first]
        chosen_p = np.concatenate([self.rank_p[f_ranked > 0], ex_p[f_explicit > 0]])
        chosen_t = np.concatenate([self.rank_t[f_ranked > 0], ex_t[f_explicit > 0]])
        overflow = np.zeros(P, dtype=np.int64)
        overflow[over_p] = f_over
        return chosen_p, chosen_t, overflow

    def _remaining(self, chosen_p, chosen_t) -> tuple[np.ndarray, np.ndarray | None]:
        """Seats left per table and room left per (table, attribute) group after the chosen pairs."""
        T, A = self.T, self.A
        table_left = self.table_cap - np.bincount(chosen_t, minlength=T)
        if not A:
            return table_left, None
        a_chosen = self.attr[chosen_p]
        mask = a_chosen >= 0
        used_g = np.bincount(chosen_t[mask] * A + a_chosen[mask], minlength=T * A)
        return table_left, np.repeat(self.group_cap, A) - used_g

    def greedy_overflow(self, chosen_p, chosen_t, overflow) -> tuple[np.ndarray, np.ndarray] | None:
        """Give each overflow unit a distinct unranked table, fullest-room-first; None if stuck.

        Any realisation is as good as any other (every unranked table costs the same), so a greedy
        one is exact when it succeeds; when it does not, ``realise_overflow`` decides by a flow.
        """
        A = self.A
        table_left, group_left = self._remaining(chosen_p, chosen_t)
        table_left = table_left.tolist()
        group_left = group_left.tolist() if group_left is not None else None
        heap = [(-left, t) for t, left in enumerate(table_left) if left > 0]
        heapq.heapify(heap)
        out_p: list[int] = []
        out_t: list[int] = []
        attr = self.attr.tolist()
        for p in np.flatnonzero(overflow).tolist():
            need = int(overflow[p])
            ranked = set(self.inst.rankings[p])
            a = attr[p]
            taken, skipped = [], []
            while need and heap:
                item = heapq.heappop(heap)
                t = item[1]
                if t in ranked or (a >= 0 and group_left[t * A + a] <= 0):
                    skipped.append(item)
                    continue
                taken.append(t)
                need -= 1
            if need:
                return None
            for t in taken:
                table_left[t] -= 1
                if a >= 0:
                    group_left[t * A + a] -= 1
                if table_left[t] > 0:
                    heapq.heappush(heap, (-table_left[t], t))
                out_p.append(p)
                out_t.append(t)
            for item in skipped:
                heapq.heappush(heap, item)
        return np.array(out_p, dtype=np.int64), np.array(out_t, dtype=np.int64)

    def realise_overflow(self, chosen_p, chosen_t, overflow) -> tuple[np.ndarray, np.ndarray] | None:
        """Turn overflow units into distinct unranked tables within the remaining capacity, or None."""
        T, A = self.T, self.A
        who = np.flatnonzero(overflow)
        need = int(overflow.sum())
        cand_p, cand_t = self.unranked_pairs(who)
        table_left, cap_g = self._remaining(chosen_p, chosen_t)
        # node layout of the small flow: 0 source, 1 sink, then who, tables, groups
        n_who = len(who)
        local = np.full(self.P, -1, dtype=np.int64)
        local[who] = np.arange(n_who)
        tb = 2 + n_who
        gb = tb + T
        tails = [np.zeros(n_who), 2 + np.arange(n_who)[local[cand_p]]]
        if A:
            a = self.attr[cand_p]
            head = np.where(a >= 0, gb + cand_t * A + np.maximum(a, 0), tb + cand_t)
        else:
            head = tb + cand_t
        heads = [2 + np.arange(n_who), head]
        caps = [overflow[who], np.ones(len(cand_p))]
        if A:
            g = np.arange(T * A)
            tails.append(gb + g)
            heads.append(tb + g // A)
            caps.append(np.maximum(cap_g, 0))
        tails.append(tb + np.arange(T))
        heads.append(np.ones(T))
        caps.append(np.maximum(table_left, 0))
        flow = min_cost_flow.SimpleMinCostFlow()
        tails_a = np.concatenate(tails).astype(np.int32)
        flow.add_arcs_with_capacity_and_unit_cost(
            tails_a,
            np.concatenate(heads).astype(np.int32),
            np.concatenate(caps).astype(np.int64),
            np.zeros(len(tails_a), dtype=np.int64),
        )
        flow.set_node_supply(0, need)
        flow.set_node_supply(1, -need)
        status = flow.solve_max_flow_with_min_cost()
        if status != flow.OPTIMAL:
            raise RuntimeError(f"min-cost flow failed with status {status}")
        if flow.maximum_flow() < need:
            return None
        f = flow.flows(np.arange(n_who, n_who + len(cand_p), dtype=np.int32))
        return cand_p[f > 0], cand_t[f > 0]


def _flow_keys(inst: Instance) -> list[str]:
    """The capped attributes, the one most likely to bind first (largest group against its share)."""

    def pressure(key: str) -> float:
        values = [v for v in inst.attributes[key] if v is not None]
        if not values:
            return 0.0
        _codes, _n = _attribute_codes(values)
        return float(np.bincount(_codes).max()) / (float(inst.shares[key]) * inst.n_participants)

    return sorted(inst.caps, key=lambda key: (-pressure(key), DIVERSITY_KEYS.index(key)))


def _aggregate_ok(inst: Instance, pp: np.ndarray, tt: np.ndarray, key: str) -> bool:
    """Does every (table, group) of ``key`` hold at most its cap summed over the rotations?"""
    codes, n = _attribute_codes(inst.attributes[key])
    c = codes[pp]
    m = c >= 0
    used = np.bincount(tt[m] * max(n, 1) + c[m], minlength=inst.n_tables * max(n, 1))
    return bool(np.all(used.reshape(inst.n_tables, max(n, 1)) <= inst.caps[key].sum(axis=1)[:, None]))


def phase1(inst: Instance) -> tuple[np.ndarray, np.ndarray]:
    """The relaxation's optimal (participant, table) pairs, with unranked tables as real tables.

    Only one capped attribute fits in a flow. With both, the more pressing one goes in; if the pairs
    then break the other one's summed caps, the flow is solved again with the other one (both are
    valid relaxations, so either result is a valid bound), and the better fitting result is used.
    """
    keys = _flow_keys(inst)
    if not keys:
        return _phase1(inst, None)
    first = _phase1(inst, keys[0])
    if len(keys) == 1 or _aggregate_ok(inst, *first, keys[1]):
        return first
    second = _phase1(inst, keys[1])
    if _aggregate_ok(inst, *second, keys[0]):
        return second
    # both summed caps bind: the pair problem with both is an integer programme, still far smaller than
    # the full one over rotations
    if inst.n_participants * inst.n_tables <= PAIR_MODEL_LIMIT:
        return _phase1_pairs_cpsat(inst)
    return first


PAIR_MODEL_LIMIT = 200_000  # participants x tables


def _phase1_pairs_cpsat(inst: Instance) -> tuple[np.ndarray, np.ndarray]:
    """The relaxation over (participant, table) pairs with every summed limit, by CP-SAT.

    One objective, maximise sum (M - cost) y with M larger than any total cost, which is the same as
    "most pairs first, then least cost".
    """
    P, T, R = inst.n_participants, inst.n_tables, inst.rotations
    table_cap = inst.seats.sum(axis=1).tolist()
    max_cost = inst.unranked_cost
    big = P * R * max_cost + 1
    model = cp_model.CpModel()
    y: dict[tuple[int, int], cp_model.IntVar] = {}
    per_p: dict[int, list] = {}
    per_t: dict[int, list] = {}
    per_group: dict[tuple, list] = {}
    terms, weights = [], []
    for p in range(P):
        ranks = {t: i + 1 for i, t in enumerate(inst.rankings[p])}
        for t in range(T):
            if table_cap[t] <= 0:
                continue
            v = model.new_bool_var(f"y{p}_{t}")
            y[p, t] = v
            per_p.setdefault(p, []).append(v)
            per_t.setdefault(t, []).append(v)
            for key in inst.caps:
                value = inst.attributes[key][p]
                if value is not None:
                    per_group.setdefault((key, value, t), []).append(v)
            rank = ranks.get(t)
            terms.append(v)
            weights.append(big - (rank * rank if rank is not None else max_cost))
    for vs in per_p.values():
        if len(vs) > R:
            model.add(sum(vs) <= R)
    for t, vs in per_t.items():
        if len(vs) > table_cap[t]:
            model.add(sum(vs) <= table_cap[t])
    for (key, _value, t), vs in per_group.items():
        cap = int(inst.caps[key][t].sum())
        if len(vs) > cap:
            model.add(sum(vs) <= cap)
    model.maximize(cp_model.LinearExpr.weighted_sum(terms, weights))
    solver = _cp_solver()
    status = solver.solve(model)
    if status != cp_model.OPTIMAL:
        raise RuntimeError(f"CP-SAT failed on the pair model (status {solver.status_name(status)})")
    chosen = [(p, t) for (p, t), v in y.items() if solver.boolean_value(v)]
    pp = np.array([p for p, _ in chosen], dtype=np.int64)
    tt = np.array([t for _, t in chosen], dtype=np.int64)
    order = np.lexsort((tt, pp))
    return pp[order], tt[order]


def _phase1(inst: Instance, flow_key: str | None) -> tuple[np.ndarray, np.ndarray]:
    pf = _PairFlow(inst, flow_key)
    explicit = np.zeros(inst.n_participants, dtype=bool)
    while True:
        chosen_p, chosen_t, overflow = pf.solve(explicit)
        if not overflow.any():
            break
        extra = pf.greedy_overflow(chosen_p, chosen_t, overflow)
        if extra is None:
            extra = pf.realise_overflow(chosen_p, chosen_t, overflow)
        if extra is not None:
            chosen_p = np.concatenate([chosen_p, extra[0]])
            chosen_t = np.concatenate([chosen_t, extra[1]])
            break
        # the aggregate overflow was too generous: give these participants real arcs and solve again
        explicit |= overflow > 0
    order = np.lexsort((chosen_t, chosen_p))
    return chosen_p[order], chosen_t[order]


# ---------------------------------------------------------------------------------------------------
# Phase 2: a rotation for each chosen pair


def _colour_equal_seats(
    inst: Instance, pp: np.ndarray, tt: np.ndarray, group: np.ndarray | None
) -> np.ndarray:
    """Edge-colour the bipartite multigraph participants - table copies with R colours.

    Table t with s seats in every rotation is split into s copies, each given at most R of its pairs
    (there are at most R x s). Every vertex then has degree <= R, so Koenig's theorem guarantees an
    R-edge-colouring, found with alternating (Kempe) paths. Colour = rotation; a copy uses each colour
    once, so a table-rotation never holds more than s people.

    The pairs of a table fill its copies in the order of ``group`` (country, then sector), R to a
    copy, so that people of one group share few copies: a group spread over k copies has at most k
    people in any rotation, which is how the diversity caps are usually met here (they are checked
    afterwards all the same).
    """
    R = inst.rotations
    n = len(pp)
    # with seats that differ between rotations, copies for the largest number; the repair below then
    # moves people out of the rotations with fewer seats
    seats = inst.seats.max(axis=1)
    order = np.lexsort((group, tt)) if group is not None else np.argsort(tt, kind="stable")
    counts = np.bincount(tt, minlength=inst.n_tables)
    starts = np.cumsum(counts) - counts
    k = np.empty(n, dtype=np.int64)
    k[order] = np.arange(n) - np.repeat(starts, counts)
    copy_base = np.cumsum(seats) - seats
    right = (copy_base[tt] + k % np.maximum(seats[tt], 1)).tolist()
    left = pp.tolist()
    n_right = int(seats.sum())
    # at_left[v][c] = right vertex joined to v by colour c, or -1; at_right likewise
    at_left = [[-1] * R for _ in range(inst.n_participants)]
    at_right = [[-1] * R for _ in range(n_right)]
    colours = range(R)
    for p, q in zip(left, right, strict=True):
        lp, rq = at_left[p], at_right[q]
        a = next(c for c in colours if lp[c] < 0)
        if rq[a] < 0:
            lp[a] = q
            rq[a] = p
            continue
        b = next(c for c in colours if rq[c] < 0)
        if lp[b] < 0:
            lp[b] = q
            rq[b] = p
            continue
        # swap a/b along the path starting at q with colour a: q -a- p1 -b- q1 -a- ...
        path = []  # (left, right, colour) edges on the path
        v, on_right, c = q, True, a
        while True:
            if on_right:
                u = at_right[v][c]
                if u < 0:
                    break
                path.append((u, v, c))
                v, on_right = u, False
            else:
                u = at_left[v][c]
                if u < 0:
                    break
                path.append((v, u, c))
                v, on_right = u, True
            c = b if c == a else a
        for x, y, c in path:
            at_left[x][c] = -1
            at_right[y][c] = -1
        for x, y, c in path:
            d = b if c == a else a
            at_left[x][d] = y
            at_right[y][d] = x
        lp[a] = q
        rq[a] = p
    if inst.caps or np.any(inst.seats != seats[:, None]):
        copy_table = np.repeat(np.arange(inst.n_tables), seats).tolist()
        _repair_caps(inst, at_left, at_right, copy_table, copy_base.tolist(), seats.tolist())
    # read back: colour of each pair
    result = np.empty(n, dtype=np.int64)
    for i, (p, q) in enumerate(zip(left, right, strict=True)):
        row = at_left[p]
        result[i] = next(c for c in colours if row[c] == q)
    return result


def _repair_caps(inst: Instance, at_left, at_right, copy_table, copy_base, copy_count, max_path=5000) -> bool:
    """Local search on a proper colouring: swap two colours along an alternating component (which keeps
    it proper and every copy's seat count) when that lowers the total excess over the diversity caps.
    Returns True when no cap is exceeded any more. Stops when no single swap helps; the caller checks
    the result and falls back to CP-SAT.
    """
    R = inst.rotations
    keys = list(inst.caps)
    codes = {}
    for key in keys:
        codes[key] = _attribute_codes(inst.attributes[key])[0].tolist()
    caps = {key: inst.caps[key].tolist() for key in keys}
    if np.any(inst.seats != inst.seats.max(axis=1, keepdims=True)):
        # seats per rotation as one more "cap", with everybody in the same group
        keys.append("seats")
        codes["seats"] = [0] * inst.n_participants
        caps["seats"] = inst.seats.tolist()
    count: dict[tuple, int] = {}
    for q, row in enumerate(at_right):
        t = copy_table[q]
        for r, p in enumerate(row):
            if p >= 0:
                for key in keys:
                    c = codes[key][p]
                    if c >= 0:
                        cell = (key, t, r, c)
                        count[cell] = count.get(cell, 0) + 1

    def component(p: int, q: int, r: int, r2: int) -> list[tuple[int, int, int]] | None:
        edges = [(p, q, r)]
        # from p: its r2 edge, then r, r2, ...
        x, colour, on_left = p, r2, True
        closed = False
        while len(edges) < max_path:
            if on_left:
                y = at_left[x][colour]
                if y < 0:
                    break
                edge = (x, y, colour)
                nxt = y
            else:
                y = at_right[x][colour]
                if y < 0:
                    break
                edge = (y, x, colour)
                nxt = y
            if edge == (p, q, r):
                closed = True
                break
            edges.append(edge)
            x, on_left = nxt, not on_left
            colour = r if colour == r2 else r2
        else:
            return None
        if closed:
            return edges
        x, colour, on_left = q, r2, False
        while len(edges) < max_path:
            if on_left:
                y = at_left[x][colour]
                if y < 0:
                    return edges
                edges.append((x, y, colour))
            else:
                y = at_right[x][colour]
                if y < 0:
                    return edges
                edges.append((y, x, colour))
            x, on_left = y, not on_left
            colour = r if colour == r2 else r2
        return None

    def delta_of(edges, r, r2) -> tuple[int, dict]:
        change: dict[tuple, int] = {}
        for x, y, colour in edges:
            t = copy_table[y]
            other = r if colour == r2 else r2
            for key in keys:
                c = codes[key][x]
                if c >= 0:
                    a, b = (key, t, colour, c), (key, t, other, c)
                    change[a] = change.get(a, 0) - 1
                    change[b] = change.get(b, 0) + 1
        delta = 0
        for cell, d in change.items():
            if d:
                key, t, colour, _c = cell
                cap = caps[key][t][colour]
                old = count.get(cell, 0)
                delta += max(0, old + d - cap) - max(0, old - cap)
        return delta, change

    def _improve(cell) -> bool:
        """Apply the first swap starting at this over-full cell that lowers the total excess."""
        key, t, r, c = cell
        for q in range(copy_base[t], copy_base[t] + copy_count[t]):
            p = at_right[q][r]
            if p < 0 or codes[key][p] != c:
                continue
            for r2 in range(R):
                if r2 == r:
                    continue
                edges = component(p, q, r, r2)
                if edges is None:
                    continue
                delta, change = delta_of(edges, r, r2)
                if delta < 0:
                    apply(edges, change, r, r2)
                    return True
        return False

    def apply(edges, change, r, r2) -> None:
        for x, y, colour in edges:
            at_left[x][colour] = -1
            at_right[y][colour] = -1
        for x, y, colour in edges:
            other = r if colour == r2 else r2
            at_left[x][other] = y
            at_right[y][other] = x
        for cell, d in change.items():
            count[cell] = count.get(cell, 0) + d

    while True:
        over = sorted(cell for cell, n in count.items() if n > caps[cell[0]][cell[1]][cell[2]])
        if not over:
            return True
        if not any(_improve(cell) for cell in over):
            return False


def _peel_rotations(inst: Instance, pp: np.ndarray, tt: np.ndarray, key: str | None) -> np.ndarray | None:
    """Rotations one at a time, each a flow with lower bounds (a heuristic: None when stuck).

    In rotation r, a participant with as many pairs left as rotations left must be seated; a table (and
    a (table, group) of the first capped attribute) must take at least what the later rotations cannot
    hold, and at most its seats (its cap) in r. Among the flows that meet these bounds, the one seating
    the most people is taken. Used when seats differ between rotations and the colouring's repair got
    stuck; the caller checks the result and else asks CP-SAT.
    """
    P, T, R = inst.n_participants, inst.n_tables, inst.rotations
    n = len(pp)
    rot = np.full(n, -1, dtype=np.int64)
    if key is not None:
        codes, A = _attribute_codes(inst.attributes[key])
        cap = inst.caps[key]
    else:
        codes, A = np.full(P, -1, dtype=np.int64), 0
    for r in range(R):
        left = rot < 0
        lp, lt = pp[left], tt[left]
        idx = np.flatnonzero(left)
        if len(idx) == 0:
            break
        later = R - r - 1
        deg = np.bincount(lp, minlength=P)
        if np.any(deg > later + 1):
            return None
        d_t = np.bincount(lt, minlength=T)
        lo_t = np.maximum(0, d_t - inst.seats[:, r + 1 :].sum(axis=1))
        hi_t = np.minimum(inst.seats[:, r], d_t)
        if np.any(lo_t > hi_t):
            return None
        # nodes: 0 source, 1 sink, participants, tables, (table, group)
        pb, tb = 2, 2 + P
        gb = tb + T
        c = codes[lp]
        head = np.where(c >= 0, gb + lt * max(A, 1) + np.maximum(c, 0), tb + lt) if A else tb + lt
        # arcs with [lower, upper] bounds: source -> participant [must sit now, has a pair left],
        # participant -> (table, group) or table [0, 1] at cost -1 (seat as many as possible),
        # table -> sink [lo_t, hi_t], sink -> source (a circulation); groups added below.
        # Lower bounds are moved into node supplies, the usual reduction.
        tails = [np.zeros(P), pb + lp, tb + np.arange(T), np.ones(1)]
        heads = [pb + np.arange(P), head, np.ones(T), np.zeros(1)]
        must = (deg == later + 1).astype(np.int64)
        lows = [must, np.zeros(len(lp), dtype=np.int64), lo_t, np.zeros(1, dtype=np.int64)]
        ups = [(deg > 0).astype(np.int64), np.ones(len(lp), dtype=np.int64), hi_t, np.array([n + 1])]
        costs = [np.zeros(P), np.full(len(lp), -1), np.zeros(T), np.zeros(1)]
        if A:
            mask = c >= 0
            n_g = np.bincount(lt[mask] * A + c[mask], minlength=T * A)
            later_cap = np.repeat(cap[:, r + 1 :].sum(axis=1), A)
            lo_g = np.maximum(0, n_g - later_cap)
            hi_g = np.minimum(np.repeat(cap[:, r], A), n_g)
            if np.any(lo_g > hi_g):
                return None
            g = np.arange(T * A)
            tails.append(gb + g)
            heads.append(tb + g // A)
            lows.append(lo_g)
            ups.append(hi_g)
            costs.append(np.zeros(T * A))
        tails_a = np.concatenate(tails).astype(np.int32)
        heads_a = np.concatenate(heads).astype(np.int32)
        lows_a = np.concatenate(lows).astype(np.int64)
        ups_a = np.concatenate(ups).astype(np.int64)
        flow = min_cost_flow.SimpleMinCostFlow()
        flow.add_arcs_with_capacity_and_unit_cost(
            tails_a, heads_a, ups_a - lows_a, np.concatenate(costs).astype(np.int64)
        )
        n_nodes = gb + T * A
        supply = np.bincount(heads_a, weights=lows_a, minlength=n_nodes) - np.bincount(
            tails_a, weights=lows_a, minlength=n_nodes
        )
        flow.set_nodes_supplies(np.arange(n_nodes, dtype=np.int32), supply.astype(np.int64))
        if flow.solve() != flow.OPTIMAL:
            return None
        f = flow.flows(np.arange(P, P + len(lp), dtype=np.int32))  # the participant -> table arcs
        rot[idx[f > 0]] = r
    if np.any(rot < 0):
        return None
    return rot


def _respects_limits(inst: Instance, pp: np.ndarray, tt: np.ndarray, rot: np.ndarray) -> bool:
    """Seats, diversity caps and one table per participant and rotation, for pairs with rotations."""
    T, R = inst.n_tables, inst.rotations
    if len(np.unique(pp * R + rot)) != len(pp):
        return False
    if np.any(np.bincount(tt * R + rot, minlength=T * R).reshape(T, R) > inst.seats):
        return False
    for key, cap in inst.caps.items():
        codes, n_codes = _attribute_codes(inst.attributes[key])
        c = codes[pp]
        m = c >= 0
        used = np.bincount((tt[m] * R + rot[m]) * n_codes + c[m], minlength=T * R * n_codes)
        if np.any(used.reshape(T, R, n_codes) > cap[:, :, None]):
            return False
    return True


def _group_order(inst: Instance, pp: np.ndarray) -> np.ndarray | None:
    if not inst.caps:
        return None
    key = np.zeros(len(pp), dtype=np.int64)
    for name in _flow_keys(inst):  # the most pressing attribute first
        codes, n_codes = _attribute_codes(inst.attributes[name])
        key = key * (n_codes + 1) + (codes[pp] + 1)
    return key


def _colour_cpsat(
    inst: Instance, pp: np.ndarray, tt: np.ndarray, hint: np.ndarray | None = None
) -> np.ndarray | None:
    """Rotations for the chosen pairs under all per-rotation limits, or None when impossible."""
    R = inst.rotations
    model = cp_model.CpModel()
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    per_pr: dict[tuple[int, int], list] = {}
    per_tr: dict[tuple[int, int], list] = {}
    per_group: dict[tuple, list] = {}
    seats = inst.seats
    for i, (p, t) in enumerate(zip(pp.tolist(), tt.tolist(), strict=True)):
        options = []
        for r in range(R):
            if seats[t, r] <= 0:
                continue
            v = model.new_bool_var(f"x{i}_{r}")
            x[i, r] = v
            options.append(v)
            per_pr.setdefault((p, r), []).append(v)
            per_tr.setdefault((t, r), []).append(v)
            for key in inst.caps:
                value = inst.attributes[key][p]
                if value is not None:
                    per_group.setdefault((key, value, t, r), []).append(v)
        if not options:
            return None
        model.add_exactly_one(options)
    if hint is not None:
        for (i, r), v in x.items():
            model.add_hint(v, int(hint[i]) == r)
    for vs in per_pr.values():
        if len(vs) > 1:
            model.add_at_most_one(vs)
    for (t, r), vs in per_tr.items():
        if len(vs) > seats[t, r]:
            model.add(sum(vs) <= int(seats[t, r]))
    for (key, _value, t, r), vs in per_group.items():
        if len(vs) > inst.caps[key][t, r]:
            model.add(sum(vs) <= int(inst.caps[key][t, r]))
    solver = _cp_solver()
    status = solver.solve(model)
    if status == cp_model.INFEASIBLE:
        return None
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise RuntimeError(f"CP-SAT could not decide the rotations (status {solver.status_name(status)})")
    result = np.empty(len(pp), dtype=np.int64)
    for (i, r), v in x.items():
        if solver.boolean_value(v):
            result[i] = r
    return result


def _cp_solver() -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    # one worker and a fixed seed: the same input always gives the same answer
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    return solver


# ---------------------------------------------------------------------------------------------------
# Fallback: the whole problem as an integer programme


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


# ---------------------------------------------------------------------------------------------------


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
