"""Quality figures for a placement, and the two baselines (first come first served, random serial
dictatorship) computed on the same instance."""

from __future__ import annotations

import random

import numpy as np

from .instance import Instance

RSD_SEED = 0


def quality(inst: Instance, placement: np.ndarray) -> dict:
    """Figures over placements (one per participant and rotation) and over people.

    * ``rank_counts``: placements at the table ranked 1, 2, ... and at unranked tables;
    * ``first_choice_share``: share of participants who got their first choice in some rotation;
    * ``all_top3_share``: share of participants placed in every rotation, each time at a top-3 table;
    * ``worst_rank``: worst rank among placements at ranked tables (null if none), unranked placements
      are counted apart in ``unranked_placements``;
    * ``unplaced_people``: participants missing at least one rotation; ``missing_placements``: how many
      participant-rotations stayed empty.
    """
    P, R = inst.n_participants, inst.rotations
    placement = placement.reshape(P, R)
    max_len = max((len(r) for r in inst.rankings), default=0)
    seated = placement >= 0
    p_idx = np.broadcast_to(np.arange(P, dtype=np.int64)[:, None], (P, R))
    ranks = np.full((P, R), -1, dtype=np.int64)  # -1 empty, 0 unranked, k rank
    ranks[seated] = inst.ranks_of(p_idx[seated], placement[seated])
    ranked = ranks > 0
    counts = np.bincount(ranks[ranked], minlength=max_len + 1)
    unranked = int((ranks == 0).sum())
    missing = int((~seated).sum())
    cost = int((ranks[ranked] ** 2).sum()) + unranked * inst.unranked_cost
    first = int((ranks == 1).any(axis=1).sum())
    all_top3 = int((ranked & (ranks <= 3)).all(axis=1).sum()) if R else P
    rank_counts = {str(k): int(counts[k]) for k in range(1, max_len + 1)}
    rank_counts["unranked"] = unranked
    return {
        "participants": P,
        "placements": int(seated.sum()),
        "rank_counts": rank_counts,
        "first_choice_share": round(first / P, 4) if P else 0.0,
        "all_top3_share": round(all_top3 / P, 4) if P else 0.0,
        "worst_rank": int(ranks.max()) if ranked.any() else None,
        "unranked_placements": unranked,
        "unplaced_people": int((~seated).any(axis=1).sum()),
        "missing_placements": missing,
        "cost": cost,
    }


def serial_dictatorship(inst: Instance, order: list[int]) -> np.ndarray:
    """Each participant in turn takes, rotation by rotation, their best-ranked table that they do not
    have yet and that still has a seat (and room under the diversity caps) in that rotation; if none
    of their ranked tables has room, the first table in input order that has; else nothing."""
    P, T, R = inst.n_participants, inst.n_tables, inst.rotations
    free = inst.seats.reshape(-1).tolist()  # free[t * R + r]
    # per diversity key: participant's group code (-1 = none) and room left per (t, r, group)
    groups = []
    for key in inst.caps:
        codes, n = _codes(inst.attributes[key])
        room = np.repeat(inst.caps[key].reshape(-1), n).tolist()  # room[(t * R + r) * n + code]
        groups.append((codes, n, room))
    open_tables = [[t for t in range(T) if free[t * R + r] > 0] for r in range(R)]
    filled = [False] * R  # a table filled up since open_tables[r] was last cleaned
    rows = [[-1] * R for _ in range(P)]

    def fits(p: int, cell: int) -> bool:
        if free[cell] <= 0:
            return False
        for codes, n, room in groups:
            c = codes[p]
            if c >= 0 and room[cell * n + c] <= 0:
                return False
        return True

    for p in order:
        ranking = inst.rankings[p]
        mine: set[int] = set()
        row = rows[p]
        for r in range(R):
            choice = -1
            for t in ranking:
                if t not in mine and fits(p, t * R + r):
                    choice = t
                    break
            if choice < 0:
                if filled[r]:
                    open_tables[r] = [t for t in open_tables[r] if free[t * R + r] > 0]
                    filled[r] = False
                ranked = set(ranking)
                for t in open_tables[r]:
                    if t not in mine and t not in ranked and fits(p, t * R + r):
                        choice = t
                        break
            if choice >= 0:
                cell = choice * R + r
                free[cell] -= 1
                if free[cell] == 0:
                    filled[r] = True
                for codes, n, room in groups:
                    c = codes[p]
                    if c >= 0:
                        room[cell * n + c] -= 1
                row[r] = choice
                mine.add(choice)
    return np.array(rows, dtype=np.int64).reshape(P, R)


def _codes(values: list) -> tuple[list[int], int]:
    codes: dict = {}
    out = [-1 if v is None else codes.setdefault(v, len(codes)) for v in values]
    return out, len(codes)


def baselines(inst: Instance) -> dict:
    P = inst.n_participants
    fcfs = serial_dictatorship(inst, list(range(P)))
    order = list(range(P))
    random.Random(RSD_SEED).shuffle(order)
    rsd = serial_dictatorship(inst, order)
    return {"fcfs": quality(inst, fcfs), "rsd": quality(inst, rsd)}
