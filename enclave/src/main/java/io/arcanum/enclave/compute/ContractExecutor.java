package io.arcanum.enclave.compute;

import io.arcanum.crypto.hkdf.Hkdf;
import io.arcanum.crypto.hkdf.SecretKdf;
import io.arcanum.crypto.seed.DerivedSecret;
import io.arcanum.crypto.seed.KeySchedule;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.TxEncryptionKey;
import io.arcanum.crypto.tx.TxEnvelope;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.enclave.api.AdminUpdateCall;
import io.arcanum.enclave.api.ContractCall;
import io.arcanum.enclave.api.ContractKeyInfo;
import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.api.QueryCall;
import io.arcanum.enclave.api.ReplyCall;
import io.arcanum.enclave.api.SigInfo;
import io.arcanum.enclave.auth.AdminChangeCallback;
import io.arcanum.enclave.auth.ExpectedMessage;
import io.arcanum.enclave.auth.SenderAuthenticationException;
import io.arcanum.enclave.auth.SenderAuthenticator;
import io.arcanum.enclave.state.ContractKey;
import io.arcanum.wasm.ContractCode;
import io.arcanum.wasm.EntryPoint;
import io.arcanum.wasm.WasmVm;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs contract calls inside the enclave (protocol.md §6–§10): checks who sent the message and that
 * the contract key is genuine, opens the input, runs the VM on encrypted state, encrypts what goes
 * back. A refused call throws before anything is stored; a call the contract fails stores nothing.
 */
public final class ContractExecutor {
  private final EnclaveHost host;
  private final WasmVm vm;
  private final SenderAuthenticator senders;
  private final ContractCodeCache codes;
  private final Bech32Addresses addresses;
  private final MessageCounter counter = new MessageCounter();

  /**
   * @param bech32Prefix the chain's address prefix ("secret")
   */
  public ContractExecutor(EnclaveHost host, WasmVm vm, String bech32Prefix) {
    this.host = host;
    this.vm = vm;
    this.senders = new SenderAuthenticator(bech32Prefix);
    this.codes = new ContractCodeCache(host.contractCode(), vm);
    this.addresses = new Bech32Addresses(bech32Prefix);
  }

  public ContractResult instantiate(KeySchedule keys, ContractCall call) throws EnclaveException {
    Target target = target(call.codeHash(), call.contractAddress());
    byte[] sender = addresses.requireCanonical(call.sender(), "sender");
    try (ContractInput input =
        ContractInput.open(call.message(), keys.ioExchangeKey(), target.hash(), true)) {
      authenticate(
          keys,
          call.sigInfo(),
          ExpectedMessage.instantiate(sender, call.message(), call.funds(), call.admin()),
          input);
      ContractKey key =
          ContractKey.derive(
              keys.stateIkm(0),
              sender,
              call.block().height(),
              target.hash().bytes(),
              target.contract());
      byte[] adminProof =
          call.admin().isEmpty()
              ? new byte[0]
              : key.adminProof(
                  keys.adminProofSecret(), addresses.parse(call.admin(), "admin").clone());
      ContractKeyInfo made = new ContractKeyInfo(key.bytes(), key.bytes(), null, adminProof);
      ContractRun run =
          new ContractRun(
              host, vm, counter, EntryPoint.INSTANTIATE, target, call.block(), call.gasLimit(), 0);
      return run.call(keys, input, key, key, addresses.human(sender), call, made);
    }
  }

  public ContractResult execute(KeySchedule keys, ContractCall call) throws EnclaveException {
    Target target = target(call.codeHash(), call.contractAddress());
    byte[] sender = addresses.requireCanonical(call.sender(), "sender");
    ContractKey[] key = verifiedKey(keys, call.contractKey(), target);
    try (ContractInput input =
        ContractInput.open(call.message(), keys.ioExchangeKey(), target.hash(), true)) {
      authenticate(
          keys,
          call.sigInfo(),
          ExpectedMessage.execute(sender, target.contract(), call.message(), call.funds()),
          input);
      ContractRun run =
          new ContractRun(
              host, vm, counter, EntryPoint.EXECUTE, target, call.block(), call.gasLimit(), 0);
      return run.call(keys, input, key[0], key[1], addresses.human(sender), call, null);
    }
  }

