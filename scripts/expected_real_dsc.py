#!/usr/bin/env python3
"""Independent reading of Tests/Fixtures/real/dsc files, used to write the expected values of
Tests/GlassKitTests/RealDSCFilesTests.swift. Applies the documented rules of README
"Reading rules": heating segment choice and the 0.5 K reversal rule. numpy only."""
import sys, numpy as np, os
D = sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/real/dsc"

def drop_reversals(t, w):
    keep = [0]; m = t[0]
    for i in range(1, len(t)):
        if t[i] > m: keep.append(i); m = t[i]
        elif t[i] < m - 0.5: raise ValueError("fall at %d" % i)
    return t[keep], w[keep]

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

def report(name, t, w, sign):
    t, w = drop_reversals(t, w)
    print(f'("{name}", {len(t)}, {float(t[0])!r}, {float(t[-1])!r}, {float(w[0])!r}, {float(w[-1])!r}, "{sign}"),')

for f in sorted(os.listdir(D + "/macfp")):
    lines = open(D + "/macfp/" + f, encoding="utf-8-sig").read().splitlines()
    hdr = [h.strip() for h in lines[0].split(",")]
    units = lines[1].split(",")
    start = 2
    if any(c.isdigit() for c in units[0]): units = None; start = 1
    rows = np.array([[float(x) for x in l.split(",")[:3 if f.startswith("PMMA") else 5]] for l in lines[start:] if l.strip()])
    if f.startswith("Wood"):
        T = rows[:, 1]; W = rows[:, 4]   # Total Heat Flow (Normalized) W/g
        u = "w/g"
    else:
        T = rows[:, 1]; W = rows[:, 2]; u = units[2].strip("[] ").lower()
    fac = {"w/g": 1, "mw/mg": 1, "w g-1": 1}[u]
    a, b = longest_rising(T)
    report("macfp/" + f, T[a:b], W[a:b] * fac, "endo-up")

for f in ["A_1.txt", "A_2.txt", "B_1.txt"]:
    raw = open(D + "/netzsch-proteus/" + f, encoding="utf-8", errors="replace").read().splitlines()
    mass = float([l for l in raw if l.startswith("#SAMPLE MASS")][0].split(":")[1])
    exo = int([l for l in raw if l.startswith("#EXO")][0].split(":")[1])
    data = [l.split(";") for l in raw if l and not l.startswith("#")]
    seg = np.array([int(r[-1]) for r in data]); T = np.array([float(r[0]) for r in data]) + 273.15
    W = np.array([float(r[2]) for r in data])   # mW/mg = W/g
    sel = seg == 3   # segments 3: the longest heating segment (50 -> 200 C), first of equals
    s = -1.0 if exo == 1 else 1.0
    report("netzsch-proteus/" + f, T[sel], W[sel] * s, "endo-up (EXO %d)" % exo)

raw = open(D + "/ta-universal-analysis/sample_dsc_tainstruments.txt", encoding="latin-1").read().split("StartOfData\n")[1].splitlines()
rows = np.array([[float(x) for x in l.split("\t")] for l in raw if l.strip()])
while rows[0, 0] == -1: rows = rows[1:]
while rows[-1, 0] == -1: rows = rows[:-1]
T = rows[:, 1] + 273.15; W = -rows[:, 2] / 9.0   # Exotherm Up: negate; mW / 9.00000 mg
a, b = longest_rising(T)
report("ta-universal-analysis/sample_dsc_tainstruments.txt", T[a:b], W[a:b], "exo-up in file, negated")
