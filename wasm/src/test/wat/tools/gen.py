#!/usr/bin/env python3
"""Builds the fixtures that are not plain hand-written WAT (called by build.sh with the output
directory). Deterministic: no timestamps, no randomness.

  * limit twins (20 000 / 20 001 functions, 100 / 101 params, 100 / 101 imports, 1 000 / 1 001
    locals): WAT text generated from validation/min_v1.wat, compiled with wat2wasm;
  * locals_huge_count: binary-patched (a local count of 0xFFFFFFFF cannot be written in WAT);
  * not-wasm bytes, a truncated module, an unknown section id, a wrong version;
  * gzip copies (gzip -n -9), a truncated gzip, a gzip with a bad CRC, gzip garbage, a 64 MiB bomb;
  * modules of exactly 2 MiB and 2 MiB + 1 (min_v1 plus a custom section of zeros);
  * hostile/deep_block_nesting: 10 000 nested blocks.
"""
import os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = sys.argv[1]
VAL = os.path.join(OUT, "validation")
MiB = 1024 * 1024


def wat2wasm(text, dest, flags=()):
    with tempfile.NamedTemporaryFile("w", suffix=".wat", delete=False) as f:
        f.write(text)
        src = f.name
    try:
        subprocess.run(["wat2wasm", *flags, src, "-o", dest], check=True)
        subprocess.run(["wasm-validate", *flags, dest], check=True)
    finally:
        os.unlink(src)


def gzip(data):
    return subprocess.run(["gzip", "-n", "-9", "-c"], input=data, stdout=subprocess.PIPE, check=True).stdout


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def leb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def read_leb(buf, i):
    result = shift = 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def sections(module):
    """[(id, payload)] of a binary module."""
    assert module[:8] == b"\0asm\1\0\0\0"
    i, out = 8, []
    while i < len(module):
        sid = module[i]
        size, j = read_leb(module, i + 1)
        out.append((sid, module[j:j + size]))
        i = j + size
    return out


def assemble(secs):
    return b"\0asm\1\0\0\0" + b"".join(bytes([sid]) + leb(len(p)) + p for sid, p in secs)


# ------------------------------------------------------------------ the min_v1 base text
BASE = open(os.path.join(HERE, "validation", "min_v1.wat")).read()
BODY = BASE[BASE.index("(module"):]
assert BODY.rstrip().endswith(")")


def with_defs(header, defs):
    """min_v1 with extra definitions appended inside the module."""
    inner = BODY.rstrip()[:-1]
    return header + inner + defs + ")\n"


def with_imports(header, imports):
    return header + BODY.replace("(module\n", "(module\n" + imports, 1)


def limit_twins():
    # functions: min_v1 defines 4 (marker, allocate, deallocate, instantiate) and imports none, so
    # "defined functions" and "all functions" agree.
    for n, verdict in ((20000, "ACCEPT"), (20001, "REJECT TOO_MANY_FUNCTIONS")):
        fillers = "".join("  (func)\n" for _ in range(n - 4))
        wat2wasm(with_defs(f";; {verdict}: min_v1 plus {n - 4} empty functions = {n} functions, no imports.\n",
                           fillers), os.path.join(VAL, f"functions_{n}.wasm"))
    for n, verdict in ((100, "ACCEPT"), (101, "REJECT TOO_MANY_PARAMS")):
        params = " ".join(["i32"] * n)
        wat2wasm(with_defs(f";; {verdict}: a helper function with {n} i32 parameters.\n",
                           f"  (func $many (param {params}))\n"), os.path.join(VAL, f"params_{n}.wasm"))
    # imports: cycle through the v1 allow-list with the right signatures (duplicates are legal wasm)
    allowed = [
        ("db_read", "(param i32) (result i32)"), ("db_write", "(param i32 i32)"), ("db_remove", "(param i32)"),
        ("addr_validate", "(param i32) (result i32)"), ("addr_canonicalize", "(param i32 i32) (result i32)"),
        ("addr_humanize", "(param i32 i32) (result i32)"),
        ("secp256k1_verify", "(param i32 i32 i32) (result i32)"),
        ("secp256k1_recover_pubkey", "(param i32 i32 i32) (result i64)"),
        ("secp256k1_sign", "(param i32 i32) (result i64)"), ("ed25519_verify", "(param i32 i32 i32) (result i32)"),
        ("ed25519_batch_verify", "(param i32 i32 i32) (result i32)"), ("ed25519_sign", "(param i32 i32) (result i64)"),
        ("dcap_quote_verify", "(param i32 i32) (result i64)"), ("debug", "(param i32)"),
        ("query_chain", "(param i32) (result i32)"), ("db_scan", "(param i32 i32 i32) (result i32)"),
        ("db_next", "(param i32) (result i32)"), ("gas_evaporate", "(param i32) (result i32)"),
        ("check_gas", "(result i64)"),
    ]
    for n, verdict in ((100, "ACCEPT"), (101, "REJECT TOO_MANY_IMPORTS")):
        imps = "".join(f'  (import "env" "{allowed[i % len(allowed)][0]}" (func {allowed[i % len(allowed)][1]}))\n'
                       for i in range(n))
        wat2wasm(with_imports(f";; {verdict}: {n} function imports, all allowed names with the right "
                              f"signatures (cycling through the v1 list).\n", imps),
                 os.path.join(VAL, f"imports_{n}.wasm"))
    for n, verdict in ((1000, "ACCEPT"), (1001, "REJECT TOO_MANY_LOCALS")):
        wat2wasm(with_defs(f";; {verdict}: a helper function (no params) with {n} i32 locals.\n",
                           f"  (func $locals (local {' '.join(['i32'] * n)}))\n"),
                 os.path.join(VAL, f"locals_{n}.wasm"))
    wat2wasm(with_defs(";; REJECT TOO_MANY_LOCALS: 500 i32 + 501 i64 locals in two declaration groups "
                       "(the limit applies to the sum).\n",
                       f"  (func $locals (local {' '.join(['i32'] * 500)}) (local {' '.join(['i64'] * 501)}))\n"),
             os.path.join(VAL, "locals_1001_mixed.wasm"))


