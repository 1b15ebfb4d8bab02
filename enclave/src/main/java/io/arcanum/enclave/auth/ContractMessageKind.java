package io.arcanum.enclave.auth;

/**
 * The compute messages whose sender the enclave re-verifies (protocol.md §10.1), with the names the
 * signed tx gives them: the protobuf type URL (secretjs-api.md §5) and the legacy amino type. The
 * admin messages run no contract; the enclave checks them before it re-proves the admin (§8).
 */
public enum ContractMessageKind {
  INSTANTIATE("/secret.compute.v1beta1.MsgInstantiateContract", "wasm/MsgInstantiateContract"),
  EXECUTE("/secret.compute.v1beta1.MsgExecuteContract", "wasm/MsgExecuteContract"),
  MIGRATE("/secret.compute.v1beta1.MsgMigrateContract", "wasm/MsgMigrateContract"),
  UPDATE_ADMIN("/secret.compute.v1beta1.MsgUpdateAdmin", "wasm/MsgUpdateAdmin"),
  CLEAR_ADMIN("/secret.compute.v1beta1.MsgClearAdmin", "wasm/MsgClearAdmin");

  private final String typeUrl;
  private final String aminoType;

  ContractMessageKind(String typeUrl, String aminoType) {
    this.typeUrl = typeUrl;
    this.aminoType = aminoType;
  }

  /** Whether this message changes the admin rather than running the contract. */
  public boolean changesAdmin() {
    return this == UPDATE_ADMIN || this == CLEAR_ADMIN;
  }

  /** The {@code Any.type_url} of this message in a {@code TxBody}. */
  public String typeUrl() {
    return typeUrl;
  }

  /** The {@code type} of this message in an amino {@code StdSignDoc}. */
  public String aminoType() {
    return aminoType;
  }

  /** The kind with this type URL, or null for any other message. */
  static ContractMessageKind byTypeUrl(String typeUrl) {
    for (ContractMessageKind kind : values()) {
      if (kind.typeUrl.equals(typeUrl)) {
        return kind;
      }
    }
    return null;
  }

  /** The kind with this amino type, or null for any other message. */
  static ContractMessageKind byAminoType(String aminoType) {
    for (ContractMessageKind kind : values()) {
      if (kind.aminoType.equals(aminoType)) {
        return kind;
      }
    }
    return null;
  }
}
