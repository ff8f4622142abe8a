"""Phase 2 of the engine: a rotation for each (participant, table) pair that phase 1 chose.

Three routes, each result checked against every limit (`_respects_limits`): the edge colouring of
participants x table copies with its local repair of the caps, the peeling flows (rotation by rotation,
with lower bounds), and a CP-SAT feasibility model over the chosen pairs; see docs/allocation.md.
"""

from __future__ import annotations

import numpy as np
from ortools.graph.python import min_cost_flow
from ortools.sat.python import cp_model

from .cpsat import _cp_solver
from .flow import _attribute_codes, _flow_keys
from .instance import Instance


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
