#!/usr/bin/env python3
"""Expected ΔH_rej against a `state:` baseline of two reference files (DSCStudyRulesTests,
ExplorerUpdateTests): B the mean of the reference files, each np.interp'ed at the sample's
temperatures inside the range both cover; trapezoid with interpolated ends; β_h = 20 K/min.
The grids are built as the tests build them (from + k·step)."""
import numpy as np

def grid(a, b, step):
    n = int(round((b - a) / step)); return a + np.arange(n + 1) * step

def dH(T, D, ts, te, beta):
    m = (T > ts) & (T < te)
    x = np.concatenate([[ts], T[m], [te]]); y = np.concatenate([[np.interp(ts, T, D)], D[m], [np.interp(te, T, D)]])
    return np.trapezoid(y, x) / (beta / 60)

Ta = grid(300, 600, 0.3); Wa = 0.02 + 1e-4 * (Ta - 300) + 0.004 * np.sin(Ta / 7)
Tb = grid(301, 598, 0.21); Wb = 0.025 + 0.9e-4 * (Tb - 300) + 0.003 * np.cos(Tb / 5)
Ts = grid(299.9, 600, 0.2); Ws = 0.03 + 1e-4 * (Ts - 300) + 0.02 * np.exp(-((Ts - 460) / 8) ** 2)
m = (Ts >= max(Ta.min(), Tb.min())) & (Ts <= min(Ta.max(), Tb.max()))
B = 0.5 * (np.interp(Ts[m], Ta, Wa) + np.interp(Ts[m], Tb, Wb))
print("against the mean:", repr(dH(Ts[m], Ws[m] - B, 420, 500, 20)))
per = []
for T, W in [(Ta, Wa), (Tb, Wb)]:
    k = (Ts >= T.min()) & (Ts <= T.max()); per.append(dH(Ts[k], Ws[k] - np.interp(Ts[k], T, W), 420, 500, 20))
print("against each file:", [repr(v) for v in per], "their mean:", repr(np.mean(per)))
print("heated at 40 K/min (W doubled), the 20 K/min mean as B:", repr(dH(Ts[m], 2 * Ws[m] - B, 420, 500, 40)))
print("first and last sample point inside both:", np.where(m)[0][[0, -1]])
