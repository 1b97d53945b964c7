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

echo "building glassview (release, static Swift runtime)..."
swift build -c release --static-swift-stdlib --product glassview
BIN="$(swift build -c release --static-swift-stdlib --show-bin-path)/glassview"

# The man page: the generate-manual tool of swift-argument-parser's `generate-manual` plugin, run
# on the binary just built (the binary describes its command tree with --experimental-dump-help).
# `swift package plugin generate-manual --help` builds the plugin's tool without the plugin's own
# non-static release build of the whole package, which would double the build time.
echo "building the generate-manual plugin's tool..."
swift package plugin generate-manual --help >/dev/null
TOOL="$(find .build -name generate-manual-tool -type f -perm -u+x | head -n 1)"
[ -n "$TOOL" ] || { echo "install.sh: the generate-manual plugin's tool was not built" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

install -d "$PREFIX/bin" "$PREFIX/share/man/man1" "$PREFIX/share/bash-completion/completions" \
  "$PREFIX/share/zsh/site-functions" "$PREFIX/share/fish/vendor_completions.d"
cp "$BIN" "$work/glassview"
# Stripping the symbols takes the binary from ~53 MB to ~22 MB; strip is optional.
if command -v strip >/dev/null 2>&1; then strip "$work/glassview"; fi
install -m 0755 "$work/glassview" "$PREFIX/bin/glassview"

mkdir "$work/man" "$work/help"
# The tool drops every non-ASCII character of the help (β, ≥, Δ, χ, the arrows: "-peak window"
# for both peak windows). So it is given the help with each such character written as groff's
# \[uXXXX] (perl is part of every Debian system), and the backslash it escapes is put back.
cat > "$work/help/unicode.pl" <<'PERL'
s/([^\x00-\x7f])/sprintf("\\\\[u%04X]", ord($1))/ge;
PERL
# The tool leaves out the defaults `--help` shows (`(default: json)`): the command tree it reads
# (--experimental-dump-help, JSON) is given each option's default in its text, as --help has it.
cat > "$work/help/defaults.pl" <<'PERL'
use strict; use warnings; use JSON::PP;
local $/; my $text = <STDIN>;
my $tool = eval { JSON::PP->new->utf8->decode($text) };
if (!$tool || !$tool->{command}) { print $text; exit 0 }
sub walk {
    my ($c) = @_;
    for my $a (@{ $c->{arguments} || [] }) {
        $a->{abstract} = ($a->{abstract} // '') . " (default: $a->{defaultValue})" if defined $a->{defaultValue};
    }
    walk($_) for @{ $c->{subcommands} || [] };
}
walk($tool->{command});
print JSON::PP->new->utf8->encode($tool);
PERL
cat > "$work/help/glassview" <<WRAP
#!/bin/sh
"$PREFIX/bin/glassview" "\$@" | perl "$work/help/defaults.pl" | perl -CS -p "$work/help/unicode.pl"
WRAP
chmod +x "$work/help/glassview"
"$TOOL" "$work/help/glassview" --output-directory "$work/man" --authors "the glassview authors"
# The generator's EXIT STATUS is mdoc's generic `.Ex -std` ("0 on success, >0 on error"): the
# statuses glassview gives (docs/export.md) replace it.
cat > "$work/man/status" <<'MDOC'
.Bl -tag -width 8n
.It 0
Success.
.It 1
Nothing to show, though nothing is wrong (the reason on standard error; nothing written):
.Cm plot Ns 's
view has nothing to draw for the study;
.Cm master Ns 's
study (or
.Fl -state )
has no isothermal sweeps.
.It 64
A bad option or setting (T_s \(>= T_e, bounds outside the data, an unknown baseline state, a study.toml key, -o naming an input or a file a study would read).
.It 65
Bad data: the file and line are named.
.It 66
A missing or unreadable study or file.
.It 69
.Cm explore :
no usable terminal.
.It 73
An output that cannot be written (a file, or standard output).
.It 128+n
.Cm explore
ended by signal n, the screen restored.
.El
.Pp
Errors are one line on standard error; input files are only ever read.
MDOC
sed -e 's/\\e\[u\([0-9A-F]\{4,6\}\]\)/\\[u\1/g' -e "/^\.Ex -std\$/{r $work/man/status
d;}" "$work/man/glassview.1" \
  | awk '/^Keys \(/ { keys = 1; print; print ".br"; next }  # the explorer keys: one a line, as --help shows them
         /^$/ { keys = 0; print ".Pp"; next }                 # a paragraph break (an empty line is a groff warning)
         { print }
         keys && !/^[.\x27]/ { print ".br" }' > "$work/man/glassview.1.utf"
grep -q '^\.It 128+n' "$work/man/glassview.1.utf" || { echo "install.sh: the man page's EXIT STATUS was not replaced" >&2; exit 1; }
install -m 0644 "$work/man/glassview.1.utf" "$PREFIX/share/man/man1/glassview.1"

"$PREFIX/bin/glassview" --generate-completion-script bash > "$PREFIX/share/bash-completion/completions/glassview"
"$PREFIX/bin/glassview" --generate-completion-script zsh > "$PREFIX/share/zsh/site-functions/_glassview"
"$PREFIX/bin/glassview" --generate-completion-script fish > "$PREFIX/share/fish/vendor_completions.d/glassview.fish"

echo "installed $("$PREFIX/bin/glassview" --version) into $PREFIX:"
echo "  $PREFIX/bin/glassview ($(du -h "$PREFIX/bin/glassview" | cut -f1))"
echo "  $PREFIX/share/man/man1/glassview.1"
echo "  completions: bash, zsh, fish under $PREFIX/share"
