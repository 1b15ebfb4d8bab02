// End-to-end smoke test of the *built* contracts through the real Region protocol, with a tiny
// Secret-like host in Node: imports from "env", argument Regions made with the contract's
// `allocate`, host outputs allocated re-entrantly, bech32 addresses with prefix "secret", and
// the Secret 1.x result envelopes. The Rust unit tests bypass memory handling; this does not.
//
//   node contracts/smoke.mjs        (build.sh runs it when node is available)

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

const here = dirname(fileURLToPath(import.meta.url));

// ---- bech32 (BIP-173), enough for addr_* --------------------------------------------------
const CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
function polymod(values) {
  let chk = 1;
  for (const v of values) {
    const b = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((b >>> i) & 1) chk ^= GEN[i];
  }
  return chk >>> 0;
}
const hrpExpand = (h) => [...h].map((c) => c.charCodeAt(0) >> 5).concat([0], [...h].map((c) => c.charCodeAt(0) & 31));
function convertBits(data, from, to, pad) {
  let acc = 0, bits = 0;
  const out = [], maxv = (1 << to) - 1;
  for (const v of data) {
    acc = (acc << from) | v;
    bits += from;
    while (bits >= to) { bits -= to; out.push((acc >> bits) & maxv); }
  }
  if (pad && bits > 0) out.push((acc << (to - bits)) & maxv);
  else if (!pad && (bits >= from || ((acc << (to - bits)) & maxv))) throw new Error("bad padding");
  return out;
}
function bech32Encode(hrp, bytes) {
  const data = convertBits(bytes, 8, 5, true);
  const pm = polymod(hrpExpand(hrp).concat(data, [0, 0, 0, 0, 0, 0])) ^ 1;
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (pm >>> (5 * (5 - i))) & 31);
  return hrp + "1" + data.concat(checksum).map((d) => CHARSET[d]).join("");
}
function bech32Decode(s) {
  if (s !== s.toLowerCase()) throw new Error("mixed case");
  const pos = s.lastIndexOf("1");
  if (pos < 1 || pos + 7 > s.length) throw new Error("invalid bech32 address");
  const hrp = s.slice(0, pos);
  const data = [...s.slice(pos + 1)].map((c) => {
    const d = CHARSET.indexOf(c);
    if (d < 0) throw new Error("invalid character");
    return d;
  });
  if (polymod(hrpExpand(hrp).concat(data)) !== 1) throw new Error("invalid checksum");
  return { hrp, bytes: Uint8Array.from(convertBits(data.slice(0, -6), 5, 8, false)) };
}
const addr = (seed) => bech32Encode("secret", Array.from({ length: 20 }, (_, i) => (seed * 31 + i * 7) & 255));

// ---- host ----------------------------------------------------------------------------------
const enc = new TextEncoder(), dec = new TextDecoder();
const hex = (b) => Buffer.from(b).toString("hex");

class Contract {
  constructor(name) {
    this.module = new WebAssembly.Module(readFileSync(join(here, name, `${name}.wasm`)));
    this.store = new Map();
    this.debug = [];
  }

