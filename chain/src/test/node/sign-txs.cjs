// Signs txs offline with the unmodified secretjs 1.22.1 for the chain's SecretJsSignedTxTest:
// Wallet (SIGN_MODE_DIRECT) or AminoWallet (SIGN_MODE_LEGACY_AMINO_JSON), bank and compute
// messages. Reads one JSON job on stdin, writes one JSON answer on stdout; secretjs is found via
// NODE_PATH. Nothing is contacted: signer data is explicit and the network IO key is preset, as
// for a client that already queried /registration/v1beta1/tx-key (secretjs-api.md §7).
"use strict";
const {
  SecretNetworkClient,
  Wallet,
  EncryptionUtilsImpl,
  MsgSend,
  MsgMultiSend,
  MsgStoreCode,
  MsgInstantiateContract,
  MsgExecuteContract,
  MsgMigrateContract,
  MsgUpdateAdmin,
  MsgClearAdmin,
} = require("secretjs");
// secretjs 1.22.1 does not re-export AminoWallet from its index (deprecated since 1.15).
const { AminoWallet } = require("secretjs/dist/wallet_amino");

const b64 = (bytes) => Buffer.from(bytes).toString("base64");

function message(kind, job, tx, address) {
  const coins = [{ denom: "uscrt", amount: String(tx.amount) }];
  switch (kind) {
    case "send":
      return new MsgSend({ from_address: address, to_address: tx.to, amount: coins });
    case "multisend":
      return new MsgMultiSend({
        inputs: [{ address, coins: [{ denom: "uscrt", amount: String(2 * tx.amount) }] }],
        outputs: [
          { address: tx.to, coins },
          { address, coins },
        ],
      });
    case "store":
      // pre-gzipped: secretjs's own gzip step is not awaited, so raw input would sign other bytes
      return new MsgStoreCode({
        sender: address,
        wasm_byte_code: Uint8Array.from(Buffer.from(job.gzippedWasm, "base64")),
        source: tx.memo,
        builder: "",
      });
    case "instantiate":
      return new MsgInstantiateContract({
        sender: address,
        code_id: 1,
        code_hash: job.codeHash,
        label: "label-" + tx.sequence,
        init_msg: { count: tx.amount },
        init_funds: coins,
        admin: address,
      });
    case "execute":
      return new MsgExecuteContract({
        sender: address,
        contract_address: job.contract,
        code_hash: job.codeHash,
        msg: { increment: { by: tx.amount } },
        sent_funds: [],
      });
    case "migrate":
      return new MsgMigrateContract({
        sender: address,
        contract_address: job.contract,
        code_id: 2,
        code_hash: job.codeHash,
        msg: { migrate: {} },
      });
    case "update_admin":
      return new MsgUpdateAdmin({ sender: address, contract_address: job.contract, new_admin: tx.to });
    case "clear_admin":
      return new MsgClearAdmin({ sender: address, contract_address: job.contract });
    default:
      throw new Error("unknown kind " + kind);
  }
}

async function sign(job) {
  const out = [];
  for (const tx of job.txs) {
    const wallet = tx.wallet === "amino" ? new AminoWallet(job.mnemonic) : new Wallet(job.mnemonic);
    const utils = new EncryptionUtilsImpl("http://127.0.0.1:9", Buffer.from(job.seed, "hex"));
    utils.consensusIoPubKey = Uint8Array.from(Buffer.from(job.ioPubKey, "base64"));
    const client = new SecretNetworkClient({
      url: "http://127.0.0.1:9", // never contacted
      chainId: job.chainId,
      wallet,
      walletAddress: wallet.address,
      encryptionUtils: utils,
    });
    const txBytes = await client.tx.signTx([message(tx.kind, job, tx, wallet.address)], {
      gasLimit: tx.gasLimit,
      memo: tx.memo,
      explicitSignerData: { accountNumber: job.accountNumber, sequence: tx.sequence, chainId: job.chainId },
    });
    out.push({ txBytes: b64(txBytes) });
  }
  return { address: new Wallet(job.mnemonic).address, txs: out };
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
