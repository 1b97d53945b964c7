#!/usr/bin/env python3
"""The reference pipeline of scripts/bench-vs-python.sh: what `glassview analyze STUDY` computes,
written the way a numpy/scipy user would (docs/method.md): read every native-format file of a
study (SHA-256 of its bytes, header metadata, numpy.loadtxt), then

  DSC: crystalline subtraction, linear-chord ΔH_rej(T_s, T_e) per state (J/g, kJ/mol), S_r by OLS;
  DMA per state: E_u; β and α loss peaks (window, discrete maximum, least-squares parabola) from
  the temperature scans and the isotherm slices; Arrhenius E_β; VFT (T_0 grid, then scipy's
  Levenberg–Marquardt); T_c (scan, brentq); χ(T) by OLS over the QPD window, U_β and λ, a1/a2;
  the master curve (0.005-decade grid over ± the neighbour's span, bounded refinement) with its
  Arrhenius and VFT readings.

It prints a JSON summary (a few headline numbers per state) so that its answers can be compared
with glassview's. Usage: bench_pipeline.py STUDY
"""
import hashlib, json, math, os, re, sys
import numpy as np
from scipy.optimize import brentq, curve_fit, minimize_scalar

KB = 8.617333262e-5
# The standard atomic weights glassview uses (its table, Sources/GlassKit/Chemistry/AtomicWeights.swift),
# for the elements of the generated studies' glasses: an abridged table moved S_r by 2.6e-5 of itself.
WEIGHTS = {"La": 138.90547, "Ce": 140.116, "Ni": 58.6934, "Al": 26.9815384, "Co": 58.933194,
           "Cu": 63.546, "Zr": 91.222, "Ti": 47.867, "Fe": 55.845, "Pd": 106.42, "Mg": 24.305}


def read_study(root):
    files = []
    for d, dirs, names in os.walk(root):
        dirs[:] = sorted(x for x in dirs if not x.startswith("."))
        for n in sorted(names):
            if not n.startswith(".") and n.rsplit(".", 1)[-1].lower() in ("csv", "tsv", "txt", "dat"):
                files.append(os.path.join(d, n))
    out = []
    for path in sorted(files):
        raw = open(path, "rb").read()
        sha = hashlib.sha256(raw).hexdigest()
        text = raw.decode("utf-8")
        meta, lines = {}, text.splitlines()
        k = 0
        while lines[k].startswith("#"):
            m = re.match(r"#\s*([^:]+):\s*(.*)", lines[k])
            if m:
                meta[m.group(1).strip().lower()] = m.group(2).strip()
            k += 1
        names = lines[k].split(",")
        data = np.loadtxt(lines[k + 1:], delimiter=",", ndmin=2)
        out.append((os.path.relpath(path, root), sha, meta, names, data))
    return out


def number(v):
    return float(v.split()[0]) if v else None


def molar_mass(comp):
    parts = re.findall(r"([A-Z][a-z]?)([0-9.]+)", comp)
    x = np.array([float(a) for _, a in parts])
    w = np.array([WEIGHTS[e] for e, _ in parts])
    return float((x * w).sum() / x.sum())


