#!/usr/bin/env bash
# Fuzz one reader (or study.toml) with libFuzzer: scripts/fuzz.sh TARGET SECONDS [libFuzzer options]
#
# TARGET: native netzsch ta trios eplexor multisweep detect stream toml
# The fuzz executables are built here with swiftc (-sanitize=fuzzer,address) from GlassKit's
# sources plus Fuzz/*.swift; SwiftPM never sees Fuzz/ (it is outside Sources/ and Tests/).
# The toml target also compiles GlassIO's StudyToml.swift and links the TOMLKit objects of the
# package's debug build (`swift build` is run first when they are missing).
# Work files go to .build/fuzz/ (binaries, the growing corpus, crash files); the seed corpus is
# copied from Tests/Fixtures/real and samples/ (and Fuzz/seeds/TARGET when present).
# Prints libFuzzer's final line; exit status non-zero when a crash was found.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer options]}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer options]}
shift 2
case "$target" in
  native|netzsch|ta|trios|eplexor|multisweep|detect|stream|toml) ;;
  *) echo "fuzz.sh: unknown target '$target'; expected native netzsch ta trios eplexor multisweep detect stream toml" >&2; exit 64 ;;
esac
work=.build/fuzz
mkdir -p "$work"
swiftflags=(-O -sanitize=fuzzer,address -parse-as-library -module-name GlassKit -suppress-warnings)
# Compile from a snapshot of the sources, so that editing them during a long build is harmless.
snap=$work/src-$target
snapshot() {
  rm -rf "$snap"; mkdir -p "$snap/GlassIO" "$snap/platform"
  cp -R Sources/GlassKit Sources/GlassPlatform Fuzz "$snap"/
  cp "${tomlSources[@]}" "$snap/GlassIO/"
  kit=$(find "$snap/GlassKit" -name '*.swift' | sort)
  # GlassKit imports GlassPlatform: that module first, instrumented the same way, then linked in.
  # shellcheck disable=SC2046
  swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name GlassPlatform -suppress-warnings -wmo \
    -emit-module -emit-module-path "$snap/platform/GlassPlatform.swiftmodule" -c $(find "$snap/GlassPlatform" -name '*.swift' | sort) \
    -o "$snap/platform/GlassPlatform.o"
  kit="-I $snap/platform $snap/platform/GlassPlatform.o $kit"
}

# GlassIO's study.toml reading, compiled into the toml target (StudyToml uses the editor's comment
# rule and TomlSource's key lines).
tomlSources=(Sources/GlassIO/StudyToml.swift Sources/GlassIO/TomlValueCheck.swift Sources/GlassIO/TomlSource.swift Sources/GlassIO/StudyTomlEditor.swift)

newer() {  # is $1 missing or older than any of the rest? (FUZZ_NO_REBUILD=1: only when missing)
  local out=$1; shift
  [[ ${FUZZ_NO_REBUILD:-0} == 1 && -e $out ]] && return 1
  [[ ! -e $out ]] && return 0
  for f in "$@"; do [[ $f -nt $out ]] && return 0; done
  return 1
}

if [[ $target == toml ]]; then
  bin=$work/fuzz-toml
  if ! ls .build/debug/TOMLKit.build/*.swift.o .build/debug/CTOML.build/Sources/*.o >/dev/null 2>&1; then swift build --product glassview >&2; fi
  # shellcheck disable=SC2086
  if newer "$bin" $(find Sources/GlassKit Sources/GlassPlatform -name '*.swift') "${tomlSources[@]}" Fuzz/FuzzStudyToml.swift; then
    snapshot
    # shellcheck disable=SC2086
    swiftc "${swiftflags[@]}" -I .build/debug/Modules -Xcc -fmodule-map-file=.build/debug/CTOML.build/module.modulemap \
      $kit "$snap"/GlassIO/*.swift "$snap/Fuzz/FuzzStudyToml.swift" \
      .build/debug/TOMLKit.build/*.swift.o .build/debug/CTOML.build/Sources/*.o -lstdc++ -o "$bin.$$.new" 2> >(grep -v "Cannot export local symbol" >&2)
    mv "$bin.$$.new" "$bin"
  fi
else
  bin=$work/fuzz-readers
  # shellcheck disable=SC2086
  if newer "$bin" $(find Sources/GlassKit Sources/GlassPlatform -name '*.swift') Fuzz/FuzzReaders.swift; then
    snapshot
    # shellcheck disable=SC2086
    swiftc "${swiftflags[@]}" $kit "$snap/Fuzz/FuzzReaders.swift" -o "$bin.$$.new" 2> >(grep -v "Cannot export local symbol" >&2)
    mv "$bin.$$.new" "$bin"
  fi
fi

corpus=$work/corpus-$target
seeds=$work/seeds-$target
mkdir -p "$corpus" "$seeds" "$work/crashes-$target"
rm -f "$seeds"/*
if [[ $target == toml ]]; then
  i=0; while IFS= read -r f; do i=$((i + 1)); cp "$f" "$seeds/seed$i.toml"; done < <(find samples Tests -name '*.toml' | sort)
else
  # Each data file, cut to its first 4 KiB (instrument files run to megabytes; the readers'
  # decisions are made in the header and the first rows).
  i=0; while IFS= read -r f; do i=$((i + 1)); head -c 4096 "$f" > "$seeds/seed$i"; done < <(find Tests/Fixtures/real samples -type f \( -name '*.csv' -o -name '*.txt' -o -name '*.tsv' -o -name '*.dat' \) | sort)
fi
[[ -d Fuzz/seeds/$target ]] && cp Fuzz/seeds/"$target"/* "$seeds"/
# TOMLKit (a dependency) leaks ~200 bytes per parse in its C++ bridge (TOMLTable(string:),
# tableGetKeys); LeakSanitizer would stop the toml target at the first input. Leaks are not
# what this harness looks for; crashes, traps and memory errors are.
leaks=(); asan=${ASAN_OPTIONS:-}
[[ $target == toml ]] && { leaks=(-detect_leaks=0); asan=detect_leaks=0${asan:+:$asan}; }
ASAN_OPTIONS=$asan GLASSVIEW_FUZZ_TARGET=$target "$bin" "${leaks[@]}" -max_total_time="$seconds" -max_len=4096 -timeout=20 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$work/crashes-$target/" "$@" "$corpus" "$seeds"
