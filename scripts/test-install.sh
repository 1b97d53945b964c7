#!/usr/bin/env bash
# Installs glassview into a temporary prefix with scripts/install.sh and checks the installed
# files as a lab box would use them: the binary runs with PATH cleared of the Swift toolchain,
# links only libc, libstdc++ and libncursesw (plus their own dependencies) and no Foundation
# (FoundationEssentials only), analyses the sample
# study to the same bytes as the export fixture, and its man page (read with `man -l`) names every
# subcommand. Called by .ci/run after `swift test`. Never skips: what it needs it installs.
#
#   scripts/test-install.sh            # a fresh temporary prefix, removed at the end
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PREFIX="$(mktemp -d /tmp/glassview-install-XXXXXX)"
WORK="$(mktemp -d /tmp/glassview-install-check-XXXXXX)"
trap 'rm -rf "$PREFIX" "$WORK"' EXIT
fail() { echo "test-install: FAIL: $*" >&2; exit 1; }

if ! command -v man >/dev/null 2>&1 || ! command -v col >/dev/null 2>&1; then
  # man-db is needed by this check only (reading the page), not by glassview.
  echo "test-install: installing man-db for the check"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq man-db bsdextrautils >/dev/null
fi

start=$(date +%s)
scripts/install.sh "$PREFIX"
echo "test-install: install.sh took $(( $(date +%s) - start )) s"

BIN="$PREFIX/bin/glassview"
PAGE="$PREFIX/share/man/man1/glassview.1"
for f in "$BIN" "$PAGE" "$PREFIX/share/bash-completion/completions/glassview" \
         "$PREFIX/share/zsh/site-functions/_glassview" "$PREFIX/share/fish/vendor_completions.d/glassview.fish"; do
  [ -s "$f" ] || fail "$f missing or empty"
done

# Run it as on a machine without Swift: a minimal environment whose PATH has no toolchain.
CLEAN_PATH="/usr/bin:/bin"
if env -i PATH="$CLEAN_PATH" sh -c 'command -v swift' >/dev/null 2>&1; then
  fail "swift is on $CLEAN_PATH: the check would not prove the binary runs without a toolchain"
fi
run() { env -i PATH="$CLEAN_PATH" HOME="$WORK" LANG=C.UTF-8 "$@"; }

version="$(run "$BIN" --version)"
expected_version="$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/GlassKit/*.swift Sources/GlassKit/*/*.swift | head -n 1)"
[ "$version" = "$expected_version" ] || fail "--version printed '$version', the sources say '$expected_version'"
echo "test-install: $BIN --version = $version"

# Only system libraries at run time: nothing from the Swift toolchain, nothing missing.
libs="$(ldd "$BIN")"
echo "$libs" | sed 's/^/  /'
echo "$libs" | grep -q "not found" && fail "a library is missing"
unexpected="$(echo "$libs" | awk '{print $1}' | grep -Ev '^(linux-vdso\.so|/lib64/ld-linux|/lib/ld-linux|libc\.so|libm\.so|libstdc\+\+\.so|libgcc_s\.so|libncursesw\.so|libtinfo\.so|libpthread\.so|libdl\.so|librt\.so|libutil\.so)' || true)"
[ -z "$unexpected" ] || fail "unexpected run-time libraries: $unexpected"

# FoundationEssentials only: Foundation's NSString, FileHandle or JSONSerialization would link
# Foundation, CoreFoundation and ICU (a third of the binary's size and of its start-up). The
# installed binary is stripped; install.sh built it from this unstripped one.
RELEASE_BIN="$(swift build -c release --static-swift-stdlib --show-bin-path)/glassview"
foundation="$(nm "$RELEASE_BIN" | grep -c ' \$s10Foundation' || true)"
[ "$foundation" = 0 ] || fail "the binary links Foundation ($foundation symbols): use FoundationEssentials or GlassKit's text functions (docs/house.md)"
echo "test-install: no Foundation, CoreFoundation or ICU linked"

# The installed binary analyses the sample study to the same bytes as `swift run` (the fixture).
( cd "$ROOT" && run "$BIN" analyze samples/la30ce30ni10al20co10 --format json ) > "$WORK/sample.json"
cmp -s "$WORK/sample.json" Tests/Fixtures/exports/sample.json || fail "analyze of the sample study differs from Tests/Fixtures/exports/sample.json"
echo "test-install: analyze of the sample study = Tests/Fixtures/exports/sample.json"
run "$BIN" simulate dsc --rates 2,20 --output "$WORK/study" >/dev/null
run "$BIN" plot "$WORK/study" --width 80 --height 24 --ascii > "$WORK/plot.txt"
[ "$(wc -l < "$WORK/plot.txt")" -ge 24 ] || fail "plot printed fewer than 24 lines"

