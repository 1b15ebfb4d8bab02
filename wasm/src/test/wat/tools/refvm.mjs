// refvm.mjs — a small, independent reference model used to CHECK the fixture manifest before it is
// committed. It is not Arcanum and not a specification: where it and cosmwasm-abi.md disagree,
// the spec wins and this file is wrong.
//
//   node tools/refvm.mjs [fixtures-dir]        (default: ../resources/fixtures next to this dir)
//
// It re-derives every expectation in fixtures.json independently:
//   * validation: a rule checker that reports ALL violations of a module, so each reject fixture is
//     shown to break exactly its one rule (plus any listed in "alsoAccept") and accepted ones none;
//   * runtime: V8's WebAssembly after instrumenting the module per cosmwasm-abi.md §6.2 (2 gas per
//     instruction directly in a sequence, charged on sequence entry; memory.grow charges pages x
//     8192 first), with host functions per §2–§3 and §6.3 and strict Region checks (§8 rule 3).
// Needs Node >= 20 and wabt's wasm-validate on the PATH (for plain wasm validity).
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import zlib from "node:zlib";
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const MiB = 1024 * 1024;
const LIMITS = { wasmBytes: 2 * MiB, functions: 20000, params: 100, imports: 100, locals: 1000, pages: 192 };
const CAPABILITIES = new Set(["staking", "stargate", "ibc3", "random"]);
const RESERVED = new Set(["gas_limit", "gas_limit_exhausted", "arcanum_stack_height", "arcanum_stack_exhausted"]);
const COST = { perInstr: 2, growPage: 8192, dbRead: 1000, dbWrite: 2000, dbWritePerByte: 5000, addr: 8192,
  secpVerify: 98304, secpRecover: 98304, edVerify: 73728, batchBase: 5000, batchEach: 70000,
  secpSign: 100000, edSign: 75000, checkGas: 8192, evaporateMin: 8000 };

// ------------------------------------------------------------------ binary reader
class Reader {
  constructor(buf, pos = 0, end = buf.length) { this.b = buf; this.p = pos; this.end = end; }
  eof() { return this.p >= this.end; }
  byte() { if (this.p >= this.end) throw new Error("unexpected end"); return this.b[this.p++]; }
  u32() { let r = 0n, s = 0n, b; do { b = this.byte(); r |= BigInt(b & 0x7f) << s; s += 7n; } while (b & 0x80);
    if (r > 0xffffffffn) throw new Error("u32 too large"); return Number(r); }
  sleb() { let r = 0n, s = 0n, b; do { b = this.byte(); r |= BigInt(b & 0x7f) << s; s += 7n; } while (b & 0x80);
    if (b & 0x40) r -= 1n << s; return r; }
  bytes(n) { if (this.p + n > this.end) throw new Error("unexpected end"); const r = this.b.subarray(this.p, this.p + n); this.p += n; return r; }
  name() { return Buffer.from(this.bytes(this.u32())).toString("utf8"); }
}
const VT = { 0x7f: "i32", 0x7e: "i64", 0x7d: "f32", 0x7c: "f64", 0x7b: "v128", 0x70: "funcref", 0x6f: "externref" };
const isFloat = (t) => t === "f32" || t === "f64";
function valtype(r) { const b = r.byte(); if (!(b in VT)) throw new Error("bad valtype " + b); return VT[b]; }
function limits(r) { const f = r.byte(); const min = r.u32(); const max = (f & 1) ? r.u32() : null; return { min, max, flags: f }; }

function parseModule(buf) {
  if (buf.length < 8 || buf.readUInt32LE(0) !== 0x6d736100) throw new Error("bad magic");
  if (buf.readUInt32LE(4) !== 1) throw new Error("bad version");
  const m = { types: [], imports: [], funcs: [], tables: [], memories: [], globals: [], exports: [], start: null,
    elems: [], codes: [], data: [], sections: [] };
  const r = new Reader(buf, 8);
  while (!r.eof()) {
    const id = r.byte(); const size = r.u32(); const start = r.p; const end = start + size;
    if (end > buf.length) throw new Error("section past end");
    m.sections.push({ id, start, end });
    const s = new Reader(buf, start, end);
    switch (id) {
      case 0: break;
      case 1: for (let n = s.u32(); n--;) { if (s.byte() !== 0x60) throw new Error("bad functype");
        const params = []; for (let k = s.u32(); k--;) params.push(valtype(s));
        const results = []; for (let k = s.u32(); k--;) results.push(valtype(s));
        m.types.push({ params, results }); } break;
      case 2: for (let n = s.u32(); n--;) { const mod = s.name(), name = s.name(), kind = s.byte(); let desc;
        if (kind === 0) desc = s.u32(); else if (kind === 1) desc = { t: valtype(s), ...limits(s) };
        else if (kind === 2) desc = limits(s); else if (kind === 3) desc = { t: valtype(s), mut: s.byte() };
        else throw new Error("bad import kind"); m.imports.push({ mod, name, kind, desc }); } break;
      case 3: for (let n = s.u32(); n--;) m.funcs.push(s.u32()); break;
      case 4: for (let n = s.u32(); n--;) m.tables.push({ t: valtype(s), ...limits(s) }); break;
      case 5: for (let n = s.u32(); n--;) m.memories.push(limits(s)); break;
      case 6: for (let n = s.u32(); n--;) { const t = valtype(s), mut = s.byte(); const init = constExpr(s); m.globals.push({ t, mut, init }); } break;
      case 7: for (let n = s.u32(); n--;) { const name = s.name(), kind = s.byte(), idx = s.u32(); m.exports.push({ name, kind, idx }); } break;
      case 8: m.start = s.u32(); break;
      case 9: s.p = end; m.elems.push({ raw: true }); break;
      case 10: for (let n = s.u32(); n--;) { const sz = s.u32(); const bstart = s.p; s.p += sz; m.codes.push({ start: bstart, end: s.p }); } break;
      case 11: s.p = end; break;
      case 12: s.u32(); break;
      default: throw new Error("unknown section id " + id);
    }
    if (id !== 9 && id !== 11 && id !== 0 && s.p !== end) throw new Error("section size mismatch in " + id);
    r.p = end;
  }
  if (m.funcs.length !== m.codes.length) throw new Error("function/code count mismatch");
  return m;
}
function constExpr(r) { const ops = []; for (;;) { const op = r.byte(); if (op === 0x0b) return ops;
  ops.push(op); if (op === 0x41 || op === 0x42) r.sleb(); else if (op === 0x43) r.bytes(4); else if (op === 0x44) r.bytes(8);
  else if (op === 0x23 || op === 0xd2) r.u32(); else if (op === 0xd0) r.byte(); else throw new Error("const expr op " + op); } }