  // A fresh instance per call, as Secret does.
  instance() {
    let inst;
    const mem = () => new DataView(inst.exports.memory.buffer);
    const read = (ptr) => {
      assert.notEqual(ptr, 0, "Region pointer is null");
      const d = mem();
      const [offset, capacity, length] = [d.getUint32(ptr, true), d.getUint32(ptr + 4, true), d.getUint32(ptr + 8, true)];
      assert.notEqual(offset, 0, "Region offset is 0");
      assert.ok(length <= capacity, "Region length > capacity");
      return new Uint8Array(inst.exports.memory.buffer.slice(offset, offset + length));
    };
    const alloc = (bytes) => {
      const ptr = inst.exports.allocate(bytes.length);
      const d = mem();
      const offset = d.getUint32(ptr, true);
      assert.ok(d.getUint32(ptr + 4, true) >= bytes.length, "allocate gave too little capacity");
      new Uint8Array(inst.exports.memory.buffer).set(bytes, offset);
      d.setUint32(ptr + 8, bytes.length, true);
      return ptr;
    };
    const writeInto = (ptr, bytes) => {
      const d = mem();
      if (bytes.length > d.getUint32(ptr + 4, true)) throw new Error("destination too small");
      new Uint8Array(inst.exports.memory.buffer).set(bytes, d.getUint32(ptr, true));
      d.setUint32(ptr + 8, bytes.length, true);
    };
    const canonicalize = (human) => {
      const { hrp, bytes } = bech32Decode(human);
      if (bech32Encode("secret", bytes) !== human || hrp !== "secret") throw new Error(`Address ${human} is not a valid secret address`);
      return bytes;
    };
    const env = {
      db_read: (k) => {
        const v = this.store.get(hex(read(k)));
        return v ? alloc(v) : 0;
      },
      db_write: (k, v) => { this.store.set(hex(read(k)), read(v)); },
      db_remove: (k) => { this.store.delete(hex(read(k))); },
      addr_validate: (h) => {
        try { canonicalize(dec.decode(read(h))); return 0; } catch (e) { return alloc(enc.encode(e.message)); }
      },
      addr_canonicalize: (h, dest) => {
        try { writeInto(dest, canonicalize(dec.decode(read(h)))); return 0; } catch (e) { return alloc(enc.encode(e.message)); }
      },
      addr_humanize: (c, dest) => { writeInto(dest, enc.encode(bech32Encode("secret", read(c)))); return 0; },
      debug: (m) => { this.debug.push(dec.decode(read(m))); },
    };
    inst = new WebAssembly.Instance(this.module, { env });
    return { inst, alloc, read };
  }

  call(entry, ...args) {
    const { inst, alloc, read } = this.instance();
    const ptrs = args.map((a) => alloc(enc.encode(typeof a === "string" ? a : JSON.stringify(a))));
    const result = inst.exports[entry](...ptrs);
    const out = JSON.parse(dec.decode(read(result)));
    inst.exports.deallocate(result);
    return out;
  }
}

const envJson = (height = 100) => ({
  block: { height, time: "1700000000000000000", chain_id: "secret-4" },
  contract: { address: addr(99), code_hash: "00".repeat(32) },
  transaction: { index: 0, hash: "AB" },
});
const info = (sender) => ({ sender, funds: [] });
const b64 = (s) => Buffer.from(s).toString("base64");
const unb64 = (s) => Buffer.from(s, "base64").toString();
const okData = (r) => unb64(r.Ok.data).trimEnd();
const query = (c, msg) => {
  const r = c.call("query", envJson(), msg);
  assert.ok("Ok" in r, JSON.stringify(r));
  return JSON.parse(unb64(r.Ok));
};

// ---- counter -------------------------------------------------------------------------------
{
  const c = new Contract("counter"), owner = addr(1), other = addr(2);
  assert.deepEqual(Object.keys(c.call("instantiate", envJson(), info(owner), { count: 5 })), ["Ok"]);
  const inc = c.call("execute", envJson(), info(other), { increment: {} });
  assert.deepEqual(inc.Ok.attributes.map((a) => [a.key, a.value]), [["action", "increment"], ["count", "6"]]);
  assert.deepEqual(c.debug, ["count incremented successfully"]);
  assert.deepEqual(query(c, { get_count: {} }), { count: 6 });
  assert.deepEqual(c.call("execute", envJson(), info(other), { reset: { count: 0 } }), { Err: "unauthorized" });
  c.call("execute", envJson(), info(owner), { reset: { count: -7 } });
  assert.deepEqual(query(c, { get_count: {} }), { count: -7 });
  assert.match(c.call("execute", envJson(), info(owner), "{\"increment\":{}").Err, /^Error parsing message/);
  assert.match(c.call("execute", envJson(), info(owner), "").Err, /^Error parsing message/); // allocate(0)
  console.log("counter ok");
}