def ols(x, y):
    """Slope, intercept and their standard errors (None below 3 points)."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    A = np.vstack([x, np.ones_like(x)]).T
    coef, res, _, _ = np.linalg.lstsq(A, y, rcond=None)
    se = (None, None)
    if len(x) >= 3:
        r = y - A @ coef
        cov = np.linalg.inv(A.T @ A) * (r @ r) / (len(x) - 2)
        se = (math.sqrt(cov[0, 0]), math.sqrt(cov[1, 1]))
    return coef[0], coef[1], se[0], se[1]


def dh_rej(T, W, ts, te, beta_k_per_min):
    inside = (T > ts) & (T < te)
    wts, wte = np.interp([ts, te], T, W)
    x = np.concatenate([[ts], T[inside], [te]])
    y = np.concatenate([[wts], W[inside], [wte]])
    area = np.trapezoid(y, x) - 0.5 * (wts + wte) * (te - ts)
    return area / (beta_k_per_min / 60.0)


def dsc(files, settings):
    runs = [(m, d) for _, _, m, _, d in files if m.get("kind") == "dsc"]
    cryst = [(m, d) for m, d in runs if m.get("role") == "crystalline"]
    states = {}
    for m, d in runs:
        if m.get("role") == "crystalline":
            continue
        beta = number(m["heating_rate"])
        T, W = d[:, 0], d[:, 1].copy()
        c = next((cd for cm, cd in cryst if abs(number(cm["heating_rate"]) - beta) <= 0.01 * beta), None)
        if c is not None:
            keep = (T >= c[0, 0]) & (T <= c[-1, 0])
            T, W = T[keep], W[keep] - np.interp(T[keep], c[:, 0], c[:, 1])
        st = states.setdefault(m["state"], {"rate": number(m.get("cooling_rate")), "dh": []})
        st["dh"].append(dh_rej(T, W, settings["ts"], settings["te"], beta))
    M = molar_mass(settings["composition"])
    res = {s: {"q": v["rate"], "J_per_g": float(np.mean(v["dh"])), "kJ_per_mol": float(np.mean(v["dh"])) * M / 1000}
           for s, v in states.items()}
    cooled = [(v["q"], v["kJ_per_mol"]) for v in res.values() if v["q"] is not None]
    sr = ols([q for q, _ in cooled], [h for _, h in cooled])
    return {"molar_mass": M, "states": res, "S_r": sr[0], "S_r_stderr": sr[2]}


def peak(x, y, lo, hi, w):
    idx = np.nonzero((x >= lo) & (x <= hi))[0]
    if len(idx) < 3:
        return None
    k = idx[np.argmax(y[idx])]
    if k == idx[0] or k == idx[-1]:
        return None
    near = np.abs(x - x[k]) <= w
    if near.sum() < 3:
        return None
    a, b, c = np.polyfit(x[near] - x[k], y[near], 2)
    if not a < 0:
        return None
    v = -b / (2 * a)
    return x[k] + v if abs(v) <= w else None


def vft(T, lnf):
    T, lnf = np.asarray(T, float), np.asarray(lnf, float)
    if len(np.unique(T)) < 3:
        return None
    def lin(t0):
        A = np.vstack([np.ones_like(T), -1.0 / (T - t0)]).T
        coef, *_ = np.linalg.lstsq(A, lnf, rcond=None)
        r = lnf - A @ coef
        return r @ r, coef
    grid = np.linspace(0.0, T.min() - 0.5, 257)
    ssr = np.array([lin(t)[0] for t in grid])
    j = int(np.argmin(ssr))
    lo, hi = grid[max(j - 1, 0)], grid[min(j + 1, 256)]
    t0 = minimize_scalar(lambda t: lin(t)[0], bounds=(lo, hi), method="bounded", options={"xatol": 1e-10 * max(hi, 1)}).x
    a, b = lin(t0)[1]
    f = lambda t, lna, bb, tt: lna - bb / (t - tt)
    try:
        p, cov = curve_fit(f, T, lnf, p0=[a, b, t0], method="lm")
        if 0 <= p[2] < T.min():
            a, b, t0 = p
    except Exception:
        pass
    return a, b, t0


def master(iso, tref):
    temps = np.array([t for t, _, _, _ in iso])
    r = int(np.argmin(np.abs(temps - tref)))
    logs = [(np.log10(f), np.log10(e1), np.log10(e2)) for _, f, e1, e2 in iso]
    shifts = {r: 0.0}
    def place(order, step):
        prev = r
        for i in order:
            nf, n1, n2 = logs[prev]
            nf = nf + shifts[prev]
            cf, c1, c2 = logs[i]
            span = nf[-1] - nf[0]
            cand = np.arange(-span, span + 1e-12, 0.005)
            X = cf[None, :] + cand[:, None]
            inside = (X >= nf[0]) & (X <= nf[-1])
            d1 = np.interp(X.ravel(), nf, n1).reshape(X.shape) - c1[None, :]
            d2 = np.interp(X.ravel(), nf, n2).reshape(X.shape) - c2[None, :]
            cnt = inside.sum(1)
            cost = np.where(cnt >= 3, ((d1 ** 2 + d2 ** 2) * inside).sum(1) / np.maximum(cnt, 1), np.inf)
            if not np.isfinite(cost).any():
                return
            j = int(np.argmin(cost))
            def c(s):
                x = cf + s
                m = (x >= nf[0]) & (x <= nf[-1])
                if m.sum() < 3:
                    return np.inf
                return (((np.interp(x[m], nf, n1) - c1[m]) ** 2 + (np.interp(x[m], nf, n2) - c2[m]) ** 2).mean())
            lo, hi = cand[max(j - 1, 0)], cand[min(j + 1, len(cand) - 1)]
            shifts[i] = minimize_scalar(c, bounds=(lo, hi), method="bounded", options={"xatol": 1e-7}).x
            prev = i
    place(range(r + 1, len(iso)), 1)
    place(range(r - 1, -1, -1), -1)
    return temps[r], {float(temps[i]): s for i, s in sorted(shifts.items())}


def dma_state(runs, window_b=(320, 420), window_a=(430, 500), qpd=(0.01, 1.0), tref=450):
    scans = [(number(m["frequency"]), d) for m, d in runs if m["kind"] == "dma-tscan"]
    iso = sorted([(number(m["temperature"]), d[:, 0], d[:, 1], d[:, 2], d[:, 3]) for m, d in runs if m["kind"] == "dma-fsweep"],
                 key=lambda r: r[0])
    tg = next((number(m["tg"]) for m, _ in runs if "tg" in m), None)
    tmin = min(d[:, 0].min() for _, d in scans)
    eu = float(np.mean(np.concatenate([d[d[:, 0] <= tmin + 5, 1] for _, d in scans])))
    curves = [(f, d[:, 0], d[:, 2]) for f, d in scans]
    owner = max(range(len(iso)), key=lambda i: (len(iso[i][1]), -iso[i][0]))
    lo = max(r[1][0] for r in iso) * (1 - 1e-9)
    hi = min(r[1][-1] for r in iso) * (1 + 1e-9)
    grid = iso[owner][1][(iso[owner][1] >= lo) & (iso[owner][1] <= hi)]
    temps = np.array([r[0] for r in iso])
    slices = np.array([np.interp(np.log10(grid), np.log10(r[1]), r[3]) for r in iso])
    curves += [(grid[j], temps, slices[:, j]) for j in range(len(grid))]
    out = {"E_u_MPa": eu}
    for name, (wlo, whi) in (("beta", window_b), ("alpha", window_a)):
        pairs = [(f, p) for f, x, y in curves if (p := peak(x, y, wlo, whi, 10.0)) is not None]
        out[name] = pairs
    bp = out["beta"]
    s, i, se, _ = ols([1 / t for _, t in bp], [math.log(f) for f, _ in bp])
    out["E_beta_eV"], out["E_beta_stderr_eV"] = -s * KB, (se or 0) * KB
    ap = out["alpha"]
    v = vft([t for _, t in ap], [math.log(f) for f, _ in ap])
    out["vft"] = v
    if v:
        lna, b, t0 = v
        g = lambda T: (lna - b / (T - t0)) - (i - (-s) / T)
        Ts = np.arange(max(t0, 0) + 0.25, 2000, 0.25)
        gs = g(Ts)
        k = np.nonzero((gs[:-1] < 0) & (gs[1:] >= 0))[0]
        out["T_c_K"] = brentq(g, Ts[k[0]], Ts[k[0] + 1], xtol=1e-6) if len(k) else None
    chi, cs, ts_ = [], [], []
    for T, f, e1, e2, td in iso:
        m = (f >= qpd[0] * (1 - 1e-9)) & (f <= qpd[1] * (1 + 1e-9)) & (td > 0)
        if m.sum() >= 3:
            sl, c, _, _ = ols(np.log(2 * np.pi * f[m]), np.log(td[m]))
            chi.append(-sl); cs.append(c); ts_.append(T)
    ts_, chi = np.array(ts_), np.array(chi)
    sl, lam, _, _ = ols(1 / ts_, cs)
    out["U_eV"], out["lambda"] = -sl * KB, lam
    if tg is not None:
        out["a1_per_K"] = ols(ts_[ts_ <= tg], chi[ts_ <= tg])[0]
        out["a2_per_K"] = ols(ts_[ts_ >= tg], chi[ts_ >= tg])[0]
    tr, sh = master([(r[0], r[1], r[2], r[3]) for r in iso], tref)
    out["T_ref_K"], out["shifts"] = tr, sh
    st = np.array(list(sh.keys())); la = np.array(list(sh.values())) * math.log(10)
    out["aT_arrhenius_E_eV"] = ols(1 / st, la)[0] * KB
    out["aT_vft"] = vft(st, -la)
    return out


def main(root):
    files = read_study(root)
    toml = open(os.path.join(root, "study.toml")).read() if os.path.exists(os.path.join(root, "study.toml")) else ""
    get = lambda k: (m.group(1) if (m := re.search(rf'^{k}\s*=\s*"?([^"\n#]+)"?', toml, re.M)) else None)
    settings = {"ts": float(get("ts_K")), "te": float(get("te_K")), "composition": get("composition").strip()}
    doc = {"sources": len(files), "dsc": dsc(files, settings), "dma": {}}
    by_state = {}
    for _, _, m, _, d in files:
        if m.get("kind", "").startswith("dma"):
            by_state.setdefault(m["state"], []).append((m, d))
    # The α window study.toml gives (`simulate dma` writes the one its model needs), as glassview reads it.
    aw = re.search(r'^alpha_window_K\s*=\s*\[\s*([^,\]]+?)\s*,\s*([^\]]+?)\s*\]', toml, re.M)
    window_a = (float(aw.group(1)), float(aw.group(2))) if aw else (430, 500)
    for s, runs in by_state.items():
        r = dma_state(runs, window_a=window_a)
        doc["dma"][s] = {k: r.get(k) for k in ("E_u_MPa", "E_beta_eV", "T_c_K", "U_eV", "a1_per_K", "a2_per_K", "aT_arrhenius_E_eV")}
        doc["dma"][s]["beta_pairs"] = len(r["beta"]); doc["dma"][s]["alpha_pairs"] = len(r["alpha"])
        doc["dma"][s]["VFT_B_K"] = r["vft"][1] if r["vft"] else None
    print(json.dumps(doc, indent=1, default=float))


if __name__ == "__main__":
    main(sys.argv[1])