# The man page shows every command of the tree (the binary lists them itself).
commands="$(run "$BIN" --experimental-dump-help | grep -o '"commandName" *: *"[^"]*"' | sed 's/.*: *"\(.*\)"/\1/' | sort -u)"
[ "$(echo "$commands" | wc -l)" -ge 6 ] || fail "the command tree lists too few commands: $commands"
MANWIDTH=120 man -l "$PAGE" 2>/dev/null | col -b > "$WORK/man.txt"
[ -s "$WORK/man.txt" ] || fail "man -l $PAGE printed nothing"
for c in $commands; do
  grep -qw -- "$c" "$WORK/man.txt" || fail "the man page does not show the command '$c'"
done
echo "test-install: man -l shows every command: $(echo $commands)"
# The help's non-ASCII characters survive into the page (the generate-manual tool drops them).
LC_ALL=C.UTF-8 MANWIDTH=120 man -l "$PAGE" 2>/dev/null | LC_ALL=C.UTF-8 col -b > "$WORK/man-utf8.txt"
grep -q -- "β-peak window" "$WORK/man-utf8.txt" && grep -q -- "α-peak window" "$WORK/man-utf8.txt" \
  || fail "the man page lost the help's β and α (β-peak window, α-peak window)"
echo "test-install: the man page keeps the help's β, α, ≥ and arrows"
# Its exit statuses are glassview's (docs/export.md), and the explorer's keys one a line.
for status in 64 65 66 69 73 "128[+]n"; do
  grep -Eq "^[[:space:]]+$status[[:space:]]+[A-Za-z]" "$WORK/man-utf8.txt" || fail "the man page's EXIT STATUS lacks $status"
done
grep -Eq "^[[:space:]]+q: quit" "$WORK/man-utf8.txt" || fail "the man page runs the explorer's keys together (no line starts 'q: quit')"
# Status 1 is plot's and master's (export.md): the page left master out.
sed -n '/^EXIT STATUS/,/^[[:space:]]*64[[:space:]]/p' "$WORK/man-utf8.txt" | tr -s ' \t\n' ' ' | grep -q "plot.*master" \
  || fail "the man page's status 1 does not name both plot and master"
echo "test-install: the man page lists the exit statuses and the explorer's keys one a line"
# Every default --help shows (ArgumentParser's `(default: X)`, from the command tree) is on the page.
# (Lines joined, tabs and groff's hyphenation at a line end, U+2010, taken out.)
tr -s ' \t\n' ' ' < "$WORK/man-utf8.txt" | sed 's/\xe2\x80\x90 //g' > "$WORK/man-flat.txt"
"$PREFIX/bin/glassview" --experimental-dump-help | perl -MJSON::PP -e 'local $/; my $t = JSON::PP->new->utf8->decode(<STDIN>);
  sub walk { my ($c) = @_; print "(default: $_->{defaultValue})\n" for grep { defined $_->{defaultValue} } @{ $c->{arguments} || [] };
             walk($_) for @{ $c->{subcommands} || [] } } walk($t->{command})' > "$WORK/defaults.txt"
[ -s "$WORK/defaults.txt" ] || fail "no option defaults found in the command tree"
while IFS= read -r d; do grep -qF -- "$d" "$WORK/man-flat.txt" || fail "the man page lacks the default --help shows: $d"; done < "$WORK/defaults.txt"
echo "test-install: the man page shows the $(wc -l < "$WORK/defaults.txt") defaults --help shows"

# Completion scripts: syntax-checked by every shell present.
bash -n "$PREFIX/share/bash-completion/completions/glassview" || fail "bash completion: syntax error"
if command -v zsh >/dev/null 2>&1; then zsh -n "$PREFIX/share/zsh/site-functions/_glassview" || fail "zsh completion: syntax error"; fi
if command -v fish >/dev/null 2>&1; then fish -n "$PREFIX/share/fish/vendor_completions.d/glassview.fish" || fail "fish completion: syntax error"; fi
for f in "$PREFIX/share/zsh/site-functions/_glassview" "$PREFIX/share/fish/vendor_completions.d/glassview.fish"; do
  grep -q analyze "$f" || fail "$f does not complete the analyze command"
done
echo "test-install: OK ($(du -h "$BIN" | cut -f1) binary)"
