"""Writes the DMA ramp fixtures of this directory (see README.md). numpy only; run from here."""
import numpy as np

def loss(T):     # E'' (MPa): a loss peak at 360 K on a 40 MPa background
    return 40 + 260 * np.exp(-((T - 360) / 12) ** 2)

def storage(T):  # E' (MPa): softening through the peak
    return 3000 - 1500 / (1 + np.exp(-(T - 360) / 6))

def rows(times, truth, hz, written):
    """Per row: time (s), written temperature, frequency, E', E'', tan d (moduli at the true T)."""
    e1, e2 = storage(truth), loss(truth) * (1 + 0.05 * np.log10(hz))
    return [(t, w, f, a, b, b / a) for t, w, f, a, b in zip(times, written, hz, e1, e2)]

def csv(name, data, decimals, celsius=False):
    unit = "°C" if celsius else "K"
    with open(name, "w", encoding="utf-8") as fh:
        fh.write(f"Time (s),Temperature ({unit}),Frequency (Hz),Storage Modulus (MPa),Loss Modulus (MPa),Tan Delta\n")
        for t, w, f, a, b, d in data:
            fh.write(f"{t:.1f},{w:.{decimals}f},{f:g},{a:.4f},{b:.4f},{d:.6f}\n")

def eplexor(name, data, decimals):
    """GABO Eplexor ASCII layout: names row, units row, space-aligned rows; Ts in °C."""
    cols = ["Index", "Ts", "t", "f", "E'", 'E"', "tan_delta"]
    units = ["[#]", "[°C]", "[s]", "[Hz]", "[MPa]", "[MPa]", "[]"]
    with open(name, "w", encoding="utf-8") as fh:
        fh.write("".join(f"{c:>14}" for c in cols) + "\n")
        fh.write("".join(f"{u:>14}" for u in units) + "\n")
        for k, (t, w, f, a, b, d) in enumerate(data):
            fh.write(f"{k:>14}{w:>14.{decimals}f}{t:>14.1f}{f:>14g}{a:>14.4f}{b:>14.4f}{d:>14.6f}\n")

def ramp(hz, seconds, rate_k_per_s, t0, span, resolution, celsius=False):
    """Rows through `hz` in turn, each point `seconds[j]` long, time stamped at its end; the true
    temperature t0 + rate * time, written rounded to `resolution` (in °C when `celsius`)."""
    times, freqs, now, k = [], [], 0.0, 0
    while True:
        now += seconds[k % len(hz)]
        if rate_k_per_s * now >= span:
            break
        times.append(now); freqs.append(hz[k % len(hz)]); k += 1
    times, freqs = np.array(times), np.array(freqs)
    truth = t0 + rate_k_per_s * times
    shown = truth - 273.15 if celsius else truth
    written = np.round(shown / resolution) * resolution
    return rows(times, truth, freqs, written)

def steps(hz, seconds, levels, soak, creep, resolution):
    """A stepped protocol: at each level a sweep through `hz` (points `seconds[j]` long), the
    temperature creeping `creep` K over the sweep, then a soak of `soak` s to the next level."""
    times, freqs, truth, now = [], [], [], 0.0
    for level in levels:
        now += soak
        start = now
        for j, f in enumerate(hz):
            now += seconds[j]
            times.append(now); freqs.append(f)
            truth.append(level + creep * (now - start) / sum(seconds))
    truth = np.array(truth)
    written = np.round(truth / resolution) * resolution
    return rows(np.array(times), truth, np.array(freqs), written)

# 1. One frequency, 1 K resolution: 2000 points 1 s apart at 3 K/min (20 rows per kelvin).
csv("ramp-1hz-1K.csv", ramp([1.0], [1.0], 0.05, 300.3, 100.01, 1.0), 0)
# 1b. One frequency, Eplexor layout, °C to 0.5 K: 1200 points 2 s apart at 1.5 K/min.
eplexor("ramp-1hz-0.5C-eplexor.txt", ramp([1.0], [2.0], 0.025, 300.3, 60.01, 0.5, celsius=True), 1)
# 2. Three frequencies 5 s each, 4 K/min, 1 K resolution: every plateau is one sweep.
csv("ramp-3f-one-sweep-1K.csv", ramp([1.0, 10.0, 100.0], [5.0, 5.0, 5.0], 1 / 15, 300.3, 60.01, 1.0), 0)
eplexor("ramp-3f-one-sweep-1C-eplexor.txt", ramp([1.0, 10.0, 100.0], [5.0, 5.0, 5.0], 1 / 15, 300.3, 60.01, 1.0, celsius=True), 0)
# 2'. Its stepped counterpart: holds 1 K apart, one sweep each, 120 s soak between them.
csv("steps-3f-1K.csv", steps([1.0, 10.0, 100.0], [5.0, 5.0, 5.0], np.arange(300.0, 330.0), 120.0, 0.0, 1.0), 0)
# 3. Two frequencies, 1 Hz taking 8 s and 10 Hz 2 s, 3 K/min, written to 0.01 K.
csv("ramp-2f-unequal.csv", ramp([1.0, 10.0], [8.0, 2.0], 0.05, 300.3, 60.01, 0.01), 2)
# 3'. Its stepped counterpart: 5 K steps, 300 s soak, 0.02 K creep over each sweep.
csv("steps-2f-unequal.csv", steps([1.0, 10.0], [8.0, 2.0], np.arange(300.0, 360.0, 5.0), 300.0, 0.02, 0.01), 2)