// ------------------------------------------------------------------ instruction decoding
// A body decodes to a tree: [{op, kind:'plain'|'block'|'loop'|'if', bytes | bt, btBytes, body, els}]
const MEMARG = new Set([...range(0x28, 0x3e)]);
function range(a, b) { const r = []; for (let i = a; i <= b; i++) r.push(i); return r; }
function decodeBody(buf, start, end) {
  const r = new Reader(buf, start, end);
  for (let n = r.u32(); n--;) { r.u32(); valtype(r); }   // local declarations (counted in validate)
  const codeStart = r.p;
  // Iterative on purpose: hostile/deep_block_nesting nests 10 000 blocks, which overflows a recursive decoder.
  const seq = [];
  const stack = [{ seq, node: null, inElse: false }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    const s = r.p; const op = r.byte();
    if (op === 0x0b) { stack.pop(); continue; }
    if (op === 0x05) { if (!top.node || top.node.op !== 0x04 || top.inElse) throw new Error("misplaced else");
      top.node.els = []; top.seq = top.node.els; top.inElse = true; continue; }
    if (op === 0x02 || op === 0x03 || op === 0x04) {
      const btStart = r.p; const bt = blocktype(r);
      const node = { op, kind: op === 0x02 ? "block" : op === 0x03 ? "loop" : "if", bt, btBytes: r.b.subarray(btStart, r.p), body: [], els: null, start: s };
      top.seq.push(node); stack.push({ seq: node.body, node, inElse: false }); continue;
    }
    const ins = { op, kind: "plain", start: s };
    immediates(r, op, ins);
    ins.end = r.p; ins.bytes = r.b.subarray(s, r.p);
    top.seq.push(ins);
  }
  if (!r.eof()) throw new Error("trailing bytes in body");
  return { codeStart, seq };
}
function blocktype(r) { const b = r.b[r.p]; if (b === 0x40) { r.p++; return { empty: true }; }
  if (b in VT) { r.p++; return { val: VT[b] }; } return { typeIndex: Number(r.sleb()) }; }
function immediates(r, op, ins) {
  if (op === 0x0c || op === 0x0d || op === 0x10 || op === 0x12 || (op >= 0x20 && op <= 0x24) || op === 0x25 || op === 0x26 || op === 0xd2) { r.u32(); return; }
  if (op === 0x0e) { for (let n = r.u32(); n--;) r.u32(); r.u32(); return; }
  if (op === 0x11 || op === 0x13) { r.u32(); r.u32(); return; }
  if (op === 0x1c) { for (let n = r.u32(); n--;) ins.selT = valtype(r); return; }
  if (MEMARG.has(op)) { r.u32(); r.u32(); return; }
  if (op === 0x3f || op === 0x40) { r.byte(); return; }
  if (op === 0x41 || op === 0x42) { r.sleb(); return; }
  if (op === 0x43) { r.bytes(4); return; } if (op === 0x44) { r.bytes(8); return; }
  if (op === 0xd0) { r.byte(); return; }
  if (op === 0xfc) { const sub = ins.sub = r.u32();
    if (sub <= 7) return; if (sub === 8) { r.u32(); r.byte(); return; } if (sub === 9) { r.u32(); return; }
    if (sub === 10) { r.byte(); r.byte(); return; } if (sub === 11) { r.byte(); return; }
    if (sub === 12 || sub === 14) { r.u32(); r.u32(); return; } if (sub === 13) { r.u32(); return; }
    if (sub >= 15 && sub <= 17) { r.u32(); return; } throw new Error("0xfc " + sub); }
  if (op === 0xfd) { const sub = ins.sub = r.u32();
    if (sub <= 11 || sub === 92 || sub === 93) { r.u32(); r.u32(); return; }
    if (sub === 12 || sub === 13) { r.bytes(16); return; }
    if (sub >= 21 && sub <= 34) { r.byte(); return; } if (sub >= 84 && sub <= 91) { r.u32(); r.u32(); r.byte(); return; }
    return; }
  if (op === 0xfe) { const sub = ins.sub = r.u32(); if (sub === 3) { r.byte(); return; } r.u32(); r.u32(); return; }
  if (op <= 0x01 || op === 0x0f || op === 0x1a || op === 0x1b || (op >= 0x45 && op <= 0xc4) || op === 0xd1) return;
  throw new Error("unknown opcode 0x" + op.toString(16));
}
function* walk(seq) { const st = [seq]; while (st.length) { for (const n of st.pop()) { yield n; if (n.body) st.push(n.body); if (n.els) st.push(n.els); } } }
const FLOAT_OPS = new Set([0x2a, 0x2b, 0x38, 0x39, 0x43, 0x44, ...range(0x5b, 0x66), ...range(0x8b, 0xa6),
  ...range(0xa8, 0xab), ...range(0xae, 0xbf)]);
function classify(n) {
  if (FLOAT_OPS.has(n.op) || (n.op === 0xfc && n.sub <= 7)) return "FLOAT_INSTRUCTION";
  if (n.op === 0x1c && isFloat(n.selT)) return "FLOAT_INSTRUCTION";
  if (n.op === 0xfd) return "SIMD_INSTRUCTION";
  if (n.op === 0xfc || n.op === 0xfe || (n.op >= 0xd0 && n.op <= 0xd2) || n.op === 0x25 || n.op === 0x26 ||
      n.op === 0x12 || n.op === 0x13 || n.op === 0x1c || (n.op >= 0x06 && n.op <= 0x09) || n.op === 0x18 || n.op === 0x19) return "UNSUPPORTED_INSTRUCTION";
  if (n.bt && n.bt.typeIndex !== undefined) return "UNSUPPORTED_INSTRUCTION";
  return null;
}

