package io.arcanum.chain.registration;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.chain.state.KvStore;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.proto.secret.registration.v1beta1.MasterKey;
import io.arcanum.proto.secret.registration.v1beta1.RegistrationNodeInfo;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The registration module's state over a {@link KvStore} (Secret's registration keeper), in the
 * layout of {@link RegistrationKeys}. Stateless: every method works on the store it is given (a
 * message's branch, genesis, or a query's committed view).
 */
public final class RegistrationStore {
  /** {@code owner(32) ‖ machine_id(20)}, as the enclave returns it (§4.2 step 4). */
  public static final int MACHINE_INFO_LENGTH = 52;

  /** A stored machine record: the machine info and the machine id it replaced (or 20 zeros). */
  public static final int MACHINE_RECORD_LENGTH = MACHINE_INFO_LENGTH + 20;

  private RegistrationStore() {}

  /** The master keys, or empty before genesis wrote them. */
  public static Optional<NetworkPublicKeys> masterKeys(KvStore store) {
    byte[] node = store.get(RegistrationKeys.masterKey(RegistrationKeys.NODE_EXCH_MASTER_KEY));
    byte[] io = store.get(RegistrationKeys.masterKey(RegistrationKeys.IO_EXCH_MASTER_KEY));
    if (node == null || io == null) {
      return Optional.empty();
    }
    return Optional.of(new NetworkPublicKeys(masterKeyBytes(node), masterKeyBytes(io)));
  }

  public static void setMasterKeys(KvStore store, NetworkPublicKeys keys) {
    store.set(
        RegistrationKeys.masterKey(RegistrationKeys.NODE_EXCH_MASTER_KEY),
        masterKey(keys.seedExchangeKey()));
    store.set(
        RegistrationKeys.masterKey(RegistrationKeys.IO_EXCH_MASTER_KEY),
        masterKey(keys.ioExchangeKey()));
  }

  /** The node registered under {@code registrationPublicKey}, or empty. */
  public static Optional<NodeRegistration> node(KvStore store, byte[] registrationPublicKey) {
    byte[] value = store.get(RegistrationKeys.nodeInfo(registrationPublicKey));
    if (value == null) {
      return Optional.empty();
    }
    RegistrationNodeInfo info = parse(value);
    return Optional.of(
        new NodeRegistration(
            registrationPublicKey,
            info.getCertificate().toByteArray(),
            info.getEncryptedSeed().toByteArray()));
  }

  /** Secret's {@code isNodeAuthenticated}: registered with a non-empty encrypted seed (§4.4). */
  public static boolean isAuthenticated(KvStore store, byte[] registrationPublicKey) {
    return node(store, registrationPublicKey).map(n -> n.encryptedSeed().length > 0).orElse(false);
  }

  public static void putNode(KvStore store, NodeRegistration node) {
    store.set(
        RegistrationKeys.nodeInfo(node.registrationPublicKey()),
        RegistrationNodeInfo.newBuilder()
            .setCertificate(ByteString.copyFrom(node.certificate()))
            .setEncryptedSeed(ByteString.copyFrom(node.encryptedSeed()))
            .build()
            .toByteArray());
  }

  /** Every registered node, in key order. */
  public static List<NodeRegistration> nodes(KvStore store) {
    byte[] prefix = RegistrationKeys.nodeInfoPrefix();
    List<NodeRegistration> out = new ArrayList<>();
    store.scanPrefix(
        prefix,
        (key, value) -> {
          RegistrationNodeInfo info = parse(value);
          out.add(
              new NodeRegistration(
                  Arrays.copyOfRange(key, prefix.length, key.length),
                  info.getCertificate().toByteArray(),
                  info.getEncryptedSeed().toByteArray()));
          return true;
        });
    return out;
  }

  /**
   * Appends {@code machineInfo ‖ replacedMachineId} at the next index (§4.2 step 4) and returns
   * that index.
   *
   * @param replacedMachineId 20 bytes, zero when no machine was replaced
   */
  public static int appendMachineRecord(
      KvStore store, byte[] machineInfo, byte[] replacedMachineId) {
    if (machineInfo.length != MACHINE_INFO_LENGTH || replacedMachineId.length != 20) {
      throw new IllegalArgumentException("machine info is 52 bytes and a machine id 20");
    }
    byte[] next = store.get(RegistrationKeys.nextMachineIndex());
    int index = next == null ? 0 : ByteBuffer.wrap(next).getInt();
    byte[] record = Arrays.copyOf(machineInfo, MACHINE_RECORD_LENGTH);
    System.arraycopy(replacedMachineId, 0, record, MACHINE_INFO_LENGTH, 20);
    store.set(RegistrationKeys.machineRecord(index), record);
    store.set(
        RegistrationKeys.nextMachineIndex(), ByteBuffer.allocate(4).putInt(index + 1).array());
    return index;
  }

  /** The machine records in index order (what a restarting node re-feeds its enclave). */
  public static List<byte[]> machineRecords(KvStore store) {
    byte[] next = store.get(RegistrationKeys.nextMachineIndex());
    int count = next == null ? 0 : ByteBuffer.wrap(next).getInt();
    List<byte[]> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(store.get(RegistrationKeys.machineRecord(i)));
    }
    return out;
  }

  private static byte[] masterKey(byte[] key) {
    return MasterKey.newBuilder().setBytes(ByteString.copyFrom(key)).build().toByteArray();
  }

  private static byte[] masterKeyBytes(byte[] stored) {
    try {
      return MasterKey.parseFrom(stored).getBytes().toByteArray();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored master key is not a MasterKey", e);
    }
  }

  private static RegistrationNodeInfo parse(byte[] stored) {
    try {
      return RegistrationNodeInfo.parseFrom(stored);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored registration is not a RegistrationNodeInfo", e);
    }
  }
}