  public ContractResult migrate(KeySchedule keys, ContractCall call) throws EnclaveException {
    Target target = target(call.codeHash(), call.contractAddress());
    byte[] sender = addresses.requireCanonical(call.sender(), "sender");
    ContractKeyInfo stored = requireKey(call.contractKey());
    ContractKey original = ContractKey.of(stored.original());
    if (!adminProofMatches(keys, original, sender, stored.adminProof())) {
      throw new EnclaveException(
          Reason.UNAUTHORIZED, "the sender is not the contract's admin (admin proof mismatch)");
    }
    try (ContractInput input =
        ContractInput.open(call.message(), keys.ioExchangeKey(), target.hash(), false)) {
      authenticate(
          keys,
          call.sigInfo(),
          ExpectedMessage.migrate(sender, target.contract(), call.message()),
          input);
      ContractKey migrated =
          ContractKey.deriveMigrated(
              keys.stateIkm(0),
              sender,
              call.block().height(),
              target.hash().bytes(),
              target.contract(),
              original);
      byte[] proof =
          migrated.migrationProof(
              keys.contractKeyProofSecret(), target.contract(), target.hash().bytes(), original);
      ContractKeyInfo made =
          new ContractKeyInfo(original.bytes(), migrated.bytes(), proof, stored.adminProof());
      ContractRun run =
          new ContractRun(
              host, vm, counter, EntryPoint.MIGRATE, target, call.block(), call.gasLimit(), 0);
      return run.call(keys, input, original, migrated, addresses.human(sender), call, made);
    }
  }

  public ContractResult query(KeySchedule keys, QueryCall call) throws EnclaveException {
    Target target = target(call.codeHash(), call.contractAddress());
    ContractKey[] key = verifiedKey(keys, call.contractKey(), target);
    try (ContractInput input =
        ContractInput.open(call.message(), keys.ioExchangeKey(), target.hash(), false)) {
      ContractRun run =
          new ContractRun(
              host,
              vm,
              counter,
              EntryPoint.QUERY,
              target,
              call.block(),
              call.gasLimit(),
              call.depth());
      return run.call(keys, input, key[0], key[1], null, null, null);
    }
  }

  public ContractResult reply(KeySchedule keys, ReplyCall call) throws EnclaveException {
    Target target = target(call.codeHash(), call.contractAddress());
    ContractKey[] key = verifiedKey(keys, call.contractKey(), target);
    byte[] reply = call.reply() == null ? new byte[0] : call.reply();
    byte[] seen;
    TxEncryptionKey txKey;
    TxEnvelope envelope;
    if (call.replySignature().length == 0) {
      ReplyEnvelope.Plain plain =
          ReplyEnvelope.openPlaintext(
              reply, target.contract(), target.hash(), keys.callbackSecret(), keys.ioExchangeKey());
      seen = plain.seen();
      txKey = plain.permit().key();
      envelope = plain.permit().envelope();
    } else {
      byte[][] parts = ReplyEnvelope.split(reply);
      envelope = null;
      txKey = null;
      byte[] json = reply;
      if (parts != null) {
        byte[] header = parts[0];
        envelope =
            new TxEnvelope(
                Arrays.copyOfRange(header, 0, 32),
                new X25519PublicKey(Arrays.copyOfRange(header, 32, 64)),
                new byte[0]);
        txKey = envelope.txEncryptionKey(keys.ioExchangeKey());
        json = parts[1];
      }
      try {
        seen =
            ReplyEnvelope.open(
                json, call.replySignature(), txKey, target.hash(), keys.callbackSecret());
      } catch (EnclaveException e) {
        if (txKey != null) {
          txKey.destroy();
        }
        throw e;
      }
    }
    try (ContractInput input = ContractInput.of(seen, txKey, envelope)) {
      ContractRun run =
          new ContractRun(
              host, vm, counter, EntryPoint.REPLY, target, call.block(), call.gasLimit(), 0);
      ContractCall asCall =
          new ContractCall(
              call.codeHash(),
              call.block(),
              call.transaction(),
              call.contractAddress(),
              new byte[0],
              List.of(),
              reply,
              SigInfo.callback(call.replySignature()),
              call.contractKey(),
              "",
              call.gasLimit());
      return run.call(keys, input, key[0], key[1], "", asCall, null);
    }
  }

  /**
   * Re-proves the admin after an admin change (protocol.md §8; Secret's {@code update_admin}): the
   * contract key must be genuine, the current admin must hold a valid proof, and the current admin
   * must have signed this change — in its tx (§10.1) or, for a contract, through the callback
   * signature its enclave attached (§10.2, {@link AdminChangeCallback}).
   *
   * @return the new admin's proof; empty when the admin is cleared
   */
  public byte[] updateAdmin(KeySchedule keys, AdminUpdateCall call) throws EnclaveException {
    if (call.codeHash() == null || call.codeHash().length != CodeHash.LENGTH) {
      throw new EnclaveException(Reason.INVALID_INPUT, "the code hash must be 32 bytes");
    }
    byte[] contract = addresses.requireCanonical(call.contractAddress(), "contract address");
    if (call.currentAdmin().isEmpty()) {
      throw new EnclaveException(Reason.UNAUTHORIZED, "the contract has no admin to change");
    }
    byte[] sender = addresses.parse(call.currentAdmin(), "current admin");
    byte[] newAdmin = call.clears() ? new byte[0] : addresses.parse(call.newAdmin(), "new admin");
    ContractKey original =
        verifiedKey(keys, call.contractKey(), new CodeHash(call.codeHash()), contract)[0];
    if (!adminProofMatches(keys, original, sender, call.contractKey().adminProof())) {
      throw new EnclaveException(
          Reason.UNAUTHORIZED, "the sender is not the contract's admin (admin proof mismatch)");
    }
    ExpectedMessage expected =
        call.clears()
            ? ExpectedMessage.clearAdmin(sender, contract)
            : ExpectedMessage.updateAdmin(sender, contract, call.newAdmin());
    try {
      if (call.sigInfo().isCallback()) {
        senders.verifyCallback(call.sigInfo(), expected, false, keys.callbackSecret());
      } else {
        senders.verify(call.sigInfo(), expected);
      }
    } catch (SenderAuthenticationException e) {
      throw new EnclaveException(Reason.UNAUTHORIZED, e.getMessage());
    }
    return call.clears() ? new byte[0] : original.adminProof(keys.adminProofSecret(), newAdmin);
  }

