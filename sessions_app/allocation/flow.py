"""Phase 1 of the engine: the relaxation over (participant, table) pairs.

A min-cost flow with each table's capacity summed over the rotations (and one capped attribute summed
likewise: the more pressing one; when country and sector caps both bind, a CP-SAT model over the pairs
with both). Every allocation gives a flow with the same number of placements and the same cost, so the
flow's lexicographic optimum bounds the true one. Unranked tables go through one overflow node per
attribute value; see docs/allocation.md.
"""

from __future__ import annotations

import heapq

import numpy as np
from ortools.graph.python import min_cost_flow
from ortools.sat.python import cp_model

from .cpsat import _cp_solver
from .instance import DIVERSITY_KEYS, Instance


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
