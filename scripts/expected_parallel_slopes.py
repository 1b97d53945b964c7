#!/usr/bin/env python3
"""Exact OLS slopes of an exactly straight heat flow (ParallelWithinRoundingTests): W = 0.01 +
1e-4·(T − 300) in doubles every 0.25 K over 300–650 K, fitted in rational arithmetic (fractions)
over the glass window 380–410 K, the liquid window 475–500 K and ±2 K around 415.75 K."""
from fractions import Fraction as F

T = [300 + 0.25 * k for k in range(1401)]
W = [0.01 + 1e-4 * (t - 300) for t in T]

def ols(lo, hi):
    pts = [(F(t), F(w)) for t, w in zip(T, W) if lo <= t <= hi]
    n = len(pts); mx = sum(p[0] for p in pts) / n; my = sum(p[1] for p in pts) / n
    return sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts)

g, l, t = ols(380, 410), ols(475, 500), ols(413.75, 417.75)
print("glass", float(g), "liquid", float(l), "tangent", float(t))
print("tangent − glass", float(t - g), "tangent − liquid", float(t - l))