// ------------------------------------------------------------------ upload validation
const I = "i32", L = "i64";
const sig = (p, r) => ({ params: p, results: r });
const V1_IMPORTS = { db_read: sig([I], [I]), db_write: sig([I, I], []), db_remove: sig([I], []), addr_validate: sig([I], [I]),
  addr_canonicalize: sig([I, I], [I]), addr_humanize: sig([I, I], [I]), secp256k1_verify: sig([I, I, I], [I]),
  secp256k1_recover_pubkey: sig([I, I, I], [L]), secp256k1_sign: sig([I, I], [L]), ed25519_verify: sig([I, I, I], [I]),
  ed25519_batch_verify: sig([I, I, I], [I]), ed25519_sign: sig([I, I], [L]), dcap_quote_verify: sig([I, I], [L]),
  debug: sig([I], []), query_chain: sig([I], [I]), db_scan: sig([I, I, I], [I]), db_next: sig([I], [I]),
  gas_evaporate: sig([I], [I]), check_gas: sig([], [L]),
  // upstream 1.x only (Secret refuses them; Arcanum runs upstream contracts too)
  abort: sig([I], []), db_next_key: sig([I], [I]), db_next_value: sig([I], [I]) };
const V010_IMPORTS = { db_read: V1_IMPORTS.db_read, db_write: V1_IMPORTS.db_write, db_remove: V1_IMPORTS.db_remove,
  canonicalize_address: sig([I, I], [I]), humanize_address: sig([I, I], [I]), query_chain: V1_IMPORTS.query_chain,
  secp256k1_verify: V1_IMPORTS.secp256k1_verify, secp256k1_recover_pubkey: V1_IMPORTS.secp256k1_recover_pubkey,
  secp256k1_sign: V1_IMPORTS.secp256k1_sign, ed25519_verify: V1_IMPORTS.ed25519_verify,
  ed25519_batch_verify: V1_IMPORTS.ed25519_batch_verify, ed25519_sign: V1_IMPORTS.ed25519_sign,
  db_scan: V1_IMPORTS.db_scan, db_next: V1_IMPORTS.db_next, debug_print: sig([I], []) };
const V1_EXPORTS = { required: { allocate: sig([I], [I]), deallocate: sig([I], []), instantiate: sig([I, I, I], [I]) },
  optional: { execute: sig([I, I, I], [I]), query: sig([I, I], [I]), migrate: sig([I, I], [I]), sudo: sig([I, I], [I]),
    reply: sig([I, I], [I]), ibc_channel_open: sig([I, I], [I]), ibc_channel_connect: sig([I, I], [I]),
    ibc_channel_close: sig([I, I], [I]), ibc_packet_receive: sig([I, I], [I]), ibc_packet_ack: sig([I, I], [I]),
    ibc_packet_timeout: sig([I, I], [I]) } };
const V010_EXPORTS = { required: { allocate: sig([I], [I]), deallocate: sig([I], []), init: sig([I, I], [I]),
  handle: sig([I, I], [I]), query: sig([I], [I]) }, optional: { migrate: sig([I, I], [I]) } };
const sameSig = (a, b) => JSON.stringify(a.params) === JSON.stringify(b.params) && JSON.stringify(a.results) === JSON.stringify(b.results);

function inflate(bytes) {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try { return { bytes: zlib.gunzipSync(bytes, { maxOutputLength: LIMITS.wasmBytes + 1 }) }; }
    catch (e) { return { rule: e.code === "ERR_BUFFER_TOO_LARGE" ? "TOO_LARGE" : "MALFORMED_GZIP", why: e.message }; }
  }
  return { bytes };
}

