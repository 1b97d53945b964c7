#!/usr/bin/env bash
# glassview against other tools on this machine, process to process, measured in one run with
# hyperfine (medians; docs/benchmarks.md records the figures):
#
#  1. `glassview analyze` of a generated study of the size in issue 11 (glassview simulate:
#     7 DSC runs + 3 DMA states × (6 scans + 76 isotherms) ≈ 253 files, ≈ 1.6 MB) against
#     scripts/bench_pipeline.py, a numpy/scipy pipeline doing the same computations (its headline
#     numbers are printed beside glassview's first, so the two are seen to agree);
#  2. `glassview plot` of 6 curves × 10^5 points at 200×60 against
#     `gnuplot -e "set terminal dumb 200,60; plot …"` on the same files.
#
#   scripts/bench-vs-python.sh [--runs N]
#   GLASSVIEW=/usr/local/bin/glassview scripts/bench-vs-python.sh    # time that binary instead
#
# Installs hyperfine and gnuplot-nox with apt-get when missing; needs python3 with numpy and scipy.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
RUNS=10
[ "${1:-}" = "--runs" ] && RUNS="$2"

missing=()
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
command -v gnuplot >/dev/null 2>&1 || missing+=(gnuplot-nox)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# The interpreter itself (not a pyenv shim script), so that hyperfine times Python, not a shell.
PY="$(python3 -c 'import sys; print(sys.executable)')"
"$PY" -c 'import numpy, scipy' || { echo "bench-vs-python: python3 needs numpy and scipy" >&2; exit 1; }

if [ -n "${GLASSVIEW:-}" ]; then
  BIN="$GLASSVIEW"                     # a given release binary (e.g. one installed by install.sh)
else
  # The binary users install (scripts/install.sh): static Swift runtime, 2 ms faster to start.
  swift build -c release --static-swift-stdlib --product glassview >/dev/null
  BIN="$(swift build -c release --static-swift-stdlib --show-bin-path)/glassview"
fi
WORK="$(mktemp -d /tmp/glassview-bench-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

# 1. The generated study.
"$BIN" simulate dsc --output "$WORK/study" >/dev/null
"$BIN" simulate dma --isotherm-step 2 --output "$WORK/study/dma" >/dev/null
nfiles=$(find "$WORK/study" -type f \( -name '*.csv' -o -name '*.toml' \) | wc -l)
size=$(du -sh --apparent-size "$WORK/study" | cut -f1)
echo "generated study: $nfiles files, $size ($(ls "$WORK/study/dma/as-cast" | grep -c fsweep) isotherms per DMA state)"

"$BIN" analyze "$WORK/study" > "$WORK/glassview.json"
"$PY" scripts/bench_pipeline.py "$WORK/study" > "$WORK/python.json" 2>/dev/null
"$PY" - "$WORK/glassview.json" "$WORK/python.json" <<'PYEOF'
import json, sys
g, p = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
print("headline numbers, glassview | numpy/scipy:")
print(f"  S_r            {g['dsc']['S_r']['value']:.10g} | {p['dsc']['S_r']:.10g}")
for s in g["dsc"]["states"]:
    print(f"  dH_rej {s['state']:<9} {s['dH_rej_J_per_g']:.10g} | {p['dsc']['states'][s['state']]['J_per_g']:.10g} J/g")
for s in g["dma"]["states"]:
    q = p["dma"][s["state"]]
    print(f"  {s['state']:<9} E_beta {s['beta']['E_eV']:.8g} | {q['E_beta_eV']:.8g} eV;  T_c {s['T_c_K']:.8g} | {q['T_c_K']:.8g} K;"
          f"  U {s['qpd']['U_eV']:.8g} | {q['U_eV']:.8g} eV;  a_T Arrhenius {s['master']['aT_arrhenius_E_eV']:.6g} | {q['aT_arrhenius_E_eV']:.6g} eV")
PYEOF

hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$WORK/analyze.json" \
  -n "glassview analyze" "$BIN analyze $WORK/study" \
  -n "numpy/scipy pipeline" "$PY $ROOT/scripts/bench_pipeline.py $WORK/study"

# 2. Six curves of 10^5 points: native DSC files.
mkdir -p "$WORK/plot"
"$PY" - "$WORK/plot" <<'PYEOF'
import sys, numpy as np
n = 100_000
T = np.linspace(300.0, 600.0, n)
for k in range(6):
    W = 0.1 + 0.01 * k + 0.02 * np.exp(-((T - 440 - 5 * k) / 8) ** 2) - 0.05 * np.exp(-((T - 540) / 6) ** 2)
    with open(f"{sys.argv[1]}/run{k}.csv", "w") as f:
        f.write(f"# kind: dsc\n# state: cooled-{k + 1}\n# cooling_rate: {k + 1} K/min\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n")
        np.savetxt(f, np.column_stack([T, W]), fmt="%.6f,%.8f")
PYEOF
echo "plot data: 6 files × 10^5 points, $(du -sh --apparent-size "$WORK/plot" | cut -f1)"
files=""
for k in 0 1 2 3 4 5; do files="$files '$WORK/plot/run$k.csv' using 1:2 with lines notitle,"; done
GP="set terminal dumb 200,60; set datafile separator ','; plot ${files%,}"
hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$WORK/plot.json" \
  -n "glassview plot" "$BIN plot $WORK/plot --width 200 --height 60 --ts 420 --te 500" \
  -n "gnuplot dumb" "gnuplot -e \"$GP\""

"$PY" - "$WORK/analyze.json" "$WORK/plot.json" <<'PYEOF'
import json, sys
for path, what in zip(sys.argv[1:], ["analyze vs numpy/scipy", "plot vs gnuplot"]):
    r = json.load(open(path))["results"]
    g, o = r[0]["median"], r[1]["median"]
    print(f"{what}: glassview {g * 1000:.1f} ms, {r[1]['command']} {o * 1000:.1f} ms (medians): {o / g:.1f}x")
PYEOF
