// The acceptance test of the node's REST API: the unmodified npm package secretjs@1.22.1 drives a
// running `arcanum dev` end to end (secretjs-api.md §2): wallet → balance → store (raw and
// gzipped) → code hash → instantiate → execute → decrypted data and wasm attributes → encrypted
// queries → a failing execute and a failing query whose errors secret.js decrypts. Every step
// asserts its result; the exit code is 0 only if all passed.
//
//   node node/src/test/node/secretjs-flow.mjs            (against http://localhost:1317)
//
// Environment: ARCANUM_URL (the node's REST URL), SECRETJS_MODULES (a node_modules holding
// secretjs 1.22.1; default build/secretjs/node_modules, made by .ci/install-secretjs).

import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import assert from "node:assert/strict";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const modules = process.env.SECRETJS_MODULES ?? join(repo, "build/secretjs/node_modules");
const require = createRequire(join(modules, "noop.js"));
const { SecretNetworkClient, Wallet, MsgExecuteContractResponse } = require("secretjs");
const version = require("secretjs/package.json").version;
assert.equal(version, "1.22.1", "secretjs version");

const url = process.env.ARCANUM_URL ?? "http://localhost:1317";
const chainId = process.env.ARCANUM_CHAIN_ID ?? "secretdev-1";
// LocalSecret's public test accounts a and b (secretjs-api.md §8).
const A_MNEMONIC =
  "grant rice replace explain federal release fix clever romance raise often wild taxi quarter soccer fiber love must tape steak together observe swap guitar";
const B_ADDRESS = "secret1fc3fzy78ttp0lwuujw7e52rhspxn8uj52zfyne";

// Blocks come 200 ms after a tx arrives; poll for the tx more often than secretjs's 6 s default.
const txOptions = { gasLimit: 5_000_000, broadcastCheckIntervalMs: 250, broadcastTimeoutMs: 60_000 };

const wallet = new Wallet(A_MNEMONIC);
const client = new SecretNetworkClient({ url, chainId, wallet, walletAddress: wallet.address });
const a = wallet.address;

let failed = false;
async function step(name, body) {
  const start = Date.now();
  try {
    await body();
    console.log(`ok   ${name} (${Date.now() - start} ms)`);
  } catch (e) {
    failed = true;
    console.log(`FAIL ${name}: ${e?.stack ?? JSON.stringify(e)}`);
    throw e;
  }
}

const sha256hex = (bytes) => createHash("sha256").update(bytes).digest("hex");
const logValue = (tx, type, key) => tx.arrayLog?.find((l) => l.type === type && l.key === key)?.value;
const ok = (tx) => assert.equal(tx.code, 0, `tx failed: code ${tx.code} ${tx.rawLog}`);
const utf8 = (bytes) => new TextDecoder().decode(bytes);

const token = readFileSync(join(repo, "contracts/token/token.wasm"));
const counter = readFileSync(join(repo, "contracts/counter/counter.wasm"));
const tokenHash = sha256hex(token);
let tokenCode, gzippedCode, tokenAddress, counterAddress, counterHash;

