#!/usr/bin/env python3
"""Known-answer vectors for the host/ crypto and address fixtures.

Everything is derived from fixed labels (no randomness), so rerunning this script reproduces the
same bytes.  Two independent computations are compared for every signature:
  * secp256k1: pyca/cryptography (OpenSSL, RFC 6979 deterministic ECDSA, then low-S normalised as
    libsecp256k1 does) and a pure-Python RFC 6979 + ECDSA implementation below; recovery ids come
    from a pure-Python public-key recovery.
  * ed25519: pyca/cryptography and `openssl pkeyutl -sign -rawin` (checked in tools/check.sh).
Prints JSON (consumed by tools/manifest.py).
"""
import hashlib, hmac, json, sys

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, Prehashed

# ---------------------------------------------------------------- bech32 (BIP-173)
CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

def _polymod(values):
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk

def _hrp_expand(hrp):
    return [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]

def bech32_decode(s):
    s = s.lower()
    pos = s.rfind("1")
    hrp, data = s[:pos], [CHARSET.find(c) for c in s[pos + 1:]]
    assert _polymod(_hrp_expand(hrp) + data) == 1, "bad checksum"
    return hrp, data[:-6]

def bech32_encode(hrp, data):
    values = _hrp_expand(hrp) + data
    pm = _polymod(values + [0] * 6) ^ 1
    return hrp + "1" + "".join(CHARSET[d] for d in data + [(pm >> 5 * (5 - i)) & 31 for i in range(6)])

def convertbits(data, frombits, tobits, pad):
    acc = bits = 0
    ret = []
    maxv = (1 << tobits) - 1
    for v in data:
        acc = (acc << frombits) | v
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            ret.append((acc >> bits) & maxv)
    if pad and bits:
        ret.append((acc << (tobits - bits)) & maxv)
    elif not pad:
        assert bits < frombits and ((acc << (tobits - bits)) & maxv) == 0
    return ret

# ---------------------------------------------------------------- secp256k1, pure Python
P = 2**256 - 2**32 - 977
N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
G = (0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798,
     0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8)

def _add(p, q):
    if p is None: return q
    if q is None: return p
    if p[0] == q[0] and (p[1] + q[1]) % P == 0: return None
    if p == q:
        l = 3 * p[0] * p[0] * pow(2 * p[1], -1, P) % P
    else:
        l = (q[1] - p[1]) * pow(q[0] - p[0], -1, P) % P
    x = (l * l - p[0] - q[0]) % P
    return (x, (l * (p[0] - x) - p[1]) % P)

def _mul(k, p):
    r = None
    while k:
        if k & 1: r = _add(r, p)
        p = _add(p, p)
        k >>= 1
    return r

def compressed(pt):
    return bytes([2 + (pt[1] & 1)]) + pt[0].to_bytes(32, "big")

def uncompressed(pt):
    return b"\x04" + pt[0].to_bytes(32, "big") + pt[1].to_bytes(32, "big")

def rfc6979_k(priv, h):
    """RFC 6979 section 3.2 with HMAC-SHA256, qlen = hlen = 256 (libsecp256k1's nonce_function_rfc6979
    without extra entropy)."""
    x = priv.to_bytes(32, "big")
    h1 = (int.from_bytes(h, "big") % N).to_bytes(32, "big")
    v, k = b"\x01" * 32, b"\x00" * 32
    k = hmac.new(k, v + b"\x00" + x + h1, hashlib.sha256).digest()
    v = hmac.new(k, v, hashlib.sha256).digest()
    k = hmac.new(k, v + b"\x01" + x + h1, hashlib.sha256).digest()
    v = hmac.new(k, v, hashlib.sha256).digest()
    while True:
        v = hmac.new(k, v, hashlib.sha256).digest()
        cand = int.from_bytes(v, "big")
        if 1 <= cand < N:
            return cand
        k = hmac.new(k, v + b"\x00", hashlib.sha256).digest()
        v = hmac.new(k, v, hashlib.sha256).digest()

def ecdsa_sign_low_s(priv, h):
    k = rfc6979_k(priv, h)
    R = _mul(k, G)
    r = R[0] % N
    s = pow(k, -1, N) * (int.from_bytes(h, "big") + r * priv) % N
    recid = (R[1] & 1) | (2 if R[0] >= N else 0)
    if s > N // 2:
        s = N - s
        recid ^= 1
    return r, s, recid