  /**
   * A contract-to-contract call carries a callback signature and is checked by it alone (§10.2);
   * anything else by the sender's signature (§10.1).
   */
  private void authenticate(
      KeySchedule keys, SigInfo sigInfo, ExpectedMessage expected, ContractInput input)
      throws EnclaveException {
    try {
      if (sigInfo.isCallback()) {
        senders.verifyCallback(sigInfo, expected, input.encrypted(), keys.callbackSecret());
      } else {
        senders.verify(sigInfo, expected);
      }
    } catch (SenderAuthenticationException e) {
      throw new EnclaveException(Reason.UNAUTHORIZED, e.getMessage());
    }
  }

  /** The code and contract a call is for, checked. */
  record Target(CodeHash hash, ContractCode code, byte[] contract, String human) {}

  private Target target(byte[] codeHash, byte[] contractAddress) throws EnclaveException {
    if (codeHash == null || codeHash.length != CodeHash.LENGTH) {
      throw new EnclaveException(Reason.INVALID_INPUT, "the code hash must be 32 bytes");
    }
    CodeHash hash = new CodeHash(codeHash);
    byte[] contract = addresses.requireCanonical(contractAddress, "contract address");
    return new Target(hash, codes.get(hash), contract, addresses.human(contract));
  }

  private static ContractKeyInfo requireKey(ContractKeyInfo info) throws EnclaveException {
    if (info == null) {
      throw new EnclaveException(Reason.INVALID_INPUT, "the contract key is missing");
    }
    return info;
  }

  /** {original, current}, after checking that this network's enclave made them (§8). */
  private ContractKey[] verifiedKey(KeySchedule keys, ContractKeyInfo info, Target target)
      throws EnclaveException {
    return verifiedKey(keys, info, target.hash(), target.contract());
  }

  private ContractKey[] verifiedKey(
      KeySchedule keys, ContractKeyInfo info, CodeHash codeHash, byte[] contract)
      throws EnclaveException {
    requireKey(info);
    ContractKey original = ContractKey.of(info.original());
    ContractKey current = ContractKey.of(info.current());
    boolean genuine =
        info.migrated()
            ? current.verifyMigrated(
                keys.stateIkm(0),
                codeHash.bytes(),
                contract,
                original,
                laterSeeds(keys, true),
                info.currentProof())
            : original.verify(keys.stateIkm(0), codeHash.bytes(), contract);
    if (!genuine) {
      throw new EnclaveException(
          Reason.UNAUTHORIZED,
          "the contract key was not made by this network's enclave for this contract and code");
    }
    return new ContractKey[] {original, current};
  }

  private static boolean adminProofMatches(
      KeySchedule keys, ContractKey original, byte[] sender, byte[] proof) {
    boolean matches = false;
    for (DerivedSecret secret : laterSeeds(keys, false)) {
      matches |= MessageDigest.isEqual(original.adminProof(secret, sender), proof);
    }
    return matches;
  }

  /** Proof secrets (n = 7 or 8) of every seed index ≥ 1 (§2 seed selection). */
  private static List<DerivedSecret> laterSeeds(KeySchedule keys, boolean contractKeyProof) {
    List<DerivedSecret> secrets = new ArrayList<>();
    for (int i = 1; i < keys.seedCount(); i++) {
      secrets.add(contractKeyProof ? keys.contractKeyProofSecret(i) : keys.adminProofSecret(i));
    }
    return secrets;
  }

  /**
   * {@code env.block.random = HKDF(r, info = BE64(height) ‖ contract_key ‖ BE64(counter))} (§11).
   */
  static byte[] contractRandom(byte[] blockRandom, long height, byte[] contractKey, long counter) {
    byte[] info =
        ByteBuffer.allocate(8 + contractKey.length + 8)
            .putLong(height)
            .put(contractKey)
            .putLong(counter)
            .array();
    return Hkdf.sha256(SecretKdf.salt(), blockRandom, info, 32);
  }
}
