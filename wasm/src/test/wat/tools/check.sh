#!/usr/bin/env bash
# Cross-checks the committed fixtures against independent tools (dev only, not run in CI).
# Needs node >= 20, wabt, openssl and python3 (with pyca/cryptography for tools/vectors.py).
#   1. every fixture that is valid wasm parses with `wasm-objdump -x`, and no fixture the manifest
#      expects to upload or run contains an f32/f64 instruction (`wasm-objdump -d`);
#   2. tools/refvm.mjs re-derives every manifest expectation (validation rules, outcomes, storage,
#      exact gas) and must agree;
#   3. the crypto vectors verify with the openssl command-line tool (a different OpenSSL build from
#      the one inside pyca/cryptography that produced them).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
fx="$here/../resources/fixtures"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== 1. wasm-objdump"
python3 - "$fx" > "$tmp/files" <<'PY'
import json, sys
m = json.load(open(sys.argv[1] + "/fixtures.json"))
runnable = {f["file"] for f in m["fixtures"] if f["expect"] != "reject"}
rejected = {f["file"] for f in m["fixtures"] if f["expect"] == "reject"} - runnable
for f in sorted(runnable): print("run", f)
for f in sorted(rejected): print("rej", f)
PY
n=0
while read -r kind f; do
  case "$f" in *.gz) continue ;; esac
  path="$fx/$f"
  if wasm-validate --enable-all "$path" 2>/dev/null; then
    wasm-objdump -x "$path" > /dev/null
    n=$((n + 1))
    if [ "$kind" = run ] && wasm-objdump -d "$path" | grep -Eq '\b(f32|f64)\.'; then
      echo "FAIL $f: float instruction in a fixture that must upload"; exit 1
    fi
  elif [ "$kind" = run ]; then
    echo "FAIL $f: expected to upload but wasm-validate rejects it"; exit 1
  fi
done < "$tmp/files"
echo "wasm-objdump -x parsed $n valid modules; no floats in uploadable ones"

echo "== 2. refvm"
node "$here/tools/refvm.mjs" "$fx" | grep -v '^  note'

echo "== 3. openssl"
python3 - "$fx" "$tmp" <<'PY'
import json, sys
m = json.load(open(sys.argv[1] + "/fixtures.json")); t = sys.argv[2]; v = m["vectors"]
k = v["ed25519"]["keys"][0]
der_pub = bytes.fromhex("302a300506032b6570032100" + k["pubkeyHex"])
open(t + "/ed.pub.der", "wb").write(der_pub)
open(t + "/ed.priv.der", "wb").write(bytes.fromhex("302e020100300506032b657004220420" + k["seedHex"]))
open(t + "/ed.msg", "wb").write(bytes.fromhex(k["messageHex"]))
open(t + "/ed.sig", "wb").write(bytes.fromhex(k["signatureHex"]))
s = v["secp256k1"]
def der_int(x):
    b = x.to_bytes(32, "big").lstrip(b"\0")
    if b[0] & 0x80: b = b"\0" + b
    return b"\x02" + bytes([len(b)]) + b
sig = bytes.fromhex(s["signatureHex"])
body = der_int(int.from_bytes(sig[:32], "big")) + der_int(int.from_bytes(sig[32:], "big"))
open(t + "/secp.sig.der", "wb").write(b"\x30" + bytes([len(body)]) + body)
open(t + "/secp.hash", "wb").write(bytes.fromhex(s["hashHex"]))
# SubjectPublicKeyInfo for an uncompressed secp256k1 key
spki = bytes.fromhex("3056301006072a8648ce3d020106052b8104000a034200" + s["pubkeyUncompressedHex"])
open(t + "/secp.pub.der", "wb").write(spki)
PY
openssl pkeyutl -sign -rawin -inkey "$tmp/ed.priv.der" -keyform DER -in "$tmp/ed.msg" -out "$tmp/ed.sig2"
cmp "$tmp/ed.sig" "$tmp/ed.sig2" && echo "ed25519: openssl reproduces the signature"
openssl pkeyutl -verify -pubin -inkey "$tmp/secp.pub.der" -keyform DER -in "$tmp/secp.hash" -sigfile "$tmp/secp.sig.der"
echo "== all checks passed"
