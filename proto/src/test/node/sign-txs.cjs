// Signs transactions offline with the unmodified secretjs 1.22.1 for SecretJsSignedTxTest.
// Reads one JSON job on stdin, writes one JSON answer on stdout. secretjs is found via NODE_PATH.
// Nothing is contacted: signer data is explicit and the network IO key is preset, as for a client
// that already queried /registration/v1beta1/tx-key (secretjs-api.md §7).
"use strict";
const {
  SecretNetworkClient,
  Wallet,
  EncryptionUtilsImpl,
  MsgSend,
  MsgStoreCode,
  MsgInstantiateContract,
  MsgExecuteContract,
  fromBech32,
} = require("secretjs");
const { makeSignBytes } = require("@cosmjs/proto-signing");

const b64 = (bytes) => Buffer.from(bytes).toString("base64");
const hex = (bytes) => Buffer.from(bytes).toString("hex");

async function sign(job) {
  const wallet = new Wallet(job.mnemonic);
  // Records the SignDoc secretjs hands to the wallet; the wallet signs SHA-256 of these bytes.
  const signBytes = [];
  const recording = {
    getAccounts: () => wallet.getAccounts(),
    signDirect: async (address, signDoc) => {
      signBytes.push(makeSignBytes(signDoc));
      return wallet.signDirect(address, signDoc);
    },
  };
  const utils = new EncryptionUtilsImpl("http://127.0.0.1:9", Buffer.from(job.seed, "hex"));
  utils.consensusIoPubKey = Uint8Array.from(Buffer.from(job.ioPubKey, "base64"));
  const client = new SecretNetworkClient({
    url: "http://127.0.0.1:9", // never contacted
    chainId: job.chainId,
    wallet: recording,
    walletAddress: wallet.address,
    encryptionUtils: utils,
  });

  const a = wallet.address;
  const msgs = {
    send: () => [
      new MsgSend({ from_address: a, to_address: job.recipient, amount: [{ denom: "uscrt", amount: "1" }] }),
    ],
    store: () => [
      new MsgStoreCode({
        sender: a,
        wasm_byte_code: Uint8Array.from(Buffer.from(job.wasm, "base64")),
        source: "",
        builder: "",
      }),
    ],
    instantiate: () => [
      new MsgInstantiateContract({
        sender: a,
        code_id: 1,
        code_hash: job.codeHash,
        label: job.label,
        init_msg: { count: 7 },
        init_funds: [],
        admin: a,
      }),
    ],
    execute: () => [
      new MsgExecuteContract({
        sender: a,
        contract_address: job.contract,
        code_hash: job.codeHash,
        msg: { increment: {} },
        sent_funds: [{ denom: "uscrt", amount: "5" }],
      }),
    ],
    mixed: () => [...msgs.send(), ...msgs.execute()],
  };

  const txs = [];
  for (const tx of job.txs) {
    const txBytes = await client.tx.signTx(msgs[tx.kind](), {
      gasLimit: tx.gasLimit,
      memo: tx.memo,
      explicitSignerData: { accountNumber: job.accountNumber, sequence: tx.sequence, chainId: job.chainId },
    });
    txs.push({ txBytes: b64(txBytes), signBytes: b64(signBytes.pop()) });
  }
  const [account] = await wallet.getAccounts();
  return {
    address: a,
    addressHex: hex(fromBech32(a).data),
    contractHex: hex(fromBech32(job.contract).data),
    pubkey: b64(account.pubkey),
    encryptionPubkey: b64(await utils.getPubkey()),
    txs,
  };
}

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  try {
    process.stdout.write(JSON.stringify(await sign(JSON.parse(input))));
  } catch (e) {
    process.stderr.write(String(e && e.stack ? e.stack : e));
    process.exit(1);
  }
});
