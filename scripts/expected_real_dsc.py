#!/usr/bin/env python3
"""Independent reading of the real DSC files in Tests/Fixtures/real/dsc, used to write the expected values of
Tests/GlassIOTests/RealDSCFilesTests.swift. Applies the documented rules of
"Reading rules" (docs/reading-rules.md): heating segment choice, isothermal holds (left out of
the curve), TA sentinel rows (dropped anywhere) and the 0.5 K reversal rule (rows repeating a point's temperature averaged into it). numpy only."""
import sys, numpy as np, os
D = sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/real/dsc"

def drop_reversals(t, w):
    """One point per temperature: a row above the last point starts a new one, a row at its
    temperature (within 1e-9 K) is part of it (heat flow: the mean of its rows, summed in row
    order), a row at most 0.5 K below it is dropped."""
    pts = [[0]]; m = t[0]
    for i in range(1, len(t)):
        if t[i] > m + 1e-9: pts.append([i]); m = t[i]
        elif t[i] >= m - 1e-9: pts[-1].append(i)
        elif t[i] < m - 0.5: raise ValueError("fall at %d" % i)
    first = [p[0] for p in pts]
    mean = [w[p[0]] if len(p) == 1 else sum(float(w[k]) for k in p) / len(p) for p in pts]
    return t[first], np.array(mean)

def runs(t, h=1.0):
    out = []; start = 0; ext = 0; rising = None
    for i in range(1, len(t)):
        if rising is None:
            if t[i] > t[start] + h: rising = True; ext = i
            elif t[i] < t[start] - h: rising = False; ext = i
            elif t[i] < t[start]: start = i
        elif rising:
            if t[i] > t[ext]: ext = i
            elif t[i] < t[ext] - h: out.append((start, ext, True)); start = ext; ext = i; rising = False
        else:
            if t[i] < t[ext]: ext = i
            elif t[i] > t[ext] + h: out.append((start, ext, False)); start = ext; ext = i; rising = True
    if rising is not None: out.append((start, ext, rising))
    return out

def longest_rising(t):
    r = runs(t)
    if len(r) <= 1: return 0, len(t)
    best = max((x for x in r if x[2]), key=lambda x: t[x[1]] - t[x[0]])
    return best[0], best[1] + 1

def holds(time, T, lo, hi, r):
    """Hold index ranges in [lo, hi): g = T - 0.1 r time falls there; at least 1 min long."""
    g = (T[lo:hi] - T[lo]) - 0.1 * r * (time[lo:hi] - time[lo])
    below = np.r_[True, g[1:] < np.maximum.accumulate(g)[:-1]]
    above = np.r_[g[:-1] > np.minimum.accumulate(g[::-1])[::-1][1:], True]
    f = below & above
    out = []; i = 0; n = len(g)
    while i < n:
        if f[i]:
            j = i
            while j < n and f[j]: j += 1
            if j - i >= 2 and time[lo + j - 1] - time[lo + i] >= 1 - 1e-9: out.append((lo + i, lo + j))
            i = j
        else: i += 1
    return out

def context(a, b, T):
    lo, hi = a, b
    while lo > 0 and T[a] - 1 <= T[lo - 1] <= T[a] + 1: lo -= 1
    while hi < len(T) and T[b - 1] - 1 <= T[hi] <= T[b - 1] + 1: hi += 1
    return lo, hi

def pieces(a, b, hs):
    out = []; s = a
    for h0, h1 in hs:
        h0, h1 = max(h0, a), min(h1, b)
        if h0 >= h1: continue
        if h0 > s: out.append((s, h0))
        s = max(s, h1)
    if s < b: out.append((s, b))
    return out

def pooled(time, T, ps):
    sxy = sxx = 0.0
    for p0, p1 in ps:
        if p1 - p0 < 2: continue
        x = time[p0:p1] - time[p0:p1].mean(); y = T[p0:p1] - T[p0:p1].mean()
        sxy += (x * y).sum(); sxx += (x * x).sum()
    return sxy / sxx

def trim(time, T, p0, p1, r, W=0.5, tol=0.05):
    """(i, e+1): piece [p0, p1) without the ends whose chord over W min is off r by > tol r."""
    i = p0
    while i < p1:
        j = np.searchsorted(time[p0:p1], time[i] + W, side="left") + p0
        if j >= p1: break
        if abs((T[j] - T[i]) / (time[j] - time[i]) - r) <= tol * r: break
        i += 1
    e = p1 - 1
    while e > i:
        k = np.searchsorted(time[p0:p1], time[e] - W, side="right") + p0 - 1
        if k <= i: break
        if abs((T[e] - T[k]) / (time[e] - time[k]) - r) <= tol * r: break
        e -= 1
    return (i, e + 1) if e > i else (i, i)

