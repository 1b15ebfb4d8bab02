// Produces enclave/src/test/resources/io/arcanum/enclave/auth/secretjs-direct-execute.json: a
// MsgExecuteContract signed in SIGN_MODE_DIRECT by the unmodified secretjs 1.22.1 Wallet of
// LocalSecret account a, offline (explicit signer data, preset network key, nothing contacted).
// SecretJsFixtureTest checks that SenderAuthenticator accepts it.
//
// Usage (.ci/install-secretjs installs secretjs into build/secretjs):
//   NODE_PATH=build/secretjs/node_modules node enclave/src/test/node/secretjs-direct-execute.cjs \
//     > enclave/src/test/resources/io/arcanum/enclave/auth/secretjs-direct-execute.json
"use strict";
const { SecretNetworkClient, Wallet, MsgExecuteContract, EncryptionUtilsImpl } = require("secretjs");

const MNEMONIC_A =
  "grant rice replace explain federal release fix clever romance raise often wild taxi " +
  "quarter soccer fiber love must tape steak together observe swap guitar";
const CHAIN_ID = "secretdev-1";
const CONTRACT = "secret1mfk7n6mc2cg6lznujmeckdh4x0a5ezf6hx6y8q";
const CODE_HASH = "af74387e276be8874f07bec3a87023ee49b0e7ebe08178c49d0a49c3c98ed60e";
const ACCOUNT_NUMBER = 5;
const SEQUENCE = 3;
const SENT_FUNDS = [{ denom: "uscrt", amount: "1000" }];
const b64 = (bytes) => Buffer.from(bytes).toString("base64");

(async () => {
  const wallet = new Wallet(MNEMONIC_A);
  const utils = new EncryptionUtilsImpl("http://127.0.0.1:9"); // never contacted
  // Any 32-byte network key will do: the enclave's sender check does not decrypt.
  utils.consensusIoPubKey = Uint8Array.from(Buffer.alloc(32, 9));
  let encrypted = null;
  const recorder = {
    encrypt: async (codeHash, msg) => (encrypted = await utils.encrypt(codeHash, msg)),
    decrypt: (ciphertext, nonce) => utils.decrypt(ciphertext, nonce),
    getPubkey: () => utils.getPubkey(),
    getTxEncryptionKey: (nonce) => utils.getTxEncryptionKey(nonce),
  };
  const client = new SecretNetworkClient({
    url: "http://127.0.0.1:9",
    chainId: CHAIN_ID,
    wallet,
    walletAddress: wallet.address,
    encryptionUtils: recorder,
  });
  const msg = new MsgExecuteContract({
    sender: wallet.address,
    contract_address: CONTRACT,
    code_hash: CODE_HASH,
    msg: { increment: {} },
    sent_funds: SENT_FUNDS,
  });
  const txBytes = await client.tx.signTx([msg], {
    gasLimit: 200000,
    explicitSignerData: { accountNumber: ACCOUNT_NUMBER, sequence: SEQUENCE, chainId: CHAIN_ID },
  });
  const fixture = {
    _source: "enclave/src/test/node/secretjs-direct-execute.cjs with secretjs 1.22.1",
    chain_id: CHAIN_ID,
    account_number: ACCOUNT_NUMBER,
    sender: wallet.address,
    contract: CONTRACT,
    sent_funds: SENT_FUNDS,
    msg: b64(encrypted),
    tx_bytes: b64(txBytes),
  };
  process.stdout.write(JSON.stringify(fixture, null, 2) + "\n");
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