export function validate(raw) {
  const v = new Set(); const notes = [];
  const inf = inflate(raw); if (inf.rule) return { violations: new Set([inf.rule]), notes: [inf.why] };
  const bytes = Buffer.from(inf.bytes);
  if (bytes.length > LIMITS.wasmBytes) return { violations: new Set(["TOO_LARGE"]), notes: [] };
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x6d736100) return { violations: new Set(["NOT_WASM"]), notes: [] };
  let m;
  try { m = parseModule(bytes); } catch (e) { return { violations: new Set(["INVALID_MODULE"]), notes: [e.message] }; }
  // locals are counted from the declarations (never materialised), before any full validation
  const bodies = [];
  for (let i = 0; i < m.codes.length; i++) {
    const r = new Reader(bytes, m.codes[i].start, m.codes[i].end); let n = 0n; const types = [];
    try { for (let g = r.u32(); g--;) { n += BigInt(r.u32()); types.push(valtype(r)); } } catch (e) { return { violations: new Set(["INVALID_MODULE"]), notes: [e.message] }; }
    if (n > BigInt(LIMITS.locals)) v.add("TOO_MANY_LOCALS");
    if (types.some(isFloat)) v.add("FLOAT_TYPE");
    bodies.push(n > BigInt(LIMITS.locals) ? null : i);
  }
  if (!v.has("TOO_MANY_LOCALS")) {
    const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "refvm-")), "m.wasm");
    fs.writeFileSync(tmp, bytes);
    try { execFileSync("wasm-validate", ["--enable-all", tmp], { stdio: ["ignore", "ignore", "pipe"] }); }
    catch (e) { return { violations: new Set(["INVALID_MODULE"]), notes: [String(e.stderr).trim()] }; }
    finally { fs.rmSync(path.dirname(tmp), { recursive: true, force: true }); }
  }
  for (const i of bodies) { if (i === null) continue;
    let body; try { body = decodeBody(bytes, m.codes[i].start, m.codes[i].end); } catch (e) { return { violations: new Set(["INVALID_MODULE"]), notes: [e.message] }; }
    for (const n of walk(body.seq)) { const c = classify(n); if (c) { v.add(c); notes.push(`${c}: op 0x${n.op.toString(16)}${n.sub !== undefined ? "/" + n.sub : ""}`); } } }
  const funcTypes = [...m.imports.filter((x) => x.kind === 0).map((x) => m.types[x.desc]), ...m.funcs.map((t) => m.types[t])];
  const nImportedFuncs = m.imports.filter((x) => x.kind === 0).length;
  for (const t of m.funcs.map((t) => m.types[t])) {
    if (t.params.some(isFloat) || t.results.some(isFloat)) v.add("FLOAT_TYPE");
    if (t.params.length > LIMITS.params) v.add("TOO_MANY_PARAMS");
  }
  for (const g of m.globals) { if (isFloat(g.t)) v.add("FLOAT_TYPE"); if (g.init.some((op) => op === 0x43 || op === 0x44)) v.add("FLOAT_INSTRUCTION"); }
  if (m.funcs.length > LIMITS.functions) v.add("TOO_MANY_FUNCTIONS");
  if (m.start !== null) v.add("START_FUNCTION");
  const nMem = m.memories.length + m.imports.filter((x) => x.kind === 2).length;
  if (nMem !== 1) v.add("MEMORY_COUNT");
  for (const mem of m.memories) { if (mem.min > LIMITS.pages) v.add("MEMORY_TOO_LARGE"); if (mem.max !== null) v.add("MEMORY_MAXIMUM"); }
  if (m.tables.length + m.imports.filter((x) => x.kind === 1).length > 1) v.add("TABLE_COUNT");
  if (m.imports.length > LIMITS.imports) v.add("TOO_MANY_IMPORTS");
  for (const e of m.exports) if (RESERVED.has(e.name)) v.add("RESERVED_EXPORT");
  const funcExports = new Map(m.exports.filter((e) => e.kind === 0).map((e) => [e.name, funcTypes[e.idx]]));
  for (const [name] of funcExports) { const mm = /^requires_(.+)$/.exec(name); if (mm && !CAPABILITIES.has(mm[1])) v.add("UNSUPPORTED_CAPABILITY"); }
  const markers = [...funcExports.keys()].filter((n) => /^(interface_version_\d+|cosmwasm_vm_version_\d+|cosmwasm_api_0_6)$/.test(n));
  let profile = null;
  if (markers.length === 0) v.add("NO_API_MARKER");
  else if (markers.length > 1) v.add("MULTIPLE_API_MARKERS");
  else if (markers[0] === "interface_version_8") profile = "V1";
  else if (markers[0] === "cosmwasm_vm_version_3") profile = "V010";
  else v.add("UNSUPPORTED_API_VERSION");
  if (profile) {
    const ex = profile === "V1" ? V1_EXPORTS : V010_EXPORTS;
    const allByName = new Map(m.exports.map((e) => [e.name, e]));
    for (const [name, s] of Object.entries(ex.required)) {
      const e = allByName.get(name);
      if (!e) v.add("MISSING_EXPORT"); else if (e.kind !== 0 || !sameSig(funcTypes[e.idx], s)) v.add("BAD_EXPORT_SIGNATURE");
    }
    for (const [name, s] of Object.entries(ex.optional)) { const e = allByName.get(name);
      if (e && (e.kind !== 0 || !sameSig(funcTypes[e.idx], s))) v.add("BAD_EXPORT_SIGNATURE"); }
    const allow = profile === "V1" ? V1_IMPORTS : V010_IMPORTS;
    for (const imp of m.imports) {
      if (imp.kind !== 0) { v.add("NON_FUNCTION_IMPORT"); continue; }
      const t = m.types[imp.desc];
      if (t.params.some(isFloat) || t.results.some(isFloat)) v.add("FLOAT_TYPE");
      if (imp.mod !== "env" || !(imp.name in allow)) v.add("UNKNOWN_IMPORT");
      else if (!sameSig(t, allow[imp.name])) v.add("BAD_IMPORT_SIGNATURE");
    }
  } else {
    for (const imp of m.imports) { if (imp.kind !== 0) v.add("NON_FUNCTION_IMPORT");
      else { const t = m.types[imp.desc]; if (t.params.some(isFloat) || t.results.some(isFloat)) v.add("FLOAT_TYPE"); } }
  }
  return { violations: v, notes, profile, module: m, bytes, nImportedFuncs };
}

