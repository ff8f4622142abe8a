"""The exact allocation engine.

Problem: choose x[p, t, r] in {0, 1} (participant p sits at table t in rotation r) so that
  * each participant has at most one table per rotation and never the same table twice,
  * each table-rotation holds at most its seats, and at most its diversity cap per country / sector,
and, lexicographically, (1) the number of placements is as large as possible, (2) the total cost
sum rank(p, t)^2 (unranked tables cost (tables + 1)^2) is as small as possible.

How (see docs/allocation.md for the argument in full):

Phase 1 - a min-cost flow over (participant, table) pairs, with each table's capacity summed over the
rotations (and one diversity attribute summed likewise). It is a *relaxation*: every allocation gives a
flow with the same number of placements and the same cost. ``solve_max_flow_with_min_cost`` gives the
relaxation's lexicographic optimum. Unranked tables go through one overflow node per attribute value
instead of participant x table arcs; if the overflow cannot be turned into distinct real tables the
participants concerned get explicit arcs and the flow is solved again (the result stays exact).

Phase 2 - give each chosen pair a rotation. If that succeeds, the allocation reaches the relaxation's
bound and is therefore optimal. With equal seats in every rotation and no diversity cap it always
succeeds (Koenig's edge-colouring theorem), done by alternating-path colouring. Otherwise a CP-SAT
feasibility model over the chosen pairs decides it.

Fallback - if phase 2 is infeasible (possible with seats that differ between rotations or per-rotation
diversity caps), the full problem is solved by CP-SAT over x[p, t, r], lexicographically.
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

    def __init__(self, inst: Instance):
        self.inst = inst
        P, T, R = inst.n_participants, inst.n_tables, inst.rotations
        self.P, self.T, self.R = P, T, R
        self.flow_key = next((k for k in DIVERSITY_KEYS if k in inst.caps), None)
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

        lengths = np.fromiter((len(r) for r in inst.rankings), dtype=np.int64, count=P)
        self.rank_p = np.repeat(np.arange(P, dtype=np.int64), lengths)
        self.rank_t = (
            np.fromiter((t for r in inst.rankings for t in r), dtype=np.int64, count=int(lengths.sum()))
            if P
            else np.zeros(0, dtype=np.int64)
        )
        starts = np.cumsum(lengths) - lengths
        self.rank_pos = np.arange(len(self.rank_p), dtype=np.int64) - np.repeat(starts, lengths) + 1
        self.lengths = lengths
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

    def solve(self, explicit: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Return chosen pairs (p, t, cost) and overflow units per participant."""
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


def phase1(inst: Instance) -> tuple[np.ndarray, np.ndarray]:
    """The relaxation's optimal (participant, table) pairs, with unranked tables as real tables."""
    pf = _PairFlow(inst)
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
    seats = inst.seats[:, 0]
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
    if inst.caps:
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
    n_codes = {}
    for key in keys:
        c, n = _attribute_codes(inst.attributes[key])
        codes[key], n_codes[key] = c.tolist(), n
    caps = {key: inst.caps[key].tolist() for key in keys}
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

    while True:
        over = sorted(cell for cell, n in count.items() if n > caps[cell[0]][cell[1]][cell[2]])
        if not over:
            return True
        improved = False
        for key, t, r, c in over:
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
                    if delta >= 0:
                        continue
                    for x, y, colour in edges:
                        at_left[x][colour] = -1
                        at_right[y][colour] = -1
                    for x, y, colour in edges:
                        other = r if colour == r2 else r2
                        at_left[x][other] = y
                        at_right[y][other] = x
                    for cell, d in change.items():
                        count[cell] = count.get(cell, 0) + d
                    improved = True
                    break
                if improved:
                    break
            if improved:
                break
        if not improved:
            return False


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
    for name in DIVERSITY_KEYS:
        if name in inst.caps:
            codes, n_codes = _attribute_codes(inst.attributes[name])
            key = key * (n_codes + 1) + (codes[pp] + 1)
    return key


