"""Exact one-to-one alignment of gold and predicted items (the assignment problem, no scipy)."""

from __future__ import annotations

from collections.abc import Sequence


def max_weight_matching(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Pairs (row, column) of a one-to-one assignment with the largest total weight.

    Exact for every size (the Hungarian method, O(n³)). Only pairs with a positive weight are
    returned: a pair worth nothing is no better than leaving both items unmatched. Ties are
    broken the same way on every run, so scores are reproducible.
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if rows == 0 or cols == 0:
        return []
    transposed = rows > cols
    matrix = [list(r) for r in zip(*weights)] if transposed else [list(r) for r in weights]
    n, m = len(matrix), len(matrix[0])
    top = max(max(r) for r in matrix)
    cost = [[top - w for w in r] for r in matrix]

    # Potentials u (rows), v (columns); way[j] remembers the augmenting path; 1-based with a dummy 0.
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta = inf
            j1 = 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j] = cur
                    way[j] = j0
                if minv[j] < delta:
                    delta = minv[j]
                    j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1

    pairs = []
    for j in range(1, m + 1):
        if owner[j]:
            i = owner[j] - 1
            pair = (j - 1, i) if transposed else (i, j - 1)
            if weights[pair[0]][pair[1]] > 0:
                pairs.append(pair)
    return sorted(pairs)
