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

# The realistic module comes from Rust. Debian's rustc 1.63 has the wasm32 standard library;
# a rustup toolchain on PATH usually does not, so call Debian's binary explicitly.
rustc=/usr/bin/rustc
if [ -x "$rustc" ]; then
  "$rustc" --edition 2021 --target wasm32-unknown-unknown --crate-type cdylib \
    -C opt-level=2 -C panic=abort -C strip=debuginfo \
    "$here/../../rust/instrument/realistic.rs" -o "$out/realistic.wasm"
  chmod 644 "$out/realistic.wasm"
  echo "realistic.wasm"
else
  echo "skipping realistic.wasm: $rustc not found" >&2
fi