// ------------------------------------------------------------------ gas instrumentation (§6.2)
const enc = {
  u32(n) { const o = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; o.push(b); } while (n); return o; },
  s64(n) { n = BigInt(n); const o = []; for (;;) { const b = Number(n & 0x7fn); n >>= 7n;
    if ((n === 0n && !(b & 0x40)) || (n === -1n && (b & 0x40))) { o.push(b); return o; } o.push(b | 0x80); } },
  name(s) { const b = [...Buffer.from(s)]; return [...enc.u32(b.length), ...b]; },
  section(id, payload) { return [id, ...enc.u32(payload.length), ...payload]; },
};
export function instrument(bytes, m) {
  const nImportedFuncs = m.imports.filter((x) => x.kind === 0).length;
  const nImportedGlobals = m.imports.filter((x) => x.kind === 3).length;
  const G = nImportedGlobals + m.globals.length, GX = G + 1;
  const meterType = m.types.length, meterFunc = nImportedFuncs + m.funcs.length;
  const prologue = (cost) => cost === 0 ? [] : [0x23, ...enc.u32(G), 0x42, ...enc.s64(cost), 0x54, 0x04, 0x40,
    0x42, ...enc.s64(cost), 0x24, ...enc.u32(GX), 0x00, 0x0b, 0x23, ...enc.u32(G), 0x42, ...enc.s64(cost), 0x7d, 0x24, ...enc.u32(G)];
  const emitSeq = (root) => { // iterative, like decodeBody
    const out = [];
    const push = (arr) => { for (const b of arr) out.push(b); };
    const st = [];
    const enter = (seq, onDone) => { push(prologue(COST.perInstr * seq.length)); st.push({ seq, i: 0, onDone }); };
    enter(root, null);
    while (st.length) {
      const f = st[st.length - 1];
      if (f.i >= f.seq.length) { st.pop(); if (f.onDone) f.onDone(); continue; }
      const n = f.seq[f.i++];
      if (n.kind === "plain") { if (n.op === 0x40) push([0x10, ...enc.u32(meterFunc)]); push(n.bytes); continue; }
      push([n.op, ...n.btBytes]);
      enter(n.body, n.els ? () => { out.push(0x05); enter(n.els, () => out.push(0x0b)); } : () => out.push(0x0b));
    }
    return out; };
  const meterBody = [1, 1, 0x7e, // one local i64
    0x20, 0, 0xad, 0x42, ...enc.s64(COST.growPage), 0x7e, 0x21, 1,
    0x23, ...enc.u32(G), 0x20, 1, 0x54, 0x04, 0x40, 0x20, 1, 0x24, ...enc.u32(GX), 0x00, 0x0b,
    0x23, ...enc.u32(G), 0x20, 1, 0x7d, 0x24, ...enc.u32(G), 0x20, 0, 0x0b];
  const out = [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
  const seen = new Set();
  for (const s of m.sections) {
    const payload = [...bytes.subarray(s.start, s.end)];
    const r = new Reader(bytes, s.start, s.end);
    if (s.id === 1) { const n = r.u32(); out.push(...enc.section(1, [...enc.u32(n + 1), ...bytes.subarray(r.p, s.end), 0x60, 1, 0x7f, 1, 0x7f])); }
    else if (s.id === 5) { const n = r.u32(); const mems = []; for (let k = 0; k < n; k++) { const l = limits(r);
        mems.push(0x01, ...enc.u32(l.min), ...enc.u32(LIMITS.pages)); } out.push(...enc.section(5, [...enc.u32(n), ...mems])); }
    else if (s.id === 3) { const n = r.u32(); out.push(...enc.section(3, [...enc.u32(n + 1), ...bytes.subarray(r.p, s.end), ...enc.u32(meterType)])); }
    else if (s.id === 6 || s.id === 7) {
      if (s.id === 7 && !seen.has(6)) out.push(...globalsSection(0, []));
      if (s.id === 6) { const n = r.u32(); out.push(...globalsSection(n, [...bytes.subarray(r.p, s.end)])); }
      else { const n = r.u32(); out.push(...enc.section(7, [...enc.u32(n + 2), ...bytes.subarray(r.p, s.end),
        ...enc.name("gas_limit"), 3, ...enc.u32(G), ...enc.name("gas_limit_exhausted"), 3, ...enc.u32(GX)])); }
    }
    else if (s.id === 10) {
      const bodies = [];
      for (const c of m.codes) { const d = decodeBody(bytes, c.start, c.end);
        const b = [...bytes.subarray(c.start, d.codeStart), ...emitSeq(d.seq), 0x0b]; const bb = enc.u32(b.length); for (const x of b) bb.push(x); bodies.push(bb); }
      bodies.push([...enc.u32(meterBody.length), ...meterBody]);
      const payload10 = enc.u32(bodies.length); for (const bb of bodies) for (const x of bb) payload10.push(x); for (const x of enc.section(10, payload10)) out.push(x);
    } else out.push(...enc.section(s.id, payload));
    seen.add(s.id);
  }
  if (!seen.has(7)) throw new Error("module without exports");
  return new Uint8Array(out);
  function globalsSection(n, rest) { return enc.section(6, [...enc.u32(n + 2), ...rest, 0x7e, 1, 0x42, 0, 0x0b, 0x7e, 1, 0x42, 0, 0x0b]); }
}

// ------------------------------------------------------------------ bech32 and secp256k1
const CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
function polymod(v) { const G = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]; let c = 1;
  for (const x of v) { const b = c >>> 25; c = ((c & 0x1ffffff) << 5) ^ x; for (let i = 0; i < 5; i++) if ((b >>> i) & 1) c ^= G[i]; } return c >>> 0; }
