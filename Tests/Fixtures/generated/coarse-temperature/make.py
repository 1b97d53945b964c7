#!/usr/bin/env python3
"""Writes coarse-0.5K.csv: a smooth DSC heating curve W(T) (20 K/min, 300 -> 650 K) sampled every
0.05 K, its temperature written rounded to 0.5 K as many instrument exports do (ten rows share each
written temperature while the heat flow goes on). Then prints, from the file as written, the numpy
reading of docs/reading-rules.md ("Small temperature reversals": the rows of one written temperature
are one point, its heat flow their mean) and, for comparison, the model (the unrounded temperatures)
and the old reading (the first row of each temperature): Delta H_rej over T_s = 420.03, T_e = 499.97
K (linear baseline) and T_g onset with glass line 380-410 K, liquid line 475-500 K
(docs/transitions.md). numpy only; the values go into Tests/GlassKitTests/CoarseTemperatureTests.swift.
Usage: python3 make.py [DIR]"""
import os, sys, numpy as np

BETA = 20.0
TS, TE = 420.03, 499.97
GL, LL = (380.0, 410.0), (475.0, 500.0)

def model(T, tg=450.0, dcp=0.4, relax=-0.5, over=0.8, tx=560.0, dHx=40.0):
    """Endo-up heat flow, W/g: drift, a c_p step at tg, a relaxation exotherm below it, an overshoot
    above it and a crystallization exotherm (areas in J/g over the 20 K/min scan)."""
    b = BETA / 60.0
    W = 0.02 + 1e-4 * (T - 300.0) / 200.0 + dcp * b / (1 + np.exp(-(T - tg) / 3.0))
    g = lambda mu, s, area: area * b / (s * np.sqrt(2 * np.pi)) * np.exp(-0.5 * ((T - mu) / s) ** 2)
    return W + g(tg - 30, 8, relax) + g(tg + 6, 4, over) - g(tx, 5, dHx)

def delta_h(T, W):
    """Trapezoid of W minus the chord between W(T_s) and W(T_e) (interpolated), over [T_s, T_e], / beta_h in K/s."""
    m = (T > TS) & (T < TE)
    x = np.concatenate([[TS], T[m], [TE]]); y = np.concatenate([[np.interp(TS, T, W)], W[m], [np.interp(TE, T, W)]])
    y = y - (y[0] + (y[-1] - y[0]) * (x - TS) / (TE - TS))
    return float(np.sum(0.5 * (y[1:] + y[:-1]) * np.diff(x)) / (BETA / 60))

def ols(x, y):
    A = np.vstack([np.ones_like(x), x]).T
    return np.linalg.lstsq(A, y, rcond=None)[0]

def tg_onset(T, W):
    """Glass line g (OLS over GL), W' at each point (OLS slope within +-2 K), the inflection (largest W'
    strictly between GL's high end and LL's low end, first of equals), onset = g x tangent."""
    ga, gb = ols(T[(T >= GL[0]) & (T <= GL[1])], W[(T >= GL[0]) & (T <= GL[1])])
    cand = np.where((T > GL[1]) & (T < LL[0]))[0]
    slope = np.array([ols(T[np.abs(T - T[k]) <= 2], W[np.abs(T - T[k]) <= 2])[1] for k in cand])
    i = cand[int(np.argmax(slope))]; s = slope[int(np.argmax(slope))]
    return float((W[i] - s * T[i] - ga) / (gb - s))

def points(T, W, average):
    """One point per written temperature: the first row's temperature, the heat flow of the first row
    or the mean of the rows (summed in row order, as the reading rule says)."""
    starts = [0] + [k for k in range(1, len(T)) if T[k] > T[k - 1]]
    ends = starts[1:] + [len(T)]
    w = [sum(float(v) for v in W[a:b]) / (b - a) if average else float(W[a]) for a, b in zip(starts, ends)]
    return T[starts], np.array(w)

out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
T = 300.0 + 0.05 * np.arange(7001)
W = model(T)
Tw = np.round(T * 2) / 2
with open(os.path.join(out, "coarse-0.5K.csv"), "w") as f:
    f.write("# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n")
    for t, w in zip(Tw, W): f.write("%.1f,%.9f\n" % (t, w))
Tr, Wr = np.loadtxt(os.path.join(out, "coarse-0.5K.csv"), delimiter=",", comments="#", skiprows=3).T
for name, (t, w) in [("model (unrounded T)", (T, np.round(W, 9))), ("mean of rows", points(Tr, Wr, True)),
                     ("first row", points(Tr, Wr, False))]:
    print("%-20s points %5d  dH_rej %.15g J/g  Tg_onset %.15g K" % (name, len(t), delta_h(t, w), tg_onset(t, w)))
