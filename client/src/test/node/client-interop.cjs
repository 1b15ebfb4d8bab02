// The unmodified secretjs 1.22.1 as the reference for the Java SDK's SecretJsCompatibilityTest.
// Reads one JSON job on stdin, writes one JSON answer on stdout; secretjs is found via NODE_PATH.
// Ops: wallets (addresses and keys), sign (offline, explicit signer data), encrypt / decrypt
// (EncryptionUtilsImpl with a fixed seed and a preset network key), getTx and query (a real
// SecretNetworkClient against the test's fake LCD).
"use strict";
const { SecretNetworkClient, Wallet, EncryptionUtilsImpl, MsgSend, MsgStoreCode } = require("secretjs");
// secretjs 1.22.1 does not re-export AminoWallet from its index (deprecated since 1.15).
const { AminoWallet } = require("secretjs/dist/wallet_amino");

const b64 = (bytes) => Buffer.from(bytes).toString("base64");
const fromB64 = (text) => Uint8Array.from(Buffer.from(text, "base64"));
const utf8 = (bytes) => Buffer.from(bytes).toString("utf8");

function utils(url, seedHex, ioPubKey) {
  const u = new EncryptionUtilsImpl(url, Uint8Array.from(Buffer.from(seedHex, "hex")));
  if (ioPubKey) {
    u.consensusIoPubKey = fromB64(ioPubKey); // as a client that already asked for the tx key
  }
  return u;
}

async function wallets(job) {
  return {
    wallets: job.wallets.map((w) => {
      const wallet = new Wallet(w.mnemonic, w.options);
      return { address: wallet.address, pubkey: b64(wallet.publicKey) };
    }),
  };
}

async function sign(job) {
  const out = [];
  for (const tx of job.txs) {
    const wallet = tx.wallet === "amino" ? new AminoWallet(job.mnemonic) : new Wallet(job.mnemonic);
    const client = new SecretNetworkClient({
      url: "http://127.0.0.1:9", // never contacted
      chainId: job.chainId,
      wallet,
      walletAddress: wallet.address,
      encryptionUtils: utils("http://127.0.0.1:9", "00".repeat(32), job.ioPubKey),
    });
    const msg =
      tx.kind === "send"
        ? new MsgSend({
            from_address: wallet.address,
            to_address: tx.to,
            amount: [{ denom: "uscrt", amount: String(tx.amount) }],
          })
        : new MsgStoreCode({
            sender: wallet.address,
            wasm_byte_code: fromB64(tx.gzippedWasm),
            source: "",
            builder: "",
          });
    const txBytes = await client.tx.signTx([msg], {
      gasLimit: tx.gasLimit,
      memo: tx.memo,
      explicitSignerData: { accountNumber: job.accountNumber, sequence: tx.sequence, chainId: job.chainId },
    });
    out.push(b64(txBytes));
  }
  return { txs: out };
}

async function encrypt(job) {
  const u = utils("http://127.0.0.1:9", job.seed, job.ioPubKey);
  const wires = [];
  for (const json of job.messages) {
    wires.push(b64(await u.encrypt(job.codeHash, JSON.parse(json))));
  }
  return { pubkey: b64(await u.getPubkey()), wires };
}

async function decrypt(job) {
  const u = utils("http://127.0.0.1:9", job.seed, job.ioPubKey);
  const plaintexts = [];
  for (const wire of job.wires) {
    const bytes = fromB64(wire);
    plaintexts.push(utf8(await u.decrypt(bytes.slice(64), bytes.slice(0, 32))));
  }
  return { plaintexts };
}

function client(job) {
  return new SecretNetworkClient({
    url: job.url,
    chainId: job.chainId,
    encryptionUtils: utils(job.url, job.seed, null), // asks the fake LCD for the tx key
  });
}

async function getTx(job) {
  const tx = await client(job).query.getTx(job.hash, { resolveResponses: false });
  return {
    code: tx.code,
    rawLog: tx.rawLog,
    arrayLog: tx.arrayLog,
    data: tx.data.map(b64),
    inputs: tx.tx.body.messages.map((m) => JSON.stringify(m.msg ?? m.init_msg ?? null)),
  };
}

async function query(job) {
  const result = await client(job).query.compute.queryContract({
    contract_address: job.contract,
    code_hash: job.codeHash,
    query: JSON.parse(job.query),
  });
  return { result: typeof result === "string" ? { error: result } : result };
}

const ops = { wallets, sign, encrypt, decrypt, getTx, query };

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  try {
    const job = JSON.parse(input);
    process.stdout.write(JSON.stringify(await ops[job.op](job)));
  } catch (e) {
    process.stderr.write(String(e && e.stack ? e.stack : e));
    process.exit(1);
  }
});
