#!/usr/bin/env python3
"""Independent numpy reading of the proposal's transition rule (docs/transitions.md, "Proposed windows",
rules 2 and 3) on the curves of Tests/GlassKitTests/ReproposedWindowTests.swift, for its expected windows.

W(T) = 0.08 + 1e-4 (T - 300) + A s(T; 330 K, 2 K) + 0.1 s(T; 460 K, 6 K) - 0.5 exp(-(T - 565)^2 / 32),
s(T; c, w) = (1 + tanh((T - c)/w))/2, T = 300, 300.5, ..., 640 K. A = 0.1: a start-up step steeper than the
glass transition at 460 K (the proposal takes it); A = 0.02: a smaller, lower step (a second phase's T_g).
W' at each point: the OLS slope over the points within +-2 K (numpy.polyfit). The transition is sought in
an index range [lo, hi) of points: the largest W' there; the glass's slope b = the median W' from lo up to
it (0 when within 2 % of that W'); h = W' - b; edges at b + 0.1 h, an overshoot below b - 0.1 h within 5 K
followed; the end where W' 5 K further on differs by at most 0.01 h. Windows rounded inwards to 0.5 K.
The range's high end (below the crystallization window) is varied from 520 to 545 K: the windows below do
not depend on it (the exotherm's window starts above 545 K).
With the given window and the one proposed again: T_g,mid (first sign change of W - (g + l)/2 above the glass
window, linear interpolation; g, l numpy.polyfit over the windows) and Delta c_p = (l - g)(T_g,mid)/beta,
beta = 20 K/min."""
import numpy as np

T = 300 + 0.5 * np.arange(681)

def W(a):
    s = lambda c, w: 0.5 * (1 + np.tanh((T - c) / w))
    return 0.08 + 1e-4 * (T - 300) + a * s(330, 2) + 0.1 * s(460, 6) - 0.5 * np.exp(-0.5 * ((T - 565) / 4) ** 2)

def slopes(y):
    d = np.full(len(T), np.nan)
    for k in range(len(T)):
        m = (T >= T[k] - 2) & (T <= T[k] + 2)
        if m.sum() >= 3: d[k] = np.polyfit(T[m], y[m], 1)[0]
    return d

lower = lambda t: int(np.searchsorted(T, t, side='left'))
upper = lambda t: int(np.searchsorted(T, t, side='right'))

def window(lo, hi):
    lo, hi = np.ceil(lo * 2) / 2, np.floor(hi * 2) / 2
    return (lo, hi) if lo < hi and ((T >= lo) & (T <= hi)).sum() >= 3 else None

def transition(d, lo, hi):
    ki = lo + int(np.nanargmax(d[lo:hi])); si = d[ki]
    b = float(np.median(d[lo:ki])) if ki > lo else 0.0
    if abs(b) <= 0.02 * si: b = 0.0
    h = si - b; above = b + 0.1 * h; below = b - 0.1 * h
    kl = ki
    while kl > lo and d[kl - 1] > above: kl -= 1
    kr = ki
    while kr < hi - 1 and d[kr + 1] > above: kr += 1
    end = min(hi, upper(T[kr] + 5))
    fall = [j for j in range(kr + 1, end) if d[j] < below]
    if fall:
        kr = fall[0]
        while kr < hi - 1 and d[kr + 1] < below: kr += 1
    while kr < hi - 1:
        ahead = lower(T[kr] + 5)
        if ahead >= hi: break
        if abs(d[ahead] - d[kr]) <= 0.01 * h: break
        kr += 1
    L = T[kl] - T[0]
    glass = window(T[0] + 0.05 * L, T[0] + 0.4 * L)
    liquid = window(T[kr] + 2, T[kr] + 2 + max(10, T[kr] - T[kl]))
    return glass, liquid

start = lower(T[0] + 0.05 * (T[-1] - T[0]))
for a, name, region in [(0.1, 'start-up step: proposed; given glass 380:430, the liquid above it', lambda hi: (upper(430), hi)),
                        (0.02, 'lower step: proposed; given liquid 345:355, the glass below it', lambda hi: (start, min(hi, lower(345))))]:
    d = slopes(W(a))
    first = {transition(d, start, lower(h)) for h in (520, 545)}
    again = {transition(d, *region(lower(h))) for h in (520, 545)}
    assert len(first) == 1 and len(again) == 1
    print('A = %g, %s' % (a, name))
    print('  proposed (glass, liquid):', first.pop())
    g, l = again.pop()
    print('  again    (glass, liquid):', (g, l))
    g, l = ((380, 430), l) if a == 0.1 else (g, (345, 355))
    y = W(a)
    fit = lambda r: np.polyfit(T[(T >= r[0]) & (T <= r[1])], y[(T >= r[0]) & (T <= r[1])], 1)
    gl, ll = fit(g), fit(l)
    D = y - 0.5 * (np.polyval(gl, T) + np.polyval(ll, T))
    k = next(k for k in range(upper(g[1]) + 1, len(T)) if (D[k - 1] < 0) != (D[k] < 0))
    mid = T[k - 1] + D[k - 1] * (T[k] - T[k - 1]) / (D[k - 1] - D[k])
    print('  T_g,mid %.9f K, delta c_p %.9f J/(g K)' % (mid, (np.polyval(ll, mid) - np.polyval(gl, mid)) / (20 / 60)))
# A given crystallization window 360:400 on the lower-step curve: the transition below it (the liquid cut
# 2 K below 360 K, which it does not reach).
g, l = transition(slopes(W(0.02)), start, lower(360))
assert l[1] <= 358
print('A = 0.02, given crystallization 360:400: again (glass, liquid):', (g, l))
