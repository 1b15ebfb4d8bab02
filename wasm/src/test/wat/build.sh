#!/usr/bin/env bash
# Rebuilds every committed fixture under wasm/src/test/resources/fixtures/ (and the runtime tests'
# modules under resources/runtime/) from the sources here.
# Needs wabt (wat2wasm, wasm-validate; Debian package "wabt" 1.0.32), python3 and gzip.
# CI has no wabt: the compiled .wasm files are committed and this script is run by hand after
# editing a source. Output is deterministic (rerunning it leaves `git status` clean).
#
# Source directives (each on a line of its own in a .wat file):
#   ;;@flags <wat2wasm options>   extra wat2wasm/wasm-validate options, e.g. --enable-multi-memory;
#                                 --no-check builds a deliberately invalid module (not validated)
#   ;;@include lib/<file>.wat     replaced by that file's text (paths relative to this directory)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/fixtures"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

expand() {
  awk -v root="$here" '
    /^[ \t]*;;@include / { f = root "/" $2; n = 0
                           while ((getline line < f) > 0) { print line; n++ }
                           close(f); if (n == 0) { print "missing include " f > "/dev/stderr"; exit 1 }
                           next }
    { print }' "$1"
}

count=0
for category in validation host gas traps hostile; do
  mkdir -p "$out/$category"
  for src in "$here/$category"/*.wat; do
    [ -e "$src" ] || continue
    name=$(basename "$src" .wat)
    flags=$(sed -n 's/^;;@flags //p' "$src" | head -n 1)
    expand "$src" > "$tmp/$name.wat"
    # shellcheck disable=SC2086
    wat2wasm $flags "$tmp/$name.wat" -o "$out/$category/$name.wasm"
    case " $flags " in
      *" --no-check "*) ;;                                  # invalid on purpose
      *) wasm-validate $flags "$out/$category/$name.wasm" ;;
    esac
    count=$((count + 1))
  done
done
echo "compiled $count WAT fixtures"

# The runtime's own test modules (not in the manifest; their tests say what they expect).
mkdir -p "$here/../resources/runtime"
for src in "$here/runtime"/*.wat; do
  name=$(basename "$src" .wat)
  wat2wasm "$src" -o "$here/../resources/runtime/$name.wasm"
  wasm-validate "$here/../resources/runtime/$name.wasm"
done

# Fixtures that are not plain WAT: limit twins generated as WAT text, non-wasm bytes, truncated and
# binary-patched modules, gzip copies, the 2 MiB size twins.
python3 "$here/tools/gen.py" "$out"

# The manifest.
python3 "$here/tools/manifest.py" > "$out/fixtures.json"
python3 "$here/tools/readme.py" "$out/fixtures.json"
echo "wrote fixtures.json and the fixture list in README.md"
echo "now run tools/check.sh (node, wabt, openssl) to cross-check every expectation"