def ramp(time, T, a, b, rate=None):
    """(index array of the run without holds, ramp rate): stated rate, or the estimate."""
    lo, hi = context(a, b, T)
    if rate is not None:
        hs = holds(time, T, lo, hi, rate)
    else:
        r = (T[b - 1] - T[a]) / (time[b - 1] - time[a]); hs = None
        for _ in range(8):
            h = holds(time, T, lo, hi, r)
            if h == hs: break
            hs = h; r = pooled(time, T, pieces(a, b, hs))
        rate = r
        # Leave the turns (lagging ends of each ramp piece) out of the fit; at least half stays.
        ps = pieces(a, b, hs); tr = [trim(time, T, p0, p1, rate) for p0, p1 in ps]
        tr = [q for q in tr if q[1] - q[0] >= 2]
        if 2 * sum(q1 - q0 for q0, q1 in tr) >= sum(p1 - p0 for p0, p1 in ps) and tr: rate = pooled(time, T, tr)
    idx = np.concatenate([np.arange(p0, p1) for p0, p1 in pieces(a, b, hs)])
    return idx, rate, hs

def report(name, t, w, sign, rate=None):
    t, w = drop_reversals(t, w)
    if rate is not None: print("#   %s: ramp rate %.6f K/min" % (name, rate))
    print(f'("{name}", {len(t)}, {float(t[0])!r}, {float(t[-1])!r}, {float(w[0])!r}, {float(w[-1])!r}, "{sign}"),')

for f in sorted(os.listdir(D + "/macfp")):
    lines = open(D + "/macfp/" + f, encoding="utf-8-sig").read().splitlines()
    hdr = [h.strip() for h in lines[0].split(",")]
    units = lines[1].split(",")
    start = 2
    if any(c.isdigit() for c in units[0]): units = None; start = 1
    rows = np.array([[float(x) for x in l.split(",")[:3 if f.startswith("PMMA") else 5]] for l in lines[start:] if l.strip()])
    time = rows[:, 0] / 60   # every MaCFP time column is in s
    if f.startswith("Wood"):
        T = rows[:, 1]; W = rows[:, 4]   # Total Heat Flow (Normalized) W/g
        u = "w/g"
    else:
        T = rows[:, 1]; W = rows[:, 2]; u = units[2].strip("[] ").lower()
    fac = {"w/g": 1, "mw/mg": 1, "w g-1": 1}[u]
    a, b = longest_rising(T)
    idx, rate, _ = ramp(time, T, a, b)
    report("macfp/" + f, T[idx], W[idx] * fac, "endo-up", rate)

for f in ["A_1.txt", "A_2.txt", "B_1.txt"]:
    raw = open(D + "/netzsch-proteus/" + f, encoding="utf-8", errors="replace").read().splitlines()
    mass = float([l for l in raw if l.startswith("#SAMPLE MASS")][0].split(":")[1])
    exo = int([l for l in raw if l.startswith("#EXO")][0].split(":")[1])
    data = [l.split(";") for l in raw if l and not l.startswith("#")]
    seg = np.array([int(r[-1]) for r in data]); T = np.array([float(r[0]) for r in data]) + 273.15
    W = np.array([float(r[2]) for r in data])   # mW/mg = W/g
    time = np.array([float(r[1]) for r in data])   # Time/min
    sel = np.where(seg == 3)[0]   # segment 3: the longest heating segment (50 -> 200 C), first of equals
    idx, _, _ = ramp(time, T, sel[0], sel[-1] + 1, rate=5.0)   # programmed 5.0 K/min
    s = -1.0 if exo == 1 else 1.0
    report("netzsch-proteus/" + f, T[idx], W[idx] * s, "endo-up (EXO %d)" % exo)

raw = open(D + "/ta-universal-analysis/sample_dsc_tainstruments.txt", encoding="latin-1").read().split("StartOfData\n")[1].splitlines()
rows = np.array([[float(x) for x in l.split("\t")] for l in raw if l.strip()])
rows = rows[rows[:, 0] != -1]   # sentinel rows, anywhere
T = rows[:, 1] + 273.15; W = -rows[:, 2] / 9.0   # Exotherm Up: negate; mW / 9.00000 mg
a, b = longest_rising(T)
idx, rate, _ = ramp(rows[:, 0], T, a, b)   # Time (min)
report("ta-universal-analysis/sample_dsc_tainstruments.txt", T[idx], W[idx], "exo-up in file, negated", rate)
