#!/usr/bin/env bash
# Rebuilds every contract offline with Debian's Rust toolchain, copies the stripped module to
# contracts/<name>/<name>.wasm (committed), and refuses any module Secret would refuse or
# that strays from plain wasm MVP: floats, bulk-memory, SIMD, sign-extension, a start
# function, a memory maximum, too many pages, missing exports, imports off the v1 allow-list.
#
#   ./build.sh             host unit tests, build, checks, smoke test of the built modules
#   SKIP_TESTS=1 ./build.sh
#
# Needs Debian packages rustc, cargo, libstd-rust-dev-wasm32, lld-14, wabt.
set -euo pipefail

cd "$(dirname "$0")"

CONTRACTS=(counter token caller)

# Debian's toolchain explicitly: a rustup toolchain earlier on PATH has no wasm32 std.
CARGO_BIN=${DEBIAN_CARGO:-/usr/bin/cargo}
export RUSTC=${DEBIAN_RUSTC:-/usr/bin/rustc}
# Target features must stay at rustc 1.63's wasm32 defaults (no bulk-memory, no sign-ext):
# a stray RUSTFLAGS from the environment could silently enable them.
export RUSTFLAGS=""
export CARGO_NET_OFFLINE=true

# Secret v1 upload allow-list (cosmwasm-abi.md §2.3).
ALLOWED_IMPORTS=" db_read db_write db_remove addr_validate addr_canonicalize addr_humanize \
secp256k1_verify secp256k1_recover_pubkey secp256k1_sign ed25519_verify ed25519_batch_verify \
ed25519_sign dcap_quote_verify debug query_chain db_scan db_next gas_evaporate check_gas "
REQUIRED_EXPORTS="interface_version_8 allocate deallocate instantiate"
MAX_PAGES=192   # Secret's enclave refuses more initial pages (12 MiB)

for tool in "$CARGO_BIN" "$RUSTC" wasm-objdump wasm-validate wasm-strip wasm2wat; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done
"$RUSTC" --print target-libdir --target wasm32-unknown-unknown >/dev/null

if [ "${SKIP_TESTS:-0}" != 1 ]; then
    echo "== host unit tests"
    "$CARGO_BIN" test --offline --locked --quiet
fi

echo "== building (release, wasm32-unknown-unknown)"
"$CARGO_BIN" build --offline --locked --release --target wasm32-unknown-unknown

fail() {
    echo "FAIL $1: $2" >&2
    exit 1
}

check() {
    local name=$1 wasm=$2
    wasm-validate "$wasm" || fail "$name" "wasm-validate rejected the module"

    local dis headers details wat
    dis=$(wasm-objdump -d "$wasm")
    headers=$(wasm-objdump -h "$wasm")
    details=$(wasm-objdump -x "$wasm")
    wat=$(wasm2wat "$wasm")

    # Secret refuses float instructions at instantiate (§5.3) ...
    if grep -qE '\b(f32|f64)\.' <<<"$dis"; then
        grep -E '\b(f32|f64)\.' <<<"$dis" | head -5 >&2
        fail "$name" "float instructions"
    fi
    # ... and float types in any signature, local or global (data segments are text, skip them).
    if grep -vE '^\s*\(data' <<<"$wat" | grep -qE '\bf(32|64)\b'; then
        grep -vE '^\s*\(data' <<<"$wat" | grep -E '\bf(32|64)\b' | head -5 >&2
        fail "$name" "float types"
    fi
    # Post-MVP opcodes: bulk-memory is banned everywhere, SIMD too; sign-extension is accepted
    # by Secret but not by older upstream VMs, and rustc 1.63 never emits it, so its
    # appearance would mean the toolchain changed under us.
    local post_mvp='memory\.(copy|fill|init)|data\.drop|table\.(copy|init|grow|size|fill)|elem\.drop|v128|i8x16|i16x8|i32x4|i64x2|extend(8|16|32)_s|trunc_sat'
    if grep -qE "$post_mvp" <<<"$dis"; then
        grep -E "$post_mvp" <<<"$dis" | head -5 >&2
        fail "$name" "post-MVP instructions"
    fi

    grep -qE '^\s*Start ' <<<"$headers" && fail "$name" "has a start function"

    # Exactly one memory, defined (not imported), no maximum, few enough pages.
    local mem_section memories mem_line pages
    mem_section=$(wasm-objdump -x -j Memory "$wasm" 2>/dev/null || true)
    memories=$(grep -cE '^ - memory\[' <<<"$mem_section" || true)
    [ "$memories" = 1 ] || fail "$name" "expected exactly one memory, found $memories"
    grep -qE '^ - (memory|table|global)\[[0-9]+\].* <- ' <<<"$details" && fail "$name" "imports something other than functions"
    mem_line=$(grep -E '^ - memory\[0\]' <<<"$mem_section")
    grep -q 'max=' <<<"$mem_line" && fail "$name" "memory declares a maximum ($mem_line)"
    pages=$(sed -nE 's/.*initial=([0-9]+).*/\1/p' <<<"$mem_line")
    [ "$pages" -le "$MAX_PAGES" ] || fail "$name" "initial memory $pages pages > $MAX_PAGES"

    local exports imports e i
    exports=$(sed -nE 's/^ - (func|memory|global|table)\[[0-9]+\].* -> "([^"]+)"$/\2/p' <<<"$details")
    for e in $REQUIRED_EXPORTS; do
        grep -qx "$e" <<<"$exports" || fail "$name" "missing export $e"
    done
    imports=$(sed -nE 's/^ - func\[[0-9]+\].* <- ([^.]+)\.(.+)$/\1.\2/p' <<<"$details")
    for i in $imports; do
        [ "${i%%.*}" = env ] || fail "$name" "import $i is not from module env"
        [[ "$ALLOWED_IMPORTS" == *" ${i#env.} "* ]] || fail "$name" "import $i is not on Secret's v1 allow-list"
    done

    printf '%-8s %7d bytes  %3d pages  imports: %s\n' "$name" "$(stat -c %s "$wasm")" "$pages" \
        "$(tr '\n' ' ' <<<"${imports//env./}")"
}

echo "== checking"
for name in "${CONTRACTS[@]}"; do
    out="$name/$name.wasm"
    cp "target/wasm32-unknown-unknown/release/$name.wasm" "$out"
    # Custom sections (DWARF from the prebuilt std, names, producers) are most of the file
    # and mean nothing to the host.
    wasm-strip "$out"
    check "$name" "$out"
done
# The unit tests bypass the Region protocol; run the built modules through a small
# Secret-like host when Node.js is around.
if command -v node >/dev/null; then
    echo "== smoke test (node smoke.mjs)"
    node smoke.mjs
else
    echo "== smoke test skipped: node not found"
fi
echo "== ok"
