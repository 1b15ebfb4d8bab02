#!/bin/sh
# Regenerates the committed test modules in wasm/src/test/resources/instrument from the WAT sources
# here. Needs wabt's wat2wasm (Debian package `wabt`); the build and CI do not. A first-lines
# comment ";; wat2wasm-flags: ..." in a .wat file adds flags for that file.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../resources/instrument"
mkdir -p "$out"
for wat in "$here"/*.wat; do
  name=$(basename "$wat" .wat)
  flags=$(sed -n 's/^;; wat2wasm-flags: //p' "$wat")
  # shellcheck disable=SC2086
  wat2wasm $flags "$wat" -o "$out/$name.wasm"
  echo "$name.wasm"
done
