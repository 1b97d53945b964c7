#!/usr/bin/env python3
"""Independent reading of the real frequency sweeps in Tests/Fixtures/real/dma-tts (and the one
frequency-sweep step of Tests/Fixtures/real/trios/hermes_trios_multi_technique.txt), used to write
the expected values of Tests/GlassIOTests/RealDMAFilesTests.swift. Applies docs/reading-rules.md:
one dataset per sweep, frequencies ascending in Hz (the Hz column, else rad/s / 2π), moduli in MPa, temperature =
mean of the measured column in K. numpy only. Prints Swift tuple literals:
(dataset path, points, f first Hz, f last Hz, E' first, E' last, E'' first, E'' last MPa, T K)."""
import sys, os, math
import numpy as np
D = sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/real"

SPREAD = []      # sweeps whose measured temperature spans more than 1 K (README: a warning)
NONPOSITIVE = []  # sweeps with a storage or loss modulus <= 0 (README: a warning)

def report(path, f, e1, e2, t_c):
    if np.ptp(np.asarray(t_c)) > 1.0: SPREAD.append(path)
    if np.any(e1 <= 0) or np.any(e2 <= 0): NONPOSITIVE.append(path)
    o = np.argsort(f, kind="stable")
    f, e1, e2 = f[o], e1[o], e2[o]
    assert len(set(f)) == len(f), path
    T = float(np.mean(np.asarray(t_c) + 273.15))
    print(f'("{path}", {len(f)}, {float(f[0])!r}, {float(f[-1])!r}, {float(e1[0])!r}, {float(e1[-1])!r}, '
          f'{float(e2[0])!r}, {float(e2[-1])!r}, {T!r}),')

# Eplexor ASCII: names row, units row, rows led by an integer index, a `]n[...` trailer.
E = D + "/dma-tts/eplexor-ascii"
for name in sorted(os.listdir(E)):
    lines = open(E + "/" + name, encoding="latin-1").read().splitlines()
    names = lines[0].split(); units = lines[1].split()
    assert units[names.index('E"')] == "[MPa]" and units[names.index("Ts")] == "[°C]"
    rows = np.array([[float(x) for x in l.split()] for l in lines[2:] if l.split() and l.split()[0].isdigit()])
    c = {n: rows[:, i] for i, n in enumerate(names)}
    report("eplexor-ascii/" + name, c["f"], c["E'"], c['E"'], c["Ts"])

# pyvisco: BOM, names row, units row, sweeps numbered by Set.
lines = open(D + "/dma-tts/pyvisco-eplexor/pyvisco_freq_user_raw.csv", encoding="utf-8-sig").read().splitlines()
assert [u.strip() for u in lines[1].split(",")] == ["Hz", "MPa", "MPa", "C", "-"]
rows = [l.split(",") for l in lines[2:] if l.strip()]
sets = []
for r in rows:
    if r[4] not in sets: sets.append(r[4])
for s in sets:
    a = np.array([[float(x) for x in r[:4]] for r in rows if r[4] == s])
    report("pyvisco_freq_user_raw.csv#set" + s, a[:, 0], a[:, 1], a[:, 2], a[:, 3])

# TRIOS LIMS: [Step] blocks with Variables / Units / Data point rows; ω in rad/s.
def trios_lims(path, shown):
    lines = open(path, encoding="utf-8").read().splitlines()
    starts = [i for i, l in enumerate(lines) if l.strip().lower() == "[step]"]
    for k, s in enumerate(starts):
        end = next((j for j in range(s + 1, len(lines)) if lines[j].startswith("[")), len(lines))
        block = lines[s + 1:end]
        var = next(l for l in block if l.startswith("Variables\t")).split("\t")
        uni = next(l for l in block if l.startswith("Units\t")).split("\t")
        rows = [l.split("\t") for l in block if l.startswith("Data point\t")]
        col = lambda n: np.array([float(r[var.index(n)]) for r in rows])
        assert uni[var.index("Angular frequency")] == "rad/s" and uni[var.index("Storage modulus")] == "MPa"
        # The column in Hz where the step has one beside the angular frequency (glassview reads it).
        f = col("Frequency") if "Frequency" in var and uni[var.index("Frequency")] == "Hz" else col("Angular frequency") / (2 * math.pi)
        report(f"{shown}#step{k + 1}", f, col("Storage modulus"), col("Loss modulus"), col("Temperature"))
trios_lims(D + "/dma-tts/trios-lims/hermes_tutorial4_frequency_sweep_tts.txt", "hermes_tutorial4_frequency_sweep_tts.txt")

# TRIOS classic: [step], title, names, units, data up to a blank line. Only step 2 sweeps frequency.
lines = open(D + "/trios/hermes_trios_multi_technique.txt", encoding="utf-8").read().splitlines()
s = [i for i, l in enumerate(lines) if l.strip() == "[step]"][1]
assert lines[s + 1].startswith("Frequency sweep")
names = lines[s + 2].split("\t"); units = lines[s + 3].split("\t")
assert units[names.index("Loss modulus")] == "MPa"
block = []
for l in lines[s + 4:]:
    if not l.strip(): break
    block.append(l.split("\t"))
num = lambda n: np.array([float(r[names.index(n)]) for r in block])
f = num("Frequency") if "Frequency" in names and units[names.index("Frequency")] == "Hz" else num("Angular frequency") / (2 * math.pi)
report("hermes_trios_multi_technique.txt#step2", f, num("Storage modulus"), num("Loss modulus"), num("Temperature"))

print("// measured temperature spread > 1 K:", SPREAD)
print("// a modulus <= 0:", NONPOSITIVE)
