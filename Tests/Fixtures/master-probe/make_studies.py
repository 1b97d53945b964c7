"""Studies of the master-curve probe (its gen.py, mk6.py, mk7.py), written again here.

WLF a_T (C1 = 8, C2 = 80 K at 450 K), E* = 30000 − 25000/(1 + (iωτ)^0.6)^0.5 MPa (Havriliak–Negami),
τ = 10^log10 a_T s, 41 frequencies over 0.01–100 Hz, 440–470 K by 5 K (truth.json: the exact log10 a_T).
- rep460: a second 460 K sweep, s1-460K-b.csv, whose log10 a_T is the truth + 0.3 (a glass that aged).
- neg460: no tan δ column, E'' = 0 above 0.03 Hz in the 460 K sweep (36 of its 41 points).
- sets: 450, 455, 460 and again 460 K (+0.3) as the four sweeps of one file, numbered by a Set column.
Run: python3 make_studies.py (numpy).
"""
import numpy as np, os, json, shutil

def wlf(T, Tref=450., C1=8., C2=80.):
    return -C1 * (T - Tref) / (C2 + T - Tref)

def hn(f, log_aT, Eu=30000., dE=25000., a=0.6, g=0.5):
    E = Eu - dE / (1 + (1j * 2 * np.pi * f * 10 ** log_aT) ** a) ** g
    return E.real, E.imag

F = np.logspace(-2, 2, 41)
TEMPS = np.arange(440, 471, 5.0)

def sweep(path, T, la, loss=None):
    E1, E2 = hn(F, la)
    if loss: E2 = loss(F, E2)
    with open(path, "w") as fh:
        fh.write(f"# kind: dma-fsweep\n# state: s1\n# temperature: {T} K\nf/Hz,E'/MPa,E''/MPa\n")
        for x, a, b in zip(F, E1, E2): fh.write(f"{x:.10g},{a:.10g},{b:.10g}\n")

def study(d, extra):
    if os.path.exists(d): shutil.rmtree(d)
    os.makedirs(d)
    json.dump({f"{T:g}": wlf(T) for T in TEMPS}, open(os.path.join(d, "truth.json"), "w"))
    extra(d)

def rep(d):
    for T in TEMPS: sweep(os.path.join(d, f"s1-{T:g}K.csv"), T, wlf(T))
    sweep(os.path.join(d, "s1-460K-b.csv"), 460.0, wlf(460.) + 0.3)

def neg(d):
    for T in TEMPS:
        sweep(os.path.join(d, f"s1-{T:g}K.csv"), T, wlf(T),
              loss=(lambda f, e2: np.where(f > 0.03, 0.0, e2)) if T == 460 else None)

def sets(d):
    with open(os.path.join(d, "sweeps.csv"), "w") as fh:
        fh.write("# kind: dma-fsweep\n# state: s1\nf/Hz,E'/MPa,E''/MPa,T/K,Set\n")
        for k, (T, la) in enumerate([(450., wlf(450.)), (455., wlf(455.)), (460., wlf(460.)), (460., wlf(460.) + 0.3)]):
            E1, E2 = hn(F, la)
            for x, a, b in zip(F, E1, E2): fh.write(f"{x:.10g},{a:.10g},{b:.10g},{T},{k + 1}\n")

here = os.path.dirname(os.path.abspath(__file__))
study(os.path.join(here, "rep460"), rep)
study(os.path.join(here, "neg460"), neg)
study(os.path.join(here, "sets"), sets)
