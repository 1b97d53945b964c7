#!/usr/bin/env python3
"""Independent numpy reading of T_g (midpoint rule of docs/transitions.md) on the MaCFP PMMA files in
Tests/Fixtures/real/dsc/macfp, used for the expected values of Tests/GlassIOTests/MaCFPTransitionTests.swift.
Glass line 355-375 K, liquid line 415-435 K (numpy.polyfit over lo <= T <= hi); the heating run is the
data up to the highest temperature with points below the running maximum dropped and rows at its temperature averaged into its point (reading rules).
The midpoint: first sign change of W - (g + l)/2 between consecutive points above 375 K, linear interpolation."""
import glob, os, numpy as np

def midpoint(T, W, gw=(355, 375), lw=(415, 435)):
    gm = (T >= gw[0]) & (T <= gw[1]); lm = (T >= lw[0]) & (T <= lw[1])
    g = np.polyfit(T[gm], W[gm], 1); l = np.polyfit(T[lm], W[lm], 1)
    D = W - 0.5 * (np.polyval(g, T) + np.polyval(l, T))
    k0 = np.searchsorted(T, gw[1], side='right')
    for k in range(k0, len(T)):
        if D[k] == 0: return T[k]
        if k > k0 and D[k - 1] != 0 and (D[k - 1] < 0) != (D[k] < 0):
            return T[k - 1] + D[k - 1] * (T[k] - T[k - 1]) / (D[k - 1] - D[k])
    return None

here = os.path.dirname(os.path.abspath(__file__))
for f in sorted(glob.glob(os.path.join(here, '../Tests/Fixtures/real/dsc/macfp/PMMA*'))):
    d = np.genfromtxt(f, delimiter=',', skip_header=2, usecols=(0, 1, 2))
    T = d[:, 1]; W = d[:, 2]
    T = T[:T.argmax() + 1]; W = W[:len(T)]
    # One point per temperature: rows at the last point's temperature are part of it (mean heat
    # flow), rows below it are dropped.
    pts = [[0]]
    for k in range(1, len(T)):
        if T[k] > T[pts[-1][0]] + 1e-9: pts.append([k])
        elif T[k] >= T[pts[-1][0]] - 1e-9: pts[-1].append(k)
    Tk = T[[p[0] for p in pts]]; Wk = np.array([sum(float(W[k]) for k in p) / len(p) for p in pts])
    m = midpoint(Tk, Wk)
    print('%-40s %s' % (os.path.basename(f), 'none' if m is None else '%.6f' % m))