// ---- token ---------------------------------------------------------------------------------
{
  const c = new Contract("token"), alice = addr(1), bob = addr(2);
  const init = {
    name: "Secret Test", symbol: "STST", decimals: 6, prng_seed: b64("seed"),
    initial_balances: [{ address: alice, amount: "1000000" }],
  };
  assert.ok("Ok" in c.call("instantiate", envJson(), info(alice), init));
  assert.deepEqual(query(c, { token_info: {} }), { token_info: { name: "Secret Test", symbol: "STST", decimals: 6, total_supply: "1000000" } });
  const set = c.call("execute", envJson(), info(alice), { set_viewing_key: { key: "k1" } });
  assert.equal(unb64(set.Ok.data).length, 256);
  assert.equal(okData(set), '{"set_viewing_key":{"status":"success"}}');
  assert.deepEqual(query(c, { balance: { address: alice, key: "k1" } }), { balance: { amount: "1000000" } });
  assert.deepEqual(query(c, { balance: { address: alice, key: "k2" } }), {
    viewing_key_error: { msg: "Wrong viewing key for this address or viewing key not set" },
  });
  const t = c.call("execute", envJson(), info(alice), { transfer: { recipient: bob, amount: "250000", padding: "xxxx" } });
  assert.equal(okData(t), '{"transfer":{"status":"success"}}');
  const created = JSON.parse(okData(c.call("execute", envJson(7), info(bob), { create_viewing_key: { entropy: "e" } })));
  assert.match(created.create_viewing_key.key, /^api_key_[A-Za-z0-9+/]{43}=$/);
  assert.deepEqual(query(c, { balance: { address: bob, key: created.create_viewing_key.key } }), { balance: { amount: "250000" } });
  const before = new Map(c.store);
  assert.deepEqual(c.call("execute", envJson(), info(bob), { transfer: { recipient: alice, amount: "250001" } }), {
    Err: "insufficient funds: balance=250000, required=250001",
  });
  const badAddr = c.call("execute", envJson(), info(bob), { transfer: { recipient: bob.toUpperCase(), amount: "1" } });
  assert.match(badAddr.Err, /^invalid recipient: /);
  const cosmos = bech32Encode("cosmos", bech32Decode(bob).bytes);
  assert.match(c.call("execute", envJson(), info(bob), { transfer: { recipient: cosmos, amount: "1" } }).Err, /not a valid secret address/);
  assert.deepEqual(c.store, before);
  console.log("token ok");
}

// ---- caller --------------------------------------------------------------------------------
{
  const c = new Contract("caller"), target = addr(5), hash = "ab".repeat(32);
  assert.ok("Ok" in c.call("instantiate", envJson(), info(addr(1)), {}));
  const r = c.call("execute", envJson(), info(addr(1)), {
    call: { contract_addr: target, code_hash: hash, msg: b64('{"increment":{}}'), reply_on: "error", id: 9 },
  });
  assert.deepEqual(r.Ok.messages, [{
    id: 9,
    msg: { wasm: { execute: { contract_addr: target, code_hash: hash, msg: b64('{"increment":{}}'), send: [] } } },
    gas_limit: null,
    reply_on: "error",
  }]);
  assert.equal(query(c, { last_reply: {} }), null);
  const rep = c.call("reply", envJson(), { id: 9, result: { ok: { events: [], data: b64("hi") } } });
  assert.equal(rep.Ok.data, b64("hi"));
  assert.deepEqual(query(c, { last_reply: {} }), { id: 9, status: "ok", data: b64("hi"), error: null, events: [] });
  c.call("reply", envJson(), { id: 10, result: { error: "boom" } });
  assert.deepEqual(query(c, { last_reply: {} }), { id: 10, status: "error", data: null, error: "boom", events: [] });
  assert.deepEqual(c.call("execute", envJson(), info(addr(1)), { noop: {} }), { Ok: { messages: [], attributes: [], events: [], data: null } });
  console.log("caller ok");
}
