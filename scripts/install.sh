#!/usr/bin/env bash
# Builds glassview as one release binary with the Swift runtime linked in (--static-swift-stdlib;
# at run time it needs only libc, libstdc++ and libncursesw) and installs it with its man page and
# bash/zsh/fish completions:
#
#   scripts/install.sh [PREFIX]        # PREFIX defaults to /usr/local
#
#   PREFIX/bin/glassview
#   PREFIX/share/man/man1/glassview.1
#   PREFIX/share/bash-completion/completions/glassview
#   PREFIX/share/zsh/site-functions/_glassview
#   PREFIX/share/fish/vendor_completions.d/glassview.fish
#
# The man page comes from swift-argument-parser's `generate-manual` plugin, so it lists every
# subcommand and option of the binary. Everything builds offline from the resolved packages.
set -euo pipefail
PREFIX="${1:-/usr/local}"
case "$PREFIX" in /*) ;; *) PREFIX="$PWD/$PREFIX" ;; esac
cd "$(dirname "$0")/.."

# The man page: swift-argument-parser's generate-manual plugin. It builds the package in release
# mode and runs its generate-manual tool on the glassview binary (which describes itself with
# --experimental-dump-help); the static build below reuses those objects and only links again.
echo "building glassview (release) and its man page..."
rm -rf .build/plugins/GenerateManual
swift package plugin generate-manual --authors "the glassview authors"
PAGE="$(find .build/plugins/GenerateManual -name glassview.1 | head -n 1)"
[ -n "$PAGE" ] || { echo "install.sh: the generate-manual plugin wrote no glassview.1" >&2; exit 1; }

echo "linking glassview with the static Swift runtime..."
swift build -c release --static-swift-stdlib --product glassview
BIN="$(swift build -c release --static-swift-stdlib --show-bin-path)/glassview"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

install -d "$PREFIX/bin" "$PREFIX/share/man/man1" "$PREFIX/share/bash-completion/completions" \
  "$PREFIX/share/zsh/site-functions" "$PREFIX/share/fish/vendor_completions.d"
cp "$BIN" "$work/glassview"
# Stripping the debug symbols takes the binary from ~200 MB to ~60 MB; strip is optional.
if command -v strip >/dev/null 2>&1; then strip "$work/glassview"; fi
install -m 0755 "$work/glassview" "$PREFIX/bin/glassview"

install -m 0644 "$PAGE" "$PREFIX/share/man/man1/glassview.1"

"$PREFIX/bin/glassview" --generate-completion-script bash > "$PREFIX/share/bash-completion/completions/glassview"
"$PREFIX/bin/glassview" --generate-completion-script zsh > "$PREFIX/share/zsh/site-functions/_glassview"
"$PREFIX/bin/glassview" --generate-completion-script fish > "$PREFIX/share/fish/vendor_completions.d/glassview.fish"

echo "installed $("$PREFIX/bin/glassview" --version) into $PREFIX:"
echo "  $PREFIX/bin/glassview ($(du -h "$PREFIX/bin/glassview" | cut -f1))"
echo "  $PREFIX/share/man/man1/glassview.1"
echo "  completions: bash, zsh, fish under $PREFIX/share"