const hrpExpand = (h) => [...[...h].map((c) => c.charCodeAt(0) >> 5), 0, ...[...h].map((c) => c.charCodeAt(0) & 31)];
function bech32Decode(s) {
  if (s !== s.toLowerCase() && s !== s.toUpperCase()) throw new Error("mixed case");
  s = s.toLowerCase(); const p = s.lastIndexOf("1"); if (p < 1 || p + 7 > s.length || s.length > 90) throw new Error("invalid bech32 length");
  const hrp = s.slice(0, p); const data = [...s.slice(p + 1)].map((c) => { const i = CHARSET.indexOf(c); if (i < 0) throw new Error("invalid character"); return i; });
  if (polymod([...hrpExpand(hrp), ...data]) !== 1) throw new Error("invalid checksum");
  return { hrp, data: data.slice(0, -6) };
}
function bech32Encode(hrp, data) { const pm = polymod([...hrpExpand(hrp), ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  return hrp + "1" + [...data, ...[0, 1, 2, 3, 4, 5].map((i) => (pm >>> (5 * (5 - i))) & 31)].map((d) => CHARSET[d]).join(""); }
function convertBits(data, from, to, pad) { let acc = 0, bits = 0; const out = []; const maxv = (1 << to) - 1;
  for (const v of data) { acc = (acc << from) | v; bits += from; while (bits >= to) { bits -= to; out.push((acc >> bits) & maxv); } }
  if (pad) { if (bits) out.push((acc << (to - bits)) & maxv); } else if (bits >= from || ((acc << (to - bits)) & maxv)) throw new Error("invalid padding");
  return out; }

const P = 2n ** 256n - 2n ** 32n - 977n, N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141n;
const Gp = [0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798n, 0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8n];
const mod = (a, m) => ((a % m) + m) % m;
function inv(a, m) { let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n]; while (r1) { const q = r0 / r1; [r0, r1] = [r1, r0 - q * r1]; [s0, s1] = [s1, s0 - q * s1]; } return mod(s0, m); }
function padd(p, q) { if (!p) return q; if (!q) return p; if (p[0] === q[0] && mod(p[1] + q[1], P) === 0n) return null;
  const l = p[0] === q[0] && p[1] === q[1] ? mod(3n * p[0] * p[0] * inv(2n * p[1], P), P) : mod((q[1] - p[1]) * inv(q[0] - p[0], P), P);
  const x = mod(l * l - p[0] - q[0], P); return [x, mod(l * (p[0] - x) - p[1], P)]; }
function pmul(k, p) { let r = null; while (k > 0n) { if (k & 1n) r = padd(r, p); p = padd(p, p); k >>= 1n; } return r; }
const big = (b) => BigInt("0x" + (Buffer.from(b).toString("hex") || "0"));
const b32 = (n) => Buffer.from(n.toString(16).padStart(64, "0"), "hex");
function parsePub(b) {
  if (b.length === 65 && b[0] === 4) return [big(b.subarray(1, 33)), big(b.subarray(33))];
  if (b.length === 33 && (b[0] === 2 || b[0] === 3)) { const x = big(b.subarray(1)); let y = modpow(mod(x ** 3n + 7n, P), (P + 1n) / 4n, P);
    if (Number(y & 1n) !== (b[0] & 1)) y = P - y; if (mod(y * y - x ** 3n - 7n, P) !== 0n) return null; return [x, y]; }
  return null; }
function modpow(b, e, m) { let r = 1n; b = mod(b, m); while (e) { if (e & 1n) r = r * b % m; b = b * b % m; e >>= 1n; } return r; }
function secpVerify(h, sig, pub) { const r = big(sig.subarray(0, 32)), s = big(sig.subarray(32));
  if (r <= 0n || r >= N || s <= 0n || s >= N || s > N / 2n) return false; const Q = parsePub(pub); if (!Q) return false;
  const w = inv(s, N); const X = padd(pmul(mod(big(h) * w, N), Gp), pmul(mod(r * w, N), Q)); return X !== null && mod(X[0], N) === r; }
function secpRecover(h, sig, recid) { const r = big(sig.subarray(0, 32)), s = big(sig.subarray(32)); if (r <= 0n || r >= N || s <= 0n || s >= N || recid < 0 || recid > 3) return null;
  const x = r + (recid & 2 ? N : 0n); if (x >= P) return null; let y = modpow(mod(x ** 3n + 7n, P), (P + 1n) / 4n, P);
  if (Number(y & 1n) !== (recid & 1)) y = P - y; const ri = inv(r, N);
  const Q = padd(pmul(mod(s * ri, N), [x, y]), pmul(mod(-big(h) * ri, N), Gp)); return Q && Buffer.concat([Buffer.from([4]), b32(Q[0]), b32(Q[1])]); }
function secpSign(msg, key) { const h = crypto.createHash("sha256").update(msg).digest(); const d = big(key); if (d <= 0n || d >= N) return null;
  const hm = (k, ...parts) => crypto.createHmac("sha256", k).update(Buffer.concat(parts)).digest();
  const x = b32(d), h1 = b32(mod(big(h), N)); let V = Buffer.alloc(32, 1), K = Buffer.alloc(32, 0);
  K = hm(K, V, Buffer.from([0]), x, h1); V = hm(K, V); K = hm(K, V, Buffer.from([1]), x, h1); V = hm(K, V);
  for (;;) { V = hm(K, V); const k = big(V); if (k >= 1n && k < N) { const R = pmul(k, Gp); const r = mod(R[0], N);
      let s = mod(inv(k, N) * (big(h) + r * d), N); if (r !== 0n && s !== 0n) { if (s > N / 2n) s = N - s; return Buffer.concat([b32(r), b32(s)]); } }
    K = hm(K, V, Buffer.from([0])); V = hm(K, V); } }
const edPub = (raw) => crypto.createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(raw).toString("base64url") }, format: "jwk" });
const edPriv = (seed) => crypto.createPrivateKey({ key: Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed]), format: "der", type: "pkcs8" });
function edVerify(m, s, p) { try { return crypto.verify(null, m, edPub(p), s); } catch { return false; } }

// ------------------------------------------------------------------ runtime
class OutOfGas extends Error {}
class HostError extends Error {}
const hex = (b) => Buffer.from(b).toString("hex");