def recover(h, r, s, recid):
    x = r + (N if recid & 2 else 0)
    y2 = (pow(x, 3, P) + 7) % P
    y = pow(y2, (P + 1) // 4, P)
    if (y & 1) != (recid & 1):
        y = P - y
    R = (x, y)
    e = int.from_bytes(h, "big")
    rinv = pow(r, -1, N)
    return _add(_mul(s * rinv % N, R), _mul((-e * rinv) % N, G))

def verify(h, r, s, pub):
    e = int.from_bytes(h, "big")
    w = pow(s, -1, N)
    pt = _add(_mul(e * w % N, G), _mul(r * w % N, pub))
    return pt is not None and pt[0] % N == r

# ---------------------------------------------------------------- vectors
def label_key(label):
    return hashlib.sha256(label.encode()).digest()

def main():
    out = {}

    # --- addresses (LocalSecret account "a")
    addr = "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03"
    hrp, data = bech32_decode(addr)
    canon = bytes(convertbits(data, 5, 8, False))
    assert hrp == "secret" and len(canon) == 20
    assert bech32_encode("secret", convertbits(canon, 8, 5, True)) == addr
    bad_checksum = addr[:-1] + ("q" if addr[-1] != "q" else "p")
    cosmos = bech32_encode("cosmos", convertbits(canon, 8, 5, True))
    out["address"] = {
        "human": addr,
        "canonicalHex": canon.hex(),
        "badChecksum": bad_checksum,
        "cosmosSameBytes": cosmos,
        "upper": addr.upper(),
        "how": "bech32 decode of the LocalSecret account a address (tools/vectors.py); the others are "
               "derived: last character changed, same 20 bytes under hrp cosmos, all upper case",
    }

    # --- secp256k1
    priv_b = label_key("arcanum fixture secp256k1 key")
    priv = int.from_bytes(priv_b, "big")
    assert 1 <= priv < N
    pub = _mul(priv, G)
    msg = b"arcanum fixture message"
    h = hashlib.sha256(msg).digest()
    r, s, recid = ecdsa_sign_low_s(priv, h)
    # cross-check with OpenSSL deterministic ECDSA (RFC 6979), then low-S normalisation
    sk = ec.derive_private_key(priv, ec.SECP256K1())
    der = sk.sign(h, ec.ECDSA(Prehashed(hashes.SHA256()), deterministic_signing=True))
    r2, s2 = decode_dss_signature(der)
    if s2 > N // 2:
        s2 = N - s2
    assert (r, s) == (r2, s2), "pure-Python RFC 6979 disagrees with OpenSSL"
    sig = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    assert verify(h, r, s, pub)
    assert recover(h, r, s, recid) == pub
    # OpenSSL verify too
    sk.public_key().verify(der, h, ec.ECDSA(Prehashed(hashes.SHA256())))
    # secp256k1_sign signs SHA-256(msg) with the same key: same (r, s) as above
    h_other = hashlib.sha256(b"arcanum fixture message!").digest()
    out["secp256k1"] = {
        "privkeyHex": priv_b.hex(),
        "pubkeyCompressedHex": compressed(pub).hex(),
        "pubkeyUncompressedHex": uncompressed(pub).hex(),
        "messageUtf8": msg.decode(),
        "messageHex": msg.hex(),
        "hashHex": h.hex(),
        "otherHashHex": h_other.hex(),
        "signatureHex": sig.hex(),
        "recoveryParam": recid,
        "how": "privkey = SHA-256(\"arcanum fixture secp256k1 key\"); hash = SHA-256(message); "
               "signature = RFC 6979 deterministic ECDSA with low-S (libsecp256k1 secp256k1_ecdsa_sign), "
               "computed by pure Python and by OpenSSL (pyca/cryptography deterministic_signing) and "
               "compared; recovery id from pure-Python recovery; tools/vectors.py",
    }

    # --- ed25519 (three keys for the batch)
    eds = []
    for i in range(3):
        seed = label_key(f"arcanum fixture ed25519 key {i}")
        k = ed25519.Ed25519PrivateKey.from_private_bytes(seed)
        pk = k.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        m = f"arcanum ed25519 message {i}".encode()
        sg = k.sign(m)
        k.public_key().verify(sg, m)
        eds.append({"seedHex": seed.hex(), "pubkeyHex": pk.hex(), "messageUtf8": m.decode(),
                    "messageHex": m.hex(), "signatureHex": sg.hex()})
    # key 0 signs message 1 too (for the one-pubkey batch form)
    k0 = ed25519.Ed25519PrivateKey.from_private_bytes(bytes.fromhex(eds[0]["seedHex"]))
    k1 = ed25519.Ed25519PrivateKey.from_private_bytes(bytes.fromhex(eds[1]["seedHex"]))
    # key 1 signs message 0 (for the one-message batch form)
    out["ed25519"] = {
        "keys": eds,
        "key0SignsMessage1Hex": k0.sign(bytes.fromhex(eds[1]["messageHex"])).hex(),
        "key1SignsMessage0Hex": k1.sign(bytes.fromhex(eds[0]["messageHex"])).hex(),
        "how": "seed_i = SHA-256(\"arcanum fixture ed25519 key <i>\"); message_i = \"arcanum ed25519 message <i>\"; "
               "RFC 8032 Ed25519 by pyca/cryptography, cross-checked with openssl pkeyutl (tools/check.sh)",
    }
    json.dump(out, sys.stdout, indent=2)
    print()

if __name__ == "__main__":
    main()