def _colour_cpsat(
    inst: Instance,
    pp: np.ndarray,
    tt: np.ndarray,
    hint: np.ndarray | None = None,
    free: np.ndarray | None = None,
    budget: float | None = None,
) -> np.ndarray | None:
    """Rotations for the chosen pairs under all per-rotation limits, or None when impossible.

    With ``free`` (a mask closed under participants), only those pairs move; the others keep their
    rotation from ``hint`` and use up seats and caps. ``budget`` bounds CP-SAT's deterministic time;
    running out of it counts as "not found" (the caller then tries something larger).
    """
    R = inst.rotations
    model = cp_model.CpModel()
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    per_pr: dict[tuple[int, int], list] = {}
    per_tr: dict[tuple[int, int], list] = {}
    per_group: dict[tuple, list] = {}
    seats_left = inst.seats.copy()
    caps_left = {key: {} for key in inst.caps}
    if free is not None:
        for p, t, r in zip(pp[~free].tolist(), tt[~free].tolist(), hint[~free].tolist(), strict=True):
            seats_left[t, r] -= 1
            for key in inst.caps:
                value = inst.attributes[key][p]
                if value is not None:
                    caps_left[key][value, t, r] = caps_left[key].get((value, t, r), inst.caps[key][t, r]) - 1
    todo = np.flatnonzero(free) if free is not None else np.arange(len(pp))
    for i in todo.tolist():
        p, t = int(pp[i]), int(tt[i])
        options = []
        for r in range(R):
            if seats_left[t, r] <= 0:
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
        if len(vs) > seats_left[t, r]:
            model.add(sum(vs) <= int(seats_left[t, r]))
    for (key, value, t, r), vs in per_group.items():
        room = caps_left[key].get((value, t, r), inst.caps[key][t, r])
        if len(vs) > room:
            model.add(sum(vs) <= int(room))
    solver = _cp_solver()
    if budget is not None:
        solver.parameters.max_deterministic_time = budget
    status = solver.solve(model)
    if status == cp_model.INFEASIBLE or (budget is not None and status == cp_model.UNKNOWN):
        return None
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise RuntimeError(f"CP-SAT could not decide the rotations (status {solver.status_name(status)})")
    result = hint.copy() if free is not None else np.empty(len(pp), dtype=np.int64)
    for (i, r), v in x.items():
        if solver.boolean_value(v):
            result[i] = r
    return result


def _violating_participants(inst: Instance, pp: np.ndarray, tt: np.ndarray, rot: np.ndarray) -> np.ndarray:
    """Mask of the pairs of every participant seated at a table that breaks a limit in some rotation."""
    T, R = inst.n_tables, inst.rotations
    bad_table = np.zeros(T, dtype=bool)
    over = np.bincount(tt * R + rot, minlength=T * R).reshape(T, R) > inst.seats
    bad_table |= over.any(axis=1)
    for key, cap in inst.caps.items():
        codes, n_codes = _attribute_codes(inst.attributes[key])
        c = codes[pp]
        m = c >= 0
        used = np.bincount((tt[m] * R + rot[m]) * n_codes + c[m], minlength=T * R * n_codes)
        bad_table |= (used.reshape(T, R, n_codes) > cap[:, :, None]).any(axis=(1, 2))
    people = np.zeros(inst.n_participants, dtype=bool)
    people[pp[bad_table[tt]]] = True
    return people[pp]


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
    """The optimal placement. ``method`` is for tests: "auto", "flow+cpsat" or "cpsat"."""
    P, R = inst.n_participants, inst.rotations
    if method == "cpsat":
        return EngineResult(solve_full_cpsat(inst), "cp-sat")
    pp, tt = phase1(inst)
    used_tables = np.unique(tt)
    equal = bool(np.all(inst.seats[used_tables] == inst.seats[used_tables, :1]))
    rot = hint = None
    how = "flow+colouring"
    if method == "auto" and equal:
        hint = _colour_equal_seats(inst, pp, tt, _group_order(inst, pp))
        if _respects_limits(inst, pp, tt, hint):
            rot = hint
    if rot is None:
        # unequal seats between rotations, or the repair failed: CP-SAT decides for all pairs
        rot = _colour_cpsat(inst, pp, tt, hint)
        how = "flow+cp-sat rotations"
    if rot is None:
        return EngineResult(solve_full_cpsat(inst), "cp-sat fallback")
    placement = np.full((P, R), -1, dtype=np.int64)
    placement[pp, rot] = tt
    return EngineResult(placement, how)