export function run(file, entry, ctx) {
  const raw = fs.readFileSync(file);
  const val = validate(raw);
  if (val.violations.size) return { outcome: "rejected", error: [...val.violations].join(",") };
  const profile = val.profile;
  const inst = { exports: null };
  const storage = new Map(Object.entries(ctx.storageBefore || {}));
  const limit = BigInt(ctx.gasLimit);
  const readOnly = entry === "query";
  const mem = () => new Uint8Array(inst.exports.memory.buffer);
  const dv = () => new DataView(inst.exports.memory.buffer);
  const useGas = (amount) => { amount = BigInt(amount); const g = inst.exports.gas_limit;
    if (g.value < amount) { inst.exports.gas_limit_exhausted.value = amount; throw new OutOfGas("out of gas"); } g.value -= amount; };
  const regionHeader = (p) => { p >>>= 0; if (p === 0) throw new HostError("invalid region: null pointer");
    if (p + 12 > mem().length) throw new HostError("invalid region: pointer out of bounds");
    const d = dv(); return { p, off: d.getUint32(p, true), cap: d.getUint32(p + 4, true), len: d.getUint32(p + 8, true) }; };
  const readRegion = (p) => { const r = regionHeader(p); if (r.off === 0) throw new HostError("invalid region: offset 0");
    if (r.len > r.cap) throw new HostError("invalid region: length > capacity");
    if (r.off + r.len > mem().length) throw new HostError("invalid region: data out of bounds");
    return Buffer.from(mem().slice(r.off, r.off + r.len)); };
  const writeRegion = (p, data) => { const r = regionHeader(p); if (r.off === 0) throw new HostError("invalid region: offset 0");
    if (data.length > r.cap) throw new HostError("invalid region: data larger than capacity");
    if (r.off + data.length > mem().length) throw new HostError("invalid region: data out of bounds");
    mem().set(data, r.off); dv().setUint32(r.p + 8, data.length, true); return r.p; };
  const writeNew = (data) => { const p = inst.exports.allocate(data.length) >>> 0; if (p === 0) throw new HostError("allocate returned 0");
    return writeRegion(p, data); };
  const errRegion = (msg) => writeNew(Buffer.from(msg));
  const sections = (b) => { const out = []; let rem = b.length; while (rem > 0) { if (rem < 4) throw new HostError("sections: truncated length");
      const l = b.readUInt32BE(rem - 4); if (l > rem - 4) throw new HostError("sections: length larger than data");
      out.unshift(b.subarray(rem - 4 - l, rem - 4)); rem -= 4 + l; } return out; };
  const canonicalize = (human, dest, trim) => { let s = human.toString("utf8"); if (!Buffer.from(s, "utf8").equals(human)) return errRegion("input is not valid UTF-8");
    if (trim) s = s.trim(); if (!s) return errRegion("Input is empty");
    let d; try { d = bech32Decode(s); } catch (e) { return errRegion(e.message); }
    if (d.hrp !== "secret") return errRegion(`wrong address prefix: "${d.hrp}"`);
    writeRegion(dest, Buffer.from(convertBits(d.data, 5, 8, false))); return 0; };
  const humanize = (canon, dest) => { writeRegion(dest, Buffer.from(bech32Encode("secret", convertBits([...canon], 8, 5, true)))); return 0; };
  const env = {
    db_read: (k) => { useGas(COST.dbRead); const key = hex(readRegion(k)); return storage.has(key) ? writeNew(Buffer.from(storage.get(key), "hex")) : 0; },
    db_write: (k, v) => { if (readOnly) throw new HostError("unauthorized write: db_write in a query");
      useGas(COST.dbWrite); const key = readRegion(k), val = readRegion(v); useGas(COST.dbWritePerByte * val.length);
      ctx.refund = (ctx.refund || 0n) + BigInt(COST.dbWritePerByte * val.length); storage.set(hex(key), hex(val)); },
    db_remove: (k) => { if (readOnly) throw new HostError("unauthorized write: db_remove in a query"); storage.delete(hex(readRegion(k))); },
    addr_validate: (h) => { useGas(COST.addr); const b = readRegion(h); if (!b.length) return errRegion("Input is empty");
      const s = b.toString("utf8"); if (!Buffer.from(s).equals(b)) return errRegion("Input is not valid UTF-8");
      let d; try { d = bech32Decode(s); } catch (e) { return errRegion(e.message); }
      return bech32Encode("secret", d.data) === s ? 0 : errRegion("Address is not normalized"); },
    addr_canonicalize: (h, d) => { useGas(COST.addr); return canonicalize(readRegion(h), d, false); },
    addr_humanize: (c, d) => { useGas(COST.addr); return humanize(readRegion(c), d); },
    canonicalize_address: (h, d) => { useGas(COST.addr); return canonicalize(readRegion(h), d, true); },
    humanize_address: (c, d) => { useGas(COST.addr); return humanize(readRegion(c), d); },
    query_chain: (q) => { const req = hex(readRegion(q)); const hit = (ctx.querier || []).find((x) => x.requestHex === req);
      return writeNew(Buffer.from(hit ? hit.answerHex : hex(Buffer.from('{"Err":{"unknown":{}}}')), "hex")); },
    secp256k1_verify: (h, s, p) => { useGas(COST.secpVerify); const hb = readRegion(h), sb = readRegion(s), pb = readRegion(p);
      if (hb.length !== 32) return 3; if (sb.length !== 64) return 4;
      if (!((pb[0] === 2 || pb[0] === 3) && pb.length === 33) && !(pb[0] === 4 && pb.length === 65)) return 5;
      return secpVerify(hb, sb, pb) ? 0 : 1; },
    secp256k1_recover_pubkey: (h, s, rp) => { useGas(COST.secpRecover); const hb = readRegion(h), sb = readRegion(s);
      if (hb.length !== 32) return 3n << 32n; if (sb.length !== 64) return 4n << 32n;
      const pub = secpRecover(hb, sb, rp); if (!pub) return 10n << 32n; return BigInt(writeNew(pub)); },
    ed25519_verify: (m, s, p) => { useGas(COST.edVerify); const mb = readRegion(m), sb = readRegion(s), pb = readRegion(p);
      if (sb.length !== 64) return 4; if (pb.length !== 32) return 5; return edVerify(mb, sb, pb) ? 0 : 1; },
    ed25519_batch_verify: (m, s, p) => { const ms = sections(readRegion(m)), ss = sections(readRegion(s)), ps = sections(readRegion(p));
      let trip; if (ms.length === ss.length && ss.length === ps.length) trip = ms.map((x, i) => [x, ss[i], ps[i]]);
      else if (ms.length === 1 && ss.length === ps.length) trip = ss.map((x, i) => [ms[0], x, ps[i]]);
      else if (ms.length === ss.length && ps.length === 1) trip = ms.map((x, i) => [x, ss[i], ps[0]]);
      else return 7;
      useGas(COST.batchBase + COST.batchEach * trip.length);
      for (const [mm, sg, pk] of trip) { if (sg.length !== 64) return 4; if (pk.length !== 32) return 5; }
      return trip.every(([mm, sg, pk]) => edVerify(mm, sg, pk)) ? 0 : 1; },
    secp256k1_sign: (m, k) => { useGas(COST.secpSign); const mb = readRegion(m), kb = readRegion(k);
      if (kb.length !== 32) return 1000n << 32n; const sg = secpSign(mb, kb); if (!sg) return 1000n << 32n; return BigInt(writeNew(sg)); },
    ed25519_sign: (m, k) => { useGas(COST.edSign); const mb = readRegion(m), kb = readRegion(k);
      if (kb.length !== 32) return 1000n << 32n; return BigInt(writeNew(crypto.sign(null, mb, edPriv(kb)))); },
    debug: (p) => { readRegion(p); }, debug_print: (p) => { readRegion(p); },
    check_gas: () => { useGas(COST.checkGas); return (limit - inst.exports.gas_limit.value) / 1000n; },
    gas_evaporate: (a) => { const amt = BigInt(a >>> 0) * 1000n; useGas(amt > BigInt(COST.evaporateMin) ? amt : COST.evaporateMin); return 0; },
    db_scan: () => { throw new HostError("db_scan is not supported (iterator capability not enabled)"); },
    db_next: () => { throw new HostError("db_next is not supported (iterator capability not enabled)"); },
    dcap_quote_verify: () => { throw new HostError("dcap_quote_verify not modelled"); },
  };
  const result = { storage, profile };
  const classifyError = (e) => {
    if (inst.exports && inst.exports.gas_limit_exhausted && inst.exports.gas_limit_exhausted.value !== 0n) return { outcome: "out_of_gas", error: "out of gas" };
    if (e instanceof RangeError && /call stack/i.test(e.message)) return { outcome: "call_depth_exceeded", error: e.message };
    return { outcome: "trap", error: e.message };
  };
  try {
    const instrumented = instrument(val.bytes, val.module);
    const wmod = new WebAssembly.Module(instrumented);
    const imports = { env: {} };
    for (const d of WebAssembly.Module.imports(wmod)) imports.env[d.name] = env[d.name];
    try { inst.exports = new WebAssembly.Instance(wmod, imports).exports; }
    catch (e) { return { ...result, outcome: "trap", error: "instantiation: " + e.message }; }
    inst.exports.gas_limit.value = limit;
    const envJson = Buffer.from(profile === "V1" ? ctx.envV1 : ctx.envV010), infoJson = Buffer.from(ctx.info);
    const msg = Buffer.from(ctx.msgHex || "", "hex");
    let args;
    if (profile === "V1") args = entry === "query" || entry === "migrate" ? [envJson, msg] : [envJson, infoJson, msg];
    else args = entry === "query" ? [msg] : [envJson, msg];
    const ptrs = args.map(writeNew);
    const ret = inst.exports[entry](...ptrs) >>> 0;
    const out = readRegion(ret);
    result.gasUsed = limit - inst.exports.gas_limit.value - (ctx.refund || 0n);
    result.resultText = out.toString("utf8");
    let j; try { j = JSON.parse(result.resultText); } catch (e) { return { ...result, outcome: "trap", error: "result is not JSON: " + e.message }; }
    const env1 = (o, allowed) => o && typeof o === "object" && !Array.isArray(o) && Object.keys(o).every((k) => allowed.includes(k));
    const keys = j && typeof j === "object" ? Object.keys(j) : [];
    if (keys.length === 1 && (keys[0] === "Err" || keys[0] === "error")) return { ...result, outcome: "contract_error", error: JSON.stringify(j.Err) };
    if (keys.length === 1 && (keys[0] === "Ok" || keys[0] === "ok")) {
      const okv = j[keys[0]];
      if (entry === "query" ? typeof okv === "string"
        : profile === "V1" ? env1(okv, ["messages", "attributes", "events", "data"])
        : env1(okv, entry === "init" ? ["messages", "log"] : ["messages", "log", "data"])) return { ...result, outcome: "ok" };
    }
    return { ...result, outcome: "trap", error: "malformed result envelope: " + result.resultText.slice(0, 80) };
  } catch (e) {
    if (e instanceof OutOfGas) return { ...result, outcome: "out_of_gas", error: e.message };
    return { ...result, ...classifyError(e) };
  }
}

