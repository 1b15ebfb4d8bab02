package io.arcanum.chain.registration;

import io.arcanum.chain.state.KvKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Where the registration module keeps its state (protocol.md §2, §4.2): Secret's keys inside its
 * {@code register} store, here under one module prefix of the application's single state tree.
 *
 * <table>
 *   <caption>keys after {@link #MODULE_PREFIX}</caption>
 *   <tr><td>{@code 0x01 ‖ registration pk(32)}</td><td>{@code RegistrationNodeInfo}</td></tr>
 *   <tr><td>{@code 0x02 ‖ "NodeExchMasterKey"}, {@code 0x02 ‖ "IoExchMasterKey"}</td>
 *       <td>{@code MasterKey}</td></tr>
 *   <tr><td>{@code 0x03 ‖ BE32(index)}</td>
 *       <td>{@code owner(32) ‖ machine_id(20) ‖ replace_machine_id(20, zero if none)}</td></tr>
 *   <tr><td>{@code 0x04}</td><td>the next machine record index, BE32</td></tr>
 * </table>
 */
public final class RegistrationKeys {
  private RegistrationKeys() {}

  /**
   * The module's namespace in the application's state ({@code "register/"}, Secret's store key);
   * the application integrator may change it in this one place.
   */
  public static final byte[] MODULE_PREFIX = "register/".getBytes(StandardCharsets.US_ASCII);

  static final byte NODE_INFO = 0x01;
  static final byte MASTER_KEY = 0x02;
  static final byte MACHINE_RECORD = 0x03;
  static final byte NEXT_MACHINE_INDEX = 0x04;

  /** Secret's {@code MasterNodeKeyId}. */
  public static final String NODE_EXCH_MASTER_KEY = "NodeExchMasterKey";

  /** Secret's {@code MasterIoKeyId}. */
  public static final String IO_EXCH_MASTER_KEY = "IoExchMasterKey";

  public static byte[] nodeInfo(byte[] registrationPublicKey) {
    return KvKeys.concat(MODULE_PREFIX, new byte[] {NODE_INFO}, registrationPublicKey);
  }

  /** The prefix of every node's registration record. */
  public static byte[] nodeInfoPrefix() {
    return KvKeys.concat(MODULE_PREFIX, new byte[] {NODE_INFO});
  }

  public static byte[] masterKey(String id) {
    return KvKeys.concat(
        MODULE_PREFIX, new byte[] {MASTER_KEY}, id.getBytes(StandardCharsets.US_ASCII));
  }

  public static byte[] machineRecord(int index) {
    return KvKeys.concat(
        MODULE_PREFIX, new byte[] {MACHINE_RECORD}, ByteBuffer.allocate(4).putInt(index).array());
  }

  public static byte[] nextMachineIndex() {
    return KvKeys.concat(MODULE_PREFIX, new byte[] {NEXT_MACHINE_INDEX});
  }
}
