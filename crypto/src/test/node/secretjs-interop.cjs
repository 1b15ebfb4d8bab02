// Drives the unmodified secretjs 1.22.1 EncryptionUtilsImpl for SecretJsInteropTest.
// Reads one JSON job on stdin, writes one JSON answer on stdout. secretjs is found via NODE_PATH.
"use strict";
const crypto = require("node:crypto");
const { EncryptionUtilsImpl } = require("secretjs");

function utils(job, seedHex) {
  const seed = Uint8Array.from(Buffer.from(seedHex, "hex"));
  const u = new EncryptionUtilsImpl("http://127.0.0.1:9", seed); // never contacted
  // Preset the network key as a client that already queried /registration/v1beta1/tx-key.
  u.consensusIoPubKey = Uint8Array.from(Buffer.from(job.ioPubKey, "base64"));
  return u;
}

const b64 = (bytes) => Buffer.from(bytes).toString("base64");
const utf8 = (bytes) => Buffer.from(bytes).toString("utf8");

async function encrypt(job) {
  const seedHex = crypto.randomBytes(32).toString("hex");
  const u = utils(job, seedHex);
  const wires = [];
  for (const json of job.messages) {
    wires.push(b64(await u.encrypt(job.codeHash, JSON.parse(json))));
  }
  return { seed: seedHex, pubkey: b64(await u.getPubkey()), wires };
}

async function decrypt(job) {
  const u = utils(job, job.seed);
  const results = [];
  for (const item of job.items) {
    const nonce = Uint8Array.from(Buffer.from(item.nonce, "hex"));
    const open = (field) => u.decrypt(Uint8Array.from(Buffer.from(field, "base64")), nonce);
    // As secretjs reads them (secretjs-api.md §6.1): data carries base64 text inside the ciphertext;
    // attributes and errors are the raw strings.
    results.push({
      txKey: Buffer.from(await u.getTxEncryptionKey(nonce)).toString("hex"),
      data: b64(Buffer.from(utf8(await open(item.data)), "base64")),
      attrKey: utf8(await open(item.attrKey)),
      attrValue: utf8(await open(item.attrValue)),
      error: utf8(await open(item.error)),
    });
  }
  return { results };
}

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  try {
    const job = JSON.parse(input);
    const answer = job.op === "encrypt" ? await encrypt(job) : await decrypt(job);
    process.stdout.write(JSON.stringify(answer));
  } catch (e) {
    process.stderr.write(String(e && e.stack ? e.stack : e));
    process.exit(1);
  }
});