try {
  await step("wallet is LocalSecret's account a", async () => {
    assert.equal(a, "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03");
  });

  await step("query.bank.balance", async () => {
    const { balance } = await client.query.bank.balance({ address: a, denom: "uscrt" });
    assert.equal(balance.denom, "uscrt");
    assert.ok(BigInt(balance.amount) > 10n ** 15n, `balance ${balance.amount}`);
  });

  await step("tx.compute.storeCode (raw wasm)", async () => {
    const tx = await client.tx.compute.storeCode(
      { sender: a, wasm_byte_code: token, source: "", builder: "" },
      txOptions,
    );
    ok(tx);
    assert.equal(tx.rawLog, "");
    tokenCode = logValue(tx, "message", "code_id");
    assert.match(tokenCode ?? "", /^\d+$/);
  });

  await step("tx.compute.storeCode (gzipped wasm)", async () => {
    const gz = gzipSync(token);
    assert.deepEqual([...gz.subarray(0, 3)], [0x1f, 0x8b, 0x08]);
    const tx = await client.tx.compute.storeCode(
      { sender: a, wasm_byte_code: gz, source: "", builder: "" },
      txOptions,
    );
    ok(tx);
    gzippedCode = logValue(tx, "message", "code_id");
    assert.equal(Number(gzippedCode), Number(tokenCode) + 1);
  });

  await step("query.compute.codeHashByCodeId (both hash the inflated wasm)", async () => {
    const raw = await client.query.compute.codeHashByCodeId({ code_id: tokenCode });
    const gz = await client.query.compute.codeHashByCodeId({ code_id: gzippedCode });
    assert.equal(raw.code_hash, tokenHash);
    assert.equal(gz.code_hash, tokenHash);
  });

  await step("tx.compute.instantiateContract (token, code hash looked up)", async () => {
    const tx = await client.tx.compute.instantiateContract(
      {
        sender: a,
        code_id: tokenCode,
        init_msg: {
          name: "Arcanum Token",
          symbol: "ARC",
          decimals: 6,
          initial_balances: [{ address: a, amount: "1000000" }],
          prng_seed: Buffer.from("e2e seed").toString("base64"),
        },
        label: `token-${Date.now()}`,
        init_funds: [],
      },
      txOptions,
    );
    ok(tx);
    tokenAddress = logValue(tx, "message", "contract_address");
    assert.match(tokenAddress ?? "", /^secret1[0-9a-z]{38}$/);
    // secret.js decrypted the init msg it sent (it needs the nonce from it).
    assert.equal(tx.tx.body.messages[0].init_msg.symbol, "ARC");
  });

  await step("tx.compute.executeContract transfer; data decrypted", async () => {
    const tx = await client.tx.compute.executeContract(
      {
        sender: a,
        contract_address: tokenAddress,
        msg: { transfer: { recipient: B_ADDRESS, amount: "1000" } },
        sent_funds: [],
      },
      txOptions,
    );
    ok(tx);
    const data = MsgExecuteContractResponse.decode(tx.data[0]).data;
    assert.deepEqual(JSON.parse(utf8(data).trim()), { transfer: { status: "success" } });
  });

  await step("counter: wasm attributes decrypted on instantiate and execute", async () => {
    const store = await client.tx.compute.storeCode(
      { sender: a, wasm_byte_code: counter, source: "", builder: "" },
      txOptions,
    );
    ok(store);
    const codeId = logValue(store, "message", "code_id");
    counterHash = sha256hex(counter);
    const init = await client.tx.compute.instantiateContract(
      {
        sender: a,
        code_id: codeId,
        code_hash: counterHash,
        init_msg: { count: 7 },
        label: `counter-${Date.now()}`,
      },
      txOptions,
    );
    ok(init);
    counterAddress = logValue(init, "message", "contract_address");
    assert.equal(logValue(init, "wasm", "action"), "instantiate");
    assert.equal(logValue(init, "wasm", "count"), "7");
    assert.equal(logValue(init, "wasm", "owner"), a);
    const inc = await client.tx.compute.executeContract(
      { sender: a, contract_address: counterAddress, code_hash: counterHash, msg: { increment: {} } },
      txOptions,
    );
    ok(inc);
    assert.equal(logValue(inc, "wasm", "action"), "increment");
    assert.equal(logValue(inc, "wasm", "count"), "8");
    assert.equal(logValue(inc, "wasm", "contract_address"), counterAddress);
  });

  await step("query.compute.queryContract (counter, token_info, balance with viewing key)", async () => {
    const count = await client.query.compute.queryContract({
      contract_address: counterAddress,
      code_hash: counterHash,
      query: { get_count: {} },
    });
    assert.deepEqual(count, { count: 8 });
    const info = await client.query.compute.queryContract({
      contract_address: tokenAddress,
      code_hash: tokenHash,
      query: { token_info: {} },
    });
    assert.equal(info.token_info.symbol, "ARC");
    assert.equal(info.token_info.decimals, 6);
    assert.equal(info.token_info.total_supply, "1000000");
    const vk = await client.tx.compute.executeContract(
      {
        sender: a,
        contract_address: tokenAddress,
        code_hash: tokenHash,
        msg: { set_viewing_key: { key: "e2e-viewing-key" } },
      },
      txOptions,
    );
    ok(vk);
    // Without code_hash: secret.js looks it up by contract address first.
    const balance = await client.query.compute.queryContract({
      contract_address: tokenAddress,
      query: { balance: { address: a, key: "e2e-viewing-key" } },
    });
    assert.deepEqual(balance, { balance: { amount: "999000" } });
  });

  await step("a failing execute: secret.js decrypts the contract's error", async () => {
    const tx = await client.tx.compute.executeContract(
      {
        sender: a,
        contract_address: tokenAddress,
        code_hash: tokenHash,
        msg: { transfer: { recipient: B_ADDRESS, amount: "1000000000000" } },
      },
      txOptions,
    );
    assert.equal(tx.code, 3, `code ${tx.code}: ${tx.rawLog}`);
    assert.match(tx.rawLog, /^failed to execute message; message index: 0: /);
    assert.match(tx.rawLog, /insufficient funds: balance=999000, required=1000000000000/);
    assert.doesNotMatch(tx.rawLog, /encrypted: /, "the error was decrypted in place");
  });

  await step("a failing query: secret.js decrypts the contract's error", async () => {
    const result = await client.query.compute.queryContract({
      contract_address: tokenAddress,
      code_hash: tokenHash,
      query: { nope: {} },
    });
    assert.equal(typeof result, "string", `result ${JSON.stringify(result)}`);
    assert.match(result, /unknown variant `nope`/);
  });

  await step("simulate, getTx, txsQuery, latest block", async () => {
    const sim = await client.tx.bank.send.simulate({
      from_address: a,
      to_address: B_ADDRESS,
      amount: [{ denom: "uscrt", amount: "1" }],
    });
    assert.ok(Number(sim.gas_info.gas_used) > 0);
    const sent = await client.tx.bank.send(
      { from_address: a, to_address: B_ADDRESS, amount: [{ denom: "uscrt", amount: "1" }] },
      { ...txOptions, gasLimit: 100_000 },
    );
    ok(sent);
    const again = await client.query.getTx(sent.transactionHash);
    assert.equal(again.transactionHash, sent.transactionHash);
    assert.equal(again.height, sent.height);
    const found = await client.query.txsQuery(`tx.height=${sent.height}`);
    assert.ok(found.some((t) => t.transactionHash === sent.transactionHash));
    const latest = await client.query.tendermint.getLatestBlock({});
    assert.equal(latest.block.header.chain_id, chainId);
    assert.ok(Number(latest.block.header.height) >= sent.height);
  });
} catch (e) {
  failed = true;
}

console.log(failed ? "secretjs flow: FAILED" : "secretjs flow: all steps passed");
process.exit(failed ? 1 : 0);