def locals_huge_count():
    """min_v1 plus a function whose single local declaration says 0xFFFFFFFF i32 locals. A parser
    that materialises locals before checking the limit allocates 16 GiB or loops for minutes."""
    tmp = os.path.join(VAL, "locals_huge_count.wasm")
    wat2wasm(with_defs(";; base for locals_huge_count\n", "  (func $locals (local i32))\n"), tmp)
    secs = sections(read(tmp))
    out = []
    for sid, payload in secs:
        if sid == 10:  # code section: rewrite the last body
            count, i = read_leb(payload, 0)
            bodies = []
            for _ in range(count):
                size, j = read_leb(payload, i)
                bodies.append(payload[j:j + size])
                i = j + size
            assert bodies[-1] == b"\x01\x01\x7f\x0b", bodies[-1].hex()
            bodies[-1] = b"\x01" + leb(0xFFFFFFFF) + b"\x7f\x0b"
            payload = leb(count) + b"".join(leb(len(b)) + b for b in bodies)
        out.append((sid, payload))
    write(tmp, assemble(out))


def raw_bytes():
    write(os.path.join(VAL, "not_wasm_text.wasm"), b"This is not a WebAssembly module.\n")
    write(os.path.join(VAL, "not_wasm_empty.wasm"), b"")
    write(os.path.join(VAL, "not_wasm_wat_source.wasm"), read(os.path.join(HERE, "validation", "min_v1.wat")))
    m = read(os.path.join(VAL, "min_v1.wasm"))
    write(os.path.join(VAL, "invalid_truncated.wasm"), m[:len(m) // 2])
    write(os.path.join(VAL, "invalid_bad_section_id.wasm"), m + b"\x20\x00")   # section id 32, empty
    write(os.path.join(VAL, "invalid_wrong_version.wasm"), m[:4] + b"\x02\x00\x00\x00" + m[8:])


def gzips():
    for name in ("min_v1", "min_v010"):
        write(os.path.join(VAL, name + ".wasm.gz"), gzip(read(os.path.join(VAL, name + ".wasm"))))
    write(os.path.join(VAL, "not_wasm_gzip_text.wasm.gz"), gzip(b"This is not a WebAssembly module.\n"))
    gz = gzip(read(os.path.join(VAL, "min_v1.wasm")))
    write(os.path.join(VAL, "gzip_truncated.wasm.gz"), gz[:len(gz) // 2])
    bad = bytearray(gz)
    bad[-8] ^= 0xFF                                   # first byte of the CRC32 trailer
    write(os.path.join(VAL, "gzip_bad_crc.wasm.gz"), bytes(bad))
    write(os.path.join(VAL, "gzip_garbage.wasm.gz"), b"\x1f\x8b\x08\x00" + b"not deflate data at all" * 4)
    # 64 MiB after inflating: min_v1 followed by a custom section of zeros (valid wasm if inflated)
    write(os.path.join(VAL, "gzip_bomb_64mib.wasm.gz"), gzip(padded(read(os.path.join(VAL, "min_v1.wasm")), 64 * MiB)))


def padded(module, total):
    """module + one custom section named "pad" full of zeros, exactly `total` bytes long."""
    name = b"\x03pad"
    for leb_len in range(1, 6):
        payload_len = total - len(module) - 1 - leb_len
        if len(leb(payload_len)) == leb_len:
            out = module + b"\x00" + leb(payload_len) + name + bytes(payload_len - len(name))
            assert len(out) == total
            return out
    raise AssertionError("no size fits")


def sizes():
    m = read(os.path.join(VAL, "min_v1.wasm"))
    for name, total in (("size_2mib", 2 * MiB), ("size_2mib_plus_1", 2 * MiB + 1)):
        data = padded(m, total)
        write(os.path.join(VAL, name + ".wasm"), data)
        write(os.path.join(VAL, name + ".wasm.gz"), gzip(data))


def deep_nesting():
    lib = open(os.path.join(HERE, "lib", "gas_rt.wat")).read()
    depth = 10000
    text = (";; HOSTILE (exact gas): 10 000 nested blocks in execute (generated by tools/gen.py). Valid\n"
            ";; wasm within every limit; a recursive parser, validator or instrumenter overflows the JVM\n"
            ";; stack on it. gas = 114 (allocate x 3) + 4 (body: block, i32.const) + 2 x 10 000 (each\n"
            ";; block holds one instruction: the next block, the innermost a nop) = 20 118.\n"
            "(module\n" + lib +
            '  (func (export "execute") (param i32 i32 i32) (result i32)\n' +
            "block\n" * depth + "nop\n" + "end\n" * depth +
            "    i32.const 16))\n")
    wat2wasm(text, os.path.join(OUT, "hostile", "deep_block_nesting.wasm"))


limit_twins()
locals_huge_count()
raw_bytes()
gzips()
sizes()
deep_nesting()
print("generated the non-WAT fixtures")