// ------------------------------------------------------------------ manifest check
function main() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = process.argv[2] || path.resolve(here, "../../resources/fixtures");
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "fixtures.json"), "utf8"));
  const h = manifest.harness;
  let bad = 0, n = 0;
  const seenFiles = new Set();
  for (const f of manifest.fixtures) {
    n++; seenFiles.add(f.file);
    const file = path.join(dir, f.file);
    const fail = (why) => { bad++; console.log(`FAIL ${f.name} (${f.file}): ${why}`); };
    if (f.expect === "accept" || f.expect === "reject") {
      const { violations, notes, profile } = validate(fs.readFileSync(file));
      const vs = [...violations];
      if (f.expect === "accept") { if (vs.length) fail("accepted fixture violates " + vs.join(", ") + " " + notes.join("; "));
        else if (f.profile && f.profile !== profile) fail(`profile ${profile} != ${f.profile}`); }
      else { const allowed = new Set([f.rule, ...(f.alsoAccept || [])]);
        if (!violations.has(f.rule)) fail(`does not violate ${f.rule}; violations: ${vs.join(", ") || "none"} ${notes.join("; ")}`);
        else if (vs.some((x) => !allowed.has(x))) fail(`also violates ${vs.filter((x) => !allowed.has(x)).join(", ")}`); }
      continue;
    }
    const ctx = { gasLimit: f.gasLimit, storageBefore: f.storageBefore, msgHex: f.msgHex, querier: f.querier,
      envV1: JSON.stringify(h.envV1), envV010: JSON.stringify(h.envV010), info: JSON.stringify(h.info) };
    const r = run(file, f.entry, ctx);
    if (r.outcome !== f.expect) { fail(`outcome ${r.outcome} (${r.error || ""}), expected ${f.expect}`); continue; }
    if (f.gasUsed !== undefined && BigInt(f.gasUsed) !== r.gasUsed) fail(`gasUsed ${r.gasUsed}, expected ${f.gasUsed}`);
    if (f.resultJson !== undefined && r.resultText !== f.resultJson) fail(`result ${r.resultText}, expected ${f.resultJson}`);
    if (f.errorContains && r.error && !r.error.toLowerCase().includes(f.errorContains)) console.log(`  note ${f.name}: refvm message "${r.error}" lacks "${f.errorContains}" (hint only)`);
    if (f.storageAfter) {
      const want = new Map(Object.entries(f.storageAfter)); const loose = new Set(f.storageNonEmpty || []);
      for (const k of loose) if (!r.storage.get(k)) fail(`storage key ${k} missing or empty`);
      const got = [...r.storage].filter(([k]) => !loose.has(k));
      if (got.length !== want.size || got.some(([k, v]) => want.get(k) !== v))
        fail(`storage ${JSON.stringify(Object.fromEntries(got))}, expected ${JSON.stringify(f.storageAfter)}`);
    }
  }
  const all = [];
  for (const c of ["validation", "host", "gas", "traps", "hostile"]) for (const x of fs.readdirSync(path.join(dir, c))) all.push(`${c}/${x}`);
  for (const x of all) if (!seenFiles.has(x)) { bad++; console.log(`FAIL ${x}: no manifest entry`); }
  console.log(`${n} manifest entries, ${all.length} files, ${bad} problems`);
  process.exit(bad ? 1 : 0);
}
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
